from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Bounce")


@_attrs_define
class Bounce:
    """
    Attributes:
        status (BounceStatus | None | Unset): The delivery status (null for push bounces).
        analysis (BounceAnalysis | Unset):
    """

    status: BounceStatus | None | Unset = UNSET
    analysis: BounceAnalysis | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("status", self.status),
                ("analysis", self.analysis),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        status: dict[str, Any] | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, BounceStatus):
            status = self.status.to_dict()
        else:
            status = self.status

        analysis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.analysis, Unset):
            analysis = self.analysis.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if analysis is not UNSET:
            field_dict["analysis"] = analysis

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_status(data: object) -> BounceStatus | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            if isinstance(data, dict):
                try:
                    status_type_0 = BounceStatus.from_dict(data)

                    return status_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast(BounceStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        _analysis = d.pop("analysis", UNSET)
        analysis: BounceAnalysis | Unset
        if _analysis is UNSET:
            analysis = UNSET
        else:
            analysis = BounceAnalysis.from_dict(_analysis)

        if cls is Bounce:
            bounce = object.__new__(cls)
            bounce.status = status
            bounce.analysis = analysis
        else:
            bounce = cls(
                status,
                analysis,
            )

        bounce.additional_properties = d
        return bounce

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


from ..models.bounce_analysis import BounceAnalysis
from ..models.bounce_status import BounceStatus
