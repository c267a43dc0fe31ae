"""Returned models: variants must be told apart before variant-only fields are read (an SMS action has no
subject); absent fields are `Unset`, never silently None."""

from __future__ import annotations

from typing import assert_type

from np6 import NP6
from np6_api.models import MailMessageAction, SmsMessageAction
from np6_api.types import Unset


def accepted(client: NP6) -> None:
    for action in client.actions.list():
        if isinstance(action, MailMessageAction) and not isinstance(action.content, Unset):
            assert_type(action.content.subject, str | Unset)
        elif isinstance(action, SmsMessageAction) and not isinstance(action.content, Unset):
            assert_type(action.content.text_content, str | Unset)


def rejected(client: NP6) -> None:
    for action in client.actions.list():
        print(action.content.subject)  # type: ignore[union-attr]
    notification = client.notifications.get(156)
    notification.name.upper()  # type: ignore[union-attr]
