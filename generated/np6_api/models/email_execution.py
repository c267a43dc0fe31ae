from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="EmailExecution")


@_attrs_define
class EmailExecution:
    """
    Attributes:
        id (str | Unset): The action id
        kind (str | Unset):
        recipient (ContactByHash | ContactById | ContactByUnicity | ContactEnvelope | ContactFootprint |
            UnknownContactIdentification | Unset): A contact as NP6 returns it (event receivers, error results).
        data (EmailExecutionData | Unset):
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
    """

    id: str | Unset = UNSET
    kind: str | Unset = UNSET
    recipient: (
        ContactByHash
        | ContactById
        | ContactByUnicity
        | ContactEnvelope
        | ContactFootprint
        | UnknownContactIdentification
        | Unset
    ) = UNSET
    data: EmailExecutionData | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("id", self.id),
                ("kind", self.kind),
                ("recipient", self.recipient),
                ("data", self.data),
                ("stamp", self.stamp),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        recipient: dict[str, Any] | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        elif (
            isinstance(self.recipient, ContactById)
            or isinstance(self.recipient, ContactByUnicity)
            or isinstance(self.recipient, ContactByHash)
            or isinstance(self.recipient, ContactFootprint)
            or isinstance(self.recipient, ContactEnvelope)
        ):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if data is not UNSET:
            field_dict["data"] = data
        if stamp is not UNSET:
            field_dict["stamp"] = stamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        def _parse_recipient(
            data: object,
        ) -> (
            ContactByHash
            | ContactById
            | ContactByUnicity
            | ContactEnvelope
            | ContactFootprint
            | UnknownContactIdentification
            | Unset
        ):
            if data is UNSET:
                return UNSET
            if isinstance(data, dict) and data.get("type") == "id":
                try:
                    componentsschemas_contact_identification_type_0 = (
                        ContactById.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "unicity":
                try:
                    componentsschemas_contact_identification_type_1 = (
                        ContactByUnicity.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "hash":
                try:
                    componentsschemas_contact_identification_type_2 = (
                        ContactByHash.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "footprint":
                try:
                    componentsschemas_contact_identification_type_3 = (
                        ContactFootprint.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "contact":
                try:
                    componentsschemas_contact_identification_type_4 = (
                        ContactEnvelope.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_contact_identification_type_5 = (
                UnknownContactIdentification.from_dict(data)
            )

            return componentsschemas_contact_identification_type_5

        recipient = _parse_recipient(d.pop("recipient", UNSET))

        _data = d.pop("data", UNSET)
        data: EmailExecutionData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = EmailExecutionData.from_dict(_data)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        if cls is EmailExecution:
            email_execution = object.__new__(cls)
            email_execution.id = id
            email_execution.kind = kind
            email_execution.recipient = recipient
            email_execution.data = data
            email_execution.stamp = stamp
        else:
            email_execution = cls(
                id,
                kind,
                recipient,
                data,
                stamp,
            )

        email_execution.additional_properties = d
        return email_execution

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
from ..models.contact_envelope import ContactEnvelope
from ..models.contact_footprint import ContactFootprint
from ..models.email_execution_data import EmailExecutionData
from ..models.execution_stamp import ExecutionStamp
from ..models.unknown_contact_identification import UnknownContactIdentification
