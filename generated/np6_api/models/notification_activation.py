from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_uuid

T = TypeVar("T", bound="NotificationActivation")


@_attrs_define
class NotificationActivation:
    """
    Attributes:
        id (int | Unset): The notification id
        version (UUID | Unset): The version that was sent
        kind (str | Unset): e.g. application
        receiver (ContactByHash | ContactById | ContactByUnicity | ContactEnvelope | ContactFootprint |
            UnknownContactIdentification | Unset): A contact as NP6 returns it (event receivers, error results).
        application (UUID | Unset): The notifiable application
        subscription (UUID | Unset): The push subscription used
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        channel (str | Unset): The resolved display channel
        urgent (bool | Unset):
        expiration (datetime.datetime | Unset): 0001-01-01T00:00:00Z means no expiration
    """

    id: int | Unset = UNSET
    version: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    receiver: (
        ContactByHash
        | ContactById
        | ContactByUnicity
        | ContactEnvelope
        | ContactFootprint
        | UnknownContactIdentification
        | Unset
    ) = UNSET
    application: UUID | Unset = UNSET
    subscription: UUID | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    channel: str | Unset = UNSET
    urgent: bool | Unset = UNSET
    expiration: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("id", self.id),
                ("version", self.version),
                ("kind", self.kind),
                ("receiver", self.receiver),
                ("application", self.application),
                ("subscription", self.subscription),
                ("stamp", self.stamp),
                ("channel", self.channel),
                ("urgent", self.urgent),
                ("expiration", self.expiration),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version: str | Unset = UNSET
        if not isinstance(self.version, Unset):
            version = str(self.version)

        kind = self.kind

        receiver: dict[str, Any] | Unset
        if isinstance(self.receiver, Unset):
            receiver = UNSET
        elif (
            isinstance(self.receiver, ContactById)
            or isinstance(self.receiver, ContactByUnicity)
            or isinstance(self.receiver, ContactByHash)
            or isinstance(self.receiver, ContactFootprint)
            or isinstance(self.receiver, ContactEnvelope)
        ):
            receiver = self.receiver.to_dict()
        else:
            receiver = self.receiver.to_dict()

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

        urgent = self.urgent

        expiration: str | Unset = UNSET
        if not isinstance(self.expiration, Unset):
            expiration = self.expiration.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if version is not UNSET:
            field_dict["version"] = version
        if kind is not UNSET:
            field_dict["kind"] = kind
        if receiver is not UNSET:
            field_dict["receiver"] = receiver
        if application is not UNSET:
            field_dict["application"] = application
        if subscription is not UNSET:
            field_dict["subscription"] = subscription
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if channel is not UNSET:
            field_dict["channel"] = channel
        if urgent is not UNSET:
            field_dict["urgent"] = urgent
        if expiration is not UNSET:
            field_dict["expiration"] = expiration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _version = d.pop("version", UNSET)
        version: UUID | Unset
        if _version is UNSET:
            version = UNSET
        else:
            version = parse_uuid(_version)

        kind = d.pop("kind", UNSET)

        def _parse_receiver(
            data: object,
        ) -> (
            ContactByHash
            | ContactById
            | ContactByUnicity
            | ContactEnvelope
            | ContactFootprint
            | UnknownContactIdentification
            | Unset
        ):
            if data is UNSET:
                return UNSET
            if isinstance(data, dict) and data.get("type") == "id":
                try:
                    componentsschemas_contact_identification_type_0 = (
                        ContactById.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "unicity":
                try:
                    componentsschemas_contact_identification_type_1 = (
                        ContactByUnicity.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "hash":
                try:
                    componentsschemas_contact_identification_type_2 = (
                        ContactByHash.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "footprint":
                try:
                    componentsschemas_contact_identification_type_3 = (
                        ContactFootprint.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "contact":
                try:
                    componentsschemas_contact_identification_type_4 = (
                        ContactEnvelope.from_dict(data)
                    )

                    return componentsschemas_contact_identification_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_contact_identification_type_5 = (
                UnknownContactIdentification.from_dict(data)
            )

            return componentsschemas_contact_identification_type_5

        receiver = _parse_receiver(d.pop("receiver", UNSET))

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

        urgent = d.pop("urgent", UNSET)

        _expiration = d.pop("expiration", UNSET)
        expiration: datetime.datetime | Unset
        if _expiration is UNSET:
            expiration = UNSET
        else:
            expiration = datetime.datetime.fromisoformat(_expiration)

        if cls is NotificationActivation:
            notification_activation = object.__new__(cls)
            notification_activation.id = id
            notification_activation.version = version
            notification_activation.kind = kind
            notification_activation.receiver = receiver
            notification_activation.application = application
            notification_activation.subscription = subscription
            notification_activation.stamp = stamp
            notification_activation.channel = channel
            notification_activation.urgent = urgent
            notification_activation.expiration = expiration
        else:
            notification_activation = cls(
                id,
                version,
                kind,
                receiver,
                application,
                subscription,
                stamp,
                channel,
                urgent,
                expiration,
            )

        notification_activation.additional_properties = d
        return notification_activation

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


from ..models.contact_by_hash import ContactByHash
from ..models.contact_by_id import ContactById
from ..models.contact_by_unicity import ContactByUnicity
from ..models.contact_envelope import ContactEnvelope
from ..models.contact_footprint import ContactFootprint
from ..models.execution_stamp import ExecutionStamp
from ..models.unknown_contact_identification import UnknownContactIdentification
