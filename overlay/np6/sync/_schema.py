"""The sync's tables and their versioned migrations.

Three tables, prefixed so they can live in a database that holds other things:

- `np6_events`: one row per event. `key` is the primary key: NP6's event id, or for an event that comes
  without one (an unknown kind may) `sha256:` + the digest of its JSON, so re-reading it is still a
  no-op. Then the export's columns (`np6._event_columns`, shared with CSV and Parquet), typed
  (`timestamp` in milliseconds as NP6 sent it, `time` a timestamp with time zone, text for the rest),
  `raw`: the event as NP6 sent it (JSONB on PostgreSQL, JSON text elsewhere), and `synced_at`: when this
  database first stored it (downstream jobs read "what arrived since my last run" with it, late events
  included). Indexed on `time`, `timestamp`, `type` and `synced_at`.
- `np6_watermarks`: per query (scope, resource id, kind; '' for "every"), the greatest event timestamp
  stored, in milliseconds.
- `np6_schema`: one row, the schema version.

Migrations are ordered steps; each runs with its version bump in one transaction (PostgreSQL's DDL is
transactional, and SQLite's is once the engine begins transactions itself, see `_engine`), under a lock
(PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE), so two syncs starting together migrate once. A step
never changes after release: a new layout is a new step, tested from the version before it (a column added
to `np6._event_columns` needs one: tests/sync/test_sync_schema.py compares the migrated layout with
`events`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from .._event_columns import COLUMNS as EVENT_COLUMNS
from .._event_columns import ColumnType
from ._errors import SchemaTooNewError

EVENTS = "np6_events"
WATERMARKS = "np6_watermarks"
SCHEMA = "np6_schema"

# The columns of schema version 1: the export's columns as they were then (frozen: see the steps below).
_V1_TEXT_COLUMNS: tuple[str, ...] = (
    "source",
    "activation_id",
    "activation_version",
    "activation_kind",
    "contact_id",
    "contact_unicity",
    "contact_hash",
    "recipient",
    "channel",
    "link_type",
    "link_uri",
    "link_label",
    "bounce_verdict",
    "bounce_subject",
    "bounce_code",
    "bounce_diagnostic",
    "optout_type",
    "optout_channel",
    "identity_agency",
    "identity_customer",
)

_RAW = JSON().with_variant(JSONB(), "postgresql")
_TIME = DateTime(timezone=True)

metadata = MetaData()

_SQL_TYPES: dict[ColumnType, Any] = {"text": Text, "int64": BigInteger, "timestamp": _TIME}

# The latest layout: the shared event columns (np6._event_columns), each with its SQL type.
events = Table(
    EVENTS,
    metadata,
    Column("key", String(200), primary_key=True),
    *(Column(column.name, _SQL_TYPES[column.type]) for column in EVENT_COLUMNS),
    Column("raw", _RAW, nullable=False),
    Column("synced_at", _TIME),
    Index("np6_events_time", "time"),
    Index("np6_events_timestamp", "timestamp"),
    Index("np6_events_type", "type"),
    Index("np6_events_synced_at", "synced_at"),
)

watermarks = Table(
    WATERMARKS,
    metadata,
    Column("scope", String(40), primary_key=True),
    Column("resource_id", String(200), primary_key=True),
    Column("kind", String(100), primary_key=True),
    Column("timestamp", BigInteger, nullable=False),
    Column("updated_at", _TIME, nullable=False),
)

schema_version = Table(SCHEMA, metadata, Column("version", Integer, nullable=False))


# --- Steps -----------------------------------------------------------------------------------------------
# Each step is frozen: it spells out its own DDL instead of reading the tables above, which describe only
# the latest version.


def _v1(conn: Connection) -> None:
    """Events (key, the export's columns, raw), watermarks, indexes on time, timestamp and type."""
    v1 = MetaData()
    Table(
        EVENTS,
        v1,
        Column("key", String(200), primary_key=True),
        Column("id", Text),
        Column("type", Text),
        Column("timestamp", BigInteger),
        Column("time", _TIME),
        *(Column(name, Text) for name in _V1_TEXT_COLUMNS),
        Column("raw", _RAW, nullable=False),
        Index("np6_events_time", "time"),
        Index("np6_events_timestamp", "timestamp"),
        Index("np6_events_type", "type"),
    )
    Table(
        WATERMARKS,
        v1,
        Column("scope", String(40), primary_key=True),
        Column("resource_id", String(200), primary_key=True),
        Column("kind", String(100), primary_key=True),
        Column("timestamp", BigInteger, nullable=False),
        Column("updated_at", _TIME, nullable=False),
    )
    v1.create_all(conn)


def _v2(conn: Connection) -> None:
    """`synced_at`: when the row was stored, so downstream jobs can pick up late events incrementally.

    Rows stored before this version keep NULL: when they arrived is not known.
    """
    column_type = _TIME.compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE {EVENTS} ADD COLUMN synced_at {column_type}"))
    Index("np6_events_synced_at", events.c.synced_at).create(conn)


STEPS: tuple[Callable[[Connection], None], ...] = (_v1, _v2)
LATEST = len(STEPS)

# A constant key for pg_advisory_xact_lock: "np6sync" in ASCII.
_PG_LOCK = 0x6E70_3673_796E_63


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 when it has no np6 tables yet)."""
    if not inspect(conn).has_table(SCHEMA):
        return 0
    version = conn.execute(select(schema_version.c.version)).scalar()
    return int(version or 0)


def migrate(conn: Connection, *, target: int = LATEST) -> tuple[int, int]:
    """Bring the schema to `target` inside the caller's transaction; returns (version before, after).

    Raises SchemaTooNewError when the database is past what this np6 knows.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(text(f"pg_advisory_xact_lock({_PG_LOCK})")))
    before = current_version(conn)
    if before > LATEST:
        raise SchemaTooNewError(
            f"the database's np6 tables are at schema version {before}, newer than this np6-python knows "
            f"({LATEST}): upgrade np6-python"
        )
    if before >= target:
        return before, before
    if before == 0:
        schema_version.create(conn)
        conn.execute(schema_version.insert().values(version=0))
    for version in range(before + 1, target + 1):
        STEPS[version - 1](conn)
        conn.execute(schema_version.update().values(version=version))
    return before, target
