"""Which channel (e-mail or SMS) an action's messages use, and the error when a body had the wrong one.

NP6 routes an action's send and render bodies by media type (``application/vnd.np6.cm.email`` or ``.sms``)
and answers 415 when it is not the action's. The caller should not have to know: ``channel=None`` (the
default) takes it from the messages when they are typed models, else from the action's ``type``, looked up
once per action and cached on the resource. A 415 still possible (the action changed, or an explicit
``channel=``) becomes ``WrongChannelError`` naming the channel to use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._bodies import model_class
from .._exceptions import APIStatusError
from .._types import Channel

if TYPE_CHECKING:
    from ..types import Action

__all__ = ["WrongChannelError", "channel_of_action", "channel_of_messages", "wrong_channel"]

_MODELS: dict[Channel, tuple[str, ...]] = {
    "email": ("ExecutionEmailRequest", "RenderEmailRequest"),
    "sms": ("ExecutionSmsRequest", "RenderSmsRequest"),
}


class WrongChannelError(APIStatusError):
    """415: the action refused a body of this channel. ``channel`` was sent; ``expected`` is the other one
    (or ``None`` when the action's type is unknown to this SDK)."""

    channel: Channel
    expected: Channel | None


@functools.cache
def _model_classes() -> tuple[tuple[type[Any], ...], tuple[type[Any], ...]]:
    """Every channel-specific model class, and the e-mail ones among them (imported once)."""
    email = tuple(model_class(name) for name in _MODELS["email"])
    return (*email, *(model_class(name) for name in _MODELS["sms"])), email


def channel_of_messages(items: Iterable[Any]) -> Channel | None:
    """The channel of the first message given as a channel-specific generated model, if any.

    One ``isinstance`` against a tuple per message: a 100,000-recipient send of ``Contact``s scans them all.
    """
    models, email = _model_classes()
    for item in items:
        if isinstance(item, models):
            return "email" if isinstance(item, email) else "sms"
    return None


def channel_of_action(action: Action) -> Channel | None:
    """``"sms"`` for an smsMessage action, ``"email"`` for a mailMessage one, ``None`` for other kinds."""
    kind = getattr(action, "type_", None)
    return "sms" if kind == "smsMessage" else "email" if kind == "mailMessage" else None


def wrong_channel(exc: APIStatusError, action_id: str, channel: Channel) -> APIStatusError:
    """``exc`` itself unless it is a 415; then a ``WrongChannelError`` that says which channel to pass."""
    if exc.status_code != 415:
        return exc
    other: Channel = "sms" if channel == "email" else "email"
    error = WrongChannelError(
        f"{exc.message}: action {action_id} does not take {channel} messages; pass channel={other!r}"
        f" (or channel=None to follow the action's type)",
        response=exc.response,
        body=exc.body,
    )
    error.channel = channel
    error.expected = other
    return error
