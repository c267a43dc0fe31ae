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

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="RenderMailResult")


@_attrs_define
class RenderMailResult:
    """A rendered message. An SMS render is assumed to come back in this shape, with `text` only.

    Attributes:
        type_ (Literal['success']):
        recipient (str | Unset):
        sender (RenderSender | Unset):
        subject (str | Unset):
        html (str | Unset):
        text (str | Unset):
        amp (str | Unset):
        headers (RenderMailResultHeaders | Unset):
    """

    type_: Literal["success"]
    recipient: str | Unset = UNSET
    sender: RenderSender | Unset = UNSET
    subject: str | Unset = UNSET
    html: str | Unset = UNSET
    text: str | Unset = UNSET
    amp: str | Unset = UNSET
    headers: RenderMailResultHeaders | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("recipient", self.recipient),
                ("sender", self.sender),
                ("subject", self.subject),
                ("html", self.html),
                ("text", self.text),
                ("amp", self.amp),
                ("headers", self.headers),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        recipient = self.recipient

        sender: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sender, Unset):
            sender = self.sender.to_dict()

        subject = self.subject

        html = self.html

        text = self.text

        amp = self.amp

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if sender is not UNSET:
            field_dict["sender"] = sender
        if subject is not UNSET:
            field_dict["subject"] = subject
        if html is not UNSET:
            field_dict["html"] = html
        if text is not UNSET:
            field_dict["text"] = text
        if amp is not UNSET:
            field_dict["amp"] = amp
        if headers is not UNSET:
            field_dict["headers"] = headers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "success":
            raise ValueError(f"type must match const 'success', got '{type_}'")

        recipient = d.pop("recipient", UNSET)

        _sender = d.pop("sender", UNSET)
        sender: RenderSender | Unset
        if _sender is UNSET:
            sender = UNSET
        else:
            sender = RenderSender.from_dict(_sender)

        subject = d.pop("subject", UNSET)

        html = d.pop("html", UNSET)

        text = d.pop("text", UNSET)

        amp = d.pop("amp", UNSET)

        _headers = d.pop("headers", UNSET)
        headers: RenderMailResultHeaders | Unset
        if _headers is UNSET:
            headers = UNSET
        else:
            headers = RenderMailResultHeaders.from_dict(_headers)

        if cls is RenderMailResult:
            render_mail_result = object.__new__(cls)
            render_mail_result.type_ = type_
            render_mail_result.recipient = recipient
            render_mail_result.sender = sender
            render_mail_result.subject = subject
            render_mail_result.html = html
            render_mail_result.text = text
            render_mail_result.amp = amp
            render_mail_result.headers = headers
        else:
            render_mail_result = cls(
                type_,
                recipient,
                sender,
                subject,
                html,
                text,
                amp,
                headers,
            )

        render_mail_result.additional_properties = d
        return render_mail_result

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


from ..models.render_mail_result_headers import RenderMailResultHeaders
from ..models.render_sender import RenderSender
