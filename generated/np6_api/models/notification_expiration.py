from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationExpiration")


@_attrs_define
class NotificationExpiration:
    """When the notification expires; variants are not documented.

    Attributes:
        type_ (str | Unset):
        value (NotificationExpirationValue | Unset):
    """

    type_: str | Unset = UNSET
    value: NotificationExpirationValue | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("value", self.value),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.value, Unset):
            value = self.value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        _value = d.pop("value", UNSET)
        value: NotificationExpirationValue | Unset
        if _value is UNSET:
            value = UNSET
        else:
            value = NotificationExpirationValue.from_dict(_value)

        if cls is NotificationExpiration:
            notification_expiration = object.__new__(cls)
            notification_expiration.type_ = type_
            notification_expiration.value = value
        else:
            notification_expiration = cls(
                type_,
                value,
            )

        notification_expiration.additional_properties = d
        return notification_expiration

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


from ..models.notification_expiration_value import NotificationExpirationValue
