"""One event as one row of `np6_events`: its key, the export's columns typed, and the event as NP6 sent it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ..cli._columns import COLUMNS, row
from ._schema import TEXT_COLUMNS

_INT64 = (-(2**63), 2**63 - 1)
_KEY_LIMIT = 200  # the key column's size; a longer id is keyed by its digest


def dumps(value: Any) -> str:
    """Compact JSON text, non-ASCII kept, as the JSONL export writes it; a lone surrogate (not UTF-8)
    is kept as its JSON escape instead."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(value, separators=(",", ":"))
    return text


def event_key(event: Mapping[str, Any]) -> str:
    """NP6's event id; for an event without a usable one, `sha256:` + the digest of its JSON."""
    event_id = event.get("id")
    if isinstance(event_id, str) and event_id and len(event_id) <= _KEY_LIMIT:
        return event_id
    text = json.dumps(event, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    return "sha256:" + digest.hexdigest()


def timestamp_of(event: Mapping[str, Any]) -> int | None:
    """The event's timestamp in milliseconds, when it is one a database can hold."""
    value = event.get("timestamp")
    if isinstance(value, int) and not isinstance(value, bool) and _INT64[0] <= value <= _INT64[1]:
        return value
    return None


def _time(timestamp: int | None) -> dt.datetime | None:
    if timestamp is None:
        return None
    try:
        return dt.datetime.fromtimestamp(timestamp / 1000, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


_INDEX = {name: COLUMNS.index(name) for name in TEXT_COLUMNS}


def event_row(event: Mapping[str, Any], synced_at: dt.datetime) -> dict[str, Any]:
    """The row of `event` (unknown kinds too: whatever columns they fill, and always `raw`)."""
    cells = row(event)
    timestamp = timestamp_of(event)
    values: dict[str, Any] = {name: cells[index] or None for name, index in _INDEX.items()}
    values.update(
        key=event_key(event),
        timestamp=timestamp,
        time=_time(timestamp),
        raw=dict(event),
        synced_at=synced_at,
    )
    return values
