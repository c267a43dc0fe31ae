from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="NotificationExecutionRequest")


@_attrs_define
class NotificationExecutionRequest:
    """One execution of a notification; the strings override the version's content.

    Attributes:
        recipient (NotificationRecipient): The recipient of a notification execution, e.g. `{"type": "contact", "value":
            {"type": "id", "value": "000R4M0T"}}`.
        title (str | Unset):
        body (str | Unset):
        icon (str | Unset):
        thumbnail (str | Unset):
        image (str | Unset):
        data (NotificationExecutionRequestData | Unset): Data used to render the views
        variables (list[NotificationExecutionRequestVariablesItem] | Unset):
        redirection (Redirection | Unset): Where a tap leads (variants not documented; notifiable applications define
            routes as `{type: literal, value: "app://..."}`).
        channel (Channel | Unset): The display channel (variants not documented; applications define `{type: literal,
            value}`).
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        urgent (bool | Unset):
    """

    recipient: NotificationRecipient
    title: str | Unset = UNSET
    body: str | Unset = UNSET
    icon: str | Unset = UNSET
    thumbnail: str | Unset = UNSET
    image: str | Unset = UNSET
    data: NotificationExecutionRequestData | Unset = UNSET
    variables: list[NotificationExecutionRequestVariablesItem] | Unset = UNSET
    redirection: Redirection | Unset = UNSET
    channel: Channel | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    urgent: bool | Unset = UNSET
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
                ("redirection", self.redirection),
                ("channel", self.channel),
                ("stamp", self.stamp),
                ("urgent", self.urgent),
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

        redirection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redirection, Unset):
            redirection = self.redirection.to_dict()

        channel: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.to_dict()

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        urgent = self.urgent

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
        if redirection is not UNSET:
            field_dict["redirection"] = redirection
        if channel is not UNSET:
            field_dict["channel"] = channel
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if urgent is not UNSET:
            field_dict["urgent"] = urgent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        recipient = NotificationRecipient.from_dict(d.pop("recipient"))

        title = d.pop("title", UNSET)

        body = d.pop("body", UNSET)

        icon = d.pop("icon", UNSET)

        thumbnail = d.pop("thumbnail", UNSET)

        image = d.pop("image", UNSET)

        _data = d.pop("data", UNSET)
        data: NotificationExecutionRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = NotificationExecutionRequestData.from_dict(_data)

        _variables = d.pop("variables", UNSET)
        variables: list[NotificationExecutionRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = NotificationExecutionRequestVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

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

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        urgent = d.pop("urgent", UNSET)

        if cls is NotificationExecutionRequest:
            notification_execution_request = object.__new__(cls)
            notification_execution_request.recipient = recipient
            notification_execution_request.title = title
            notification_execution_request.body = body
            notification_execution_request.icon = icon
            notification_execution_request.thumbnail = thumbnail
            notification_execution_request.image = image
            notification_execution_request.data = data
            notification_execution_request.variables = variables
            notification_execution_request.redirection = redirection
            notification_execution_request.channel = channel
            notification_execution_request.stamp = stamp
            notification_execution_request.urgent = urgent
        else:
            notification_execution_request = cls(
                recipient,
                title,
                body,
                icon,
                thumbnail,
                image,
                data,
                variables,
                redirection,
                channel,
                stamp,
                urgent,
            )

        notification_execution_request.additional_properties = d
        return notification_execution_request

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
from ..models.execution_stamp import ExecutionStamp
from ..models.notification_execution_request_data import (
    NotificationExecutionRequestData,
)
from ..models.notification_execution_request_variables_item import (
    NotificationExecutionRequestVariablesItem,
)
from ..models.notification_recipient import NotificationRecipient
from ..models.redirection import Redirection
