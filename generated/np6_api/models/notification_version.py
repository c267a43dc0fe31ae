from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_uuid

T = TypeVar("T", bound="NotificationVersion")


@_attrs_define
class NotificationVersion:
    """One version of a notification; chosen by the master flag, by id or by label.

    Attributes:
        id (UUID | Unset):
        master (bool | Unset):
        label (str | Unset):
        stamp (ResourceStamp | Unset): Creation and modification dates of a resource (notifications, versions).
        scripting (Scripting | Unset):
        content (NotificationContent | Unset): The templated content of a version.
        redirection (Redirection | Unset): Where a tap leads (variants not documented; notifiable applications define
            routes as `{type: literal, value: "app://..."}`).
        channel (Channel | Unset): The display channel (variants not documented; applications define `{type: literal,
            value}`).
    """

    id: UUID | Unset = UNSET
    master: bool | Unset = UNSET
    label: str | Unset = UNSET
    stamp: ResourceStamp | Unset = UNSET
    scripting: Scripting | Unset = UNSET
    content: NotificationContent | Unset = UNSET
    redirection: Redirection | Unset = UNSET
    channel: Channel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("id", self.id),
                ("master", self.master),
                ("label", self.label),
                ("stamp", self.stamp),
                ("scripting", self.scripting),
                ("content", self.content),
                ("redirection", self.redirection),
                ("channel", self.channel),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        master = self.master

        label = self.label

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        scripting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scripting, Unset):
            scripting = self.scripting.to_dict()

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

        redirection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redirection, Unset):
            redirection = self.redirection.to_dict()

        channel: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if master is not UNSET:
            field_dict["master"] = master
        if label is not UNSET:
            field_dict["label"] = label
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if scripting is not UNSET:
            field_dict["scripting"] = scripting
        if content is not UNSET:
            field_dict["content"] = content
        if redirection is not UNSET:
            field_dict["redirection"] = redirection
        if channel is not UNSET:
            field_dict["channel"] = channel

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if _id is UNSET:
            id = UNSET
        else:
            id = parse_uuid(_id)

        master = d.pop("master", UNSET)

        label = d.pop("label", UNSET)

        _stamp = d.pop("stamp", UNSET)
        stamp: ResourceStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ResourceStamp.from_dict(_stamp)

        _scripting = d.pop("scripting", UNSET)
        scripting: Scripting | Unset
        if _scripting is UNSET:
            scripting = UNSET
        else:
            scripting = Scripting.from_dict(_scripting)

        _content = d.pop("content", UNSET)
        content: NotificationContent | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = NotificationContent.from_dict(_content)

        _redirection = d.pop("redirection", UNSET)
        redirection: Redirection | Unset
        if _redirection is UNSET:
            redirection = UNSET
        else:
            redirection = Redirection.from_dict(_redirection)

        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if _channel is UNSET:
            channel = UNSET
        else:
            channel = Channel.from_dict(_channel)

        if cls is NotificationVersion:
            notification_version = object.__new__(cls)
            notification_version.id = id
            notification_version.master = master
            notification_version.label = label
            notification_version.stamp = stamp
            notification_version.scripting = scripting
            notification_version.content = content
            notification_version.redirection = redirection
            notification_version.channel = channel
        else:
            notification_version = cls(
                id,
                master,
                label,
                stamp,
                scripting,
                content,
                redirection,
                channel,
            )

        notification_version.additional_properties = d
        return notification_version

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


from ..models.channel import Channel
from ..models.notification_content import NotificationContent
from ..models.redirection import Redirection
from ..models.resource_stamp import ResourceStamp
from ..models.scripting import Scripting
