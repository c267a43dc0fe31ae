from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="MailContent")


@_attrs_define
class MailContent:
    """
    Attributes:
        headers (MailHeaders | Unset):
        subject (str | Unset):
        html (str | Unset):
        text (str | Unset):
    """

    headers: MailHeaders | Unset = UNSET
    subject: str | Unset = UNSET
    html: str | Unset = UNSET
    text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("headers", self.headers),
                ("subject", self.subject),
                ("html", self.html),
                ("text", self.text),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        subject = self.subject

        html = self.html

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if headers is not UNSET:
            field_dict["headers"] = headers
        if subject is not UNSET:
            field_dict["subject"] = subject
        if html is not UNSET:
            field_dict["html"] = html
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _headers = d.pop("headers", UNSET)
        headers: MailHeaders | Unset
        if _headers is UNSET:
            headers = UNSET
        else:
            headers = MailHeaders.from_dict(_headers)

        subject = d.pop("subject", UNSET)

        html = d.pop("html", UNSET)

        text = d.pop("text", UNSET)

        if cls is MailContent:
            mail_content = object.__new__(cls)
            mail_content.headers = headers
            mail_content.subject = subject
            mail_content.html = html
            mail_content.text = text
        else:
            mail_content = cls(
                headers,
                subject,
                html,
                text,
            )

        mail_content.additional_properties = d
        return mail_content

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


from ..models.mail_headers import MailHeaders
