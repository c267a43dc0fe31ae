"""The ``np6`` logger: one record per request (method, path, status, request id, duration, retries).

Silent by default (a ``NullHandler``); enable with ``logging.getLogger("np6").setLevel(logging.DEBUG)`` and a
handler. Records carry the details as attributes too (``np6_method``, ``np6_path``, ``np6_status``,
``np6_request_id``, ``np6_duration``, ``np6_retries``). Headers (and so the API key) are never logged.
"""

from __future__ import annotations

import logging

__all__ = ["log_request", "log_retry", "logger"]

logger = logging.getLogger("np6")
logger.addHandler(logging.NullHandler())


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
