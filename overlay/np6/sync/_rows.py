"""One event as one row of `np6_events`: its key, the shared event columns typed, and the event as sent."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from .._event_columns import NAMES, as_int64, raw_json, typed

_KEY_LIMIT = 200  # the key column's size; a longer id is keyed by its digest


def dumps(value: Any) -> str:
    """The JSON text stored in `raw`: compact, as the JSON Lines export writes it (`np6._event_columns`)."""
    return raw_json(value)


def event_key(event: Mapping[str, Any]) -> str:
    """NP6's event id; for an event without a usable one, `sha256:` + the digest of its JSON."""
    event_id = event.get("id")
    if isinstance(event_id, str) and event_id and len(event_id) <= _KEY_LIMIT:
        return event_id
    text = json.dumps(event, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    return "sha256:" + digest.hexdigest()


def timestamp_of(event: Mapping[str, Any]) -> int | None:
    """The event's timestamp in milliseconds, when it is one a database can hold (64 bits)."""
    return as_int64(event.get("timestamp"))


COLUMNS: tuple[str, ...] = ("key", *NAMES, "raw", "synced_at")  # np6_events' columns, in this order
_TIMES = frozenset({"time", "synced_at"})
# JSON escapes PostgreSQL's jsonb refuses: NUL, and UTF-16 surrogates (a pair is fine: checked by a walk).
_PG_SUSPECT = re.compile(r"\\u(0000|[dD][89a-fA-F])")


def driver_values(row: Mapping[str, Any], dialect: str) -> tuple[Any, ...]:
    """`row` (from `event_row`) as the parameters of the driver-level insert: JSON as text, and the
    values each database cannot take as they are made storable.

    SQLite: times as SQLAlchemy's SQLite text (`YYYY-MM-DD HH:MM:SS.ffffff`, UTC). PostgreSQL: no NUL
    character in text (PostgreSQL cannot store one): a NUL, in a column or inside `raw`, is stored as the
    six characters `\\u0000`, and a lone surrogate in `raw` as its escape's text.
    """
    values = []
    for name in COLUMNS:
        value = row[name]
        if name == "raw":
            value = raw_json(value)
            if dialect == "postgresql" and _PG_SUSPECT.search(value):
                value = raw_json(_storable(row[name]))
        elif name in _TIMES and value is not None and dialect == "sqlite":
            value = _sqlite_time(value)
        elif dialect == "postgresql" and isinstance(value, str) and "\x00" in value:
            value = value.replace("\x00", "\\u0000")
        values.append(value)
    return tuple(values)


def _sqlite_time(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC)
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d} "
        f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond:06d}"
    )


def _storable(value: Any) -> Any:
    """`value` with every string free of NUL and lone surrogates (their escapes' text instead)."""
    if isinstance(value, str):
        text = value.replace("\x00", "\\u0000")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        return text
    if isinstance(value, Mapping):
        return {_storable(k): _storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable(v) for v in value]
    return value


def event_row(event: Mapping[str, Any], synced_at: dt.datetime) -> dict[str, Any]:
    """The row of `event` (unknown kinds too: whatever columns they fill, and always `raw`)."""
    values: dict[str, Any] = dict(zip(NAMES, typed(event), strict=True))
    values.update(key=event_key(event), raw=event, synced_at=synced_at)
    return values
