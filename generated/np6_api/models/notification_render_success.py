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

T = TypeVar("T", bound="NotificationRenderSuccess")


@_attrs_define
class NotificationRenderSuccess:
    """
    Attributes:
        type_ (Literal['success']):
        meta (NotificationRenderMeta | Unset):
        render (RenderedNotification | Unset):
    """

    type_: Literal["success"]
    meta: NotificationRenderMeta | Unset = UNSET
    render: RenderedNotification | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("meta", self.meta),
                ("render", self.render),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        render: dict[str, Any] | Unset = UNSET
        if not isinstance(self.render, Unset):
            render = self.render.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta
        if render is not UNSET:
            field_dict["render"] = render

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "success":
            raise ValueError(f"type must match const 'success', got '{type_}'")

        _meta = d.pop("meta", UNSET)
        meta: NotificationRenderMeta | Unset
        if _meta is UNSET:
            meta = UNSET
        else:
            meta = NotificationRenderMeta.from_dict(_meta)

        _render = d.pop("render", UNSET)
        render: RenderedNotification | Unset
        if _render is UNSET:
            render = UNSET
        else:
            render = RenderedNotification.from_dict(_render)

        if cls is NotificationRenderSuccess:
            notification_render_success = object.__new__(cls)
            notification_render_success.type_ = type_
            notification_render_success.meta = meta
            notification_render_success.render = render
        else:
            notification_render_success = cls(
                type_,
                meta,
                render,
            )

        notification_render_success.additional_properties = d
        return notification_render_success

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


from ..models.notification_render_meta import NotificationRenderMeta
from ..models.rendered_notification import RenderedNotification
