from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationContent")


@_attrs_define
class NotificationContent:
    """The templated content of a version.

    Attributes:
        type_ (str | Unset):
        title (str | Unset):
        body (str | Unset):
        icon (str | Unset):
        thumbnail (str | Unset):
        image (str | Unset):
    """

    type_: str | Unset = UNSET
    title: str | Unset = UNSET
    body: str | Unset = UNSET
    icon: str | Unset = UNSET
    thumbnail: str | Unset = UNSET
    image: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("title", self.title),
                ("body", self.body),
                ("icon", self.icon),
                ("thumbnail", self.thumbnail),
                ("image", self.image),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        body = self.body

        icon = self.icon

        thumbnail = self.thumbnail

        image = self.image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if body is not UNSET:
            field_dict["body"] = body
        if icon is not UNSET:
            field_dict["icon"] = icon
        if thumbnail is not UNSET:
            field_dict["thumbnail"] = thumbnail
        if image is not UNSET:
            field_dict["image"] = image

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        title = d.pop("title", UNSET)

        body = d.pop("body", UNSET)

        icon = d.pop("icon", UNSET)

        thumbnail = d.pop("thumbnail", UNSET)

        image = d.pop("image", UNSET)

        if cls is NotificationContent:
            notification_content = object.__new__(cls)
            notification_content.type_ = type_
            notification_content.title = title
            notification_content.body = body
            notification_content.icon = icon
            notification_content.thumbnail = thumbnail
            notification_content.image = image
        else:
            notification_content = cls(
                type_,
                title,
                body,
                icon,
                thumbnail,
                image,
            )

        notification_content.additional_properties = d
        return notification_content

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
