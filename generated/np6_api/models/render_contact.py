from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="RenderContact")


@_attrs_define
class RenderContact:
    """The contact a notification is rendered for (footprint-like, no `type`).

    Attributes:
        id (str | Unset):
        unicity (str | Unset):
        hash_ (str | Unset):
    """

    id: str | Unset = UNSET
    unicity: str | Unset = UNSET
    hash_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("id", self.id),
                ("unicity", self.unicity),
                ("hash", self.hash_),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        unicity = self.unicity

        hash_ = self.hash_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if unicity is not UNSET:
            field_dict["unicity"] = unicity
        if hash_ is not UNSET:
            field_dict["hash"] = hash_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        unicity = d.pop("unicity", UNSET)

        hash_ = d.pop("hash", UNSET)

        if cls is RenderContact:
            render_contact = object.__new__(cls)
            render_contact.id = id
            render_contact.unicity = unicity
            render_contact.hash_ = hash_
        else:
            render_contact = cls(
                id,
                unicity,
                hash_,
            )

        render_contact.additional_properties = d
        return render_contact

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
