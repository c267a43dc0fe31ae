"""Date filters: a ``datetime``, milliseconds since the epoch, or an ISO 8601 string, as NP6 accepts them.

One rule for a missing offset, shared by the library and the CLI: **a date without an offset is UTC** (a naive
``datetime``, ``"2026-01-01"``, ``"2026-01-01T08:00"``). Give an offset (``tzinfo=``, ``+02:00``, ``Z``) for
another zone. A string of digits is milliseconds. Values go on the wire as millisecond integers, which NP6
accepts for every date filter; anything else (negative, beyond int64, unparseable) raises
``NP6ValidationError`` naming the argument, before any request.
"""

from __future__ import annotations

import datetime as _dt

from ._exceptions import NP6ValidationError

__all__ = ["to_millis"]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_MAX_MILLIS = 2**63 - 1  # the spec's DateFilter: int64, minimum 0
_MAX_TEXT = 64  # longer than any ISO 8601 date-time; stops a huge string before parsing


def _from_text(text: str, name: str) -> int | _dt.datetime:
    stripped = text.strip()
    if len(stripped) > _MAX_TEXT:
        raise NP6ValidationError(f"{name}: a date of {len(stripped)} characters is not an ISO date-time")
    if stripped.isascii() and stripped.isdigit():
        if len(stripped) > 19:
            raise NP6ValidationError(f"{name}: {stripped!r} is beyond the int64 millisecond range")
        return int(stripped)
    try:
        return _dt.datetime.fromisoformat(stripped.replace("z", "Z"))
    except ValueError:
        raise NP6ValidationError(
            f"{name}: {text!r} is neither an ISO 8601 date / date-time (e.g. '2026-01-01',"
            " '2026-01-01T08:00:00+02:00') nor milliseconds since the epoch"
        ) from None


def to_millis(value: object, *, name: str) -> int | None:
    """``value`` as milliseconds since the epoch (None stays None); a date without an offset is UTC.

    Accepts a ``datetime`` (naive: UTC), a ``date`` (midnight UTC), an ``int`` of milliseconds, or a string:
    digits (milliseconds) or ISO 8601. ``name`` is the argument or option named in the error.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = _from_text(value, name)
    elif isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, _dt.datetime):
        moment = value if value.utcoffset() is not None else value.replace(tzinfo=_dt.UTC)
        millis = (moment - _EPOCH) // _dt.timedelta(milliseconds=1)
        if millis < 0:
            raise NP6ValidationError(f"{name}: {value.isoformat()} is before 1970-01-01T00:00:00Z")
        return millis
    if isinstance(value, bool) or not isinstance(value, int):
        raise NP6ValidationError(
            f"{name} must be a datetime, an int of milliseconds or an ISO 8601 string,"
            f" got {type(value).__name__}"
        )
    if value < 0 or value > _MAX_MILLIS:
        raise NP6ValidationError(f"{name} must be between 0 and 2**63-1 milliseconds, got {value}")
    return value
