"""Every error the SDK raises, in one tree.

::

    NP6Error
    ├── NP6ValidationError (also ValueError)      bad arguments or key, raised before any I/O
    ├── VersionNotFoundError (also LookupError)   select_version() found no match; lists the versions
    └── APIError                                  something went wrong talking to NP6
        ├── APIStatusError                        NP6 answered with an error or undocumented status
        │   ├── BadRequestError                   400
        │   ├── AuthenticationError               401
        │   ├── PermissionDeniedError             403
        │   ├── NotFoundError                     404
        │   ├── ConflictError                     409
        │   ├── RateLimitError                    429 (``retry_after``)
        │   ├── InternalServerError               5xx
        │   │   └── SendServerError               5xx on a send (also a SendOutcomeUnknownError)
        │   └── UnexpectedStatusError             a status the spec does not document for the operation
        │       └── SendUnexpectedStatusError     ... on a send (also a SendOutcomeUnknownError)
        ├── APIConnectionError                    no usable answer (DNS, refused, reset, ...)
        │   ├── APITimeoutError                   a timeout, or the attempt's total deadline
        │   ├── SendOutcomeUnknownError           a send failed after it may have reached NP6; not retried
        │   └── StreamInterruptedError            a reactivity stream broke; carries the resume point
        └── APIResponseValidationError            an answer whose body could not be read or parsed
            ├── ResponseLimitError                a bound of ``np6.Limits`` was crossed (``limit`` names it)
            │   ├── ResponseTooLargeError         max_body_size, max_error_body_size, decompression ratio
            │   └── ResponseTooDeepError          max_depth
            └── SendResponseUnreadableError       a send answered 2xx whose body could not be read
                                                  (also a SendOutcomeUnknownError)

Lower-layer errors (httpx, httpcore, h11, zlib, JSON, encoding, generated model parsing) are mapped in ONE
place, ``_base_client``, and re-raised ``from`` the original, whose chain is scrubbed first: every request
reachable from it loses its ``X-Key`` header and URL userinfo, and every text the client writes (messages,
bodies, request ids) has the key replaced by ``***`` in every form (raw, JSON-escaped, URL-encoded).

The rule for sends (executions, tests, validations, creates: ``np6._operations``, retry class ``SEND``):

* the request provably never left (connection refused, DNS, connect or pool timeout, a request that could not
  be built): the usual error (``APIConnectionError``, ``APITimeoutError``, ``NP6ValidationError``); such a
  send may be retried, nothing reached NP6;
* NP6 refused it (4xx): the status error; nothing was sent;
* anything else where the request may have reached NP6 (5xx, an undocumented status, a timeout, the
  deadline or a dropped connection after the request was written, an answer whose body cannot be read) is a
  ``SendOutcomeUnknownError``: it may have been sent, it is never retried, check before sending again. The
  subclasses that also carry a status (``SendServerError``, ``SendUnexpectedStatusError``) or a body failure
  (``SendResponseUnreadableError``) are caught by both ``except`` clauses.

``request_may_have_reached_np6(exc)`` (in ``np6._base_client``) also answers for ``KeyboardInterrupt`` and
``asyncio.CancelledError`` raised during a send: they propagate unchanged, marked with whether the request's
headers had started to go out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

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
    "BatchOutcome",
    "BatchProgress",
    "ConflictError",
    "InternalServerError",
    "NP6Error",
    "NP6ValidationError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseLimitError",
    "ResponseTooDeepError",
    "ResponseTooLargeError",
    "SendOutcomeUnknownError",
    "SendResponseUnreadableError",
    "SendServerError",
    "SendUnexpectedStatusError",
    "StreamInterruptedError",
    "UnexpectedStatusError",
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


class BatchOutcome(NamedTuple):
    """A batch of a concurrent send that had started after the one that failed (``BatchProgress.later``).

    ``results`` is NP6's answer (one result per message) when the batch finished; otherwise ``error`` says
    what stopped it, read as for ``BatchProgress.failed`` (a ``SendOutcomeUnknownError`` or a cancellation:
    maybe sent; a 4xx: not sent).
    """

    messages: list[Any]
    results: list[Any] | None
    error: BaseException | None


class BatchProgress:
    """Where a batched send stood when a batch failed (attached to the error as ``batch_progress``).

    ``results`` holds one result per message already sent (in order: ``results[i]`` is message ``i``'s),
    ``failed`` the messages of the batch that failed (whether they were sent depends on the error: a
    ``SendOutcomeUnknownError`` means maybe), ``unsent`` the messages never attempted.

    A batched send stopped by something else (a cancelled task, ``asyncio.wait_for`` expiring,
    ``KeyboardInterrupt``) carries the same object on that exception; ``failed`` is then the batch in flight,
    whose outcome is unknown. ``np6.batch_progress_of(exc)`` finds it anywhere in the cause chain.

    ``later`` is for concurrent sends (``concurrency=`` > 1; always empty otherwise): the batches after
    ``failed`` that had already started, in order, each a ``BatchOutcome`` (its answer, or the error that
    stopped it). Every input message is in exactly one of ``results``, ``failed``, a ``later`` batch and
    ``unsent``, in that order.
    """

    def __init__(
        self,
        results: list[Any],
        failed: list[Any],
        unsent: list[Any],
        later: list[BatchOutcome] | None = None,
    ) -> None:
        self.results = results
        self.failed = failed
        self.unsent = unsent
        self.later: list[BatchOutcome] = [] if later is None else later

    def __repr__(self) -> str:
        counts = f"results={len(self.results)}, failed={len(self.failed)}, unsent={len(self.unsent)}"
        if self.later:
            counts += f", later={len(self.later)} batch(es)"
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
    """NP6 answered with an error status (or one the spec does not document for the operation).

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
    """NP6 answered but the body could not be read or parsed (malformed JSON, a lying Content-Encoding, a
    required field missing, a limit crossed, ...).

    ``status_code`` and ``request_id`` identify the answer; ``body`` holds up to 1 kB of the text (or None).
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


class UnexpectedStatusError(APIStatusError):
    """A status the spec does not document for the operation (e.g. 201, 204 or a 3xx for a read documented
    as 200). Redirects are never followed: the key and the body never go to another origin."""


class SendServerError(SendOutcomeUnknownError, InternalServerError):
    """5xx on a send: NP6 may have acted before failing. Not retried; it may have been sent."""

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        InternalServerError.__init__(self, message, response=response, body=body)
        self.timed_out = False


class SendUnexpectedStatusError(SendOutcomeUnknownError, UnexpectedStatusError):
    """An undocumented status on a send: it may have been sent. Not retried."""

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        UnexpectedStatusError.__init__(self, message, response=response, body=body)
        self.timed_out = False


class ResponseLimitError(APIResponseValidationError):
    """An answer crossed a bound of ``np6.Limits``; ``limit`` names it (e.g. ``"max_body_size"``) and
    ``value`` is its setting. Nothing more of the body was read."""

    def __init__(self, message: str, *, limit: str, value: float, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.limit = limit
        self.value = value


class ResponseTooLargeError(ResponseLimitError):
    """A body larger than ``max_body_size`` (or an event than ``max_event_size``), or one that inflates more
    than ``max_decompression_ratio`` times (a decompression bomb)."""


class ResponseTooDeepError(ResponseLimitError):
    """A JSON value nested deeper than ``max_depth``; refused before parsing (no RecursionError)."""


class SendResponseUnreadableError(SendOutcomeUnknownError, APIResponseValidationError):
    """A send answered 2xx (NP6 accepted it, so it was most likely sent) whose body could not be read: do not
    send it again. ``__cause__`` is the precise error (e.g. a ``ResponseTooLargeError``)."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        APIResponseValidationError.__init__(self, message, **kwargs)
        self.timed_out = False
