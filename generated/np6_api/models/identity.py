from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_type import IdentityType
from ..types import UNSET, Unset, model_repr, parse_enum

T = TypeVar("T", bound="Identity")


@_attrs_define
class Identity:
    """The account an event belongs to.

    Attributes:
        type_ (IdentityType):
        agency (str | Unset):
        customer (str | Unset):
    """

    type_: IdentityType
    agency: str | Unset = UNSET
    customer: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("agency", self.agency),
                ("customer", self.customer),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        agency = self.agency

        customer = self.customer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if agency is not UNSET:
            field_dict["agency"] = agency
        if customer is not UNSET:
            field_dict["customer"] = customer

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = parse_enum(IdentityType, d.pop("type"))

        agency = d.pop("agency", UNSET)

        customer = d.pop("customer", UNSET)

        if cls is Identity:
            identity = object.__new__(cls)
            identity.type_ = type_
            identity.agency = agency
            identity.customer = customer
        else:
            identity = cls(
                type_,
                agency,
                customer,
            )

        identity.additional_properties = d
        return identity

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
