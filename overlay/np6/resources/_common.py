"""Argument checks and request plans shared by the sync and async resources (no I/O here)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from .._dates import to_millis
from .._exceptions import (
    APIError,
    APIResponseValidationError,
    BatchProgress,
    NP6ValidationError,
    StreamInterruptedError,
)
from .._streaming import Resume

DEFAULT_BATCH_SIZE = 1000
"""Messages per request in ``actions.send`` and ``notifications.execute`` (per call: ``batch_size=``)."""

T = TypeVar("T")
R = TypeVar("R")


class Plan(NamedTuple):
    """One generated call: the operationId and its keyword arguments."""

    operation_id: str
    kwargs: dict[str, Any]


def notification_id(value: object, name: str = "id") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise NP6ValidationError(
            f"notification {name} must be an int, got {type(value).__name__} ({value!r})"
        )
    return value


def action_id(value: object, name: str = "id") -> str:
    if not isinstance(value, str):
        raise NP6ValidationError(f"action {name} must be a str, got {type(value).__name__} ({value!r})")
    if not value.strip():
        raise NP6ValidationError(f"action {name} must not be empty")
    return value


def text_id(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise NP6ValidationError(f"{name} must be a non-empty str, got {value!r}")
    return value


def version_id(value: object) -> uuid.UUID | None:
    """None for the master version, else the version's UUID (from a str, a UUID or a version object)."""
    if isinstance(value, str) and value == "master":
        return None
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            raise NP6ValidationError(
                f"version must be 'master', a version UUID or a version object, got {value!r}"
            ) from None
    inner = getattr(value, "id", None)
    if isinstance(inner, uuid.UUID | str) and type(value).__name__ == "NotificationVersion":
        return version_id(inner if isinstance(inner, uuid.UUID) else str(inner))
    raise NP6ValidationError(
        f"version must be 'master', a version UUID (str or uuid.UUID) or a NotificationVersion with an id,"
        f" got {type(value).__name__}"
    )


def check_batch_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NP6ValidationError(f"batch_size must be an int >= 1, got {value!r}")
    return value


def as_list(value: object, name: str) -> list[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        raise NP6ValidationError(f"{name} must be a list, got {type(value).__name__}")
    return list(value)


def check_channel(value: object) -> str:
    if value not in ("email", "sms"):
        raise NP6ValidationError(f"channel must be 'email' or 'sms', got {value!r}")
    return str(value)


def check_raw(value: object) -> bool:
    """``raw=`` of the reactivity streams: the events as NP6 sent them (dicts), or the generated models."""
    if not isinstance(value, bool):
        raise NP6ValidationError(f"raw must be True or False, got {value!r}")
    return value


def millis_kwargs(**dates: object) -> dict[str, Any]:
    """The date filters given, as milliseconds (``_dates.to_millis``), leaving out those that are None."""
    kwargs: dict[str, Any] = {}
    for name, value in dates.items():
        millis = to_millis(value, name=name)
        if millis is not None:
            kwargs[name] = millis
    return kwargs


def event_filters(
    *,
    activation_start: object,
    activation_end: object,
    reactivity_start: object,
    reactivity_end: object,
    sort: object,
    resume: StreamInterruptedError | None,
) -> tuple[dict[str, Any], str | None, Resume | None]:
    """The generated keyword arguments of a reactivity operation, the sort, and the resume point."""
    from np6_api.models.sort_order import SortOrder

    sort_text: str | None = None
    if sort is not None:
        sort_text = str(sort.value if isinstance(sort, SortOrder) else sort)
        if sort_text not in ("asc", "desc"):
            raise NP6ValidationError(f"sort must be 'asc', 'desc' or None, got {sort!r}")
    resume_point: Resume | None = None
    if resume is not None:
        if not isinstance(resume, StreamInterruptedError):
            raise NP6ValidationError("resume must be the StreamInterruptedError of an earlier stream")
        if sort_text != "asc":
            raise NP6ValidationError("resume=... needs sort='asc' (events are resumed by timestamp)")
        if reactivity_start is not None:
            raise NP6ValidationError("give either resume=... or reactivity_start=..., not both")
        reactivity_start = resume.last_timestamp
        resume_point = Resume(resume.last_timestamp, resume.ids_at_last_timestamp)
    kwargs = millis_kwargs(
        activation_start=activation_start,
        activation_end=activation_end,
        reactivity_start=reactivity_start,
        reactivity_end=reactivity_end,
    )
    if sort_text is not None:
        kwargs["sort"] = SortOrder(sort_text)
    return kwargs, sort_text, resume_point


def reactivity_operation(
    kind: object, kinds: Sequence[str], scope_all: str, scope_one: str, one: bool
) -> str:
    if kind is None:
        kind = "reactivities"
    elif kind not in kinds:
        valid = ", ".join(repr(k) for k in kinds)
        raise NP6ValidationError(f"unknown reactivity kind {kind!r}: use None (all events) or one of {valid}")
    return f"list_{kind}_of_{scope_one if one else scope_all}"


def check_results(results: object, sent: list[Any], what: str) -> list[Any]:
    if not isinstance(results, list) or len(results) != len(sent):
        got = len(results) if isinstance(results, list) else type(results).__name__
        raise APIResponseValidationError(f"{what}: sent {len(sent)} message(s), got {got} result(s)")
    return results


def run_batches(call: Callable[[list[Any]], list[R]], items: list[Any], size: int, what: str) -> list[R]:
    results: list[R] = []
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        try:
            results.extend(check_results(call(chunk), chunk, what))
        except APIError as exc:
            exc.batch_progress = BatchProgress(results, chunk, items[start + size :])
            raise
    return results


async def arun_batches(
    call: Callable[[list[Any]], Awaitable[list[R]]], items: list[Any], size: int, what: str
) -> list[R]:
    results: list[R] = []
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        try:
            results.extend(check_results(await call(chunk), chunk, what))
        except APIError as exc:
            exc.batch_progress = BatchProgress(results, chunk, items[start + size :])
            raise
    return results
