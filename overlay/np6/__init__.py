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
"""

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
from ._version import __version__
from .resources._channels import WrongChannelError
from .resources._common import DEFAULT_BATCH_SIZE, batch_progress_of

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
