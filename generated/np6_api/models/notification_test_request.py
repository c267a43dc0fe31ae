from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationTestRequest")


@_attrs_define
class NotificationTestRequest:
    """A test send of a notification; the strings override the version's content.

    Attributes:
        recipient (TestRecipient): The recipient of a notification test; NP6 documents `value` as an integer.
        title (str | Unset):
        body (str | Unset):
        icon (str | Unset):
        thumbnail (str | Unset):
        image (str | Unset):
        data (NotificationTestRequestData | Unset):
        variables (list[NotificationTestRequestVariablesItem] | Unset):
        expiration (NotificationExpiration | Unset): When the notification expires; variants are not documented.
        redirection (Redirection | Unset): Where a tap leads (variants not documented; notifiable applications define
            routes as `{type: literal, value: "app://..."}`).
        channel (Channel | Unset): The display channel (variants not documented; applications define `{type: literal,
            value}`).
    """

    recipient: TestRecipient
    title: str | Unset = UNSET
    body: str | Unset = UNSET
    icon: str | Unset = UNSET
    thumbnail: str | Unset = UNSET
    image: str | Unset = UNSET
    data: NotificationTestRequestData | Unset = UNSET
    variables: list[NotificationTestRequestVariablesItem] | Unset = UNSET
    expiration: NotificationExpiration | Unset = UNSET
    redirection: Redirection | Unset = UNSET
    channel: Channel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("recipient", self.recipient),
                ("title", self.title),
                ("body", self.body),
                ("icon", self.icon),
                ("thumbnail", self.thumbnail),
                ("image", self.image),
                ("data", self.data),
                ("variables", self.variables),
                ("expiration", self.expiration),
                ("redirection", self.redirection),
                ("channel", self.channel),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient.to_dict()

        title = self.title

        body = self.body

        icon = self.icon

        thumbnail = self.thumbnail

        image = self.image

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        variables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = []
            for variables_item_data in self.variables:
                variables_item = variables_item_data.to_dict()
                variables.append(variables_item)

        expiration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expiration, Unset):
            expiration = self.expiration.to_dict()

        redirection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redirection, Unset):
            redirection = self.redirection.to_dict()

        channel: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if body is not UNSET:
            field_dict["body"] = body
        if icon is not UNSET:
            field_dict["icon"] = icon
        if thumbnail is not UNSET:
            field_dict["thumbnail"] = thumbnail
        if image is not UNSET:
            field_dict["image"] = image
        if data is not UNSET:
            field_dict["data"] = data
        if variables is not UNSET:
            field_dict["variables"] = variables
        if expiration is not UNSET:
            field_dict["expiration"] = expiration
        if redirection is not UNSET:
            field_dict["redirection"] = redirection
        if channel is not UNSET:
            field_dict["channel"] = channel

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        recipient = TestRecipient.from_dict(d.pop("recipient"))

        title = d.pop("title", UNSET)

        body = d.pop("body", UNSET)

        icon = d.pop("icon", UNSET)

        thumbnail = d.pop("thumbnail", UNSET)

        image = d.pop("image", UNSET)

        _data = d.pop("data", UNSET)
        data: NotificationTestRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = NotificationTestRequestData.from_dict(_data)

        _variables = d.pop("variables", UNSET)
        variables: list[NotificationTestRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = NotificationTestRequestVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

        _expiration = d.pop("expiration", UNSET)
        expiration: NotificationExpiration | Unset
        if _expiration is UNSET:
            expiration = UNSET
        else:
            expiration = NotificationExpiration.from_dict(_expiration)

        _redirection = d.pop("redirection", UNSET)
        redirection: Redirection | Unset
        if _redirection is UNSET:
            redirection = UNSET
        else:
            redirection = Redirection.from_dict(_redirection)

        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if _channel is UNSET:
            channel = UNSET
        else:
            channel = Channel.from_dict(_channel)

        if cls is NotificationTestRequest:
            notification_test_request = object.__new__(cls)
            notification_test_request.recipient = recipient
            notification_test_request.title = title
            notification_test_request.body = body
            notification_test_request.icon = icon
            notification_test_request.thumbnail = thumbnail
            notification_test_request.image = image
            notification_test_request.data = data
            notification_test_request.variables = variables
            notification_test_request.expiration = expiration
            notification_test_request.redirection = redirection
            notification_test_request.channel = channel
        else:
            notification_test_request = cls(
                recipient,
                title,
                body,
                icon,
                thumbnail,
                image,
                data,
                variables,
                expiration,
                redirection,
                channel,
            )

        notification_test_request.additional_properties = d
        return notification_test_request

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


from ..models.channel import Channel
from ..models.notification_expiration import NotificationExpiration
from ..models.notification_test_request_data import NotificationTestRequestData
from ..models.notification_test_request_variables_item import (
    NotificationTestRequestVariablesItem,
)
from ..models.redirection import Redirection
from ..models.test_recipient import TestRecipient
