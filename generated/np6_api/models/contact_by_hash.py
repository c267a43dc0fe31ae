from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

T = TypeVar("T", bound="ContactByHash")


@_attrs_define
class ContactByHash:
    """A contact given by its hash (32 hexadecimal characters).

    Attributes:
        type_ (Literal['hash']):
        value (str):
    """

    type_: Literal["hash"]
    value: str
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

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "hash":
            raise ValueError(f"type must match const 'hash', got '{type_}'")

        value = d.pop("value")

        if cls is ContactByHash:
            contact_by_hash = object.__new__(cls)
            contact_by_hash.type_ = type_
            contact_by_hash.value = value
        else:
            contact_by_hash = cls(
                type_,
                value,
            )

        contact_by_hash.additional_properties = d
        return contact_by_hash

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
