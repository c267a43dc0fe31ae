"""The one boundary between the handwritten overlay and the generated client.

Every public method ends in ``SyncAPIClient.request`` / ``AsyncAPIClient.request`` (or ``stream``): they take
an operationId and the generated endpoint's keyword arguments, build the request with the endpoint module's
``_get_kwargs``, send it with the client's own ``httpx.Client``/``AsyncClient`` (one connection pool per
``NP6`` instance), apply the retry policy of ``_retries``, map error statuses and transport failures to the
tree of ``_exceptions`` and parse success bodies with the module's ``_parse_response``. Nothing of the
generated code is copied.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import time
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx

from . import _retries
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
    NP6ValidationError,
    PermissionDeniedError,
    RateLimitError,
    SendOutcomeUnknownError,
)
from ._limits import DEFAULT_LIMITS, Limits
from ._logging import log_request, log_retry
from ._operations import OPERATIONS, Operation, endpoint
from ._version import __version__

if TYPE_CHECKING:
    from np6_api.client import Client

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

# Module-level so tests can patch the waits (never the policy).
_sleep = time.sleep
_async_sleep = asyncio.sleep

_KEY_HEADER = "X-Key"
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


class _Secret:
    """Holds the API key; never shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "'***'"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("the API key cannot be pickled")


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
    if url.scheme == "http" and not allow_insecure and not _is_loopback(url.host):
        raise NP6ValidationError(
            f"base_url {base_url!r} uses plain http to a non-loopback host: the API key would travel"
            " in clear. Use https://, or pass allow_insecure=True if you really mean it."
        )
    if url.query or url.fragment:
        raise NP6ValidationError(f"base_url {base_url!r} must not have a query or fragment")
    return str(url).rstrip("/")


def _scrub(request: httpx.Request) -> httpx.Request:
    """A copy of the request without the API key header (for responses and errors we hand out)."""
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != _KEY_HEADER.lower()]
    return httpx.Request(request.method, request.url, headers=headers)


def _scrub_error(exc: httpx.HTTPError) -> None:
    if isinstance(exc, httpx.RequestError):
        with contextlib.suppress(RuntimeError):  # RuntimeError: no request attached
            exc.request = _scrub(exc.request)


def _body_of(response: httpx.Response) -> object | None:
    if not response.content:
        return None
    try:
        body: object = response.json()
        return body
    except ValueError:
        return response.text[:1000]


def _is_send(operation_id: str) -> bool:
    return OPERATIONS[operation_id].retry is _retries.RetryClass.SEND


def _describe(method: str, url: httpx.URL) -> str:
    return f"{method} {url.raw_path.decode('ascii', 'replace')}"


class _BaseClient:
    """Configuration and the decisions shared by the sync and async clients."""

    _base_url: str
    _api_key: _Secret
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
        self._api_key = _Secret(api_key)
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

    # -- requests
    def _build_request(
        self, http: httpx.Client | httpx.AsyncClient, module: ModuleType, kwargs: Any
    ) -> httpx.Request:
        spec: dict[str, Any] = module._get_kwargs(**kwargs)
        headers = {
            "Accept": "application/json",
            "User-Agent": f"np6-python/{__version__}",
            **spec.get("headers", {}),
            _KEY_HEADER: self._api_key.get(),
        }
        return http.build_request(
            spec["method"].upper(),
            self._base_url + spec["url"],
            params=spec.get("params"),
            json=spec.get("json"),
            content=spec.get("content"),
            headers=headers,
            timeout=self._timeout,
        )

    def _generated(self) -> Client:
        if self._generated_client is None:
            from np6_api.client import Client

            self._generated_client = Client(base_url=self._base_url)
        return self._generated_client

    def _parse(self, module: ModuleType, response: httpx.Response, *, sent: bool = False) -> Any:
        try:
            return module._parse_response(client=self._generated(), response=response)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # A send answered 2xx was accepted: say so, or the caller may send it again to be safe.
            consequence = (
                " NP6 accepted the request, so it was sent, but its results could not be read: do not send"
                " it again (the reactivity events show what happened)."
                if sent
                else ""
            )
            raise APIResponseValidationError(
                f"{_describe(response.request.method, response.request.url)} -> {response.status_code}:"
                f" the body does not match the API's schema ({type(exc).__name__}: {exc})"
                f" (request id {response.headers.get('x-request-id') or '-'}).{consequence}",
                method=response.request.method,
                url=str(response.request.url),
                status_code=response.status_code,
                request_id=response.headers.get("x-request-id"),
                body=response.text[:1000],
            ) from exc

    # -- errors
    @staticmethod
    def _status_error(response: httpx.Response) -> APIStatusError:
        response.request = _scrub(response.request)
        status = response.status_code
        request_id = response.headers.get("x-request-id")
        hint = _STATUS_HINTS.get(status, "server error" if status >= 500 else "request refused")
        reason = response.reason_phrase or ""
        message = (
            f"{_describe(response.request.method, response.request.url)} -> {status} {reason}: {hint}"
            f" (request id {request_id or '-'})"
        )
        body = _body_of(response)
        if status == 429:
            return RateLimitError(
                message, response=response, body=body, retry_after=_retries.retry_after(response.headers)
            )
        cls = _STATUS_ERRORS.get(status, InternalServerError if status >= 500 else APIStatusError)
        return cls(message, response=response, body=body)

    @staticmethod
    def _connection_error(
        operation: Operation, request: httpx.Request, exc: httpx.HTTPError
    ) -> APIConnectionError:
        _scrub_error(exc)
        where = _describe(request.method, request.url)
        method, url = request.method, str(request.url)
        timed_out = isinstance(exc, httpx.TimeoutException)
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if operation.retry is _retries.RetryClass.SEND and not _retries.nothing_sent(exc):
            return SendOutcomeUnknownError(
                f"{where} failed after the request may have reached NP6 ({detail}). It was NOT retried, so"
                " nothing is sent twice, but it may have been sent: check before sending again.",
                method=method,
                url=url,
                timed_out=timed_out,
            )
        if timed_out:
            return APITimeoutError(f"{where} timed out ({detail})", method=method, url=url)
        return APIConnectionError(f"{where}: connection failed ({detail})", method=method, url=url)


class SyncAPIClient(_BaseClient):
    _http_client: httpx.Client | None
    _owns_http_client: bool

    def _http(self) -> httpx.Client:
        if self._http_client is None:
            self._http_client = httpx.Client(timeout=self._timeout, follow_redirects=False)
        return self._http_client

    def _send(self, operation_id: str, kwargs: dict[str, Any], *, stream: bool) -> httpx.Response:
        operation = OPERATIONS[operation_id]
        module = endpoint(operation_id)
        http = self._http()
        request = self._build_request(http, module, kwargs)
        max_retries = self._max_retries
        where = request.url.raw_path.split(b"?")[0].decode("ascii", "replace")  # no query: no contact data
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                response = http.send(request, stream=stream)
            except httpx.TransportError as exc:
                if _retries.should_retry(
                    operation.retry, attempt=attempt, max_retries=max_retries, error=exc
                ):
                    delay = _retries.backoff(attempt)
                    log_retry(request.method, where, type(exc).__name__, delay, attempt + 1)
                    _sleep(delay)
                    attempt += 1
                    continue
                log_request(
                    request.method, where, type(exc).__name__, None, time.monotonic() - started, attempt
                )
                raise self._connection_error(operation, request, exc) from exc
            status = response.status_code
            if status >= 400:
                try:
                    response.read()
                finally:
                    response.close()
                if _retries.should_retry(
                    operation.retry, attempt=attempt, max_retries=max_retries, status=status
                ):
                    wait = _retries.retry_delay(attempt, response.headers)
                    if wait is not None:
                        log_retry(request.method, where, f"status {status}", wait, attempt + 1)
                        _sleep(wait)
                        attempt += 1
                        continue
            log_request(
                request.method,
                where,
                status,
                response.headers.get("x-request-id"),
                time.monotonic() - started,
                attempt,
            )
            if status >= 400:
                raise self._status_error(response)
            response.request = _scrub(response.request)
            return response

    def request(self, operation_id: str, /, **kwargs: Any) -> Any:
        """Run one generated operation; return its parsed success body (None for 204)."""
        response = self._send(operation_id, kwargs, stream=False)
        return self._parse(endpoint(operation_id), response, sent=_is_send(operation_id))

    def stream(self, operation_id: str, /, **kwargs: Any) -> httpx.Response:
        """Send one operation and return the open 2xx response (the caller closes it)."""
        return self._send(operation_id, kwargs, stream=True)

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

    async def _send(self, operation_id: str, kwargs: dict[str, Any], *, stream: bool) -> httpx.Response:
        operation = OPERATIONS[operation_id]
        module = endpoint(operation_id)
        http = self._http()
        request = self._build_request(http, module, kwargs)
        max_retries = self._max_retries
        where = request.url.raw_path.split(b"?")[0].decode("ascii", "replace")  # no query: no contact data
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                response = await http.send(request, stream=stream)
            except httpx.TransportError as exc:
                if _retries.should_retry(
                    operation.retry, attempt=attempt, max_retries=max_retries, error=exc
                ):
                    delay = _retries.backoff(attempt)
                    log_retry(request.method, where, type(exc).__name__, delay, attempt + 1)
                    await _async_sleep(delay)
                    attempt += 1
                    continue
                log_request(
                    request.method, where, type(exc).__name__, None, time.monotonic() - started, attempt
                )
                raise self._connection_error(operation, request, exc) from exc
            status = response.status_code
            if status >= 400:
                try:
                    await response.aread()
                finally:
                    await response.aclose()
                if _retries.should_retry(
                    operation.retry, attempt=attempt, max_retries=max_retries, status=status
                ):
                    wait = _retries.retry_delay(attempt, response.headers)
                    if wait is not None:
                        log_retry(request.method, where, f"status {status}", wait, attempt + 1)
                        await _async_sleep(wait)
                        attempt += 1
                        continue
            log_request(
                request.method,
                where,
                status,
                response.headers.get("x-request-id"),
                time.monotonic() - started,
                attempt,
            )
            if status >= 400:
                raise self._status_error(response)
            response.request = _scrub(response.request)
            return response

    async def request(self, operation_id: str, /, **kwargs: Any) -> Any:
        """Run one generated operation; return its parsed success body (None for 204)."""
        response = await self._send(operation_id, kwargs, stream=False)
        return self._parse(endpoint(operation_id), response, sent=_is_send(operation_id))

    async def stream(self, operation_id: str, /, **kwargs: Any) -> httpx.Response:
        """Send one operation and return the open 2xx response (the caller closes it)."""
        return await self._send(operation_id, kwargs, stream=True)

    async def _close_http(self) -> None:
        if self._owns_http_client and self._http_client is not None:
            await self._http_client.aclose()
