from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_reference_type import TargetReferenceType
from ..types import model_repr, parse_enum

T = TypeVar("T", bound="TargetReference")


@_attrs_define
class TargetReference:
    """The contact a message is rendered for.

    Attributes:
        type_ (TargetReferenceType):
        value (str):
    """

    type_: TargetReferenceType
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
        type_ = self.type_.value

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
        type_ = parse_enum(TargetReferenceType, d.pop("type"))

        value = d.pop("value")

        if cls is TargetReference:
            target_reference = object.__new__(cls)
            target_reference.type_ = type_
            target_reference.value = value
        else:
            target_reference = cls(
                type_,
                value,
            )

        target_reference.additional_properties = d
        return target_reference

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
