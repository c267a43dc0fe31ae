from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bounce_verdict import BounceVerdict
from ..types import UNSET, Unset, model_repr, parse_enum

T = TypeVar("T", bound="BounceAnalysis")


@_attrs_define
class BounceAnalysis:
    """
    Attributes:
        verdict (BounceVerdict | Unset):
        subject (BounceSubject | Unset):
    """

    verdict: BounceVerdict | Unset = UNSET
    subject: BounceSubject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("verdict", self.verdict),
                ("subject", self.subject),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        verdict: str | Unset = UNSET
        if not isinstance(self.verdict, Unset):
            verdict = self.verdict.value

        subject: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subject, Unset):
            subject = self.subject.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if verdict is not UNSET:
            field_dict["verdict"] = verdict
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _verdict = d.pop("verdict", UNSET)
        verdict: BounceVerdict | Unset
        if _verdict is UNSET:
            verdict = UNSET
        else:
            verdict = parse_enum(BounceVerdict, _verdict)

        _subject = d.pop("subject", UNSET)
        subject: BounceSubject | Unset
        if _subject is UNSET:
            subject = UNSET
        else:
            subject = BounceSubject.from_dict(_subject)

        if cls is BounceAnalysis:
            bounce_analysis = object.__new__(cls)
            bounce_analysis.verdict = verdict
            bounce_analysis.subject = subject
        else:
            bounce_analysis = cls(
                verdict,
                subject,
            )

        bounce_analysis.additional_properties = d
        return bounce_analysis

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


from ..models.bounce_subject import BounceSubject
