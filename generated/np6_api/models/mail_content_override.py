from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="MailContentOverride")


@_attrs_define
class MailContentOverride:
    """
    Attributes:
        type_ (str | Unset):
        html (str | Unset):
        text (str | Unset):
        amp (str | Unset):
    """

    type_: str | Unset = UNSET
    html: str | Unset = UNSET
    text: str | Unset = UNSET
    amp: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("html", self.html),
                ("text", self.text),
                ("amp", self.amp),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        html = self.html

        text = self.text

        amp = self.amp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if html is not UNSET:
            field_dict["html"] = html
        if text is not UNSET:
            field_dict["text"] = text
        if amp is not UNSET:
            field_dict["amp"] = amp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        html = d.pop("html", UNSET)

        text = d.pop("text", UNSET)

        amp = d.pop("amp", UNSET)

        if cls is MailContentOverride:
            mail_content_override = object.__new__(cls)
            mail_content_override.type_ = type_
            mail_content_override.html = html
            mail_content_override.text = text
            mail_content_override.amp = amp
        else:
            mail_content_override = cls(
                type_,
                html,
                text,
                amp,
            )

        mail_content_override.additional_properties = d
        return mail_content_override

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
