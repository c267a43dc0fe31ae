from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="MarketingPressureSettings")


@_attrs_define
class MarketingPressureSettings:
    """
    Attributes:
        use (bool | Unset):
        increment (bool | Unset):
    """

    use: bool | Unset = UNSET
    increment: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("use", self.use),
                ("increment", self.increment),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        use = self.use

        increment = self.increment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if use is not UNSET:
            field_dict["use"] = use
        if increment is not UNSET:
            field_dict["increment"] = increment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        use = d.pop("use", UNSET)

        increment = d.pop("increment", UNSET)

        if cls is MarketingPressureSettings:
            marketing_pressure_settings = object.__new__(cls)
            marketing_pressure_settings.use = use
            marketing_pressure_settings.increment = increment
        else:
            marketing_pressure_settings = cls(
                use,
                increment,
            )

        marketing_pressure_settings.additional_properties = d
        return marketing_pressure_settings

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
