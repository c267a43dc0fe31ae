"""np6: the Python SDK for the NP6 marketing REST API 8.1.0.

The public, handwritten surface over the generated low-level client ``np6_api``::

    from np6 import NP6, Contact

    with NP6() as np6:  # NP6_API_KEY, NP6_BASE_URL
        result = np6.notifications.render(42, contact=Contact.unicity("a@example.com"))
        print(result.render.title)
        np6.actions.send("000PE4", [Contact.unicity("a@example.com")]).check()
        for event in np6.actions.reactivities("bounces", action_id="000PE4", sort="asc"):
            ...

Return values are the generated models of ``np6_api.models``, or small wrappers that read like the question
(``NotificationRender``, ``ExecutionResults``); ``np6.types`` holds every type to annotate with. Errors are
the tree of ``np6.NP6Error``.

Every public name but ``__version__`` is imported on first use (PEP 562 ``__getattr__``): ``import np6``
alone, ``np6 --version`` and ``np6.types`` do not pay for httpx's transport, asyncio or the client until
they are used (issue 13, start-up). Type checkers and IDEs see the ordinary imports below.
"""

from __future__ import annotations

import importlib

from ._version import __version__

# Not `typing.TYPE_CHECKING`: importing typing would be most of what `import np6` costs (`np6 --version`).
# Type checkers read the block below as always taken (mypy and pyright recognise the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, NP6, AsyncNP6
    from ._contacts import Contact
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BatchOutcome,
        BatchProgress,
        ConflictError,
        InternalServerError,
        NotFoundError,
        NP6Error,
        NP6ValidationError,
        PermissionDeniedError,
        RateLimitError,
        ResponseLimitError,
        ResponseTooDeepError,
        ResponseTooLargeError,
        SendOutcomeUnknownError,
        SendResponseUnreadableError,
        SendServerError,
        SendUnexpectedStatusError,
        StreamInterruptedError,
        UnexpectedStatusError,
        VersionNotFoundError,
    )
    from ._limits import DEFAULT_LIMITS, Limits
    from ._results import ExecutionResults, NotificationRender, RecipientError, RenderError, ResultError
    from ._retries import DEFAULT_MAX_RETRIES
    from ._streaming import AsyncEventStream, EventStream
    from .resources._channels import WrongChannelError
    from .resources._common import DEFAULT_BATCH_SIZE, batch_progress_of

# Where each public name is defined (checked against the imports above by tests/overlay/test_imports.py).
_SOURCES: dict[str, str] = {
    "DEFAULT_BASE_URL": "._client",
    "DEFAULT_TIMEOUT": "._client",
    "NP6": "._client",
    "AsyncNP6": "._client",
    "Contact": "._contacts",
    "APIConnectionError": "._exceptions",
    "APIError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "BatchOutcome": "._exceptions",
    "BatchProgress": "._exceptions",
    "ConflictError": "._exceptions",
    "InternalServerError": "._exceptions",
    "NotFoundError": "._exceptions",
    "NP6Error": "._exceptions",
    "NP6ValidationError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "RateLimitError": "._exceptions",
    "ResponseLimitError": "._exceptions",
    "ResponseTooDeepError": "._exceptions",
    "ResponseTooLargeError": "._exceptions",
    "SendOutcomeUnknownError": "._exceptions",
    "SendResponseUnreadableError": "._exceptions",
    "SendServerError": "._exceptions",
    "SendUnexpectedStatusError": "._exceptions",
    "StreamInterruptedError": "._exceptions",
    "UnexpectedStatusError": "._exceptions",
    "VersionNotFoundError": "._exceptions",
    "DEFAULT_LIMITS": "._limits",
    "Limits": "._limits",
    "ExecutionResults": "._results",
    "NotificationRender": "._results",
    "RecipientError": "._results",
    "RenderError": "._results",
    "ResultError": "._results",
    "DEFAULT_MAX_RETRIES": "._retries",
    "AsyncEventStream": "._streaming",
    "EventStream": "._streaming",
    "WrongChannelError": ".resources._channels",
    "DEFAULT_BATCH_SIZE": ".resources._common",
    "batch_progress_of": ".resources._common",
}

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NP6",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncEventStream",
    "AsyncNP6",
    "AuthenticationError",
    "BadRequestError",
    "BatchOutcome",
    "BatchProgress",
    "ConflictError",
    "Contact",
    "EventStream",
    "ExecutionResults",
    "InternalServerError",
    "Limits",
    "NP6Error",
    "NP6ValidationError",
    "NotFoundError",
    "NotificationRender",
    "PermissionDeniedError",
    "RateLimitError",
    "RecipientError",
    "RenderError",
    "ResponseLimitError",
    "ResponseTooDeepError",
    "ResponseTooLargeError",
    "ResultError",
    "SendOutcomeUnknownError",
    "SendResponseUnreadableError",
    "SendServerError",
    "SendUnexpectedStatusError",
    "StreamInterruptedError",
    "UnexpectedStatusError",
    "VersionNotFoundError",
    "WrongChannelError",
    "__version__",
    "batch_progress_of",
]


if not TYPE_CHECKING:  # hidden from type checkers, which would otherwise accept any name (a typo: np6.NP7)

    def __getattr__(name: str) -> Any:
        """A public name, imported from its module on first use and kept (then a plain lookup)."""
        source = _SOURCES.get(name)
        if source is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(source, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
