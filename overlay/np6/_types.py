"""Type aliases for annotations (the unions the generated client returns). Type-checking only."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
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
    from np6_api.models.notification_render_success import NotificationRenderSuccess
    from np6_api.models.optout_event import OptoutEvent
    from np6_api.models.render_mail_result import RenderMailResult
    from np6_api.models.reply_event import ReplyEvent
    from np6_api.models.sms_message_action import SmsMessageAction
    from np6_api.models.suppression_event import SuppressionEvent
    from np6_api.models.unknown_action import UnknownAction
    from np6_api.models.unknown_action_render_result import UnknownActionRenderResult
    from np6_api.models.unknown_event import UnknownEvent
    from np6_api.models.unknown_execution_result import UnknownExecutionResult
    from np6_api.models.unknown_notification_render_result import UnknownNotificationRenderResult

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
    ExecutionResult: TypeAlias = ExecutionSuccess | ExecutionError | UnknownExecutionResult
    Action: TypeAlias = MailMessageAction | SmsMessageAction | UnknownAction
    NotificationRenderResult: TypeAlias = NotificationRenderSuccess | UnknownNotificationRenderResult
    ActionRenderResult: TypeAlias = RenderMailResult | UnknownActionRenderResult
