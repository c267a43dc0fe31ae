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

T = TypeVar("T", bound="NotificationEventSource")


@_attrs_define
class NotificationEventSource:
    """
    Attributes:
        type_ (Literal['notification']):
        detail (NotificationEventDetail | Unset): The activation (send) the event relates to, plus one member named
            after the kind (`link` for hits).
    """

    type_: Literal["notification"]
    detail: NotificationEventDetail | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("detail", self.detail),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "notification":
            raise ValueError(f"type must match const 'notification', got '{type_}'")

        _detail = d.pop("detail", UNSET)
        detail: NotificationEventDetail | Unset
        if _detail is UNSET:
            detail = UNSET
        else:
            detail = NotificationEventDetail.from_dict(_detail)

        if cls is NotificationEventSource:
            notification_event_source = object.__new__(cls)
            notification_event_source.type_ = type_
            notification_event_source.detail = detail
        else:
            notification_event_source = cls(
                type_,
                detail,
            )

        notification_event_source.additional_properties = d
        return notification_event_source

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


from ..models.notification_event_detail import NotificationEventDetail
