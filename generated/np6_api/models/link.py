from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_type import LinkType
from ..types import UNSET, Unset, model_repr, parse_enum

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        type_ (LinkType | Unset): The hit kind. E-mail hits are open, redirection, unsubscribe, mirror and form; a
            notification hit on its redirection is `redirection`.
        label (None | str | Unset):
        uri (str | Unset):
    """

    type_: LinkType | Unset = UNSET
    label: None | str | Unset = UNSET
    uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("label", self.label),
                ("uri", self.uri),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        uri = self.uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if label is not UNSET:
            field_dict["label"] = label
        if uri is not UNSET:
            field_dict["uri"] = uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: LinkType | Unset
        if _type_ is UNSET:
            type_ = UNSET
        else:
            type_ = parse_enum(LinkType, _type_)

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        uri = d.pop("uri", UNSET)

        if cls is Link:
            link = object.__new__(cls)
            link.type_ = type_
            link.label = label
            link.uri = uri
        else:
            link = cls(
                type_,
                label,
                uri,
            )

        link.additional_properties = d
        return link

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
