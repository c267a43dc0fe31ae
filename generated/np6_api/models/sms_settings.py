from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="SmsSettings")


@_attrs_define
class SmsSettings:
    """
    Attributes:
        field (int | Unset):
        sms_format (int | Unset):
        sms_type (int | Unset):
        countries (list[str] | Unset):
        culture (str | Unset):
        templating (TemplatingSettings | Unset):
    """

    field: int | Unset = UNSET
    sms_format: int | Unset = UNSET
    sms_type: int | Unset = UNSET
    countries: list[str] | Unset = UNSET
    culture: str | Unset = UNSET
    templating: TemplatingSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("field", self.field),
                ("sms_format", self.sms_format),
                ("sms_type", self.sms_type),
                ("countries", self.countries),
                ("culture", self.culture),
                ("templating", self.templating),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        sms_format = self.sms_format

        sms_type = self.sms_type

        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = self.countries

        culture = self.culture

        templating: dict[str, Any] | Unset = UNSET
        if not isinstance(self.templating, Unset):
            templating = self.templating.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if sms_format is not UNSET:
            field_dict["smsFormat"] = sms_format
        if sms_type is not UNSET:
            field_dict["smsType"] = sms_type
        if countries is not UNSET:
            field_dict["countries"] = countries
        if culture is not UNSET:
            field_dict["culture"] = culture
        if templating is not UNSET:
            field_dict["templating"] = templating

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field", UNSET)

        sms_format = d.pop("smsFormat", UNSET)

        sms_type = d.pop("smsType", UNSET)

        countries = cast(list[str], d.pop("countries", UNSET))

        culture = d.pop("culture", UNSET)

        _templating = d.pop("templating", UNSET)
        templating: TemplatingSettings | Unset
        if _templating is UNSET:
            templating = UNSET
        else:
            templating = TemplatingSettings.from_dict(_templating)

        if cls is SmsSettings:
            sms_settings = object.__new__(cls)
            sms_settings.field = field
            sms_settings.sms_format = sms_format
            sms_settings.sms_type = sms_type
            sms_settings.countries = countries
            sms_settings.culture = culture
            sms_settings.templating = templating
        else:
            sms_settings = cls(
                field,
                sms_format,
                sms_type,
                countries,
                culture,
                templating,
            )

        sms_settings.additional_properties = d
        return sms_settings

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


from ..models.templating_settings import TemplatingSettings
