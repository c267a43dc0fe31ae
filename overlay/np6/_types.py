"""Argument types of the public surface: ``Literal`` aliases and the ``TypedDict`` shapes of request parts.

Loaded at run time and cheap (no generated model is imported); ``np6.types`` re-exports them with the model
unions. The ``TypedDict``s use the API's JSON field names, so a dict copied from NP6's documentation fits,
and an editor completes the keys. Every one is ``total=False`` unless the API requires a field.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeAlias, TypedDict, get_args

if TYPE_CHECKING:
    from np6_api.models.notification_version import NotificationVersion

__all__ = [
    "ACTION_REACTIVITY_KINDS",
    "CHANNELS",
    "NOTIFICATION_REACTIVITY_KINDS",
    "SCOPES",
    "SORTS",
    "ActionReactivityKind",
    "Channel",
    "ContactIdentifierDict",
    "DateInput",
    "NotificationContentDict",
    "NotificationExecutionDict",
    "NotificationRecipientDict",
    "NotificationSettingsDict",
    "NotificationTypeName",
    "NotificationVersionDict",
    "ReactivityKind",
    "Scope",
    "Sort",
    "TestRecipientDict",
    "TypedObjectDict",
    "VersionInput",
]

Channel: TypeAlias = Literal["email", "sms"]
"""The medium of an action's messages: ``"email"`` (mailMessage actions) or ``"sms"`` (smsMessage)."""

Sort: TypeAlias = Literal["asc", "desc"]
"""Order of a reactivity stream on the event timestamp (``None``: unspecified, may differ between calls)."""

Scope: TypeAlias = Literal["notifications", "actions"]
"""Which resource's reactivity events: push notifications or e-mail/SMS actions."""

NotificationReactivityKind: TypeAlias = Literal["impressions", "hits", "optouts", "bounces"]
"""``kind`` of ``notifications.reactivities()`` (``None`` is every event)."""

ActionReactivityKind: TypeAlias = Literal[
    "bounces", "hits", "open_hits", "redirection_hits", "unsubscribe_hits", "mirror_hits", "form_hits"
]
"""``kind`` of ``actions.reactivities()`` (``None`` is every event)."""

ReactivityKind: TypeAlias = NotificationReactivityKind | ActionReactivityKind
"""A reactivity kind of either scope."""

NotificationTypeName: TypeAlias = Literal["push-app"]
"""``type`` of a notification (the only one NP6 documents)."""

DateInput: TypeAlias = datetime.datetime | int | str
"""A date filter: a ``datetime``, milliseconds since the epoch, or an ISO 8601 string (``"2026-01-01"``,
``"2026-01-01T08:00:00+02:00"``). Without an offset (naive ``datetime`` or string) it is UTC."""

VersionInput: TypeAlias = "str | uuid.UUID | NotificationVersion"
"""A notification version: ``"master"``, its UUID (``str`` or ``uuid.UUID``) or the version object."""

CHANNELS: tuple[Channel, ...] = get_args(Channel)
SORTS: tuple[Sort, ...] = get_args(Sort)
SCOPES: tuple[Scope, ...] = get_args(Scope)
NOTIFICATION_REACTIVITY_KINDS: tuple[NotificationReactivityKind, ...] = get_args(NotificationReactivityKind)
ACTION_REACTIVITY_KINDS: tuple[ActionReactivityKind, ...] = get_args(ActionReactivityKind)


# ------------------------------------------------------------------------------- dict-shaped body parts
class TypedObjectDict(TypedDict, total=False):
    """The ``{"type": ..., "value": ...}`` objects NP6 uses for channels, redirections and the like."""

    type: str
    value: Any


class ContactIdentifierDict(TypedDict):
    """How a request names a contact (``Contact(...).to_dict()`` gives one): unicity values are a list."""

    type: Literal["id", "unicity", "hash"]
    value: str | list[str]


class NotificationContentDict(TypedDict, total=False):
    """The templated content of a notification version."""

    type: str
    title: str
    body: str
    icon: str
    thumbnail: str
    image: str


class NotificationVersionDict(TypedDict, total=False):
    """One version of a notification (exactly one of a notification's versions has ``master: True``)."""

    id: str
    master: bool
    label: str
    scripting: dict[str, Any]
    content: NotificationContentDict
    redirection: TypedObjectDict
    channel: TypedObjectDict


class NotificationSettingsDict(TypedDict, total=False):
    """A notification's settings."""

    urgent: bool
    category: int
    purpose: TypedObjectDict
    expiration: TypedObjectDict
    mp: dict[str, Any]


class NotificationRecipientDict(TypedDict):
    """The recipient of a notification execution: ``{"type": "contact", "value": <contact identifier>}``."""

    type: str
    value: NotRequired[ContactIdentifierDict | dict[str, Any]]


class TestRecipientDict(TypedDict, total=False):
    """The recipient of a notification test: NP6 documents ``value`` as an integer contact id."""

    type: str
    value: int


class NotificationExecutionDict(TypedDict, total=False):
    """One execution of a notification (``recipient`` is required; the strings override the version)."""

    recipient: NotificationRecipientDict
    title: str
    body: str
    icon: str
    thumbnail: str
    image: str
    data: dict[str, Any]
    variables: list[dict[str, Any]]
    redirection: TypedObjectDict
    channel: TypedObjectDict
    stamp: dict[str, Any]
    urgent: bool
