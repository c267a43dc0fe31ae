"""The 61 operations of the generated client: where each lives and how it may be retried.

This is the one table of the retry classification (see ``np6._retries`` for what each class means).
Generated endpoint modules are imported lazily, on first use, to keep ``import np6`` fast.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import NamedTuple

from ._retries import RetryClass

__all__ = ["OPERATIONS", "Operation", "endpoint"]

_NM = "notification_management"
_NR = "notification_reactivity"
_AM = "action_management"
_AR = "action_reactivity"
SAFE = RetryClass.SAFE
SEND = RetryClass.SEND


class Operation(NamedTuple):
    tag: str
    retry: RetryClass
    status: int = 200  # the one success status the spec documents; any other 1xx-3xx is unexpected


OPERATIONS: dict[str, Operation] = {
    # -- notification management
    "list_notifications": Operation(_NM, SAFE),
    "create_notification": Operation(_NM, SEND),  # a repeat would create a second notification
    "get_notification": Operation(_NM, SAFE),
    "update_notification": Operation(_NM, SAFE),  # PUT: full replacement, idempotent
    "delete_notification": Operation(_NM, SAFE, 204),
    "render_notification": Operation(_NM, SAFE),  # POST, but a preview: nothing is sent
    "render_notification_for_contact_id": Operation(_NM, SAFE),
    "render_notification_for_contact": Operation(_NM, SAFE),
    "render_notification_version": Operation(_NM, SAFE),  # POST preview
    "render_notification_version_for_contact_id": Operation(_NM, SAFE),
    "render_notification_version_for_contact": Operation(_NM, SAFE),
    "test_notification": Operation(_NM, SEND, 204),  # sends a test push
    "test_notification_version": Operation(_NM, SEND, 204),
    "execute_notification": Operation(_NM, SEND),  # sends
    "execute_notification_batch": Operation(_NM, SEND),
    "duplicate_notification": Operation(_NM, SEND),  # creates
    "activate_notification": Operation(_NM, SAFE, 204),  # POST, but idempotent state change
    "deactivate_notification": Operation(_NM, SAFE, 204),
    # -- notification reactivity (GET)
    **{
        f"list_{kind}_of_{scope}": Operation(_NR, SAFE)
        for kind in ("reactivities", "impressions", "hits", "optouts", "bounces")
        for scope in ("all_notifications", "notification")
    },
    # -- action management
    "list_actions": Operation(_AM, SAFE),
    "create_action": Operation(_AM, SEND),  # creates
    "get_action": Operation(_AM, SAFE),
    "update_action": Operation(_AM, SAFE),
    "delete_action": Operation(_AM, SAFE, 204),
    "duplicate_action": Operation(_AM, SEND),  # creates
    "validate_action": Operation(
        _AM, SEND, 204
    ),  # the test phase sends proofs; production validation commits
    "unvalidate_action": Operation(_AM, SAFE, 204),  # DELETE
    "render_action_messages": Operation(_AM, SAFE),  # POST preview
    "render_action_message": Operation(_AM, SAFE),  # POST preview
    "send_action_messages": Operation(_AM, SEND),
    "send_action_message": Operation(_AM, SEND),
    "export_action_recipients": Operation(_AM, SAFE, 204),  # GET (a repeat starts a second export, harmless)
    "export_action_openers": Operation(_AM, SAFE, 204),
    "export_action_clickers": Operation(_AM, SAFE, 204),
    "render_action_links": Operation(_AM, SAFE),  # POST preview
    "send_action_message_to_target": Operation(_AM, SEND),
    # -- action reactivity (GET)
    **{
        f"list_{kind}_of_{scope}": Operation(_AR, SAFE)
        for kind in (
            "reactivities",
            "bounces",
            "hits",
            "open_hits",
            "redirection_hits",
            "unsubscribe_hits",
            "mirror_hits",
            "form_hits",
        )
        for scope in ("all_actions", "action")
    },
}


@functools.cache
def endpoint(operation_id: str) -> ModuleType:
    """The generated module ``np6_api.api.<tag>.<operation_id>`` (imported on first use)."""
    op = OPERATIONS[operation_id]
    return importlib.import_module(f"np6_api.api.{op.tag}.{operation_id}")
