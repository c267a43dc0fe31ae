"""Date filters: timezone-aware ``datetime`` or milliseconds since the epoch.

Naive datetimes are REJECTED (``NP6ValidationError``): the generated client would send them without an offset
and NP6 would read them in an unknown zone. Pass ``datetime(..., tzinfo=timezone.utc)`` or a millisecond int.
Values go on the wire as millisecond integers, which NP6 accepts for every date filter.
"""

from __future__ import annotations

import datetime as _dt

from ._exceptions import NP6ValidationError

__all__ = ["to_millis"]


def to_millis(value: object, *, name: str) -> int | None:
    """``value`` as milliseconds since the epoch (None stays None)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise NP6ValidationError(
                f"{name} is a naive datetime ({value.isoformat()}): give it a timezone, e.g."
                " datetime(..., tzinfo=timezone.utc), or pass milliseconds since the epoch"
            )
        delta = value - _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
        return delta // _dt.timedelta(milliseconds=1)
    if isinstance(value, bool) or not isinstance(value, int):
        raise NP6ValidationError(
            f"{name} must be a timezone-aware datetime or an int of milliseconds, got {type(value).__name__}"
        )
    if value < 0:
        raise NP6ValidationError(f"{name} must be >= 0 milliseconds, got {value}")
    return value
