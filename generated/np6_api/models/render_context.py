from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.render_display import RenderDisplay
from ..types import UNSET, Unset, model_repr, parse_enum

T = TypeVar("T", bound="RenderContext")


@_attrs_define
class RenderContext:
    """Views overrides.

    Attributes:
        id (str | Unset): The message id
        display (RenderDisplay | Unset):
        render (int | Unset): The content id
        recipient (str | Unset): Overridden address
    """

    id: str | Unset = UNSET
    display: RenderDisplay | Unset = UNSET
    render: int | Unset = UNSET
    recipient: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("id", self.id),
                ("display", self.display),
                ("render", self.render),
                ("recipient", self.recipient),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display: int | Unset = UNSET
        if not isinstance(self.display, Unset):
            display = self.display.value

        render = self.render

        recipient = self.recipient

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if display is not UNSET:
            field_dict["display"] = display
        if render is not UNSET:
            field_dict["render"] = render
        if recipient is not UNSET:
            field_dict["recipient"] = recipient

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _display = d.pop("display", UNSET)
        display: RenderDisplay | Unset
        if _display is UNSET:
            display = UNSET
        else:
            display = parse_enum(RenderDisplay, _display)

        render = d.pop("render", UNSET)

        recipient = d.pop("recipient", UNSET)

        if cls is RenderContext:
            render_context = object.__new__(cls)
            render_context.id = id
            render_context.display = display
            render_context.render = render
            render_context.recipient = recipient
        else:
            render_context = cls(
                id,
                display,
                render,
                recipient,
            )

        render_context.additional_properties = d
        return render_context

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
