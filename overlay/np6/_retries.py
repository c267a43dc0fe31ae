"""The retry policy: constants and small pure functions (tests patch the sleep, not the policy).

Two classes of operation (the table of all 61 operations is ``np6._operations.OPERATIONS``):

================  ====================================================  =====================================
class             operations                                            retried on
================  ====================================================  =====================================
``SAFE``          GET, PUT, DELETE, the render POSTs (preview only),    connection errors and timeouts, and
                  activate (idempotent POST)                            statuses 408, 429, 5xx
``SEND``          executions, test sends, validation, sends, creates,   only failures where nothing was sent
                  duplicates (a repeat would send or create twice)      (connect error, connect/pool timeout)
================  ====================================================  =====================================

A ``SEND`` that fails after its request may have reached NP6 (write/read error or timeout, dropped
connection, any status) is never retried: the caller gets ``SendOutcomeUnknownError`` or the status error.

Delays: ``Retry-After`` (seconds or an HTTP date) when the server sends one, capped at ``MAX_RETRY_AFTER``;
otherwise capped exponential backoff with jitter: ``min(INITIAL_DELAY * 2**attempt, MAX_DELAY)`` scaled by a
random factor in ``[1 - JITTER, 1]``.
"""

from __future__ import annotations

import email.utils
import enum
import random
import time
from collections.abc import Callable, Mapping

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "INITIAL_DELAY",
    "JITTER",
    "MAX_DELAY",
    "MAX_RETRY_AFTER",
    "RETRYABLE_STATUSES",
    "RetryClass",
    "backoff",
    "nothing_sent",
    "retry_after",
    "retry_delay",
    "should_retry",
]

DEFAULT_MAX_RETRIES = 2
INITIAL_DELAY = 0.5  # seconds, before the first retry
MAX_DELAY = 8.0  # seconds, cap of the exponential backoff
JITTER = 0.25  # the delay is scaled by a random factor in [1 - JITTER, 1]
MAX_RETRY_AFTER = 60.0  # a longer Retry-After is not waited for: the error is raised instead
RETRYABLE_STATUSES = frozenset({408, 429})  # plus every 5xx


class RetryClass(enum.Enum):
    SAFE = "safe"
    SEND = "send"


# Failures that happen before any byte of the request left: safe to retry even for a send.
_NOTHING_SENT: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


# Failures a retry cannot fix: the request itself cannot be written (a header h11 refuses, a scheme httpx
# has no transport for). Never retried, whatever the class.
_HOPELESS: tuple[type[httpx.TransportError], ...] = (httpx.LocalProtocolError, httpx.UnsupportedProtocol)


def nothing_sent(error: BaseException) -> bool:
    """True when the request certainly did not reach the server."""
    return isinstance(error, _NOTHING_SENT)


def should_retry(
    retry_class: RetryClass,
    *,
    attempt: int,
    max_retries: int,
    status: int | None = None,
    error: BaseException | None = None,
) -> bool:
    """Whether attempt number ``attempt`` (0 = first) may be followed by another one.

    Give either the ``status`` of the answer or the transport ``error``.
    """
    if attempt >= max_retries:
        return False
    if error is not None:
        if not isinstance(error, httpx.TransportError) or isinstance(error, _HOPELESS):
            return False
        if retry_class is RetryClass.SEND:
            return nothing_sent(error)
        return True
    if status is None or retry_class is RetryClass.SEND:
        return False
    return status in RETRYABLE_STATUSES or 500 <= status <= 599


def retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """The server's ``Retry-After`` (or ``retry-after-ms``) hint in seconds, or None if absent/unparseable."""
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            return max(float(ms) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    when = email.utils.mktime_tz(parsed)
    return max(when - (time.time() if now is None else now), 0.0)


def backoff(attempt: int, *, rand: Callable[[], float] = random.random) -> float:
    """Capped exponential delay with jitter before retry number ``attempt + 1``."""
    base = min(INITIAL_DELAY * (2.0**attempt), MAX_DELAY)
    return base * (1.0 - JITTER * rand())


def retry_delay(attempt: int, headers: Mapping[str, str] | None = None) -> float | None:
    """The delay before the next attempt, or None when the server asks for longer than ``MAX_RETRY_AFTER``."""
    hint = retry_after(headers) if headers is not None else None
    if hint is not None:
        return hint if hint <= MAX_RETRY_AFTER else None
    return backoff(attempt)
