from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="TargetMessageRequest")


@_attrs_define
class TargetMessageRequest:
    """The message request of the target-based send; for an e-mail, `content` replaces the message content.

    Attributes:
        data (TargetMessageRequestData | Unset):
        content (MailContentOverride | Unset):
    """

    data: TargetMessageRequestData | Unset = UNSET
    content: MailContentOverride | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("data", self.data),
                ("content", self.content),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: TargetMessageRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = TargetMessageRequestData.from_dict(_data)

        _content = d.pop("content", UNSET)
        content: MailContentOverride | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = MailContentOverride.from_dict(_content)

        if cls is TargetMessageRequest:
            target_message_request = object.__new__(cls)
            target_message_request.data = data
            target_message_request.content = content
        else:
            target_message_request = cls(
                data,
                content,
            )

        target_message_request.additional_properties = d
        return target_message_request

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


from ..models.mail_content_override import MailContentOverride
from ..models.target_message_request_data import TargetMessageRequestData
