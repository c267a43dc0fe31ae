"""Contains all the data models used in inputs/outputs

Each model is imported on first use (PEP 562 ``__getattr__``): importing one model module, or this package,
does not import the others (start-up time, issue 13). ``from np6_api.models import X``, ``np6_api.models.X``,
``__all__`` and ``dir()`` work as before; type checkers read the imports below.
"""

from __future__ import annotations

import importlib

# Not typing's TYPE_CHECKING (importing typing costs more than this module): mypy and pyright take the
# block as always true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .action_informations import ActionInformations
    from .action_purpose import ActionPurpose
    from .action_scheduler import ActionScheduler
    from .action_state import ActionState
    from .activation_event import ActivationEvent
    from .attachment import Attachment
    from .attachment_data import AttachmentData
    from .bounce import Bounce
    from .bounce_analysis import BounceAnalysis
    from .bounce_event import BounceEvent
    from .bounce_status import BounceStatus
    from .bounce_status_code import BounceStatusCode
    from .bounce_subject import BounceSubject
    from .bounce_subject_detail import BounceSubjectDetail
    from .bounce_verdict import BounceVerdict
    from .cancellation_event import CancellationEvent
    from .channel import Channel
    from .channel_optout import ChannelOptout
    from .complaint_event import ComplaintEvent
    from .consent_mode import ConsentMode
    from .contact_by_hash import ContactByHash
    from .contact_by_id import ContactById
    from .contact_by_unicity import ContactByUnicity
    from .contact_envelope import ContactEnvelope
    from .contact_footprint import ContactFootprint
    from .creation_event import CreationEvent
    from .edition_mode import EditionMode
    from .email_activation import EmailActivation
    from .email_event_detail import EmailEventDetail
    from .email_event_source import EmailEventSource
    from .email_execution import EmailExecution
    from .email_execution_data import EmailExecutionData
    from .event_type import EventType
    from .execution_email_request import ExecutionEmailRequest
    from .execution_email_request_blocks_item import ExecutionEmailRequestBlocksItem
    from .execution_email_request_data import ExecutionEmailRequestData
    from .execution_email_request_variables_item import (
        ExecutionEmailRequestVariablesItem,
    )
    from .execution_error import ExecutionError
    from .execution_error_detail import ExecutionErrorDetail
    from .execution_event import ExecutionEvent
    from .execution_sms_request import ExecutionSmsRequest
    from .execution_sms_request_data import ExecutionSmsRequestData
    from .execution_sms_request_variables_item import ExecutionSmsRequestVariablesItem
    from .execution_stamp import ExecutionStamp
    from .execution_success import ExecutionSuccess
    from .global_optout import GlobalOptout
    from .hit_event import HitEvent
    from .identity import Identity
    from .identity_type import IdentityType
    from .impression_event import ImpressionEvent
    from .link import Link
    from .link_definition import LinkDefinition
    from .link_type import LinkType
    from .mail_content import MailContent
    from .mail_content_override import MailContentOverride
    from .mail_headers import MailHeaders
    from .mail_message_action import MailMessageAction
    from .mail_message_action_monitor import MailMessageActionMonitor
    from .mail_settings import MailSettings
    from .mail_settings_environment import MailSettingsEnvironment
    from .marketing_pressure import MarketingPressure
    from .marketing_pressure_settings import MarketingPressureSettings
    from .modification_event import ModificationEvent
    from .notification import Notification
    from .notification_activation import NotificationActivation
    from .notification_content import NotificationContent
    from .notification_event_detail import NotificationEventDetail
    from .notification_event_source import NotificationEventSource
    from .notification_execution_request import NotificationExecutionRequest
    from .notification_execution_request_data import NotificationExecutionRequestData
    from .notification_execution_request_variables_item import (
        NotificationExecutionRequestVariablesItem,
    )
    from .notification_expiration import NotificationExpiration
    from .notification_expiration_value import NotificationExpirationValue
    from .notification_purpose import NotificationPurpose
    from .notification_recipient import NotificationRecipient
    from .notification_render_meta import NotificationRenderMeta
    from .notification_render_request import NotificationRenderRequest
    from .notification_render_request_data import NotificationRenderRequestData
    from .notification_render_success import NotificationRenderSuccess
    from .notification_settings import NotificationSettings
    from .notification_task import NotificationTask
    from .notification_test_request import NotificationTestRequest
    from .notification_test_request_data import NotificationTestRequestData
    from .notification_test_request_variables_item import (
        NotificationTestRequestVariablesItem,
    )
    from .notification_type import NotificationType
    from .notification_version import NotificationVersion
    from .optout_event import OptoutEvent
    from .performance_settings import PerformanceSettings
    from .redirection import Redirection
    from .render_contact import RenderContact
    from .render_context import RenderContext
    from .render_display import RenderDisplay
    from .render_email_request import RenderEmailRequest
    from .render_email_request_blocks_item import RenderEmailRequestBlocksItem
    from .render_email_request_data import RenderEmailRequestData
    from .render_email_request_variables_item import RenderEmailRequestVariablesItem
    from .render_links_request import RenderLinksRequest
    from .render_links_request_data import RenderLinksRequestData
    from .render_links_request_variables_item import RenderLinksRequestVariablesItem
    from .render_links_result import RenderLinksResult
    from .render_mail_result import RenderMailResult
    from .render_mail_result_headers import RenderMailResultHeaders
    from .render_sender import RenderSender
    from .render_sms_request import RenderSmsRequest
    from .render_sms_request_data import RenderSmsRequestData
    from .render_sms_request_variables_item import RenderSmsRequestVariablesItem
    from .rendered_notification import RenderedNotification
    from .rendered_notification_buttons_item import RenderedNotificationButtonsItem
    from .reply_event import ReplyEvent
    from .resource_stamp import ResourceStamp
    from .scheduler_type import SchedulerType
    from .scripting import Scripting
    from .sender import Sender
    from .sms_content import SmsContent
    from .sms_content_override import SmsContentOverride
    from .sms_message_action import SmsMessageAction
    from .sms_message_action_monitor import SmsMessageActionMonitor
    from .sms_settings import SmsSettings
    from .sort_order import SortOrder
    from .suppression_event import SuppressionEvent
    from .target_message_request import TargetMessageRequest
    from .target_message_request_data import TargetMessageRequestData
    from .target_reference import TargetReference
    from .target_reference_type import TargetReferenceType
    from .task_scheduler import TaskScheduler
    from .templating_settings import TemplatingSettings
    from .test_recipient import TestRecipient
    from .unknown_action import UnknownAction
    from .unknown_action_render_result import UnknownActionRenderResult
    from .unknown_contact_identification import UnknownContactIdentification
    from .unknown_event import UnknownEvent
    from .unknown_event_source import UnknownEventSource
    from .unknown_event_source_detail import UnknownEventSourceDetail
    from .unknown_execution_result import UnknownExecutionResult
    from .unknown_notification_render_result import UnknownNotificationRenderResult
    from .unknown_optout import UnknownOptout
    from .validation_settings import ValidationSettings
    from .validation_settings_variables_item import ValidationSettingsVariablesItem

# Where each model is defined: imported from there on first use.
_MODULES: dict[str, str] = {
    "ActionInformations": ".action_informations",
    "ActionPurpose": ".action_purpose",
    "ActionScheduler": ".action_scheduler",
    "ActionState": ".action_state",
    "ActivationEvent": ".activation_event",
    "Attachment": ".attachment",
    "AttachmentData": ".attachment_data",
    "Bounce": ".bounce",
    "BounceAnalysis": ".bounce_analysis",
    "BounceEvent": ".bounce_event",
    "BounceStatus": ".bounce_status",
    "BounceStatusCode": ".bounce_status_code",
    "BounceSubject": ".bounce_subject",
    "BounceSubjectDetail": ".bounce_subject_detail",
    "BounceVerdict": ".bounce_verdict",
    "CancellationEvent": ".cancellation_event",
    "Channel": ".channel",
    "ChannelOptout": ".channel_optout",
    "ComplaintEvent": ".complaint_event",
    "ConsentMode": ".consent_mode",
    "ContactByHash": ".contact_by_hash",
    "ContactById": ".contact_by_id",
    "ContactByUnicity": ".contact_by_unicity",
    "ContactEnvelope": ".contact_envelope",
    "ContactFootprint": ".contact_footprint",
    "CreationEvent": ".creation_event",
    "EditionMode": ".edition_mode",
    "EmailActivation": ".email_activation",
    "EmailEventDetail": ".email_event_detail",
    "EmailEventSource": ".email_event_source",
    "EmailExecution": ".email_execution",
    "EmailExecutionData": ".email_execution_data",
    "EventType": ".event_type",
    "ExecutionEmailRequest": ".execution_email_request",
    "ExecutionEmailRequestBlocksItem": ".execution_email_request_blocks_item",
    "ExecutionEmailRequestData": ".execution_email_request_data",
    "ExecutionEmailRequestVariablesItem": ".execution_email_request_variables_item",
    "ExecutionError": ".execution_error",
    "ExecutionErrorDetail": ".execution_error_detail",
    "ExecutionEvent": ".execution_event",
    "ExecutionSmsRequest": ".execution_sms_request",
    "ExecutionSmsRequestData": ".execution_sms_request_data",
    "ExecutionSmsRequestVariablesItem": ".execution_sms_request_variables_item",
    "ExecutionStamp": ".execution_stamp",
    "ExecutionSuccess": ".execution_success",
    "GlobalOptout": ".global_optout",
    "HitEvent": ".hit_event",
    "Identity": ".identity",
    "IdentityType": ".identity_type",
    "ImpressionEvent": ".impression_event",
    "Link": ".link",
    "LinkDefinition": ".link_definition",
    "LinkType": ".link_type",
    "MailContent": ".mail_content",
    "MailContentOverride": ".mail_content_override",
    "MailHeaders": ".mail_headers",
    "MailMessageAction": ".mail_message_action",
    "MailMessageActionMonitor": ".mail_message_action_monitor",
    "MailSettings": ".mail_settings",
    "MailSettingsEnvironment": ".mail_settings_environment",
    "MarketingPressure": ".marketing_pressure",
    "MarketingPressureSettings": ".marketing_pressure_settings",
    "ModificationEvent": ".modification_event",
    "Notification": ".notification",
    "NotificationActivation": ".notification_activation",
    "NotificationContent": ".notification_content",
    "NotificationEventDetail": ".notification_event_detail",
    "NotificationEventSource": ".notification_event_source",
    "NotificationExecutionRequest": ".notification_execution_request",
    "NotificationExecutionRequestData": ".notification_execution_request_data",
    "NotificationExecutionRequestVariablesItem": ".notification_execution_request_variables_item",
    "NotificationExpiration": ".notification_expiration",
    "NotificationExpirationValue": ".notification_expiration_value",
    "NotificationPurpose": ".notification_purpose",
    "NotificationRecipient": ".notification_recipient",
    "NotificationRenderMeta": ".notification_render_meta",
    "NotificationRenderRequest": ".notification_render_request",
    "NotificationRenderRequestData": ".notification_render_request_data",
    "NotificationRenderSuccess": ".notification_render_success",
    "NotificationSettings": ".notification_settings",
    "NotificationTask": ".notification_task",
    "NotificationTestRequest": ".notification_test_request",
    "NotificationTestRequestData": ".notification_test_request_data",
    "NotificationTestRequestVariablesItem": ".notification_test_request_variables_item",
    "NotificationType": ".notification_type",
    "NotificationVersion": ".notification_version",
    "OptoutEvent": ".optout_event",
    "PerformanceSettings": ".performance_settings",
    "Redirection": ".redirection",
    "RenderContact": ".render_contact",
    "RenderContext": ".render_context",
    "RenderDisplay": ".render_display",
    "RenderEmailRequest": ".render_email_request",
    "RenderEmailRequestBlocksItem": ".render_email_request_blocks_item",
    "RenderEmailRequestData": ".render_email_request_data",
    "RenderEmailRequestVariablesItem": ".render_email_request_variables_item",
    "RenderLinksRequest": ".render_links_request",
    "RenderLinksRequestData": ".render_links_request_data",
    "RenderLinksRequestVariablesItem": ".render_links_request_variables_item",
    "RenderLinksResult": ".render_links_result",
    "RenderMailResult": ".render_mail_result",
    "RenderMailResultHeaders": ".render_mail_result_headers",
    "RenderSender": ".render_sender",
    "RenderSmsRequest": ".render_sms_request",
    "RenderSmsRequestData": ".render_sms_request_data",
    "RenderSmsRequestVariablesItem": ".render_sms_request_variables_item",
    "RenderedNotification": ".rendered_notification",
    "RenderedNotificationButtonsItem": ".rendered_notification_buttons_item",
    "ReplyEvent": ".reply_event",
    "ResourceStamp": ".resource_stamp",
    "SchedulerType": ".scheduler_type",
    "Scripting": ".scripting",
    "Sender": ".sender",
    "SmsContent": ".sms_content",
    "SmsContentOverride": ".sms_content_override",
    "SmsMessageAction": ".sms_message_action",
    "SmsMessageActionMonitor": ".sms_message_action_monitor",
    "SmsSettings": ".sms_settings",
    "SortOrder": ".sort_order",
    "SuppressionEvent": ".suppression_event",
    "TargetMessageRequest": ".target_message_request",
    "TargetMessageRequestData": ".target_message_request_data",
    "TargetReference": ".target_reference",
    "TargetReferenceType": ".target_reference_type",
    "TaskScheduler": ".task_scheduler",
    "TemplatingSettings": ".templating_settings",
    "TestRecipient": ".test_recipient",
    "UnknownAction": ".unknown_action",
    "UnknownActionRenderResult": ".unknown_action_render_result",
    "UnknownContactIdentification": ".unknown_contact_identification",
    "UnknownEvent": ".unknown_event",
    "UnknownEventSource": ".unknown_event_source",
    "UnknownEventSourceDetail": ".unknown_event_source_detail",
    "UnknownExecutionResult": ".unknown_execution_result",
    "UnknownNotificationRenderResult": ".unknown_notification_render_result",
    "UnknownOptout": ".unknown_optout",
    "ValidationSettings": ".validation_settings",
    "ValidationSettingsVariablesItem": ".validation_settings_variables_item",
}

__all__ = (
    "ActionInformations",
    "ActionPurpose",
    "ActionScheduler",
    "ActionState",
    "ActivationEvent",
    "Attachment",
    "AttachmentData",
    "Bounce",
    "BounceAnalysis",
    "BounceEvent",
    "BounceStatus",
    "BounceStatusCode",
    "BounceSubject",
    "BounceSubjectDetail",
    "BounceVerdict",
    "CancellationEvent",
    "Channel",
    "ChannelOptout",
    "ComplaintEvent",
    "ConsentMode",
    "ContactByHash",
    "ContactById",
    "ContactByUnicity",
    "ContactEnvelope",
    "ContactFootprint",
    "CreationEvent",
    "EditionMode",
    "EmailActivation",
    "EmailEventDetail",
    "EmailEventSource",
    "EmailExecution",
    "EmailExecutionData",
    "EventType",
    "ExecutionEmailRequest",
    "ExecutionEmailRequestBlocksItem",
    "ExecutionEmailRequestData",
    "ExecutionEmailRequestVariablesItem",
    "ExecutionError",
    "ExecutionErrorDetail",
    "ExecutionEvent",
    "ExecutionSmsRequest",
    "ExecutionSmsRequestData",
    "ExecutionSmsRequestVariablesItem",
    "ExecutionStamp",
    "ExecutionSuccess",
    "GlobalOptout",
    "HitEvent",
    "Identity",
    "IdentityType",
    "ImpressionEvent",
    "Link",
    "LinkDefinition",
    "LinkType",
    "MailContent",
    "MailContentOverride",
    "MailHeaders",
    "MailMessageAction",
    "MailMessageActionMonitor",
    "MailSettings",
    "MailSettingsEnvironment",
    "MarketingPressure",
    "MarketingPressureSettings",
    "ModificationEvent",
    "Notification",
    "NotificationActivation",
    "NotificationContent",
    "NotificationEventDetail",
    "NotificationEventSource",
    "NotificationExecutionRequest",
    "NotificationExecutionRequestData",
    "NotificationExecutionRequestVariablesItem",
    "NotificationExpiration",
    "NotificationExpirationValue",
    "NotificationPurpose",
    "NotificationRecipient",
    "NotificationRenderMeta",
    "NotificationRenderRequest",
    "NotificationRenderRequestData",
    "NotificationRenderSuccess",
    "NotificationSettings",
    "NotificationTask",
    "NotificationTestRequest",
    "NotificationTestRequestData",
    "NotificationTestRequestVariablesItem",
    "NotificationType",
    "NotificationVersion",
    "OptoutEvent",
    "PerformanceSettings",
    "Redirection",
    "RenderContact",
    "RenderContext",
    "RenderDisplay",
    "RenderEmailRequest",
    "RenderEmailRequestBlocksItem",
    "RenderEmailRequestData",
    "RenderEmailRequestVariablesItem",
    "RenderLinksRequest",
    "RenderLinksRequestData",
    "RenderLinksRequestVariablesItem",
    "RenderLinksResult",
    "RenderMailResult",
    "RenderMailResultHeaders",
    "RenderSender",
    "RenderSmsRequest",
    "RenderSmsRequestData",
    "RenderSmsRequestVariablesItem",
    "RenderedNotification",
    "RenderedNotificationButtonsItem",
    "ReplyEvent",
    "ResourceStamp",
    "SchedulerType",
    "Scripting",
    "Sender",
    "SmsContent",
    "SmsContentOverride",
    "SmsMessageAction",
    "SmsMessageActionMonitor",
    "SmsSettings",
    "SortOrder",
    "SuppressionEvent",
    "TargetMessageRequest",
    "TargetMessageRequestData",
    "TargetReference",
    "TargetReferenceType",
    "TaskScheduler",
    "TemplatingSettings",
    "TestRecipient",
    "UnknownAction",
    "UnknownActionRenderResult",
    "UnknownContactIdentification",
    "UnknownEvent",
    "UnknownEventSource",
    "UnknownEventSourceDetail",
    "UnknownExecutionResult",
    "UnknownNotificationRenderResult",
    "UnknownOptout",
    "ValidationSettings",
    "ValidationSettingsVariablesItem",
)


# Hidden from type checkers, which would otherwise accept any name (a typo) as a model.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
