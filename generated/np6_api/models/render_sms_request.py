from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="RenderSmsRequest")


@_attrs_define
class RenderSmsRequest:
    """A render definition for an SMS action (media type application/vnd.np6.cm.sms).

    Attributes:
        receiver (TargetReference): The contact a message is rendered for.
        related (TargetReference | Unset): The contact a message is rendered for.
        data (RenderSmsRequestData | Unset):
        variables (list[RenderSmsRequestVariablesItem] | Unset):
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        content (SmsContentOverride | Unset):
        context (RenderContext | Unset): Views overrides.
    """

    receiver: TargetReference
    related: TargetReference | Unset = UNSET
    data: RenderSmsRequestData | Unset = UNSET
    variables: list[RenderSmsRequestVariablesItem] | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    content: SmsContentOverride | Unset = UNSET
    context: RenderContext | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("receiver", self.receiver),
                ("related", self.related),
                ("data", self.data),
                ("variables", self.variables),
                ("stamp", self.stamp),
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

        variables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = []
            for variables_item_data in self.variables:
                variables_item = variables_item_data.to_dict()
                variables.append(variables_item)

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

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
        if variables is not UNSET:
            field_dict["variables"] = variables
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
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
        data: RenderSmsRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = RenderSmsRequestData.from_dict(_data)

        _variables = d.pop("variables", UNSET)
        variables: list[RenderSmsRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = RenderSmsRequestVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        _content = d.pop("content", UNSET)
        content: SmsContentOverride | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = SmsContentOverride.from_dict(_content)

        _context = d.pop("context", UNSET)
        context: RenderContext | Unset
        if _context is UNSET:
            context = UNSET
        else:
            context = RenderContext.from_dict(_context)

        if cls is RenderSmsRequest:
            render_sms_request = object.__new__(cls)
            render_sms_request.receiver = receiver
            render_sms_request.related = related
            render_sms_request.data = data
            render_sms_request.variables = variables
            render_sms_request.stamp = stamp
            render_sms_request.content = content
            render_sms_request.context = context
        else:
            render_sms_request = cls(
                receiver,
                related,
                data,
                variables,
                stamp,
                content,
                context,
            )

        render_sms_request.additional_properties = d
        return render_sms_request

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
from ..models.render_context import RenderContext
from ..models.render_sms_request_data import RenderSmsRequestData
from ..models.render_sms_request_variables_item import RenderSmsRequestVariablesItem
from ..models.sms_content_override import SmsContentOverride
from ..models.target_reference import TargetReference
