from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ExecutionEmailRequest")


@_attrs_define
class ExecutionEmailRequest:
    """A message definition for an e-mail action (media type application/vnd.np6.cm.email).

    Attributes:
        recipient (ContactByHash | ContactById | ContactByUnicity): How a request names a contact.
        related (ContactByHash | ContactById | ContactByUnicity | Unset): How a request names a contact.
        copies (list[str] | Unset): Carbon copies
        headers (MailHeaders | Unset):
        subject (str | Unset):
        attachments (list[Attachment] | Unset):
        content (MailContentOverride | Unset):
        data (ExecutionEmailRequestData | Unset):
        blocks (list[ExecutionEmailRequestBlocksItem] | Unset):
        variables (list[ExecutionEmailRequestVariablesItem] | Unset):
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        urgent (bool | Unset):
        important (bool | Unset):
    """

    recipient: ContactByHash | ContactById | ContactByUnicity
    related: ContactByHash | ContactById | ContactByUnicity | Unset = UNSET
    copies: list[str] | Unset = UNSET
    headers: MailHeaders | Unset = UNSET
    subject: str | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    content: MailContentOverride | Unset = UNSET
    data: ExecutionEmailRequestData | Unset = UNSET
    blocks: list[ExecutionEmailRequestBlocksItem] | Unset = UNSET
    variables: list[ExecutionEmailRequestVariablesItem] | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    urgent: bool | Unset = UNSET
    important: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("recipient", self.recipient),
                ("related", self.related),
                ("copies", self.copies),
                ("headers", self.headers),
                ("subject", self.subject),
                ("attachments", self.attachments),
                ("content", self.content),
                ("data", self.data),
                ("blocks", self.blocks),
                ("variables", self.variables),
                ("stamp", self.stamp),
                ("urgent", self.urgent),
                ("important", self.important),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        recipient: dict[str, Any]
        if isinstance(self.recipient, ContactById) or isinstance(
            self.recipient, ContactByUnicity
        ):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient.to_dict()

        related: dict[str, Any] | Unset
        if isinstance(self.related, Unset):
            related = UNSET
        elif isinstance(self.related, ContactById) or isinstance(
            self.related, ContactByUnicity
        ):
            related = self.related.to_dict()
        else:
            related = self.related.to_dict()

        copies: list[str] | Unset = UNSET
        if not isinstance(self.copies, Unset):
            copies = self.copies

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        subject = self.subject

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

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

        urgent = self.urgent

        important = self.important

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if related is not UNSET:
            field_dict["related"] = related
        if copies is not UNSET:
            field_dict["copies"] = copies
        if headers is not UNSET:
            field_dict["headers"] = headers
        if subject is not UNSET:
            field_dict["subject"] = subject
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if content is not UNSET:
            field_dict["content"] = content
        if data is not UNSET:
            field_dict["data"] = data
        if blocks is not UNSET:
            field_dict["blocks"] = blocks
        if variables is not UNSET:
            field_dict["variables"] = variables
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if urgent is not UNSET:
            field_dict["urgent"] = urgent
        if important is not UNSET:
            field_dict["important"] = important

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_recipient(
            data: object,
        ) -> ContactByHash | ContactById | ContactByUnicity:
            if isinstance(data, dict) and data.get("type") == "id":
                try:
                    componentsschemas_contact_identifier_type_0 = ContactById.from_dict(
                        data
                    )

                    return componentsschemas_contact_identifier_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "unicity":
                try:
                    componentsschemas_contact_identifier_type_1 = (
                        ContactByUnicity.from_dict(data)
                    )

                    return componentsschemas_contact_identifier_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_contact_identifier_type_2 = ContactByHash.from_dict(data)

            return componentsschemas_contact_identifier_type_2

        recipient = _parse_recipient(d.pop("recipient"))

        def _parse_related(
            data: object,
        ) -> ContactByHash | ContactById | ContactByUnicity | Unset:
            if data is UNSET:
                return UNSET
            if isinstance(data, dict) and data.get("type") == "id":
                try:
                    componentsschemas_contact_identifier_type_0 = ContactById.from_dict(
                        data
                    )

                    return componentsschemas_contact_identifier_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "unicity":
                try:
                    componentsschemas_contact_identifier_type_1 = (
                        ContactByUnicity.from_dict(data)
                    )

                    return componentsschemas_contact_identifier_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_contact_identifier_type_2 = ContactByHash.from_dict(data)

            return componentsschemas_contact_identifier_type_2

        related = _parse_related(d.pop("related", UNSET))

        copies = cast(list[str], d.pop("copies", UNSET))

        _headers = d.pop("headers", UNSET)
        headers: MailHeaders | Unset
        if _headers is UNSET:
            headers = UNSET
        else:
            headers = MailHeaders.from_dict(_headers)

        subject = d.pop("subject", UNSET)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[Attachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = Attachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        _content = d.pop("content", UNSET)
        content: MailContentOverride | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = MailContentOverride.from_dict(_content)

        _data = d.pop("data", UNSET)
        data: ExecutionEmailRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = ExecutionEmailRequestData.from_dict(_data)

        _blocks = d.pop("blocks", UNSET)
        blocks: list[ExecutionEmailRequestBlocksItem] | Unset = UNSET
        if _blocks is not UNSET:
            blocks = []
            for blocks_item_data in _blocks:
                blocks_item = ExecutionEmailRequestBlocksItem.from_dict(
                    blocks_item_data
                )

                blocks.append(blocks_item)

        _variables = d.pop("variables", UNSET)
        variables: list[ExecutionEmailRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = ExecutionEmailRequestVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        urgent = d.pop("urgent", UNSET)

        important = d.pop("important", UNSET)

        if cls is ExecutionEmailRequest:
            execution_email_request = object.__new__(cls)
            execution_email_request.recipient = recipient
            execution_email_request.related = related
            execution_email_request.copies = copies
            execution_email_request.headers = headers
            execution_email_request.subject = subject
            execution_email_request.attachments = attachments
            execution_email_request.content = content
            execution_email_request.data = data
            execution_email_request.blocks = blocks
            execution_email_request.variables = variables
            execution_email_request.stamp = stamp
            execution_email_request.urgent = urgent
            execution_email_request.important = important
        else:
            execution_email_request = cls(
                recipient,
                related,
                copies,
                headers,
                subject,
                attachments,
                content,
                data,
                blocks,
                variables,
                stamp,
                urgent,
                important,
            )

        execution_email_request.additional_properties = d
        return execution_email_request

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


from ..models.attachment import Attachment
from ..models.contact_by_hash import ContactByHash
from ..models.contact_by_id import ContactById
from ..models.contact_by_unicity import ContactByUnicity
from ..models.execution_email_request_blocks_item import ExecutionEmailRequestBlocksItem
from ..models.execution_email_request_data import ExecutionEmailRequestData
from ..models.execution_email_request_variables_item import (
    ExecutionEmailRequestVariablesItem,
)
from ..models.execution_stamp import ExecutionStamp
from ..models.mail_content_override import MailContentOverride
from ..models.mail_headers import MailHeaders
