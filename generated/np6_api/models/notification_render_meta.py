from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_uuid

T = TypeVar("T", bound="NotificationRenderMeta")


@_attrs_define
class NotificationRenderMeta:
    """
    Attributes:
        notification (int | Unset):
        version (UUID | Unset):
        application (UUID | Unset):
        subscription (UUID | Unset):
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        channel (str | Unset): The rendered channel
        redirection (str | Unset): The rendered redirection link
    """

    notification: int | Unset = UNSET
    version: UUID | Unset = UNSET
    application: UUID | Unset = UNSET
    subscription: UUID | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    channel: str | Unset = UNSET
    redirection: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("notification", self.notification),
                ("version", self.version),
                ("application", self.application),
                ("subscription", self.subscription),
                ("stamp", self.stamp),
                ("channel", self.channel),
                ("redirection", self.redirection),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        notification = self.notification

        version: str | Unset = UNSET
        if not isinstance(self.version, Unset):
            version = str(self.version)

        application: str | Unset = UNSET
        if not isinstance(self.application, Unset):
            application = str(self.application)

        subscription: str | Unset = UNSET
        if not isinstance(self.subscription, Unset):
            subscription = str(self.subscription)

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        channel = self.channel

        redirection = self.redirection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notification is not UNSET:
            field_dict["notification"] = notification
        if version is not UNSET:
            field_dict["version"] = version
        if application is not UNSET:
            field_dict["application"] = application
        if subscription is not UNSET:
            field_dict["subscription"] = subscription
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if channel is not UNSET:
            field_dict["channel"] = channel
        if redirection is not UNSET:
            field_dict["redirection"] = redirection

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        notification = d.pop("notification", UNSET)

        _version = d.pop("version", UNSET)
        version: UUID | Unset
        if _version is UNSET:
            version = UNSET
        else:
            version = parse_uuid(_version)

        _application = d.pop("application", UNSET)
        application: UUID | Unset
        if _application is UNSET:
            application = UNSET
        else:
            application = parse_uuid(_application)

        _subscription = d.pop("subscription", UNSET)
        subscription: UUID | Unset
        if _subscription is UNSET:
            subscription = UNSET
        else:
            subscription = parse_uuid(_subscription)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        channel = d.pop("channel", UNSET)

        redirection = d.pop("redirection", UNSET)

        if cls is NotificationRenderMeta:
            notification_render_meta = object.__new__(cls)
            notification_render_meta.notification = notification
            notification_render_meta.version = version
            notification_render_meta.application = application
            notification_render_meta.subscription = subscription
            notification_render_meta.stamp = stamp
            notification_render_meta.channel = channel
            notification_render_meta.redirection = redirection
        else:
            notification_render_meta = cls(
                notification,
                version,
                application,
                subscription,
                stamp,
                channel,
                redirection,
            )

        notification_render_meta.additional_properties = d
        return notification_render_meta

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
