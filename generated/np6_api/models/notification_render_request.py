from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationRenderRequest")


@_attrs_define
class NotificationRenderRequest:
    """
    Attributes:
        receiver (RenderContact | Unset): The contact a notification is rendered for (footprint-like, no `type`).
        related (RenderContact | Unset): The contact a notification is rendered for (footprint-like, no `type`).
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        data (NotificationRenderRequestData | Unset): Data used to render
    """

    receiver: RenderContact | Unset = UNSET
    related: RenderContact | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    data: NotificationRenderRequestData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("receiver", self.receiver),
                ("related", self.related),
                ("stamp", self.stamp),
                ("data", self.data),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        receiver: dict[str, Any] | Unset = UNSET
        if not isinstance(self.receiver, Unset):
            receiver = self.receiver.to_dict()

        related: dict[str, Any] | Unset = UNSET
        if not isinstance(self.related, Unset):
            related = self.related.to_dict()

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if receiver is not UNSET:
            field_dict["receiver"] = receiver
        if related is not UNSET:
            field_dict["related"] = related
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _receiver = d.pop("receiver", UNSET)
        receiver: RenderContact | Unset
        if _receiver is UNSET:
            receiver = UNSET
        else:
            receiver = RenderContact.from_dict(_receiver)

        _related = d.pop("related", UNSET)
        related: RenderContact | Unset
        if _related is UNSET:
            related = UNSET
        else:
            related = RenderContact.from_dict(_related)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        _data = d.pop("data", UNSET)
        data: NotificationRenderRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = NotificationRenderRequestData.from_dict(_data)

        if cls is NotificationRenderRequest:
            notification_render_request = object.__new__(cls)
            notification_render_request.receiver = receiver
            notification_render_request.related = related
            notification_render_request.stamp = stamp
            notification_render_request.data = data
        else:
            notification_render_request = cls(
                receiver,
                related,
                stamp,
                data,
            )

        notification_render_request.additional_properties = d
        return notification_render_request

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


from ..models.execution_stamp import ExecutionStamp
from ..models.notification_render_request_data import NotificationRenderRequestData
from ..models.render_contact import RenderContact
