"""One handler per operationId of the spec (a test checks that none is missing)."""

from __future__ import annotations

from collections.abc import Callable

from np6_sandbox.handlers import actions, notifications, reactivities
from np6_sandbox.replies import Call, Reply

Handler = Callable[[Call], Reply]

HANDLERS: dict[str, Handler] = {**notifications.HANDLERS, **actions.HANDLERS, **reactivities.HANDLERS}

__all__ = ["HANDLERS", "Handler"]
