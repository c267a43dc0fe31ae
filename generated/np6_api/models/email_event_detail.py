from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="EmailEventDetail")


@_attrs_define
class EmailEventDetail:
    """The activation (send) the event relates to, plus one member named after the kind.

    Attributes:
        activation (EmailActivation | Unset):
        link (Link | Unset):
        bounce (Bounce | Unset):
        execution (EmailExecution | Unset):
    """

    activation: EmailActivation | Unset = UNSET
    link: Link | Unset = UNSET
    bounce: Bounce | Unset = UNSET
    execution: EmailExecution | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("activation", self.activation),
                ("link", self.link),
                ("bounce", self.bounce),
                ("execution", self.execution),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        activation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.activation, Unset):
            activation = self.activation.to_dict()

        link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.link, Unset):
            link = self.link.to_dict()

        bounce: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bounce, Unset):
            bounce = self.bounce.to_dict()

        execution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.execution, Unset):
            execution = self.execution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activation is not UNSET:
            field_dict["activation"] = activation
        if link is not UNSET:
            field_dict["link"] = link
        if bounce is not UNSET:
            field_dict["bounce"] = bounce
        if execution is not UNSET:
            field_dict["execution"] = execution

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _activation = d.pop("activation", UNSET)
        activation: EmailActivation | Unset
        if _activation is UNSET:
            activation = UNSET
        else:
            activation = EmailActivation.from_dict(_activation)

        _link = d.pop("link", UNSET)
        link: Link | Unset
        if _link is UNSET:
            link = UNSET
        else:
            link = Link.from_dict(_link)

        _bounce = d.pop("bounce", UNSET)
        bounce: Bounce | Unset
        if _bounce is UNSET:
            bounce = UNSET
        else:
            bounce = Bounce.from_dict(_bounce)

        _execution = d.pop("execution", UNSET)
        execution: EmailExecution | Unset
        if _execution is UNSET:
            execution = UNSET
        else:
            execution = EmailExecution.from_dict(_execution)

        if cls is EmailEventDetail:
            email_event_detail = object.__new__(cls)
            email_event_detail.activation = activation
            email_event_detail.link = link
            email_event_detail.bounce = bounce
            email_event_detail.execution = execution
        else:
            email_event_detail = cls(
                activation,
                link,
                bounce,
                execution,
            )

        email_event_detail.additional_properties = d
        return email_event_detail

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


from ..models.bounce import Bounce
from ..models.email_activation import EmailActivation
from ..models.email_execution import EmailExecution
from ..models.link import Link
