"""The one boundary between the handwritten overlay and the generated client, and the one error boundary.

Every public method ends in ``SyncAPIClient.request`` / ``AsyncAPIClient.request`` (or ``stream``): they take
an operationId and the generated endpoint's keyword arguments, build the request with the endpoint module's
``_get_kwargs``, send it with the client's own ``httpx.Client``/``AsyncClient`` (one connection pool per
``NP6`` instance), apply the retry policy of ``_retries``, and parse success bodies with the module's
``_parse_response``. Nothing of the generated code is copied.

Everything that can go wrong below (httpx, httpcore, h11, zlib, JSON, encodings, the generated parsers, the
bounds of ``np6.Limits``) is turned into the tree of ``_exceptions`` by ``_BaseClient._error``, the one
place that decides what an error means (see ``_exceptions`` for the rule on sends). The sync and async
clients only differ in how they wait for bytes.

What a hostile server cannot do: make the client follow a redirect (each request is sent with
``follow_redirects=False``, whatever ``http_client`` says, and a 3xx is an undocumented status), so the key
and a body never reach another origin; hold more than ``Limits`` allows in memory (bodies are read, decoded
and counted a piece at a time, an error body is read up to ``max_error_body_size`` and dropped, a body
nested deeper than ``max_depth`` is refused before parsing); outlive the attempt's deadline (``_deadline``).
The key is set on the request only while it is being sent and removed from that same object right after,
so no exception, response or log record reachable afterwards carries it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx

from . import _deadline, _retries
from ._bodies import JsonBatch
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
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
    UnexpectedStatusError,
)
from ._limits import DEFAULT_LIMITS, Limits
from ._logging import log_request, log_retry, protect
from ._operations import OPERATIONS, Operation, endpoint
from ._reading import ACCEPT_ENCODING, BodyReader, LimitExceeded, Undecodable, json_too_deep
from ._redact import KEY_HEADER, Secret, scrub_chain, scrub_request
from ._version import __version__

if TYPE_CHECKING:
    from np6_api.client import Client

__all__ = [
    "AsyncAPIClient",
    "RawBody",
    "SyncAPIClient",
    "capture_bodies",
    "check_base_url",
    "request_may_have_reached_np6",
]

# Module-level so tests can patch the waits (never the policy).
_sleep = time.sleep


async def _async_sleep(seconds: float) -> None:
    import asyncio  # here: a sync client never loads asyncio (start-up, issue 13)

    await asyncio.sleep(seconds)


_MARK = "_np6_may_have_reached_np6"
_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}
_STATUS_HINTS: dict[int, str] = {
    400: "NP6 rejected the request as malformed",
    401: "the API key is missing or wrong (api_key= or NP6_API_KEY)",
    403: "the key's user lacks the permission",
    404: "not found (NP6 also answers 404 for an invalid value in a valid request)",
    409: "state conflict (e.g. action not validated, already validated, or missing rights)",
    410: "the resource was removed",
    411: "Content-Length missing",
    415: "wrong Content-Type for the body",
    429: "rate limit reached",
}
_MAYBE_SENT = (
    " It was NOT retried, so nothing is sent twice, but it may have been sent: check (the reactivity events,"
    " the outbox) before sending it again."
)


@dataclass(frozen=True)
class RawBody:
    """One success answer as NP6 sent it: the operation, its status and the body's bytes (decoded from any
    Content-Encoding, otherwise untouched: the exact JSON text the model was parsed from)."""

    operation_id: str
    status: int
    content: bytes


_CAPTURED: ContextVar[list[RawBody] | None] = ContextVar("np6_captured_bodies", default=None)


@contextlib.contextmanager
def capture_bodies() -> Iterator[list[RawBody]]:
    """Collect the ``RawBody`` of every successful, parsed answer of the requests made inside the block.

    For callers that must show NP6's exact JSON (the CLI's ``--json``) while the methods keep returning
    models. Per thread and per asyncio task (a ``ContextVar``: tasks created inside the block share the
    list); nothing is kept outside a block. The bodies are the ones already read within ``np6.Limits``
    (no second read); streams and error answers are not collected.
    """
    bodies: list[RawBody] = []
    token = _CAPTURED.set(bodies)
    try:
        yield bodies
    finally:
        _CAPTURED.reset(token)


def request_may_have_reached_np6(exc: BaseException) -> bool:
    """Whether the request that failed with ``exc`` may have reached NP6 (and, for a send, been sent).

    True for a ``SendOutcomeUnknownError``; for ``KeyboardInterrupt``/``CancelledError`` raised during a
    request, whether its headers had started to go out. False for anything raised before I/O or refused
    by NP6 (4xx).
    """
    if isinstance(exc, SendOutcomeUnknownError):
        return True
    marked = getattr(exc, _MARK, None)
    return bool(marked)


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str, *, allow_insecure: bool) -> str:
    """The normalised base URL; refuses plain http to anything but loopback unless ``allow_insecure``."""
    try:
        url = httpx.URL(base_url)
    except Exception as exc:
        raise NP6ValidationError(f"base_url {base_url!r} is not a URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise NP6ValidationError(f"base_url {base_url!r} must be an http:// or https:// URL with a host")
    if url.userinfo:
        raise NP6ValidationError(
            "base_url must not carry credentials (user:password@); pass the key as api_key= or NP6_API_KEY"
        )
    if url.scheme == "http" and not allow_insecure and not _is_loopback(url.host):
        raise NP6ValidationError(
            f"base_url {base_url!r} uses plain http to a non-loopback host: the API key would travel"
            " in clear. Use https://, or pass allow_insecure=True if you really mean it."
        )
    if url.query or url.fragment:
        raise NP6ValidationError(f"base_url {base_url!r} must not have a query or fragment")
    return str(url).rstrip("/")


def _describe(method: str, url: httpx.URL) -> str:
    return f"{method} {url.raw_path.decode('ascii', 'replace')}"


class _Call:
    """One operation being run: its request, and what is known of how far it got."""

    __slots__ = (
        "deadline_at",
        "events",
        "module",
        "operation",
        "operation_id",
        "request",
        "started",
        "where",
    )

    def __init__(self, operation_id: str, module: ModuleType, request: httpx.Request) -> None:
        self.operation_id = operation_id
        self.operation: Operation = OPERATIONS[operation_id]
        self.module = module
        self.request = request
        self.where = request.url.raw_path.split(b"?")[0].decode(
            "ascii", "replace"
        )  # no query: no contact data
        self.started = time.monotonic()
        self.events: list[str] = []
        self.deadline_at: float | None = None

    @property
    def is_send(self) -> bool:
        return self.operation.retry is _retries.RetryClass.SEND

    def arm(self, key: str, trace: Callable[..., Any]) -> None:
        self.request.headers[KEY_HEADER] = key
        self.request.extensions["trace"] = trace
        self.events.clear()

    def disarm(self) -> None:
        scrub_request(self.request)
        self.request.extensions.pop("trace", None)

    def headers_may_have_left(self) -> bool:
        # Without httpcore's trace events (another transport), assume the worst.
        return not self.events or any(e.endswith("send_request_headers.started") for e in self.events)


class _BaseClient:
    """Configuration and every decision shared by the sync and async clients."""

    _base_url: str
    _api_key: Secret
    _timeout: httpx.Timeout
    _max_retries: int
    _limits: Limits

    def _init_config(
        self,
        *,
        api_key: str,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        limits: Limits | None = None,
    ) -> None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise NP6ValidationError(f"max_retries must be an int >= 0, got {max_retries!r}")
        if limits is not None and not isinstance(limits, Limits):
            raise NP6ValidationError(f"limits must be an np6.Limits, got {type(limits).__name__}")
        self._limits = DEFAULT_LIMITS if limits is None else limits
        self._api_key = Secret(api_key)
        protect(self._api_key)
        self._base_url = base_url
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._max_retries = max_retries
        self._generated_client: Client | None = None

    @property
    def base_url(self) -> str:
        """The API's base URL (``NP6_BASE_URL`` or ``https://api-cm.np6.com`` unless given)."""
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The ``httpx.Timeout`` of each request."""
        return self._timeout

    @property
    def max_retries(self) -> int:
        """How many times a request that may be retried is retried."""
        return self._max_retries

    @property
    def limits(self) -> Limits:
        """The bounds on what a server can make the client hold or wait for (``np6.Limits``)."""
        return self._limits

    @property
    def deadline(self) -> float | None:
        """Seconds one attempt may take: ``limits.deadline``, else the largest phase of ``timeout``."""
        if self._limits.deadline is not None:
            return self._limits.deadline
        phases = [self._timeout.connect, self._timeout.read, self._timeout.write, self._timeout.pool]
        finite = [p for p in phases if p is not None]
        return max(finite) if finite else None

    # -- requests
    def _prepare(self, http: httpx.Client | httpx.AsyncClient, operation_id: str, kwargs: Any) -> _Call:
        """The request of one operation, without the key (set per attempt); bad arguments fail here."""
        module = endpoint(operation_id)
        try:
            body = kwargs.get("body")
            if isinstance(body, JsonBatch):  # already JSON: the generated code sees only its first message
                spec: dict[str, Any] = module._get_kwargs(**{**kwargs, "body": [body.sample]})
                spec["json"] = list(body)
            else:
                spec = module._get_kwargs(**kwargs)
            headers = {
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
                "User-Agent": f"np6-python/{__version__}",
                **spec.get("headers", {}),
            }
            request = http.build_request(
                spec["method"].upper(),
                self._base_url + spec["url"],
                params=spec.get("params"),
                json=spec.get("json"),
                content=spec.get("content"),
                headers=headers,
                timeout=self._timeout,
            )
        except (ValueError, TypeError, UnicodeError, OverflowError, httpx.InvalidURL) as exc:
            detail = self._api_key.redact(f"{type(exc).__name__}: {exc}")[:300]
            raise NP6ValidationError(
                f"{operation_id}: the arguments cannot be sent to NP6 ({detail})"
            ) from None
        return _Call(operation_id, module, request)

    def _generated(self) -> Client:
        if self._generated_client is None:
            from np6_api.client import Client

            self._generated_client = Client(base_url=self._base_url)
        return self._generated_client

    def _attempt_deadline(self) -> float | None:
        seconds = self.deadline
        return None if seconds is None else time.monotonic() + seconds

    def _success_reader(self, response: httpx.Response, at: float | None) -> BodyReader:
        return BodyReader(
            response.headers,
            max_size=self._limits.max_body_size,
            max_ratio=self._limits.max_decompression_ratio,
            deadline=at,
        )

    def _error_reader(self, response: httpx.Response, at: float | None) -> BodyReader | None:
        try:
            return BodyReader(
                response.headers,
                max_size=self._limits.max_error_body_size,
                max_ratio=self._limits.max_decompression_ratio,
                size_limit="max_error_body_size",
                deadline=at,
            )
        except Undecodable:
            return None

    def _bounded_stream(self, call: _Call, response: httpx.Response) -> httpx.Response:
        """``response`` (open), its body to be decoded by the client within ``max_decompression_ratio``.

        A stream has no total size limit (an export may be long); events are bounded by the stream parser.
        """
        reader = BodyReader(
            response.headers, max_size=sys.maxsize, max_ratio=self._limits.max_decompression_ratio
        )
        if "content-encoding" in response.headers:
            del response.headers["content-encoding"]
        response.stream = _BoundedStream(
            response.stream, reader, lambda exc: self._error(call, exc, response)
        )
        return response

    def _loaded(self, response: httpx.Response, body: bytes) -> httpx.Response:
        """``response`` holding the decoded ``body`` as its content (what the generated parser reads).

        No copy: the body is set where ``httpx.Response.read()`` would have put it (``_content``), since it
        was read raw and decoded here within ``np6.Limits``. The headers that described the wire encoding
        are dropped when present (rare: a compressed body), so the response describes its content.
        """
        headers = response.headers
        for name in ("content-encoding", "transfer-encoding"):
            if name in headers:
                del headers[name]
                headers["content-length"] = str(len(body))
        response._content = body
        return response

    def _parse(self, call: _Call, response: httpx.Response) -> Any:
        body = response.content
        if json_too_deep(body, self._limits.max_depth):
            raise self._error(
                call,
                LimitExceeded(
                    "max_depth",
                    self._limits.max_depth,
                    f"the JSON nests deeper than max_depth={self._limits.max_depth}",
                ),
                response,
            )
        try:
            parsed = call.module._parse_response(client=self._generated(), response=response)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise self._error(call, exc, response)  # noqa: B904 - _error sets the (scrubbed) cause
        captured = _CAPTURED.get()
        if captured is not None:  # inside capture_bodies(): keep the bytes the model came from
            captured.append(RawBody(call.operation_id, response.status_code, body))
        return parsed

    def _trace_sync(self, call: _Call) -> Callable[[str, dict[str, Any]], None]:
        def trace(name: str, info: dict[str, Any]) -> None:
            call.events.append(name)

        return trace

    def _trace_async(self, call: _Call) -> Callable[[str, dict[str, Any]], Any]:
        async def trace(name: str, info: dict[str, Any]) -> None:
            call.events.append(name)

        return trace

    # -- the error boundary
    def _body_of(self, body: bytes) -> object | None:
        if not body:
            return None
        text = self._api_key.redact(body.decode("utf-8", "replace"))
        if not json_too_deep(text.encode(), self._limits.max_depth):
            try:
                parsed: object = json.loads(text)
                return parsed
            except ValueError:
                pass
        return text[:1000]

    def _status_error(self, call: _Call, response: httpx.Response, body: bytes) -> APIStatusError:
        """The error for a status the operation does not answer with success (its body already read)."""
        redact = self._api_key.redact
        status = response.status_code
        request_id = response.headers.get("x-request-id")
        request_id = redact(request_id) if request_id is not None else None
        headers = [(k, redact(v)) for k, v in response.headers.multi_items()]
        reason = redact(response.reason_phrase or "")
        text = redact(body.decode("utf-8", "replace"))
        kept = httpx.Response(
            status,
            headers=[(k, v) for k, v in headers if k.lower() not in ("content-encoding", "content-length")],
            content=text.encode("utf-8"),
            request=call.request,
            extensions={"reason_phrase": reason.encode("ascii", "replace")},
        )
        where = _describe(call.request.method, call.request.url)
        parsed = self._body_of(body)
        if status < 400:
            hint = f"a status the API does not document for {call.operation_id}"
            if 300 <= status < 400:
                hint += " (redirects are not followed: the key and body never go to another origin)"
            cls: type[APIStatusError] = SendUnexpectedStatusError if call.is_send else UnexpectedStatusError
        else:
            hint = _STATUS_HINTS.get(status, "server error" if status >= 500 else "request refused")
            cls = _STATUS_ERRORS.get(status, InternalServerError if status >= 500 else APIStatusError)
            if cls is InternalServerError and call.is_send:
                cls = SendServerError
        message = f"{where} -> {status} {reason}: {hint} (request id {request_id or '-'})"
        if issubclass(cls, SendOutcomeUnknownError):
            message += "." + _MAYBE_SENT
        if cls is RateLimitError:
            return RateLimitError(
                message, response=kept, body=parsed, retry_after=_retries.retry_after(response.headers)
            )
        error = cls(message, response=kept, body=parsed)
        error.request_id = request_id
        return error

    def _error(self, call: _Call, exc: BaseException, response: httpx.Response | None = None) -> NP6Error:
        """The one mapping of a lower-layer failure to the tree of ``_exceptions`` (chain scrubbed)."""
        if isinstance(exc, NP6Error):
            return exc
        scrub_chain(exc, self._api_key)
        redact = self._api_key.redact
        request = call.request
        method, url = request.method, str(request.url)
        where = _describe(method, request.url)
        own = isinstance(exc, LimitExceeded | Undecodable)  # their message says it all
        detail = redact(
            str(exc) if own else f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        )
        status = response.status_code if response is not None else None
        request_id = response.headers.get("x-request-id") if response is not None else None
        request_id = redact(request_id) if request_id is not None else None
        answered = f" -> {status} (request id {request_id or '-'})" if status is not None else ""
        timed_out = isinstance(exc, httpx.TimeoutException)
        if timed_out and _deadline.passed(call.deadline_at):
            detail += f"; the attempt's total deadline ({self.deadline:g} s) passed"
        error: NP6Error
        if not isinstance(exc, httpx.TransportError):
            # The answer came but its body cannot be used.
            if isinstance(exc, LimitExceeded):
                limit_cls = ResponseTooDeepError if exc.limit == "max_depth" else ResponseTooLargeError
                error = limit_cls(
                    f"{where}{answered}: {detail}",
                    limit=exc.limit,
                    value=exc.value,
                    method=method,
                    url=url,
                    status_code=status,
                    request_id=request_id,
                )
            else:
                what = (
                    "cannot be decoded" if isinstance(exc, Undecodable) else "does not match the API's schema"
                )
                body = None
                if response is not None and _has_content(response):
                    body = redact(response.content[:1000].decode("utf-8", "replace"))
                error = APIResponseValidationError(
                    f"{where}{answered}: the body {what} ({detail})",
                    method=method,
                    url=url,
                    status_code=status,
                    request_id=request_id,
                    body=body,
                )
            if call.is_send:
                outer = SendResponseUnreadableError(
                    f"{error.message}. NP6 accepted the request, so it was sent, but its answer could not"
                    " be read: do not send it again (the reactivity events show what happened).",
                    method=method,
                    url=url,
                    status_code=status,
                    request_id=request_id,
                    body=getattr(error, "body", None),
                )
                outer.__cause__ = error
                error.__cause__ = exc
                return outer
            error.__cause__ = exc
            return error
        if call.is_send and not (_retries.nothing_sent(exc) and response is None):
            error = SendOutcomeUnknownError(
                f"{where}{answered} failed after the request may have reached NP6 ({detail})." + _MAYBE_SENT,
                method=method,
                url=url,
                timed_out=timed_out,
            )
        elif timed_out:
            error = APITimeoutError(f"{where}{answered} timed out ({detail})", method=method, url=url)
        else:
            error = APIConnectionError(
                f"{where}{answered}: connection failed ({detail})", method=method, url=url
            )
        error.__cause__ = exc
        return error

    def _retry_wait(self, call: _Call, error: NP6Error, attempt: int) -> float | None:
        """Seconds to wait before another attempt, or None if ``error`` is final."""
        retry = call.operation.retry
        if isinstance(error, SendOutcomeUnknownError | ResponseLimitError | UnexpectedStatusError):
            return None
        if isinstance(error, APIStatusError):
            if not _retries.should_retry(
                retry, attempt=attempt, max_retries=self._max_retries, status=error.status_code
            ):
                return None
            return _retries.retry_delay(attempt, error.response.headers)
        if isinstance(error, APIConnectionError) and error.__cause__ is not None:
            cause = error.__cause__
            if _retries.should_retry(retry, attempt=attempt, max_retries=self._max_retries, error=cause):
                return _retries.backoff(attempt)
        return None

    def _log(self, call: _Call, outcome: int | str, request_id: str | None, attempt: int) -> None:
        request_id = self._api_key.redact(request_id) if request_id is not None else None
        log_request(
            call.request.method, call.where, outcome, request_id, time.monotonic() - call.started, attempt
        )

    def _log_retry(self, call: _Call, error: NP6Error, wait: float, attempt: int) -> None:
        reason = (
            f"status {error.status_code}"
            if isinstance(error, APIStatusError)
            else type(error.__cause__).__name__
        )
        log_retry(call.request.method, call.where, reason, wait, attempt + 1)


class _BoundedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A streamed body decoded by ``_reading`` (ratio-bounded) instead of httpx: ``iter_bytes()`` of the
    response the caller gets yields it as is. A lying encoding is an ``httpx.DecodingError`` (what a stream
    reader already handles); a bomb a ``ResponseTooLargeError``."""

    def __init__(self, inner: Any, reader: BodyReader, bomb: Callable[[LimitExceeded], NP6Error]) -> None:
        self._inner = inner
        self._reader = reader
        self._bomb = bomb

    def _pieces(self, raw: bytes) -> list[bytes]:
        try:
            return list(self._reader.feed(raw))
        except Undecodable as exc:
            raise httpx.DecodingError(str(exc)) from None
        except LimitExceeded as exc:
            raise self._bomb(exc) from None

    def _tail(self) -> list[bytes]:
        try:
            return list(self._reader.finish())
        except Undecodable as exc:
            raise httpx.DecodingError(str(exc)) from None

    def __iter__(self) -> Iterator[bytes]:
        for raw in self._inner:
            yield from self._pieces(raw)
        yield from self._tail()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for raw in self._inner:
            for piece in self._pieces(raw):
                yield piece
        for piece in self._tail():
            yield piece

    def close(self) -> None:
        self._inner.close()

    async def aclose(self) -> None:
        await self._inner.aclose()


def _has_content(response: httpx.Response | None) -> bool:
    if response is None:
        return False
    try:
        return bool(response.content)
    except httpx.ResponseNotRead:
        return False


def _mark(exc: BaseException, call: _Call) -> None:
    """Tell an interrupt or a cancellation whether the request may have left (see ``request_may_have...``)."""
    with contextlib.suppress(AttributeError):  # every BaseException has a __dict__; be safe anyway
        setattr(exc, _MARK, call.headers_may_have_left())


class SyncAPIClient(_BaseClient):
    _http_client: httpx.Client | None
    _owns_http_client: bool

    def _http(self) -> httpx.Client:
        if self._http_client is None:
            self._http_client = httpx.Client(timeout=self._timeout, follow_redirects=False)
        return self._http_client

    def _attempt(self, http: httpx.Client, call: _Call, *, stream: bool) -> httpx.Response:
        """One attempt: the loaded response (or the open one for a stream); raises ``NP6Error``."""
        at = call.deadline_at = self._attempt_deadline()
        response: httpx.Response | None = None
        keep_open = False
        call.arm(self._api_key.get(), self._trace_sync(call))
        try:
            with _deadline.active(at):
                try:
                    response = http.send(call.request, stream=True, follow_redirects=False)
                finally:
                    call.disarm()
                if response.status_code == call.operation.status:
                    if stream:
                        keep_open = True
                        return self._bounded_stream(call, response)
                    reader = self._success_reader(response, at)
                    body = bytearray()  # grows in place: no second copy of a large body
                    for raw in response.iter_raw():
                        for piece in reader.feed(raw):
                            body += piece
                    for piece in reader.finish():
                        body += piece
                    return self._loaded(response, bytes(body))
                raise self._status_error(call, response, self._read_error_body(response, at))
        except NP6Error:
            raise
        except (httpx.HTTPError, LimitExceeded, Undecodable) as exc:
            raise self._error(call, exc, response)  # noqa: B904 - _error sets the (scrubbed) cause
        except BaseException as exc:
            _mark(exc, call)
            raise
        finally:
            if response is not None and not keep_open:
                response.close()

    def _read_error_body(self, response: httpx.Response, at: float | None) -> bytes:
        """At most ``max_error_body_size`` decoded bytes of an error answer; the rest is never read."""
        reader = self._error_reader(response, at)
        pieces: list[bytes] = []
        if reader is None:
            return b""
        try:
            for raw in response.iter_raw():
                pieces += reader.feed(raw)
            pieces += reader.finish()
        except (LimitExceeded, Undecodable, _deadline.DeadlineExceeded, httpx.TransportError):
            pass
        return b"".join(pieces)[: self._limits.max_error_body_size]

    def _run(
        self, operation_id: str, kwargs: dict[str, Any], *, stream: bool
    ) -> tuple[_Call, httpx.Response]:
        http = self._http()
        _deadline.install(http)
        call = self._prepare(http, operation_id, kwargs)
        attempt = 0
        while True:
            try:
                response = self._attempt(http, call, stream=stream)
            except NP6Error as error:
                wait = self._retry_wait(call, error, attempt)
                if wait is None:
                    self._log(call, _outcome(error), getattr(error, "request_id", None), attempt)
                    raise
                self._log_retry(call, error, wait, attempt)
                _sleep(wait)
                attempt += 1
                continue
            self._log(call, response.status_code, response.headers.get("x-request-id"), attempt)
            return call, response

    def request(self, operation_id: str, /, **kwargs: Any) -> Any:
        """Run one generated operation; return its parsed success body (None for 204)."""
        call, response = self._run(operation_id, kwargs, stream=False)
        return self._parse(call, response)

    def stream(self, operation_id: str, /, **kwargs: Any) -> httpx.Response:
        """Send one operation and return the open response of its documented status (the caller closes it)."""
        return self._run(operation_id, kwargs, stream=True)[1]

    def _close_http(self) -> None:
        if self._owns_http_client and self._http_client is not None:
            self._http_client.close()


class AsyncAPIClient(_BaseClient):
    _http_client: httpx.AsyncClient | None
    _owns_http_client: bool

    def _http(self) -> httpx.AsyncClient:
        if self._http_client is None:
            self._http_client = httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)
        return self._http_client

    async def _attempt(self, http: httpx.AsyncClient, call: _Call, *, stream: bool) -> httpx.Response:
        at = call.deadline_at = self._attempt_deadline()
        response: httpx.Response | None = None
        keep_open = False
        call.arm(self._api_key.get(), self._trace_async(call))
        try:
            with _deadline.active(at):
                try:
                    response = await http.send(call.request, stream=True, follow_redirects=False)
                finally:
                    call.disarm()
                if response.status_code == call.operation.status:
                    if stream:
                        keep_open = True
                        return self._bounded_stream(call, response)
                    reader = self._success_reader(response, at)
                    body = bytearray()
                    async for raw in response.aiter_raw():
                        for piece in reader.feed(raw):
                            body += piece
                    for piece in reader.finish():
                        body += piece
                    return self._loaded(response, bytes(body))
                raise self._status_error(call, response, await self._read_error_body(response, at))
        except NP6Error:
            raise
        except (httpx.HTTPError, LimitExceeded, Undecodable) as exc:
            raise self._error(call, exc, response)  # noqa: B904 - _error sets the (scrubbed) cause
        except BaseException as exc:
            _mark(exc, call)
            raise
        finally:
            if response is not None and not keep_open:
                await response.aclose()

    async def _read_error_body(self, response: httpx.Response, at: float | None) -> bytes:
        reader = self._error_reader(response, at)
        pieces: list[bytes] = []
        if reader is None:
            return b""
        try:
            async for raw in response.aiter_raw():
                pieces += reader.feed(raw)
            pieces += reader.finish()
        except (LimitExceeded, Undecodable, _deadline.DeadlineExceeded, httpx.TransportError):
            pass
        return b"".join(pieces)[: self._limits.max_error_body_size]

    async def _run(
        self, operation_id: str, kwargs: dict[str, Any], *, stream: bool
    ) -> tuple[_Call, httpx.Response]:
        http = self._http()
        _deadline.install(http)
        call = self._prepare(http, operation_id, kwargs)
        attempt = 0
        while True:
            try:
                response = await self._attempt(http, call, stream=stream)
            except NP6Error as error:
                wait = self._retry_wait(call, error, attempt)
                if wait is None:
                    self._log(call, _outcome(error), getattr(error, "request_id", None), attempt)
                    raise
                self._log_retry(call, error, wait, attempt)
                await _async_sleep(wait)
                attempt += 1
                continue
            self._log(call, response.status_code, response.headers.get("x-request-id"), attempt)
            return call, response

    async def request(self, operation_id: str, /, **kwargs: Any) -> Any:
        """Run one generated operation; return its parsed success body (None for 204)."""
        call, response = await self._run(operation_id, kwargs, stream=False)
        return self._parse(call, response)

    async def stream(self, operation_id: str, /, **kwargs: Any) -> httpx.Response:
        """Send one operation and return the open response of its documented status (the caller closes it)."""
        return (await self._run(operation_id, kwargs, stream=True))[1]

    async def _close_http(self) -> None:
        if self._owns_http_client and self._http_client is not None:
            await self._http_client.aclose()


def _outcome(error: NP6Error) -> int | str:
    if isinstance(error, APIStatusError):
        return error.status_code
    cause = error.__cause__
    return type(cause).__name__ if cause is not None else type(error).__name__
