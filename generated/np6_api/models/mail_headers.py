from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="MailHeaders")


@_attrs_define
class MailHeaders:
    """
    Attributes:
        from_ (Sender | Unset): The From of an e-mail; must be an object (a string is rejected with 400); the domain
            must be authorised by NP6.
        reply (str | Unset):
    """

    from_: Sender | Unset = UNSET
    reply: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("from", self.from_),
                ("reply", self.reply),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        from_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.to_dict()

        reply = self.reply

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if from_ is not UNSET:
            field_dict["from"] = from_
        if reply is not UNSET:
            field_dict["reply"] = reply

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _from_ = d.pop("from", UNSET)
        from_: Sender | Unset
        if _from_ is UNSET:
            from_ = UNSET
        else:
            from_ = Sender.from_dict(_from_)

        reply = d.pop("reply", UNSET)

        if cls is MailHeaders:
            mail_headers = object.__new__(cls)
            mail_headers.from_ = from_
            mail_headers.reply = reply
        else:
            mail_headers = cls(
                from_,
                reply,
            )

        mail_headers.additional_properties = d
        return mail_headers

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


from ..models.sender import Sender
