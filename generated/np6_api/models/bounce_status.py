from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BounceStatus")


@_attrs_define
class BounceStatus:
    """
    Attributes:
        type_ (str | Unset): e.g. sync
        code (BounceStatusCode | Unset):
        diagnostic (str | Unset):
        mta (str | Unset):
    """

    type_: str | Unset = UNSET
    code: BounceStatusCode | Unset = UNSET
    diagnostic: str | Unset = UNSET
    mta: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("code", self.code),
                ("diagnostic", self.diagnostic),
                ("mta", self.mta),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        code: dict[str, Any] | Unset = UNSET
        if not isinstance(self.code, Unset):
            code = self.code.to_dict()

        diagnostic = self.diagnostic

        mta = self.mta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if code is not UNSET:
            field_dict["code"] = code
        if diagnostic is not UNSET:
            field_dict["diagnostic"] = diagnostic
        if mta is not UNSET:
            field_dict["mta"] = mta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        _code = d.pop("code", UNSET)
        code: BounceStatusCode | Unset
        if _code is UNSET:
            code = UNSET
        else:
            code = BounceStatusCode.from_dict(_code)

        diagnostic = d.pop("diagnostic", UNSET)

        mta = d.pop("mta", UNSET)

        if cls is BounceStatus:
            bounce_status = object.__new__(cls)
            bounce_status.type_ = type_
            bounce_status.code = code
            bounce_status.diagnostic = diagnostic
            bounce_status.mta = mta
        else:
            bounce_status = cls(
                type_,
                code,
                diagnostic,
                mta,
            )

        bounce_status.additional_properties = d
        return bounce_status

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


from ..models.bounce_status_code import BounceStatusCode
