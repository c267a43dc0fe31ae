from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ExecutionError")


@_attrs_define
class ExecutionError:
    """One recipient that could not be sent to; the other items of the same request are still sent.

    Attributes:
        type_ (Literal['error']):
        value (ExecutionErrorDetail | Unset):
    """

    type_: Literal["error"]
    value: ExecutionErrorDetail | Unset = UNSET
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
        field_dict.update(
            {
                "type": type_,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "error":
            raise ValueError(f"type must match const 'error', got '{type_}'")

        _value = d.pop("value", UNSET)
        value: ExecutionErrorDetail | Unset
        if _value is UNSET:
            value = UNSET
        else:
            value = ExecutionErrorDetail.from_dict(_value)

        if cls is ExecutionError:
            execution_error = object.__new__(cls)
            execution_error.type_ = type_
            execution_error.value = value
        else:
            execution_error = cls(
                type_,
                value,
            )

        execution_error.additional_properties = d
        return execution_error

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


from ..models.execution_error_detail import ExecutionErrorDetail
