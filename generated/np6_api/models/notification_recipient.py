from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationRecipient")


@_attrs_define
class NotificationRecipient:
    """The recipient of a notification execution, e.g. `{"type": "contact", "value": {"type": "id", "value": "000R4M0T"}}`.

    Attributes:
        type_ (str):
        value (ContactByHash | ContactById | ContactByUnicity | ContactFootprint | UnknownContactIdentification |
            Unset): A contact inside a `contact` envelope.
    """

    type_: str
    value: (
        ContactByHash
        | ContactById
        | ContactByUnicity
        | ContactFootprint
        | UnknownContactIdentification
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("value", self.value),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        value: dict[str, Any] | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif (
            isinstance(self.value, ContactById)
            or isinstance(self.value, ContactByUnicity)
            or isinstance(self.value, ContactByHash)
            or isinstance(self.value, ContactFootprint)
        ):
            value = self.value.to_dict()
        else:
            value = self.value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_value(
            data: object,
        ) -> (
            ContactByHash
            | ContactById
            | ContactByUnicity
            | ContactFootprint
            | UnknownContactIdentification
            | Unset
        ):
            if data is UNSET:
                return UNSET
            if isinstance(data, dict) and data.get("type") == "id":
                try:
                    componentsschemas_contact_reference_type_0 = ContactById.from_dict(
                        data
                    )

                    return componentsschemas_contact_reference_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "unicity":
                try:
                    componentsschemas_contact_reference_type_1 = (
                        ContactByUnicity.from_dict(data)
                    )

                    return componentsschemas_contact_reference_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "hash":
                try:
                    componentsschemas_contact_reference_type_2 = (
                        ContactByHash.from_dict(data)
                    )

                    return componentsschemas_contact_reference_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "footprint":
                try:
                    componentsschemas_contact_reference_type_3 = (
                        ContactFootprint.from_dict(data)
                    )

                    return componentsschemas_contact_reference_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_contact_reference_type_4 = (
                UnknownContactIdentification.from_dict(data)
            )

            return componentsschemas_contact_reference_type_4

        value = _parse_value(d.pop("value", UNSET))

        if cls is NotificationRecipient:
            notification_recipient = object.__new__(cls)
            notification_recipient.type_ = type_
            notification_recipient.value = value
        else:
            notification_recipient = cls(
                type_,
                value,
            )

        notification_recipient.additional_properties = d
        return notification_recipient

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
from ..models.contact_footprint import ContactFootprint
from ..models.unknown_contact_identification import UnknownContactIdentification
