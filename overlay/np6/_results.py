"""What renders and sends return: results that read like the caller's question, and the errors they raise.

NP6 answers a render with a union (a success, or a kind this SDK does not know) and a send with one result per
recipient (a success, a per-recipient error, or an unknown kind). Picking those apart with ``isinstance`` is
the caller's chore in the generated client; here:

- ``notifications.render()`` returns a ``NotificationRender`` whose ``.render`` is always a
  ``RenderedNotification``; ``actions.render()`` returns the ``RenderMailResult``. Anything else raises
  ``RenderError`` carrying the result as NP6 sent it (``.raw``).
- ``actions.send()`` / ``notifications.execute()`` return ``ExecutionResults``: a list (one result per
  message, in order) with ``.succeeded``, ``.failed`` and ``.unknown``, and ``check()`` that raises
  ``RecipientError`` unless every message succeeded.
- ``send_one()`` / ``execute_one()`` return the ``ExecutionSuccess`` and raise ``RecipientError`` otherwise.

Errors (both ``NP6Error``, neither an ``APIError``: NP6 answered 2xx)::

    NP6Error
    └── ResultError          a result the caller cannot use as a success; .result (model) and .raw (dict)
        ├── RenderError      a render that is not a success (an unknown result kind)
        └── RecipientError   per-recipient failures of a send; .failures [(index, result)], .results
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self

from ._exceptions import NP6Error

if TYPE_CHECKING:
    from np6_api.models.execution_error import ExecutionError
    from np6_api.models.execution_success import ExecutionSuccess
    from np6_api.models.notification_render_meta import NotificationRenderMeta
    from np6_api.models.notification_render_success import NotificationRenderSuccess
    from np6_api.models.rendered_notification import RenderedNotification
    from np6_api.models.unknown_execution_result import UnknownExecutionResult

    from .types import ExecutionResult

__all__ = ["ExecutionResults", "NotificationRender", "RecipientError", "RenderError", "ResultError"]


def _raw(result: object) -> dict[str, Any]:
    to_dict = getattr(result, "to_dict", None)
    raw = to_dict() if callable(to_dict) else result
    return raw if isinstance(raw, dict) else {"value": raw}


class ResultError(NP6Error):
    """A 2xx answer whose result is not a success: ``result`` is the generated model, ``raw`` its JSON."""

    def __init__(self, message: str, *, result: object) -> None:
        super().__init__(message)
        self.result = result
        self.raw: dict[str, Any] = _raw(result)


class RenderError(ResultError):
    """A render that did not succeed: NP6 answered a result kind other than ``success`` (kept in ``raw``)."""


class RecipientError(ResultError):
    """A send where some recipients were not sent to (NP6 sent the others).

    ``failures`` lists ``(index, result)`` for each message that did not succeed (index in the messages
    given), ``results`` is the whole ``ExecutionResults``, and ``result``/``raw`` are the first failure.
    An ``ExecutionError`` was not sent; a result of an unknown kind may have been: check before resending.
    """

    def __init__(self, message: str, *, results: ExecutionResults) -> None:
        self.failures: builtins.list[tuple[int, ExecutionError | UnknownExecutionResult]] = [
            (index, result)  # type: ignore[misc]  # narrowed by type_ below
            for index, result in enumerate(results)
            if getattr(result, "type_", None) != "success"
        ]
        super().__init__(message, result=self.failures[0][1] if self.failures else None)
        self.results = results


def _describe_failure(index: int, result: object) -> str:
    kind = getattr(result, "type_", "?")
    if kind == "error":
        detail = getattr(result, "value", None)
        reason = getattr(detail, "type_", None)
        recipient = getattr(detail, "recipient", None)
        who = _raw(recipient) if recipient is not None and hasattr(recipient, "to_dict") else None
        text = f"message {index}: {reason if isinstance(reason, str) else 'error'}"
        return text + (f" ({who})" if who else "")
    return f"message {index}: result kind {kind!r} unknown to this SDK (it may have been sent)"


class ExecutionResults(builtins.list["ExecutionResult"]):
    """One result per message sent, in the order given, split by outcome.

    ``succeeded`` (``ExecutionSuccess``: sent), ``failed`` (``ExecutionError``: NP6 did not send to that
    recipient, ``value.type`` says why), ``unknown`` (kinds this SDK does not know, kept raw: they may have
    been sent). ``check()`` raises ``RecipientError`` unless all succeeded, and returns the list otherwise.
    """

    def __init__(self, results: Iterable[ExecutionResult] = ()) -> None:
        super().__init__(results)

    @property
    def succeeded(self) -> builtins.list[ExecutionSuccess]:
        """The successes (each has the message ``id`` and the ``recipient`` footprint)."""
        from np6_api.models.execution_success import ExecutionSuccess

        return [r for r in self if isinstance(r, ExecutionSuccess)]

    @property
    def failed(self) -> builtins.list[ExecutionError]:
        """The per-recipient errors (not sent)."""
        from np6_api.models.execution_error import ExecutionError

        return [r for r in self if isinstance(r, ExecutionError)]

    @property
    def unknown(self) -> builtins.list[UnknownExecutionResult]:
        """Results of a kind this SDK does not know (``additional_properties`` holds what NP6 sent)."""
        from np6_api.models.unknown_execution_result import UnknownExecutionResult

        return [r for r in self if isinstance(r, UnknownExecutionResult)]

    @property
    def ok(self) -> bool:
        """True when every message succeeded."""
        return all(getattr(r, "type_", None) == "success" for r in self)

    def check(self) -> Self:
        """These results, if every message succeeded; else raise ``RecipientError`` listing the others."""
        if self.ok:
            return self
        failures = [(i, r) for i, r in enumerate(self) if getattr(r, "type_", None) != "success"]
        shown = "; ".join(_describe_failure(i, r) for i, r in failures[:5])
        more = f"; and {len(failures) - 5} more" if len(failures) > 5 else ""
        raise RecipientError(
            f"{len(failures)} of {len(self)} message(s) not sent as a success: {shown}{more}", results=self
        )

    def __repr__(self) -> str:
        return (
            f"ExecutionResults(succeeded={len(self.succeeded)}, failed={len(self.failed)},"
            f" unknown={len(self.unknown)})"
        )


class NotificationRender:
    """A successful notification render: ``render`` (title, body, icon, ...) and ``meta``.

    ``render`` is always a ``RenderedNotification`` (empty if NP6 sent none); ``meta`` is ``None`` when NP6
    sent none; ``result`` is the generated ``NotificationRenderSuccess`` as parsed.
    """

    __slots__ = ("meta", "render", "result")

    def __init__(self, result: NotificationRenderSuccess) -> None:
        from np6_api.models.rendered_notification import RenderedNotification
        from np6_api.types import Unset

        self.result = result
        self.render: RenderedNotification = (
            RenderedNotification() if isinstance(result.render, Unset) else result.render
        )
        self.meta: NotificationRenderMeta | None = None if isinstance(result.meta, Unset) else result.meta

    def to_dict(self) -> dict[str, Any]:
        """The render as NP6 sent it (JSON shape)."""
        return self.result.to_dict()

    def __repr__(self) -> str:
        return f"NotificationRender(render={self.render!r}, meta={self.meta!r})"


def notification_render(result: object) -> NotificationRender:
    """The ``NotificationRender`` of a render answer, or ``RenderError`` for any other result kind."""
    from np6_api.models.notification_render_success import NotificationRenderSuccess

    if isinstance(result, NotificationRenderSuccess):
        return NotificationRender(result)
    raise RenderError(_render_failure(result), result=result)


def action_render(result: object) -> Any:
    """The ``RenderMailResult`` of an action render answer, or ``RenderError`` for any other kind."""
    from np6_api.models.render_mail_result import RenderMailResult

    if isinstance(result, RenderMailResult):
        return result
    raise RenderError(_render_failure(result), result=result)


def _render_failure(result: object) -> str:
    kind = getattr(result, "type_", None)
    raw = repr(_raw(result))[:300]
    return f"the render did not succeed: NP6 answered a result of kind {kind!r} (see .raw): {raw}"


def single_success(result: Any) -> ExecutionSuccess:
    """The ``ExecutionSuccess`` of a one-recipient send, or ``RecipientError``."""
    checked = ExecutionResults([result]).check()
    success: ExecutionSuccess = checked[0]  # type: ignore[assignment]  # check() proved it
    return success
