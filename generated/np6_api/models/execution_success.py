from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_uuid

T = TypeVar("T", bound="ExecutionSuccess")


@_attrs_define
class ExecutionSuccess:
    """
    Attributes:
        type_ (Literal['success']):
        id (UUID): The id of the message sent
        recipient (ContactFootprint | Unset): A resolved contact, as NP6 returns it (results, events).
    """

    type_: Literal["success"]
    id: UUID
    recipient: ContactFootprint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("id", self.id),
                ("recipient", self.recipient),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = str(self.id)

        recipient: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recipient, Unset):
            recipient = self.recipient.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )
        if recipient is not UNSET:
            field_dict["recipient"] = recipient

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "success":
            raise ValueError(f"type must match const 'success', got '{type_}'")

        id = parse_uuid(d.pop("id"))

        _recipient = d.pop("recipient", UNSET)
        recipient: ContactFootprint | Unset
        if _recipient is UNSET:
            recipient = UNSET
        else:
            recipient = ContactFootprint.from_dict(_recipient)

        if cls is ExecutionSuccess:
            execution_success = object.__new__(cls)
            execution_success.type_ = type_
            execution_success.id = id
            execution_success.recipient = recipient
        else:
            execution_success = cls(
                type_,
                id,
                recipient,
            )

        execution_success.additional_properties = d
        return execution_success

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


from ..models.contact_footprint import ContactFootprint
