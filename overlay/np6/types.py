"""The types to annotate code that uses ``np6``: argument ``Literal``s, body ``TypedDict``s, result unions.

::

    from np6 import NP6
    from np6.types import Event, ExecutionResults, NotificationRender

    def first_title(client: NP6) -> str | None: ...

Importing this module loads the generated models (``np6_api.models``), whose classes the unions name.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from np6_api.models.activation_event import ActivationEvent
from np6_api.models.bounce_event import BounceEvent
from np6_api.models.cancellation_event import CancellationEvent
from np6_api.models.complaint_event import ComplaintEvent
from np6_api.models.creation_event import CreationEvent
from np6_api.models.execution_error import ExecutionError
from np6_api.models.execution_event import ExecutionEvent
from np6_api.models.execution_success import ExecutionSuccess
from np6_api.models.hit_event import HitEvent
from np6_api.models.impression_event import ImpressionEvent
from np6_api.models.mail_message_action import MailMessageAction
from np6_api.models.modification_event import ModificationEvent
from np6_api.models.notification import Notification
from np6_api.models.notification_execution_request import NotificationExecutionRequest
from np6_api.models.notification_render_meta import NotificationRenderMeta
from np6_api.models.notification_render_success import NotificationRenderSuccess
from np6_api.models.notification_test_request import NotificationTestRequest
from np6_api.models.notification_version import NotificationVersion
from np6_api.models.optout_event import OptoutEvent
from np6_api.models.render_links_result import RenderLinksResult
from np6_api.models.render_mail_result import RenderMailResult
from np6_api.models.rendered_notification import RenderedNotification
from np6_api.models.reply_event import ReplyEvent
from np6_api.models.sms_message_action import SmsMessageAction
from np6_api.models.suppression_event import SuppressionEvent
from np6_api.models.unknown_action import UnknownAction
from np6_api.models.unknown_action_render_result import UnknownActionRenderResult
from np6_api.models.unknown_event import UnknownEvent
from np6_api.models.unknown_execution_result import UnknownExecutionResult
from np6_api.models.unknown_notification_render_result import UnknownNotificationRenderResult

from ._results import ExecutionResults, NotificationRender, RecipientError, RenderError, ResultError
from ._streaming import AsyncEventStream, EventStream
from ._types import (
    ActionReactivityKind,
    Channel,
    ContactIdentifierDict,
    DateInput,
    NotificationContentDict,
    NotificationExecutionDict,
    NotificationReactivityKind,
    NotificationRecipientDict,
    NotificationSettingsDict,
    NotificationTypeName,
    NotificationVersionDict,
    ReactivityKind,
    Scope,
    Sort,
    TestRecipientDict,
    TypedObjectDict,
    VersionInput,
)

__all__ = [
    "Action",
    "ActionReactivityKind",
    "ActionRenderResult",
    "AsyncEventStream",
    "Channel",
    "ContactIdentifierDict",
    "DateInput",
    "Event",
    "EventStream",
    "ExecutionError",
    "ExecutionResult",
    "ExecutionResults",
    "ExecutionSuccess",
    "MailMessageAction",
    "Notification",
    "NotificationContentDict",
    "NotificationExecutionDict",
    "NotificationExecutionRequest",
    "NotificationReactivityKind",
    "NotificationRecipientDict",
    "NotificationRender",
    "NotificationRenderMeta",
    "NotificationRenderResult",
    "NotificationRenderSuccess",
    "NotificationSettingsDict",
    "NotificationTestRequest",
    "NotificationTypeName",
    "NotificationVersion",
    "NotificationVersionDict",
    "RawEvent",
    "ReactivityKind",
    "RecipientError",
    "RenderError",
    "RenderLinksResult",
    "RenderMailResult",
    "RenderedNotification",
    "ResultError",
    "Scope",
    "SmsMessageAction",
    "Sort",
    "TestRecipientDict",
    "TypedObjectDict",
    "UnknownAction",
    "UnknownEvent",
    "UnknownExecutionResult",
    "VersionInput",
]

Event: TypeAlias = (
    ActivationEvent
    | BounceEvent
    | CancellationEvent
    | ComplaintEvent
    | CreationEvent
    | ExecutionEvent
    | HitEvent
    | ImpressionEvent
    | ModificationEvent
    | OptoutEvent
    | ReplyEvent
    | SuppressionEvent
    | UnknownEvent
)
"""A reactivity event (``UnknownEvent``: a kind this SDK does not know, kept raw)."""

RawEvent: TypeAlias = dict[str, Any]
"""An event exactly as NP6 sent it (``reactivities(..., raw=True)``)."""

ExecutionResult: TypeAlias = ExecutionSuccess | ExecutionError | UnknownExecutionResult
"""One message's result in a send (see ``ExecutionResults`` for the split)."""

Action: TypeAlias = MailMessageAction | SmsMessageAction | UnknownAction
"""An e-mail or SMS action (``UnknownAction``: a kind this SDK does not know, e.g. mailCampaign)."""

NotificationRenderResult: TypeAlias = NotificationRenderSuccess | UnknownNotificationRenderResult
"""The union NP6 answers a notification render with (``render()`` turns it into ``NotificationRender``)."""

ActionRenderResult: TypeAlias = RenderMailResult | UnknownActionRenderResult
"""The union NP6 answers an action render with (``render()`` returns the ``RenderMailResult``)."""
