from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationSettings")


@_attrs_define
class NotificationSettings:
    """
    Attributes:
        urgent (bool | Unset): Urgency; false by default
        category (int | Unset):
        purpose (NotificationPurpose | Unset): Marketing or Service (Marketing by default); the encoding of `type` is
            not documented.
        expiration (NotificationExpiration | Unset): When the notification expires; variants are not documented.
        mp (MarketingPressure | Unset): Marketing-pressure settings (fields not documented).
    """

    urgent: bool | Unset = UNSET
    category: int | Unset = UNSET
    purpose: NotificationPurpose | Unset = UNSET
    expiration: NotificationExpiration | Unset = UNSET
    mp: MarketingPressure | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("urgent", self.urgent),
                ("category", self.category),
                ("purpose", self.purpose),
                ("expiration", self.expiration),
                ("mp", self.mp),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        urgent = self.urgent

        category = self.category

        purpose: dict[str, Any] | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.to_dict()

        expiration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expiration, Unset):
            expiration = self.expiration.to_dict()

        mp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mp, Unset):
            mp = self.mp.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if urgent is not UNSET:
            field_dict["urgent"] = urgent
        if category is not UNSET:
            field_dict["category"] = category
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if expiration is not UNSET:
            field_dict["expiration"] = expiration
        if mp is not UNSET:
            field_dict["mp"] = mp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        urgent = d.pop("urgent", UNSET)

        category = d.pop("category", UNSET)

        _purpose = d.pop("purpose", UNSET)
        purpose: NotificationPurpose | Unset
        if _purpose is UNSET:
            purpose = UNSET
        else:
            purpose = NotificationPurpose.from_dict(_purpose)

        _expiration = d.pop("expiration", UNSET)
        expiration: NotificationExpiration | Unset
        if _expiration is UNSET:
            expiration = UNSET
        else:
            expiration = NotificationExpiration.from_dict(_expiration)

        _mp = d.pop("mp", UNSET)
        mp: MarketingPressure | Unset
        if _mp is UNSET:
            mp = UNSET
        else:
            mp = MarketingPressure.from_dict(_mp)

        if cls is NotificationSettings:
            notification_settings = object.__new__(cls)
            notification_settings.urgent = urgent
            notification_settings.category = category
            notification_settings.purpose = purpose
            notification_settings.expiration = expiration
            notification_settings.mp = mp
        else:
            notification_settings = cls(
                urgent,
                category,
                purpose,
                expiration,
                mp,
            )

        notification_settings.additional_properties = d
        return notification_settings

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


from ..models.marketing_pressure import MarketingPressure
from ..models.notification_expiration import NotificationExpiration
from ..models.notification_purpose import NotificationPurpose
