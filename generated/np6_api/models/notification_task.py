from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_uuid

T = TypeVar("T", bound="NotificationTask")


@_attrs_define
class NotificationTask:
    """The task that triggers executions.

    Attributes:
        id (UUID | Unset):
        name (str | Unset):
        description (str | Unset):
        scheduler (TaskScheduler | Unset): How executions are scheduled (variants not documented).
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    scheduler: TaskScheduler | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("id", self.id),
                ("name", self.name),
                ("description", self.description),
                ("scheduler", self.scheduler),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        description = self.description

        scheduler: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduler, Unset):
            scheduler = self.scheduler.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if scheduler is not UNSET:
            field_dict["scheduler"] = scheduler

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

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _scheduler = d.pop("scheduler", UNSET)
        scheduler: TaskScheduler | Unset
        if _scheduler is UNSET:
            scheduler = UNSET
        else:
            scheduler = TaskScheduler.from_dict(_scheduler)

        if cls is NotificationTask:
            notification_task = object.__new__(cls)
            notification_task.id = id
            notification_task.name = name
            notification_task.description = description
            notification_task.scheduler = scheduler
        else:
            notification_task = cls(
                id,
                name,
                description,
                scheduler,
            )

        notification_task.additional_properties = d
        return notification_task

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


from ..models.task_scheduler import TaskScheduler
