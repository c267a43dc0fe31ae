from __future__ import annotations

import datetime
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

T = TypeVar("T", bound="SmsMessageAction")


@_attrs_define
class SmsMessageAction:
    """An SMS marketing action.

    Attributes:
        type_ (Literal['smsMessage']):
        id (str | Unset):
        name (str | Unset):
        description (str | Unset):
        creation_date (datetime.datetime | Unset):
        informations (ActionInformations | Unset):
        scheduler (ActionScheduler | Unset):
        monitor (SmsMessageActionMonitor | Unset):
        settings (SmsSettings | Unset):
        content (SmsContent | Unset):
    """

    type_: Literal["smsMessage"]
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    creation_date: datetime.datetime | Unset = UNSET
    informations: ActionInformations | Unset = UNSET
    scheduler: ActionScheduler | Unset = UNSET
    monitor: SmsMessageActionMonitor | Unset = UNSET
    settings: SmsSettings | Unset = UNSET
    content: SmsContent | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("id", self.id),
                ("name", self.name),
                ("description", self.description),
                ("creation_date", self.creation_date),
                ("informations", self.informations),
                ("scheduler", self.scheduler),
                ("monitor", self.monitor),
                ("settings", self.settings),
                ("content", self.content),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        name = self.name

        description = self.description

        creation_date: str | Unset = UNSET
        if not isinstance(self.creation_date, Unset):
            creation_date = self.creation_date.isoformat()

        informations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.informations, Unset):
            informations = self.informations.to_dict()

        scheduler: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduler, Unset):
            scheduler = self.scheduler.to_dict()

        monitor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.monitor, Unset):
            monitor = self.monitor.to_dict()

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

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
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if informations is not UNSET:
            field_dict["informations"] = informations
        if scheduler is not UNSET:
            field_dict["scheduler"] = scheduler
        if monitor is not UNSET:
            field_dict["monitor"] = monitor
        if settings is not UNSET:
            field_dict["settings"] = settings
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "smsMessage":
            raise ValueError(f"type must match const 'smsMessage', got '{type_}'")

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _creation_date = d.pop("creationDate", UNSET)
        creation_date: datetime.datetime | Unset
        if _creation_date is UNSET:
            creation_date = UNSET
        else:
            creation_date = datetime.datetime.fromisoformat(_creation_date)

        _informations = d.pop("informations", UNSET)
        informations: ActionInformations | Unset
        if _informations is UNSET:
            informations = UNSET
        else:
            informations = ActionInformations.from_dict(_informations)

        _scheduler = d.pop("scheduler", UNSET)
        scheduler: ActionScheduler | Unset
        if _scheduler is UNSET:
            scheduler = UNSET
        else:
            scheduler = ActionScheduler.from_dict(_scheduler)

        _monitor = d.pop("monitor", UNSET)
        monitor: SmsMessageActionMonitor | Unset
        if _monitor is UNSET:
            monitor = UNSET
        else:
            monitor = SmsMessageActionMonitor.from_dict(_monitor)

        _settings = d.pop("settings", UNSET)
        settings: SmsSettings | Unset
        if _settings is UNSET:
            settings = UNSET
        else:
            settings = SmsSettings.from_dict(_settings)

        _content = d.pop("content", UNSET)
        content: SmsContent | Unset
        if _content is UNSET:
            content = UNSET
        else:
            content = SmsContent.from_dict(_content)

        if cls is SmsMessageAction:
            sms_message_action = object.__new__(cls)
            sms_message_action.type_ = type_
            sms_message_action.id = id
            sms_message_action.name = name
            sms_message_action.description = description
            sms_message_action.creation_date = creation_date
            sms_message_action.informations = informations
            sms_message_action.scheduler = scheduler
            sms_message_action.monitor = monitor
            sms_message_action.settings = settings
            sms_message_action.content = content
        else:
            sms_message_action = cls(
                type_,
                id,
                name,
                description,
                creation_date,
                informations,
                scheduler,
                monitor,
                settings,
                content,
            )

        sms_message_action.additional_properties = d
        return sms_message_action

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


from ..models.action_informations import ActionInformations
from ..models.action_scheduler import ActionScheduler
from ..models.sms_content import SmsContent
from ..models.sms_message_action_monitor import SmsMessageActionMonitor
from ..models.sms_settings import SmsSettings
