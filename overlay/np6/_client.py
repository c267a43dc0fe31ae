"""``NP6`` and ``AsyncNP6``: configuration, connection pool and the resource namespaces."""

from __future__ import annotations

import copy
import os
from types import TracebackType
from typing import Self

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient, check_base_url
from ._exceptions import NP6ValidationError
from ._limits import Limits
from ._retries import DEFAULT_MAX_RETRIES
from .resources import Actions, AsyncActions, AsyncNotifications, Notifications

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "NP6", "AsyncNP6"]

DEFAULT_BASE_URL = "https://api-cm.np6.com"
DEFAULT_TIMEOUT = 30.0  # seconds, for connect, read, write and pool each


def _resolve(
    api_key: str | None, base_url: str | None, allow_insecure: bool, timeout: object
) -> tuple[str, str, float | httpx.Timeout]:
    source = "api_key" if api_key is not None else "NP6_API_KEY"
    key = api_key if api_key is not None else os.environ.get("NP6_API_KEY")
    url = base_url if base_url is not None else os.environ.get("NP6_BASE_URL") or DEFAULT_BASE_URL
    return (
        _check_key(key, source),
        check_base_url(url, allow_insecure=allow_insecure),
        _check_timeout(timeout),
    )


def _check_key(key: object, source: str) -> str:
    """The key, if it can travel in an HTTP header as is; the message never shows it (not even a part)."""
    if key is None:
        raise NP6ValidationError("no API key: pass api_key=... or set NP6_API_KEY")
    if not isinstance(key, str):
        raise NP6ValidationError(f"{source} must be a str, got {type(key).__name__}")
    if not key.strip():
        raise NP6ValidationError(f"{source} is empty: pass api_key=... or set NP6_API_KEY")
    if key != key.strip():
        raise NP6ValidationError(
            f"{source} has leading or trailing whitespace (a newline read from a file?): strip it"
        )
    for position, char in enumerate(key, 1):
        if not " " <= char <= "~":
            raise NP6ValidationError(
                f"{source} has a character that is not printable ASCII at position {position} of {len(key)}:"
                " NP6 keys are printable ASCII (check for a copy-paste artefact)"
            )
    return key


def _check_timeout(timeout: object) -> float | httpx.Timeout:
    if not isinstance(timeout, int | float | httpx.Timeout) or isinstance(timeout, bool):
        raise NP6ValidationError(f"timeout must be seconds (a number) or an httpx.Timeout, got {timeout!r}")
    if not isinstance(timeout, httpx.Timeout) and timeout <= 0:
        raise NP6ValidationError(f"timeout must be > 0 seconds, got {timeout!r}")
    return timeout


def _repr(client: SyncAPIClient | AsyncAPIClient) -> str:
    return (
        f"{type(client).__name__}(base_url={client.base_url!r}, api_key={client._api_key!r},"
        f" timeout={client.timeout.read!r}, max_retries={client.max_retries!r})"
    )


class NP6(SyncAPIClient):
    """The NP6 API client.

    ``api_key`` defaults to ``$NP6_API_KEY``; ``base_url`` to ``$NP6_BASE_URL`` or ``https://api-cm.np6.com``
    (plain ``http://`` only to loopback unless ``allow_insecure=True``). ``timeout`` in seconds (or an
    ``httpx.Timeout``); ``max_retries`` for the requests that may be retried (see ``np6._retries``).
    ``http_client`` lets you bring your own ``httpx.Client`` (you then close it). ``limits`` bounds what a
    server can make the client hold or wait for (``np6.Limits``). Use as a context manager or
    call ``close()``. ``with_options(...)`` gives a copy with other settings sharing the connection pool.
    """

    notifications: Notifications
    actions: Actions

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        allow_insecure: bool = False,
        http_client: httpx.Client | None = None,
        limits: Limits | None = None,
    ) -> None:
        key, url, timeout = _resolve(api_key, base_url, allow_insecure, timeout)
        self._init_config(api_key=key, base_url=url, timeout=timeout, max_retries=max_retries, limits=limits)
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise NP6ValidationError(f"http_client must be an httpx.Client, got {type(http_client).__name__}")
        self._http_client = http_client
        self._owns_http_client = http_client is None
        self._bind()

    def _bind(self) -> None:
        self.notifications = Notifications(self)
        self.actions = Actions(self)

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> NP6:
        """A copy with another timeout and/or max_retries, sharing this client's connections."""
        other = copy.copy(self)
        other._http_client = self._http()
        other._owns_http_client = False
        other._init_config(
            api_key=self._api_key.get(),
            base_url=self._base_url,
            timeout=_check_timeout(self._timeout if timeout is None else timeout),
            max_retries=self._max_retries if max_retries is None else max_retries,
            limits=self._limits,
        )
        other._bind()
        return other

    def close(self) -> None:
        """Close the connection pool (not one passed as ``http_client``)."""
        self._close_http()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return _repr(self)


class AsyncNP6(AsyncAPIClient):
    """The async twin of ``NP6`` (same arguments; ``http_client`` is an ``httpx.AsyncClient``)."""

    notifications: AsyncNotifications
    actions: AsyncActions

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        allow_insecure: bool = False,
        http_client: httpx.AsyncClient | None = None,
        limits: Limits | None = None,
    ) -> None:
        key, url, timeout = _resolve(api_key, base_url, allow_insecure, timeout)
        self._init_config(api_key=key, base_url=url, timeout=timeout, max_retries=max_retries, limits=limits)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise NP6ValidationError(
                f"http_client must be an httpx.AsyncClient, got {type(http_client).__name__}"
            )
        self._http_client = http_client
        self._owns_http_client = http_client is None
        self._bind()

    def _bind(self) -> None:
        self.notifications = AsyncNotifications(self)
        self.actions = AsyncActions(self)

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> AsyncNP6:
        """A copy with another timeout and/or max_retries, sharing this client's connections."""
        other = copy.copy(self)
        other._http_client = self._http()
        other._owns_http_client = False
        other._init_config(
            api_key=self._api_key.get(),
            base_url=self._base_url,
            timeout=_check_timeout(self._timeout if timeout is None else timeout),
            max_retries=self._max_retries if max_retries is None else max_retries,
            limits=self._limits,
        )
        other._bind()
        return other

    async def close(self) -> None:
        """Close the connection pool (not one passed as ``http_client``)."""
        await self._close_http()

    aclose = close

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return _repr(self)
