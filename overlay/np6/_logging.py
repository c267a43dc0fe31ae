"""The ``np6`` logger: one record per request (method, path, status, request id, duration, retries).

Silent by default (a ``NullHandler``); enable with ``logging.getLogger("np6").setLevel(logging.DEBUG)`` and a
handler. Records carry the details as attributes too (``np6_method``, ``np6_path``, ``np6_status``,
``np6_request_id``, ``np6_duration``, ``np6_retries``). Headers (and so the API key) are never logged.

httpx and httpcore log on their own loggers; at DEBUG httpcore writes the response headers, where a broken
server may echo the key. ``protect`` registers a client's key with a filter on those loggers that replaces it
(in every form) before any handler sees the record.
"""

from __future__ import annotations

import logging
import weakref

from ._redact import Secret

__all__ = ["log_request", "log_retry", "logger", "protect"]

logger = logging.getLogger("np6")
logger.addHandler(logging.NullHandler())

_LIBRARY_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_SECRETS: weakref.WeakSet[Secret] = weakref.WeakSet()


class _KeyFilter(logging.Filter):
    """Replaces the key of every live client in a record's message (the record is kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = list(_SECRETS)
        if not secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the logging module's to report
            return True
        clean = message
        for secret in secrets:
            clean = secret.redact(clean)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTER = _KeyFilter()


def protect(secret: Secret) -> None:
    """Keep ``secret`` out of the records of httpx's and httpcore's loggers (for as long as it lives)."""
    _SECRETS.add(secret)
    for name in _LIBRARY_LOGGERS:
        library_logger = logging.getLogger(name)
        if _FILTER not in library_logger.filters:
            library_logger.addFilter(_FILTER)


def log_request(
    method: str,
    path: str,
    status: int | str,
    request_id: str | None,
    duration: float,
    retries: int,
) -> None:
    if not logger.isEnabledFor(logging.INFO):
        return
    logger.info(
        "%s %s -> %s (request id %s, %.1f ms, %d retries)",
        method,
        path,
        status,
        request_id or "-",
        duration * 1000.0,
        retries,
        extra={
            "np6_method": method,
            "np6_path": path,
            "np6_status": status,
            "np6_request_id": request_id,
            "np6_duration": duration,
            "np6_retries": retries,
        },
    )


def log_retry(method: str, path: str, reason: str, delay: float, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s %s: %s; retry %d in %.2f s", method, path, reason, attempt, delay)
