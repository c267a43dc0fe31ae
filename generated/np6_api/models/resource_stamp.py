from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ResourceStamp")


@_attrs_define
class ResourceStamp:
    """Creation and modification dates of a resource (notifications, versions).

    Attributes:
        creation (datetime.datetime | Unset):
        modification (datetime.datetime | Unset):
    """

    creation: datetime.datetime | Unset = UNSET
    modification: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("creation", self.creation),
                ("modification", self.modification),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        creation: str | Unset = UNSET
        if not isinstance(self.creation, Unset):
            creation = self.creation.isoformat()

        modification: str | Unset = UNSET
        if not isinstance(self.modification, Unset):
            modification = self.modification.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if creation is not UNSET:
            field_dict["creation"] = creation
        if modification is not UNSET:
            field_dict["modification"] = modification

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _creation = d.pop("creation", UNSET)
        creation: datetime.datetime | Unset
        if _creation is UNSET:
            creation = UNSET
        else:
            creation = datetime.datetime.fromisoformat(_creation)

        _modification = d.pop("modification", UNSET)
        modification: datetime.datetime | Unset
        if _modification is UNSET:
            modification = UNSET
        else:
            modification = datetime.datetime.fromisoformat(_modification)

        if cls is ResourceStamp:
            resource_stamp = object.__new__(cls)
            resource_stamp.creation = creation
            resource_stamp.modification = modification
        else:
            resource_stamp = cls(
                creation,
                modification,
            )

        resource_stamp.additional_properties = d
        return resource_stamp

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
