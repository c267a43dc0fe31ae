from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="UnknownAction")


@_attrs_define
class UnknownAction:
    """An action of a kind this spec does not list (e.g. the legacy mailCampaign), kept as NP6 sent it.

    Attributes:
        type_ (str):
        id (str | Unset):
        name (str | Unset):
        description (str | Unset):
        creation_date (datetime.datetime | Unset):
        informations (ActionInformations | Unset):
    """

    type_: str
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    creation_date: datetime.datetime | Unset = UNSET
    informations: ActionInformations | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("type", self.type_),
                ("id", self.id),
                ("name", self.name),
                ("description", self.description),
                ("creation_date", self.creation_date),
                ("informations", self.informations),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        name = self.name

        description = self.description

        creation_date: str | Unset = UNSET
        if not isinstance(self.creation_date, Unset):
            creation_date = self.creation_date.isoformat()

        informations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.informations, Unset):
            informations = self.informations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if informations is not UNSET:
            field_dict["informations"] = informations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _creation_date = d.pop("creationDate", UNSET)
        creation_date: datetime.datetime | Unset
        if _creation_date is UNSET:
            creation_date = UNSET
        else:
            creation_date = datetime.datetime.fromisoformat(_creation_date)

        _informations = d.pop("informations", UNSET)
        informations: ActionInformations | Unset
        if _informations is UNSET:
            informations = UNSET
        else:
            informations = ActionInformations.from_dict(_informations)

        if cls is UnknownAction:
            unknown_action = object.__new__(cls)
            unknown_action.type_ = type_
            unknown_action.id = id
            unknown_action.name = name
            unknown_action.description = description
            unknown_action.creation_date = creation_date
            unknown_action.informations = informations
        else:
            unknown_action = cls(
                type_,
                id,
                name,
                description,
                creation_date,
                informations,
            )

        unknown_action.additional_properties = d
        return unknown_action

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


from ..models.action_informations import ActionInformations
