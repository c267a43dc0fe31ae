from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BounceSubject")


@_attrs_define
class BounceSubject:
    """
    Attributes:
        type_ (str | Unset): e.g. token, other or undefined status
        detail (BounceSubjectDetail | Unset):
    """

    type_: str | Unset = UNSET
    detail: BounceSubjectDetail | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("detail", self.detail),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        _detail = d.pop("detail", UNSET)
        detail: BounceSubjectDetail | Unset
        if _detail is UNSET:
            detail = UNSET
        else:
            detail = BounceSubjectDetail.from_dict(_detail)

        if cls is BounceSubject:
            bounce_subject = object.__new__(cls)
            bounce_subject.type_ = type_
            bounce_subject.detail = detail
        else:
            bounce_subject = cls(
                type_,
                detail,
            )

        bounce_subject.additional_properties = d
        return bounce_subject

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


from ..models.bounce_subject_detail import BounceSubjectDetail
