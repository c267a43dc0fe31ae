from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationEventDetail")


@_attrs_define
class NotificationEventDetail:
    """The activation (send) the event relates to, plus one member named after the kind (`link` for hits).

    Attributes:
        activation (NotificationActivation | Unset):
        link (Link | Unset):
        optout (ChannelOptout | GlobalOptout | UnknownOptout | Unset):
        bounce (Bounce | Unset):
    """

    activation: NotificationActivation | Unset = UNSET
    link: Link | Unset = UNSET
    optout: ChannelOptout | GlobalOptout | UnknownOptout | Unset = UNSET
    bounce: Bounce | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("activation", self.activation),
                ("link", self.link),
                ("optout", self.optout),
                ("bounce", self.bounce),
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

        optout: dict[str, Any] | Unset
        if isinstance(self.optout, Unset):
            optout = UNSET
        elif isinstance(self.optout, ChannelOptout) or isinstance(
            self.optout, GlobalOptout
        ):
            optout = self.optout.to_dict()
        else:
            optout = self.optout.to_dict()

        bounce: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bounce, Unset):
            bounce = self.bounce.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activation is not UNSET:
            field_dict["activation"] = activation
        if link is not UNSET:
            field_dict["link"] = link
        if optout is not UNSET:
            field_dict["optout"] = optout
        if bounce is not UNSET:
            field_dict["bounce"] = bounce

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _activation = d.pop("activation", UNSET)
        activation: NotificationActivation | Unset
        if _activation is UNSET:
            activation = UNSET
        else:
            activation = NotificationActivation.from_dict(_activation)

        _link = d.pop("link", UNSET)
        link: Link | Unset
        if _link is UNSET:
            link = UNSET
        else:
            link = Link.from_dict(_link)

        def _parse_optout(
            data: object,
        ) -> ChannelOptout | GlobalOptout | UnknownOptout | Unset:
            if data is UNSET:
                return UNSET
            if isinstance(data, dict) and data.get("type") == "channel":
                try:
                    componentsschemas_optout_type_0 = ChannelOptout.from_dict(data)

                    return componentsschemas_optout_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "global":
                try:
                    componentsschemas_optout_type_1 = GlobalOptout.from_dict(data)

                    return componentsschemas_optout_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_optout_type_2 = UnknownOptout.from_dict(data)

            return componentsschemas_optout_type_2

        optout = _parse_optout(d.pop("optout", UNSET))

        _bounce = d.pop("bounce", UNSET)
        bounce: Bounce | Unset
        if _bounce is UNSET:
            bounce = UNSET
        else:
            bounce = Bounce.from_dict(_bounce)

        if cls is NotificationEventDetail:
            notification_event_detail = object.__new__(cls)
            notification_event_detail.activation = activation
            notification_event_detail.link = link
            notification_event_detail.optout = optout
            notification_event_detail.bounce = bounce
        else:
            notification_event_detail = cls(
                activation,
                link,
                optout,
                bounce,
            )

        notification_event_detail.additional_properties = d
        return notification_event_detail

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
from ..models.channel_optout import ChannelOptout
from ..models.global_optout import GlobalOptout
from ..models.link import Link
from ..models.notification_activation import NotificationActivation
from ..models.unknown_optout import UnknownOptout
