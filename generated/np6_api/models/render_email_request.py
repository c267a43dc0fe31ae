from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="RenderEmailRequest")


@_attrs_define
class RenderEmailRequest:
    """A render definition for an e-mail action (media type application/vnd.np6.cm.email).

    Attributes:
        receiver (TargetReference): The contact a message is rendered for.
        related (TargetReference | Unset): The contact a message is rendered for.
        data (RenderEmailRequestData | Unset):
        blocks (list[RenderEmailRequestBlocksItem] | Unset):
        variables (list[RenderEmailRequestVariablesItem] | Unset):
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        headers (MailHeaders | Unset):
        subject (str | Unset):
        content (MailContentOverride | Unset):
        context (RenderContext | Unset): Views overrides.
    """

    receiver: TargetReference
    related: TargetReference | Unset = UNSET
    data: RenderEmailRequestData | Unset = UNSET
    blocks: list[RenderEmailRequestBlocksItem] | Unset = UNSET
    variables: list[RenderEmailRequestVariablesItem] | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    headers: MailHeaders | Unset = UNSET
    subject: str | Unset = UNSET
    content: MailContentOverride | Unset = UNSET
    context: RenderContext | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("receiver", self.receiver),
                ("related", self.related),
                ("data", self.data),
                ("blocks", self.blocks),
                ("variables", self.variables),
                ("stamp", self.stamp),
                ("headers", self.headers),
                ("subject", self.subject),
                ("content", self.content),
                ("context", self.context),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        receiver = self.receiver.to_dict()

        related: dict[str, Any] | Unset = UNSET
        if not isinstance(self.related, Unset):
            related = self.related.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        blocks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.blocks, Unset):
            blocks = []
            for blocks_item_data in self.blocks:
                blocks_item = blocks_item_data.to_dict()
                blocks.append(blocks_item)

        variables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = []
            for variables_item_data in self.variables:
                variables_item = variables_item_data.to_dict()
                variables.append(variables_item)

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        subject = self.subject

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "receiver": receiver,
            }
        )
        if related is not UNSET:
            field_dict["related"] = related
        if data is not UNSET:
            field_dict["data"] = data
        if blocks is not UNSET:
            field_dict["blocks"] = blocks
        if variables is not UNSET:
            field_dict["variables"] = variables
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if headers is not UNSET:
            field_dict["headers"] = headers
        if subject is not UNSET:
            field_dict["subject"] = subject
        if content is not UNSET:
            field_dict["content"] = content
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        receiver = TargetReference.from_dict(d.pop("receiver"))

        _related = d.pop("related", UNSET)
        related: TargetReference | Unset
        if _related is UNSET:
            related = UNSET
        else:
            related = TargetReference.from_dict(_related)

        _data = d.pop("data", UNSET)
        data: RenderEmailRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = RenderEmailRequestData.from_dict(_data)

        _blocks = d.pop("blocks", UNSET)
        blocks: list[RenderEmailRequestBlocksItem] | Unset = UNSET
        if _blocks is not UNSET:
            blocks = []
            for blocks_item_data in _blocks:
                blocks_item = RenderEmailRequestBlocksItem.from_dict(blocks_item_data)

                blocks.append(blocks_item)

        _variables = d.pop("variables", UNSET)
        variables: list[RenderEmailRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = RenderEmailRequestVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        _headers = d.pop("headers", UNSET)
        headers: MailHeaders | Unset
        if _headers is UNSET:
            headers = UNSET
        else:
            headers = MailHeaders.from_dict(_headers)

        subject = d.pop("subject", UNSET)

        _content = d.pop("content", UNSET)
        content: MailContentOverride | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = MailContentOverride.from_dict(_content)

        _context = d.pop("context", UNSET)
        context: RenderContext | Unset
        if _context is UNSET:
            context = UNSET
        else:
            context = RenderContext.from_dict(_context)

        if cls is RenderEmailRequest:
            render_email_request = object.__new__(cls)
            render_email_request.receiver = receiver
            render_email_request.related = related
            render_email_request.data = data
            render_email_request.blocks = blocks
            render_email_request.variables = variables
            render_email_request.stamp = stamp
            render_email_request.headers = headers
            render_email_request.subject = subject
            render_email_request.content = content
            render_email_request.context = context
        else:
            render_email_request = cls(
                receiver,
                related,
                data,
                blocks,
                variables,
                stamp,
                headers,
                subject,
                content,
                context,
            )

        render_email_request.additional_properties = d
        return render_email_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.execution_stamp import ExecutionStamp
from ..models.mail_content_override import MailContentOverride
from ..models.mail_headers import MailHeaders
from ..models.render_context import RenderContext
from ..models.render_email_request_blocks_item import RenderEmailRequestBlocksItem
from ..models.render_email_request_data import RenderEmailRequestData
from ..models.render_email_request_variables_item import RenderEmailRequestVariablesItem
from ..models.target_reference import TargetReference
