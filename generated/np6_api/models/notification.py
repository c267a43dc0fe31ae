from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_type import NotificationType
from ..types import UNSET, Unset, model_repr, parse_enum, parse_uuid

T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """A push notification and its versions. Exactly one version is the master one.

    Attributes:
        type_ (NotificationType): The notification kind; only push-app is documented.
        id (int | Unset): Assigned by NP6
        name (str | Unset):
        description (str | Unset):
        stamp (ResourceStamp | Unset): Creation and modification dates of a resource (notifications, versions).
        active (bool | Unset): Online state (see activation / deactivation).
        settings (NotificationSettings | Unset):
        application (UUID | Unset): The notifiable application that binds subscribers
        task (NotificationTask | Unset): The task that triggers executions.
        versions (list[NotificationVersion] | Unset): The versions; exactly one of them is the master one.
    """

    type_: NotificationType
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    stamp: ResourceStamp | Unset = UNSET
    active: bool | Unset = UNSET
    settings: NotificationSettings | Unset = UNSET
    application: UUID | Unset = UNSET
    task: NotificationTask | Unset = UNSET
    versions: list[NotificationVersion] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("id", self.id),
                ("name", self.name),
                ("description", self.description),
                ("stamp", self.stamp),
                ("active", self.active),
                ("settings", self.settings),
                ("application", self.application),
                ("task", self.task),
                ("versions", self.versions),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        name = self.name

        description = self.description

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        active = self.active

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        application: str | Unset = UNSET
        if not isinstance(self.application, Unset):
            application = str(self.application)

        task: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task, Unset):
            task = self.task.to_dict()

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if active is not UNSET:
            field_dict["active"] = active
        if settings is not UNSET:
            field_dict["settings"] = settings
        if application is not UNSET:
            field_dict["application"] = application
        if task is not UNSET:
            field_dict["task"] = task
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = parse_enum(NotificationType, d.pop("type"))

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _stamp = d.pop("stamp", UNSET)
        stamp: ResourceStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ResourceStamp.from_dict(_stamp)

        active = d.pop("active", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: NotificationSettings | Unset
        if _settings is UNSET:
            settings = UNSET
        else:
            settings = NotificationSettings.from_dict(_settings)

        _application = d.pop("application", UNSET)
        application: UUID | Unset
        if _application is UNSET:
            application = UNSET
        else:
            application = parse_uuid(_application)

        _task = d.pop("task", UNSET)
        task: NotificationTask | Unset
        if _task is UNSET:
            task = UNSET
        else:
            task = NotificationTask.from_dict(_task)

        _versions = d.pop("versions", UNSET)
        versions: list[NotificationVersion] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = NotificationVersion.from_dict(versions_item_data)

                versions.append(versions_item)

        if cls is Notification:
            notification = object.__new__(cls)
            notification.type_ = type_
            notification.id = id
            notification.name = name
            notification.description = description
            notification.stamp = stamp
            notification.active = active
            notification.settings = settings
            notification.application = application
            notification.task = task
            notification.versions = versions
        else:
            notification = cls(
                type_,
                id,
                name,
                description,
                stamp,
                active,
                settings,
                application,
                task,
                versions,
            )

        notification.additional_properties = d
        return notification

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


from ..models.notification_settings import NotificationSettings
from ..models.notification_task import NotificationTask
from ..models.notification_version import NotificationVersion
from ..models.resource_stamp import ResourceStamp
