from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """
    Attributes:
        name (str | Unset):
        mime (str | Unset):
        data (AttachmentData | Unset):
    """

    name: str | Unset = UNSET
    mime: str | Unset = UNSET
    data: AttachmentData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("name", self.name),
                ("mime", self.mime),
                ("data", self.data),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        mime = self.mime

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if mime is not UNSET:
            field_dict["mime"] = mime
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        mime = d.pop("mime", UNSET)

        _data = d.pop("data", UNSET)
        data: AttachmentData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = AttachmentData.from_dict(_data)

        if cls is Attachment:
            attachment = object.__new__(cls)
            attachment.name = name
            attachment.mime = mime
            attachment.data = data
        else:
            attachment = cls(
                name,
                mime,
                data,
            )

        attachment.additional_properties = d
        return attachment

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


from ..models.attachment_data import AttachmentData
