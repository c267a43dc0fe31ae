from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_uuid

T = TypeVar("T", bound="ExecutionStamp")


@_attrs_define
class ExecutionStamp:
    """Tracks a conversation flow (executions, renders, events). Not the resource stamp of a notification.

    Attributes:
        time (int | Unset): Creation time of the stamp, in milliseconds since the epoch
        id (UUID | Unset): The stamp id
        thread (UUID | Unset): The thread id
        set_ (UUID | Unset): The set id (absent from events)
    """

    time: int | Unset = UNSET
    id: UUID | Unset = UNSET
    thread: UUID | Unset = UNSET
    set_: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("time", self.time),
                ("id", self.id),
                ("thread", self.thread),
                ("set", self.set_),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        time = self.time

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        thread: str | Unset = UNSET
        if not isinstance(self.thread, Unset):
            thread = str(self.thread)

        set_: str | Unset = UNSET
        if not isinstance(self.set_, Unset):
            set_ = str(self.set_)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if time is not UNSET:
            field_dict["time"] = time
        if id is not UNSET:
            field_dict["id"] = id
        if thread is not UNSET:
            field_dict["thread"] = thread
        if set_ is not UNSET:
            field_dict["set"] = set_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        time = d.pop("time", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if _id is UNSET:
            id = UNSET
        else:
            id = parse_uuid(_id)

        _thread = d.pop("thread", UNSET)
        thread: UUID | Unset
        if _thread is UNSET:
            thread = UNSET
        else:
            thread = parse_uuid(_thread)

        _set_ = d.pop("set", UNSET)
        set_: UUID | Unset
        if _set_ is UNSET:
            set_ = UNSET
        else:
            set_ = parse_uuid(_set_)

        if cls is ExecutionStamp:
            execution_stamp = object.__new__(cls)
            execution_stamp.time = time
            execution_stamp.id = id
            execution_stamp.thread = thread
            execution_stamp.set_ = set_
        else:
            execution_stamp = cls(
                time,
                id,
                thread,
                set_,
            )

        execution_stamp.additional_properties = d
        return execution_stamp

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
