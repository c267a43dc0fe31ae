"""A total deadline per attempt, enforced where the bytes are read and written.

httpx's timeouts apply to each read, so a server sending a byte a second never trips them. The client wraps
the network backend of its httpx transport (its own, or the one passed as ``http_client``, when it is
httpx's default transport): while ``active(at)`` is set, every connect, read and write of the connections
it opens is given at most the time left until ``at`` and fails with a timeout once it has passed. Outside
``active`` the wrapper changes nothing. Connections opened before the wrapper was installed, or another
transport, are bounded only by the checks between body chunks (``_reading``). The wrappers are in
``_deadline_backends`` (httpcore is imported with them, on a client's first request).
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._deadline_backends import _AsyncBackend, _Backend

__all__ = ["DeadlineExceeded", "active", "install", "passed"]

_DEADLINE: ContextVar[float | None] = ContextVar("np6_deadline", default=None)


class DeadlineExceeded(httpx.ReadTimeout):
    """Raised between body chunks when the attempt's deadline has passed (a read timeout, for the policy)."""


@contextlib.contextmanager
def active(at: float | None) -> Iterator[None]:
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def passed(at: float | None) -> bool:
    return at is not None and time.monotonic() >= at


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    at = _DEADLINE.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the attempt's total deadline has passed")
    return left if timeout is None else min(timeout, left)


def install(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Wrap the network backend of ``http``'s default transport (once); False if it has none to wrap."""
    sync_wrapper, async_wrapper = wrappers = _wrappers()
    pool = getattr(getattr(http, "_transport", None), "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, wrappers):
        return True
    import httpcore  # already loaded: httpx imports it to build its transport

    if isinstance(http, httpx.Client) and isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = sync_wrapper(backend)  # type: ignore[union-attr]
        return True
    if isinstance(http, httpx.AsyncClient) and isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = async_wrapper(backend)  # type: ignore[union-attr]
        return True
    return False


@functools.cache
def _wrappers() -> tuple[type[_Backend], type[_AsyncBackend]]:
    """The wrapper classes, imported with httpcore on the first ``install`` (a client's first request), not
    with this module: ``import np6`` and constructing a client do not load httpcore (start-up, issue 13)."""
    from ._deadline_backends import _AsyncBackend, _Backend

    return _Backend, _AsyncBackend
