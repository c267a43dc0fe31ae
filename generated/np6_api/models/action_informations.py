from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_state import ActionState
from ..types import UNSET, Unset, model_repr, parse_enum

T = TypeVar("T", bound="ActionInformations")


@_attrs_define
class ActionInformations:
    """
    Attributes:
        folder (int | None | Unset):
        category (int | None | Unset):
        state (ActionState | None | Unset):
    """

    folder: int | None | Unset = UNSET
    category: int | None | Unset = UNSET
    state: ActionState | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("folder", self.folder),
                ("category", self.category),
                ("state", self.state),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        folder: int | None | Unset
        if isinstance(self.folder, Unset):
            folder = UNSET
        else:
            folder = self.folder

        category: int | None | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        state: int | None | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, ActionState):
            state = self.state.value
        else:
            state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if folder is not UNSET:
            field_dict["folder"] = folder
        if category is not UNSET:
            field_dict["category"] = category
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_folder(data: object) -> int | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            return cast(int | None | Unset, data)

        folder = _parse_folder(d.pop("folder", UNSET))

        def _parse_category(data: object) -> int | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            return cast(int | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_state(data: object) -> ActionState | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            if isinstance(data, int):
                try:
                    state_type_0 = parse_enum(ActionState, data)

                    return state_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast(ActionState | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        if cls is ActionInformations:
            action_informations = object.__new__(cls)
            action_informations.folder = folder
            action_informations.category = category
            action_informations.state = state
        else:
            action_informations = cls(
                folder,
                category,
                state,
            )

        action_informations.additional_properties = d
        return action_informations

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
