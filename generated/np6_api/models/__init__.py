"""Contains all the data models used in inputs/outputs"""

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
from .execution_email_request_variables_item import ExecutionEmailRequestVariablesItem
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
