from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="RenderedNotification")


@_attrs_define
class RenderedNotification:
    """
    Attributes:
        title (str | Unset):
        body (str | Unset):
        icon (str | Unset):
        thumbnail (str | Unset):
        image (str | Unset):
        buttons (list[RenderedNotificationButtonsItem] | Unset):
    """

    title: str | Unset = UNSET
    body: str | Unset = UNSET
    icon: str | Unset = UNSET
    thumbnail: str | Unset = UNSET
    image: str | Unset = UNSET
    buttons: list[RenderedNotificationButtonsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("title", self.title),
                ("body", self.body),
                ("icon", self.icon),
                ("thumbnail", self.thumbnail),
                ("image", self.image),
                ("buttons", self.buttons),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        body = self.body

        icon = self.icon

        thumbnail = self.thumbnail

        image = self.image

        buttons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.buttons, Unset):
            buttons = []
            for buttons_item_data in self.buttons:
                buttons_item = buttons_item_data.to_dict()
                buttons.append(buttons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if buttons is not UNSET:
            field_dict["buttons"] = buttons

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        body = d.pop("body", UNSET)

        icon = d.pop("icon", UNSET)

        thumbnail = d.pop("thumbnail", UNSET)

        image = d.pop("image", UNSET)

        _buttons = d.pop("buttons", UNSET)
        buttons: list[RenderedNotificationButtonsItem] | Unset = UNSET
        if _buttons is not UNSET:
            buttons = []
            for buttons_item_data in _buttons:
                buttons_item = RenderedNotificationButtonsItem.from_dict(
                    buttons_item_data
                )

                buttons.append(buttons_item)

        if cls is RenderedNotification:
            rendered_notification = object.__new__(cls)
            rendered_notification.title = title
            rendered_notification.body = body
            rendered_notification.icon = icon
            rendered_notification.thumbnail = thumbnail
            rendered_notification.image = image
            rendered_notification.buttons = buttons
        else:
            rendered_notification = cls(
                title,
                body,
                icon,
                thumbnail,
                image,
                buttons,
            )

        rendered_notification.additional_properties = d
        return rendered_notification

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


from ..models.rendered_notification_buttons_item import RenderedNotificationButtonsItem
