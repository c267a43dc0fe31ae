from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ExecutionSmsRequest")


@_attrs_define
class ExecutionSmsRequest:
    """A message definition for an SMS action (media type application/vnd.np6.cm.sms).

    Attributes:
        recipient (ContactByHash | ContactById | ContactByUnicity): How a request names a contact.
        related (ContactByHash | ContactById | ContactByUnicity | Unset): How a request names a contact.
        content (SmsContentOverride | Unset):
        data (ExecutionSmsRequestData | Unset):
        variables (list[ExecutionSmsRequestVariablesItem] | Unset):
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        urgent (bool | Unset):
    """

    recipient: ContactByHash | ContactById | ContactByUnicity
    related: ContactByHash | ContactById | ContactByUnicity | Unset = UNSET
    content: SmsContentOverride | Unset = UNSET
    data: ExecutionSmsRequestData | Unset = UNSET
    variables: list[ExecutionSmsRequestVariablesItem] | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    urgent: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("recipient", self.recipient),
                ("related", self.related),
                ("content", self.content),
                ("data", self.data),
                ("variables", self.variables),
                ("stamp", self.stamp),
                ("urgent", self.urgent),
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

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

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

        urgent = self.urgent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if related is not UNSET:
            field_dict["related"] = related
        if content is not UNSET:
            field_dict["content"] = content
        if data is not UNSET:
            field_dict["data"] = data
        if variables is not UNSET:
            field_dict["variables"] = variables
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if urgent is not UNSET:
            field_dict["urgent"] = urgent

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

        _content = d.pop("content", UNSET)
        content: SmsContentOverride | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = SmsContentOverride.from_dict(_content)

        _data = d.pop("data", UNSET)
        data: ExecutionSmsRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = ExecutionSmsRequestData.from_dict(_data)

        _variables = d.pop("variables", UNSET)
        variables: list[ExecutionSmsRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = ExecutionSmsRequestVariablesItem.from_dict(
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

        if cls is ExecutionSmsRequest:
            execution_sms_request = object.__new__(cls)
            execution_sms_request.recipient = recipient
            execution_sms_request.related = related
            execution_sms_request.content = content
            execution_sms_request.data = data
            execution_sms_request.variables = variables
            execution_sms_request.stamp = stamp
            execution_sms_request.urgent = urgent
        else:
            execution_sms_request = cls(
                recipient,
                related,
                content,
                data,
                variables,
                stamp,
                urgent,
            )

        execution_sms_request.additional_properties = d
        return execution_sms_request

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


from ..models.contact_by_hash import ContactByHash
from ..models.contact_by_id import ContactById
from ..models.contact_by_unicity import ContactByUnicity
from ..models.execution_sms_request_data import ExecutionSmsRequestData
from ..models.execution_sms_request_variables_item import (
    ExecutionSmsRequestVariablesItem,
)
from ..models.execution_stamp import ExecutionStamp
from ..models.sms_content_override import SmsContentOverride
