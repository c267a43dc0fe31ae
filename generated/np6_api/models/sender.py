from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Sender")


@_attrs_define
class Sender:
    """The From of an e-mail; must be an object (a string is rejected with 400); the domain must be authorised by NP6.

    Attributes:
        prefix (str | Unset):
        domain (str | Unset):
        label (str | Unset):
    """

    prefix: str | Unset = UNSET
    domain: str | Unset = UNSET
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("prefix", self.prefix),
                ("domain", self.domain),
                ("label", self.label),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        prefix = self.prefix

        domain = self.domain

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if domain is not UNSET:
            field_dict["domain"] = domain
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        prefix = d.pop("prefix", UNSET)

        domain = d.pop("domain", UNSET)

        label = d.pop("label", UNSET)

        if cls is Sender:
            sender = object.__new__(cls)
            sender.prefix = prefix
            sender.domain = domain
            sender.label = label
        else:
            sender = cls(
                prefix,
                domain,
                label,
            )

        sender.additional_properties = d
        return sender

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
