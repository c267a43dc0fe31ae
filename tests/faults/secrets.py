"""Where an API key could leak: exceptions (str, repr, traceback, the chain, attached responses), log records
(message, args, extra attributes) and reprs of whatever a call returned."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable

import httpx


def exception_text(exc: BaseException) -> str:
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(exc)), repr(vars(exc))]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts += [str(current), repr(current), repr(getattr(current, "args", ()))]
        for value in vars(current).values():
            if isinstance(value, httpx.Response):
                parts += [repr(value), repr(value.headers), repr(value.request.headers)]
            if isinstance(value, httpx.Request):
                parts.append(repr(value.headers))
        current = current.__cause__ or current.__context__
    return "\n".join(parts)


def record_text(record: logging.LogRecord) -> str:
    return "\n".join([record.getMessage(), repr(record.args), repr(vars(record))])


def assert_no_secret(
    secret: str,
    *,
    error: BaseException | None,
    records: Iterable[logging.LogRecord],
    objects: Iterable[object] = (),
) -> None:
    if error is not None:
        assert secret not in exception_text(error), "the API key leaked into an exception"
    for record in records:
        assert secret not in record_text(record), f"the API key leaked into a log record: {record.msg!r}"
    for obj in objects:
        assert secret not in repr(obj), f"the API key leaked into the repr of {type(obj).__name__}"
