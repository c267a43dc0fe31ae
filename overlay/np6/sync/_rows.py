"""One event as one row of `np6_events`: its key, the shared event columns typed, and the event as sent."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
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


def event_row(event: Mapping[str, Any], synced_at: dt.datetime) -> dict[str, Any]:
    """The row of `event` (unknown kinds too: whatever columns they fill, and always `raw`)."""
    values: dict[str, Any] = dict(zip(NAMES, typed(event), strict=True))
    values.update(key=event_key(event), raw=event, synced_at=synced_at)
    return values
