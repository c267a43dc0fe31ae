"""Reactivity events: built in the API's event shape, kept in SQLite, streamed back row by row.

Why SQLite (stdlib) in a temporary file: a million events must be filtered, sorted and served without holding
them in Python memory. Each row keeps the event's JSON text as sent plus the columns the group B and D filters
need (scope, scope id, kind, link type, event and activation timestamps), with indexes on them; a stream opens
its own read connection (WAL mode lets writes continue) and fetches fixed-size batches.

An event's text is what `json.dumps(event, separators=(",", ":"), ensure_ascii=False)` writes, byte for byte.
orjson writes it in a tenth of the time (json's encoder was a quarter of the cost of `POST /_sandbox/events`),
and writes the same bytes for every value whose numbers are all integral (5.0 included, checked in Rust);
an integer past 64 bits, a fractional float (it writes 1e-05 as 0.00001), NaN (it writes null) or anything
it cannot take goes to json.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import threading
import uuid
import weakref
from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
import orjson

IDENTITY = {"type": "customer", "agency": "SANDBOX", "customer": "000"}
NO_EXPIRATION = "0001-01-01T00:00:00Z"
BATCH = 1000
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)  # an event's stored text
# Met by a value whose numbers are all integral, at any depth: orjson writes it as _ENCODER does.
_INTEGRAL = jsonschema_rs.Draft202012Validator(
    {
        "$defs": {
            "value": {
                "type": ["object", "array", "string", "boolean", "null", "integer"],
                "items": {"$ref": "#/$defs/value"},
                "additionalProperties": {"$ref": "#/$defs/value"},
            }
        },
        "$ref": "#/$defs/value",
    }
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,            -- 'notification' or 'action'
    scope_id TEXT,                  -- notification id or action id (text)
    kind TEXT,                      -- event type: execution, hit, bounce, ...
    link_type TEXT,                 -- source.detail.link.type for hits (open, redirection, ...)
    ts INTEGER NOT NULL,            -- event timestamp (ms)
    activation_ts INTEGER,          -- activation stamp time (ms)
    body TEXT NOT NULL              -- the event's JSON text, served as is
);
CREATE INDEX IF NOT EXISTS events_scope_ts ON events (scope, ts);
CREATE INDEX IF NOT EXISTS events_scope_id_kind_ts ON events (scope, scope_id, kind, ts);
CREATE INDEX IF NOT EXISTS events_scope_kind_link_ts ON events (scope, kind, link_type, ts);
CREATE INDEX IF NOT EXISTS events_scope_activation ON events (scope, activation_ts);
"""


@dataclass(frozen=True)
class EventQuery:
    """The filters of one B/D operation and its query (ms bounds: start inclusive, end exclusive)."""

    scope: str
    scope_id: str | None = None
    kind: str | None = None
    link_type: str | None = None
    activation_start: int | None = None
    activation_end: int | None = None
    reactivity_start: int | None = None
    reactivity_end: int | None = None
    sort: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where = ["scope = ?"]
        args: list[Any] = [self.scope]
        for column, op, value in (
            ("scope_id", "=", self.scope_id),
            ("kind", "=", self.kind),
            ("link_type", "=", self.link_type),
            ("activation_ts", ">=", self.activation_start),
            ("activation_ts", "<", self.activation_end),
            ("ts", ">=", self.reactivity_start),
            ("ts", "<", self.reactivity_end),
        ):
            if value is not None:
                where.append(f"{column} {op} ?")
                args.append(value)
        order = {"asc": "ts ASC, seq ASC", "desc": "ts DESC, seq DESC"}.get(self.sort or "", "seq ASC")
        return f"SELECT body FROM events WHERE {' AND '.join(where)} ORDER BY {order}", args


_INT64 = (-(2**63), 2**63 - 1)


def _int64(value: object) -> int | None:
    """The value if SQLite can index it as an integer (injected events may hold anything)."""
    if isinstance(value, int) and not isinstance(value, bool) and _INT64[0] <= value <= _INT64[1]:
        return value
    return None


def _dict(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def columns(event: Mapping[str, Any]) -> tuple[str, str | None, str | None, str | None, int, int | None]:
    """The indexed columns of an event (tolerant: injected events may be partial or of unknown kinds)."""
    source = _dict(event.get("source"))
    detail = _dict(source.get("detail"))
    activation = _dict(detail.get("activation")) or _dict(detail.get("execution"))
    scope = "notification" if source.get("type") == "notification" else "action"
    scope_id = activation.get("id")
    kind = event.get("type")
    link_type = _dict(detail.get("link")).get("type")
    ts = event.get("timestamp")
    activation_ts = _dict(activation.get("stamp")).get("time")
    return (
        scope,
        None if scope_id is None else str(scope_id),
        kind if isinstance(kind, str) else None,
        link_type if isinstance(link_type, str) else None,
        _int64(ts) or 0,
        _int64(activation_ts),
    )


def _integral(value: object) -> bool:
    try:
        return _INTEGRAL.is_valid(value)
    except Exception:  # what jsonschema-rs cannot take (non-str keys...): json decides
        return False


def _orjson_text(event: object) -> str:
    try:
        return orjson.dumps(event).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits, non-str keys...: json's text, or its error
        return _ENCODER.encode(event)


def texts(events: Iterable[Any]) -> list[str]:
    """The stored texts of events: `_ENCODER`'s, written by orjson wherever its bytes are the same."""
    events = list(events)
    if _integral(events):  # one call for the batch; else event by event
        return [_orjson_text(event) for event in events]
    return [_orjson_text(event) if _integral(event) else _ENCODER.encode(event) for event in events]


def _remove(db: sqlite3.Connection, directory: str) -> None:
    db.close()
    shutil.rmtree(directory, ignore_errors=True)


class EventStore:
    """Append-only event table in a private temporary directory, removed by close().

    Also removed when the store is garbage-collected or the interpreter exits without close() (a
    `weakref.finalize`), so no path out of a program leaves it behind; signals are server.py's business.
    """

    def __init__(self) -> None:
        self._dir = tempfile.mkdtemp(prefix="np6-sandbox-events-")
        self.path = os.path.join(self._dir, "events.sqlite3")
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        except BaseException:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise
        self._finalizer = weakref.finalize(self, _remove, self._db, self._dir)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(_SCHEMA)

    @property
    def directory(self) -> str:
        """The temporary directory holding the database (gone after close())."""
        return self._dir

    def add(self, events: Iterable[Mapping[str, Any]]) -> int:
        """Store events as given (their JSON text is what the API will serve)."""
        events = list(events)
        return self._insert(
            (*columns(event), text) for event, text in zip(events, texts(events), strict=True)
        )

    def _insert(self, rows: Iterable[tuple[Any, ...]]) -> int:
        with self._lock:
            before = self._db.total_changes
            self._db.execute("BEGIN")
            try:
                self._db.executemany(
                    "INSERT INTO events (scope, scope_id, kind, link_type, ts, activation_ts, body)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            return self._db.total_changes - before

    def generate(self, template: Mapping[str, Any], count: int, start_ms: int, step_ms: int) -> int:
        """Bulk-insert `count` copies of a template event with fresh ids and increasing timestamps.

        The template is serialised once and only the id and timestamp are spliced in, so a million events
        load in seconds without a million-item request body.
        """
        marker_id, marker_ts = "00000000-0000-4000-8000-00000000feed", 987654321987654321
        text = json.dumps(
            {**template, "id": marker_id, "timestamp": marker_ts}, separators=(",", ":"), ensure_ascii=False
        )
        head, _, rest = text.partition(marker_id)
        middle, _, tail = rest.partition(str(marker_ts))
        base = columns(template)

        def rows() -> Iterator[tuple[Any, ...]]:
            for index in range(count):
                ts = start_ms + index * step_ms
                yield (*base[:4], ts, base[5], f"{head}{uuid.uuid4()}{middle}{ts}{tail}")

        return self._insert(rows())

    def count(self) -> int:
        with self._lock:
            (total,) = self._db.execute("SELECT COUNT(*) FROM events").fetchone()
        return int(total)

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM events")

    def batches(self, query: EventQuery, size: int = BATCH) -> Generator[list[str], None, None]:
        """The matching events' JSON texts, `size` at a time, from a dedicated read connection."""
        sql, args = query.sql()
        reader = sqlite3.connect(self.path, check_same_thread=False)
        try:
            cursor = reader.execute(sql, args)
            while rows := cursor.fetchmany(size):
                yield [row[0] for row in rows]
        finally:
            reader.close()

    def close(self) -> None:
        with self._lock:
            self._finalizer()


# --------------------------------------------------------------------------- event factories


def stamp(time_ms: int, stamp_id: str | None = None, thread: str | None = None) -> dict[str, Any]:
    return {"time": time_ms, "id": stamp_id or str(uuid.uuid4()), "thread": thread or str(uuid.uuid4())}


def _event(
    kind: str, ts: int, activation: Mapping[str, Any], source_type: str, member: Any
) -> dict[str, Any]:
    detail: dict[str, Any] = {"activation": dict(activation), **member}
    return {
        "type": kind,
        "id": str(uuid.uuid4()),
        "timestamp": ts,
        "identity": dict(IDENTITY),
        "source": {"type": source_type, "detail": detail},
    }


def notification_event(kind: str, ts: int, activation: Mapping[str, Any], **member: Any) -> dict[str, Any]:
    """An event with `source.type` notification: the activation plus one member named after the kind."""
    return _event(kind, ts, activation, "notification", member)


def message_event(
    kind: str, ts: int, activation: Mapping[str, Any], source_type: str = "email", **member: Any
) -> dict[str, Any]:
    """An event of an action send (`source.type` email, or `sms` for SMS actions: see README)."""
    return _event(kind, ts, activation, source_type, member)


PUSH_BOUNCE = {
    "status": None,
    "analysis": {"verdict": "hard", "subject": {"type": "token", "detail": {"type": "unregistered"}}},
}
MAIL_BOUNCE = {
    "status": {
        "type": "sync",
        "code": {"enhanced": "5.1.1"},
        "diagnostic": "550 5.1.1 user unknown",
        "mta": "mx.sandbox.invalid",
    },
    "analysis": {
        "verdict": "hard",
        "subject": {"type": "other or undefined status", "detail": {"type": "unknown"}},
    },
}
