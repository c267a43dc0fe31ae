from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="UnknownEvent")


@_attrs_define
class UnknownEvent:
    """An event of a kind this spec does not list, kept as NP6 sent it.

    Attributes:
        type_ (str):
        id (str | Unset):
        timestamp (int | Unset):
        identity (Identity | Unset): The account an event belongs to.
        source (EmailEventSource | NotificationEventSource | UnknownEventSource | Unset):
    """

    type_: str
    id: str | Unset = UNSET
    timestamp: int | Unset = UNSET
    identity: Identity | Unset = UNSET
    source: EmailEventSource | NotificationEventSource | UnknownEventSource | Unset = (
        UNSET
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("id", self.id),
                ("timestamp", self.timestamp),
                ("identity", self.identity),
                ("source", self.source),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        timestamp = self.timestamp

        identity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.identity, Unset):
            identity = self.identity.to_dict()

        source: dict[str, Any] | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, NotificationEventSource) or isinstance(
            self.source, EmailEventSource
        ):
            source = self.source.to_dict()
        else:
            source = self.source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if identity is not UNSET:
            field_dict["identity"] = identity
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        _identity = d.pop("identity", UNSET)
        identity: Identity | Unset
        if _identity is UNSET:
            identity = UNSET
        else:
            identity = Identity.from_dict(_identity)

        def _parse_source(
            data: object,
        ) -> EmailEventSource | NotificationEventSource | UnknownEventSource | Unset:
            if data is UNSET:
                return UNSET
            if isinstance(data, dict) and data.get("type") == "notification":
                try:
                    componentsschemas_event_source_type_0 = (
                        NotificationEventSource.from_dict(data)
                    )

                    return componentsschemas_event_source_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "email":
                try:
                    componentsschemas_event_source_type_1 = EmailEventSource.from_dict(
                        data
                    )

                    return componentsschemas_event_source_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_event_source_type_2 = UnknownEventSource.from_dict(data)

            return componentsschemas_event_source_type_2

        source = _parse_source(d.pop("source", UNSET))

        if cls is UnknownEvent:
            unknown_event = object.__new__(cls)
            unknown_event.type_ = type_
            unknown_event.id = id
            unknown_event.timestamp = timestamp
            unknown_event.identity = identity
            unknown_event.source = source
        else:
            unknown_event = cls(
                type_,
                id,
                timestamp,
                identity,
                source,
            )

        unknown_event.additional_properties = d
        return unknown_event

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


from ..models.email_event_source import EmailEventSource
from ..models.identity import Identity
from ..models.notification_event_source import NotificationEventSource
from ..models.unknown_event_source import UnknownEventSource
