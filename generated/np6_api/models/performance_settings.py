from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="PerformanceSettings")


@_attrs_define
class PerformanceSettings:
    """
    Attributes:
        opening_rate (float | Unset):
        click_rate (float | Unset):
        unsubscribed_rate (float | Unset):
    """

    opening_rate: float | Unset = UNSET
    click_rate: float | Unset = UNSET
    unsubscribed_rate: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("opening_rate", self.opening_rate),
                ("click_rate", self.click_rate),
                ("unsubscribed_rate", self.unsubscribed_rate),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        opening_rate = self.opening_rate

        click_rate = self.click_rate

        unsubscribed_rate = self.unsubscribed_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if opening_rate is not UNSET:
            field_dict["openingRate"] = opening_rate
        if click_rate is not UNSET:
            field_dict["clickRate"] = click_rate
        if unsubscribed_rate is not UNSET:
            field_dict["unsubscribedRate"] = unsubscribed_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        opening_rate = d.pop("openingRate", UNSET)

        click_rate = d.pop("clickRate", UNSET)

        unsubscribed_rate = d.pop("unsubscribedRate", UNSET)

        if cls is PerformanceSettings:
            performance_settings = object.__new__(cls)
            performance_settings.opening_rate = opening_rate
            performance_settings.click_rate = click_rate
            performance_settings.unsubscribed_rate = unsubscribed_rate
        else:
            performance_settings = cls(
                opening_rate,
                click_rate,
                unsubscribed_rate,
            )

        performance_settings.additional_properties = d
        return performance_settings

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
