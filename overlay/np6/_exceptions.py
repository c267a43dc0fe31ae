"""Every error the SDK raises, in one tree.

::

    NP6Error
    ├── NP6ValidationError (also ValueError)      bad arguments, raised before any I/O
    ├── VersionNotFoundError (also LookupError)   select_version() found no match; lists the versions
    └── APIError                                  something went wrong talking to NP6
        ├── APIStatusError                        NP6 answered with a 4xx/5xx status
        │   ├── BadRequestError                   400
        │   ├── AuthenticationError               401
        │   ├── PermissionDeniedError             403
        │   ├── NotFoundError                     404
        │   ├── ConflictError                     409
        │   ├── RateLimitError                    429 (``retry_after``)
        │   └── InternalServerError               5xx
        ├── APIConnectionError                    no usable answer (DNS, refused, reset, ...)
        │   ├── APITimeoutError                   a timeout
        │   ├── SendOutcomeUnknownError           a send failed after it may have reached NP6; not retried
        │   └── StreamInterruptedError            a reactivity stream broke; carries the resume point
        └── APIResponseValidationError            a 2xx answer whose body could not be parsed

Lower-layer errors (httpx, JSON, generated model parsing) are mapped in ``_base_client`` and re-raised
``from`` the original. No exception keeps the request headers (the API key) in its args or message: the
``response`` attribute is a copy whose request carries no ``X-Key``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BatchProgress",
    "ConflictError",
    "InternalServerError",
    "NP6Error",
    "NP6ValidationError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SendOutcomeUnknownError",
    "StreamInterruptedError",
    "VersionNotFoundError",
]


class NP6Error(Exception):
    """Base class of every error raised by the SDK."""


class NP6ValidationError(NP6Error, ValueError):
    """An argument is wrong; raised before any request is sent."""


class VersionNotFoundError(NP6Error, LookupError):
    """No version of the notification matches; ``available`` lists ``(id, label, master)`` of each."""

    def __init__(self, message: str, *, available: list[tuple[str | None, str | None, bool]]) -> None:
        super().__init__(message)
        self.available = available


class BatchProgress:
    """Where a batched send stood when a batch failed (attached to the error as ``batch_progress``).

    ``results`` holds one result per message already sent (in order), ``failed`` the messages of the batch
    that failed (whether they were sent depends on the error: a ``SendOutcomeUnknownError`` means maybe),
    ``unsent`` the messages never attempted. Every input message is in exactly one of the three.
    """

    def __init__(self, results: list[Any], failed: list[Any], unsent: list[Any]) -> None:
        self.results = results
        self.failed = failed
        self.unsent = unsent

    def __repr__(self) -> str:
        counts = f"results={len(self.results)}, failed={len(self.failed)}, unsent={len(self.unsent)}"
        return f"BatchProgress({counts})"


class APIError(NP6Error):
    """Something went wrong talking to NP6.

    ``method`` and ``url`` name the request (no headers); ``batch_progress`` is set when the error stopped
    a batched send.
    """

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url
        self.batch_progress: BatchProgress | None = None


class APIStatusError(APIError):
    """NP6 answered with an error status.

    ``status_code``, ``request_id`` (``x-request-id``, what NP6 support asks for), ``response`` (the raw
    ``httpx.Response``, its request stripped of the API key) and ``body`` (the parsed JSON body, or the text,
    or ``None``: NP6 documents no error bodies).
    """

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, method=response.request.method, url=str(response.request.url))
        self.response = response
        self.status_code = response.status_code
        self.request_id: str | None = response.headers.get("x-request-id")
        self.body = body


class BadRequestError(APIStatusError):
    """400: NP6 rejected the request as malformed."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the key's user lacks the permission."""


class NotFoundError(APIStatusError):
    """404: unknown resource (NP6 also uses it for an invalid value in a valid request)."""


class ConflictError(APIStatusError):
    """409: state conflict (e.g. sending an action that is not validated, validating twice)."""


class RateLimitError(APIStatusError):
    """429: rate limit reached; ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(
        self, message: str, *, response: httpx.Response, body: object | None, retry_after: float | None
    ) -> None:
        super().__init__(message, response=response, body=body)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: a server fault (503 during maintenance)."""


class APIConnectionError(APIError):
    """No usable answer from NP6: DNS failure, connection refused or reset, TLS error, ..."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class SendOutcomeUnknownError(APIConnectionError):
    """A send (execution, test, validation, create) failed after the request may have reached NP6.

    It was NOT retried, so nothing is sent twice; the messages may or may not have been sent. Check the
    reactivity events or the outbox before sending again. ``timed_out`` tells whether the cause was a timeout.
    """

    def __init__(
        self, message: str, *, method: str | None = None, url: str | None = None, timed_out: bool = False
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.timed_out = timed_out


class StreamInterruptedError(APIConnectionError):
    """A reactivity stream broke after ``count`` events were yielded.

    ``last_timestamp`` and ``last_event_id`` describe the last event yielded. With ``sort="asc"``
    (``resumable`` is then true), pass ``resume=exc`` to ``reactivities()``: it restarts at
    ``reactivity_start=last_timestamp`` and skips the events already yielded at that timestamp
    (``ids_at_last_timestamp``), so every event is seen exactly once.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        count: int,
        last_timestamp: int | None,
        last_event_id: str | None,
        ids_at_last_timestamp: frozenset[str],
        resumable: bool,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.count = count
        self.last_timestamp = last_timestamp
        self.last_event_id = last_event_id
        self.ids_at_last_timestamp = ids_at_last_timestamp
        self.resumable = resumable


class APIResponseValidationError(APIError):
    """NP6 answered 2xx but the body could not be parsed (malformed JSON, a required field missing, ...).

    ``status_code`` and ``request_id`` identify the answer; ``body`` holds up to 1 kB of the raw text.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        status_code: int | None = None,
        request_id: str | None = None,
        body: str | None = None,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status_code = status_code
        self.request_id = request_id
        self.body = body
