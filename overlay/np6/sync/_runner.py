"""One sync run: NP6's events of a query since its watermark into the database, exactly once.

The window
    A run reads the query's watermark W (the greatest event timestamp it has stored, in NP6's
    milliseconds) and asks NP6 for `[W - look_back, now)`, sorted by ascending timestamp; a first run asks
    from the beginning. `now` is fixed when the run starts: an event stamped later (a clock ahead of ours,
    or a bogus future timestamp) is left for a later run instead of pushing the watermark past events
    still to come.

Exactly once
    Every event is inserted with its id as the primary key and `ON CONFLICT DO NOTHING` (SQLite,
    PostgreSQL; other databases: the batch's ids are looked up first), so re-reading an event stored
    already is a counted no-op. Events are committed in batches; each batch's rows and the new watermark
    (the batch's greatest timestamp, never lower than the stored one) go in ONE transaction. Whatever
    stops the process (SIGKILL, Ctrl-C, a broken stream, a full disk), the database holds whole batches
    with a watermark that matches them, and the next run asks again from that watermark: nothing is lost
    and the batch that was in flight is read again, its already-stored events counted, not duplicated.

Window edges
    - Several events share the greatest timestamp T, some in the next batch, or still to arrive: the start
      is inclusive and `W - look_back <= T`, so the next run reads T again; the ones stored are skipped.
      This is why the watermark is the greatest timestamp *seen*, never `now` nor T + 1.
    - Late events: NP6 may make an event visible some time after its timestamp. Say it becomes visible
      at `a`, stamped `t`. The run that read past `t` before `a` had a watermark W <= its `now` < `a`, so
      the next run starts at `W - look_back > t` only if the delay `a - t` exceeds the look-back: **every
      event visible within `look_back` of its timestamp is stored, exactly once**. A longer delay needs a
      longer look-back (or a one-off run with a larger one); it costs only re-reading that span each run.
    - The watermark never goes back: an older batch (another run of the same query racing this one) leaves
      it where it is. Events without a timestamp (an unknown kind may have none) are stored and leave it.
    - Batches are committed in the order NP6 sends them, so this relies on NP6 sorting ascending as asked
      (the same assumption `np6 reactivities export --resume` makes): an event sent after a later one
      was committed, and older than that watermark minus the look-back, would be left out.
    - Queries are independent: each (scope, id, kind) has its own watermark, and the events table is
      shared, so an event read by two overlapping queries is stored once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sqlalchemy import Connection, Engine, case, create_engine, event, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from .._exceptions import NP6ValidationError
from . import _schema
from ._errors import DatabaseError
from ._rows import COLUMNS as ROW_COLUMNS
from ._rows import driver_values, dumps, event_row, timestamp_of
from ._schema import events, watermarks
from ._urls import DatabaseURL, parse

if TYPE_CHECKING:
    from .._client import NP6

Scope = Literal["notifications", "actions"]

DEFAULT_URL = "sqlite:///np6-events.db"
DEFAULT_LOOK_BACK = dt.timedelta(hours=1)
DEFAULT_BATCH_SIZE = 1000
_RESULT_ATTRIBUTE = "np6_sync_result"
T = TypeVar("T")


@dataclass(frozen=True)
class SyncQuery:
    """What a sync pulls: the events of one scope, optionally one notification or action, one kind
    (`None`: every kind). Each query has its own watermark."""

    scope: Scope
    id: str | None
    kind: str | None


@dataclass(frozen=True)
class SyncResult:
    """What a sync committed: the counts, the watermark, and the window it asked NP6 for.

    `complete` is false when the run stopped early (the result is then attached to the error: see
    `result_of`); everything counted here is committed either way.
    """

    query: SyncQuery
    database: str  # the URL, password hidden
    new: int
    already_present: int
    batches: int
    watermark: int | None  # milliseconds since the epoch; None: nothing with a timestamp stored yet
    previous_watermark: int | None
    window_start: int | None  # milliseconds, inclusive; None: from the beginning
    window_end: int  # milliseconds, exclusive
    schema_version: int
    complete: bool
    seconds: float

    @property
    def watermark_time(self) -> dt.datetime | None:
        """The watermark as an aware UTC datetime."""
        return _as_time(self.watermark)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (what `np6 reactivities sync --json` prints)."""
        data = dataclasses.asdict(self)
        data["query"] = dataclasses.asdict(self.query)
        for name in ("watermark", "previous_watermark", "window_start", "window_end"):
            moment = _as_time(data[name])
            data[f"{name}_time"] = None if moment is None else _iso(moment)
        data["seconds"] = round(self.seconds, 3)
        return data


def result_of(error: BaseException) -> SyncResult | None:
    """The `SyncResult` of what a sync stopped by `error` had committed (None if `error` did not stop one).

    Ctrl-C, a broken stream, an API or a database error all stop a sync; the batches committed before stay.
    """
    found = getattr(error, _RESULT_ATTRIBUTE, None)
    return found if isinstance(found, SyncResult) else None


def sync_events(
    client: NP6,
    *,
    into: str = DEFAULT_URL,
    scope: Scope,
    id: str | int | None = None,
    kind: str | None = None,
    look_back: dt.timedelta = DEFAULT_LOOK_BACK,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[SyncResult], None] | None = None,
) -> SyncResult:
    """Pull the events of a query that came since the last sync into a database, exactly once.

    Args:
        client: The `NP6` client to read the events with.
        into: A SQLAlchemy database URL: `sqlite:///file.db` (the default `sqlite:///np6-events.db`),
            `postgresql+psycopg://user:password@host/dbname`, ... The tables are created or migrated first.
        scope: `"notifications"` or `"actions"`.
        id: Only this notification's (a number) or action's events.
        kind: One kind of event (as `reactivities()` takes it: `"hits"`, `"bounces"`, ...); None: every kind.
        look_back: How far before the watermark each run asks again, for events NP6 makes visible late
            (default one hour).
        batch_size: Events per transaction (each commits its events with the new watermark).
        on_batch: Called after each committed batch with the totals so far (e.g. a progress bar).

    Returns:
        The `SyncResult`: new events, events already present, the watermark.

    Raises:
        NP6ValidationError: A wrong argument (`BadDatabaseURL` for `into`), before any I/O.
        DatabaseError: The database failed; batches committed before stay.
        NP6Error: NP6 or the network failed (`StreamInterruptedError`...); batches committed before stay.
        ImportError: The database's driver is not installed (`pip install 'np6-python[sync]'`).

    Any error (and Ctrl-C) that stops the run carries what was committed: `np6.sync.result_of(error)`.
    """
    query = _query(scope, id, kind)
    look_back_ms = _millis(look_back)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise NP6ValidationError(f"batch_size: a positive integer, got {batch_size!r}")
    _open_stream(client, query, None, None).close()  # the library refuses a bad kind here, before any I/O
    url = parse(into)
    run = _Run(query, url, on_batch)
    engine = run.database(lambda: _engine(url))
    try:
        return run.sync(client, engine, look_back_ms, batch_size)
    finally:
        engine.dispose()


class _Run:
    """The state of one sync: what is committed so far, reported on success and attached to any error."""

    def __init__(self, query: SyncQuery, url: DatabaseURL, on_batch: Callable[[SyncResult], None] | None):
        self.query = query
        self.url = url
        self.on_batch = on_batch
        self.started = time.monotonic()
        self.result = SyncResult(
            query=query,
            database=url.redacted(),
            new=0,
            already_present=0,
            batches=0,
            watermark=None,
            previous_watermark=None,
            window_start=None,
            window_end=_now_ms(),
            schema_version=0,
            complete=False,
            seconds=0.0,
        )

    def database(self, step: Callable[[], T]) -> T:
        """Run `step`, turning a database failure into a DatabaseError that names the URL, password hidden."""
        try:
            return step()
        except SQLAlchemyError as error:
            raise DatabaseError(self._describe(error)) from None

    def _describe(self, error: SQLAlchemyError) -> str:
        original = getattr(error, "orig", None)
        detail = str(original if original is not None else error).strip().splitlines()
        first = detail[0] if detail else type(error).__name__
        return self.url.scrub(f"the database failed ({self.url.redacted()}): {first}")

    def sync(self, client: NP6, engine: Engine, look_back_ms: int, batch_size: int) -> SyncResult:
        try:
            version, watermark = self.database(lambda: _prepare(engine, self.query))
            start = None if watermark is None else watermark - look_back_ms
            self._update(
                schema_version=version, watermark=watermark, previous_watermark=watermark, window_start=start
            )
            with _open_stream(client, self.query, start, self.result.window_end) as stream:
                for batch in _batches(stream, batch_size):
                    self.database(lambda batch=batch: self._commit(engine, batch))  # type: ignore[misc]
                    if self.on_batch is not None:
                        self.on_batch(self.result)
        except BaseException as error:
            self._update()
            with contextlib.suppress(AttributeError, TypeError):
                setattr(error, _RESULT_ATTRIBUTE, self.result)
            raise
        self._update(complete=True)
        return self.result

    def _commit(self, engine: Engine, batch: list[Mapping[str, Any]]) -> None:
        synced_at = dt.datetime.now(dt.UTC)
        rows = _unique([event_row(e, synced_at) for e in batch])
        stamps = [t for t in map(timestamp_of, batch) if t is not None]
        with engine.begin() as conn:
            inserted = _insert_new(conn, rows)
            watermark = _advance(conn, self.query, max(stamps) if stamps else None)
        self._update(
            new=self.result.new + inserted,
            already_present=self.result.already_present + len(batch) - inserted,
            batches=self.result.batches + 1,
            watermark=watermark if watermark is not None else self.result.watermark,
        )

    def _update(self, **changes: Any) -> None:
        self.result = dataclasses.replace(self.result, seconds=time.monotonic() - self.started, **changes)


def _query(scope: Any, resource: Any, kind: Any) -> SyncQuery:
    if scope not in ("notifications", "actions"):
        raise NP6ValidationError(f"scope: 'notifications' or 'actions', got {scope!r}")
    if isinstance(resource, bool) or not isinstance(resource, str | int | None):
        raise NP6ValidationError(f"id: a notification id (a number) or an action id, got {resource!r}")
    if scope == "notifications" and resource is not None:
        if isinstance(resource, str) and not (resource.isascii() and resource.isdigit()):
            raise NP6ValidationError(f"id: a notification id is a number, got {resource!r}")
        resource = str(int(resource))
    if kind is not None and not isinstance(kind, str):
        raise NP6ValidationError(f"kind: a kind of event or None, got {kind!r}")
    return SyncQuery(scope, None if resource is None else str(resource), kind)


def _millis(look_back: Any) -> int:
    if not isinstance(look_back, dt.timedelta) or look_back < dt.timedelta(0):
        raise NP6ValidationError(f"look_back: a timedelta of zero or more, got {look_back!r}")
    return look_back // dt.timedelta(milliseconds=1)


def _open_stream(client: NP6, query: SyncQuery, start: int | None, end: int | None) -> Any:
    # raw: each event exactly as NP6 sent it (a round trip through the models would reformat it).
    filters: dict[str, Any] = {"reactivity_start": start, "reactivity_end": end, "sort": "asc", "raw": True}
    if query.scope == "notifications":
        nid = None if query.id is None else int(query.id)
        return client.notifications.reactivities(query.kind, notification_id=nid, **filters)  # type: ignore[arg-type]
    return client.actions.reactivities(query.kind, action_id=query.id, **filters)  # type: ignore[arg-type]


def _engine(url: DatabaseURL) -> Engine:
    engine = create_engine(url.url, json_serializer=dumps)
    if engine.dialect.name == "sqlite":
        # pysqlite starts transactions late and not before DDL; beginning them here makes the migrations
        # atomic, and IMMEDIATE takes the write lock up front so two syncs wait instead of deadlocking.
        @event.listens_for(engine, "connect")
        def _autocommit(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _prepare(engine: Engine, query: SyncQuery) -> tuple[int, int | None]:
    """Migrate the schema (one transaction) and read the query's watermark."""
    with engine.begin() as conn:
        _, version = _schema.migrate(conn)
        watermark = conn.execute(select(watermarks.c.timestamp).where(*_where(query))).scalar()
    return version, watermark


def _where(query: SyncQuery) -> tuple[Any, ...]:
    return (
        watermarks.c.scope == query.scope,
        watermarks.c.resource_id == (query.id or ""),
        watermarks.c.kind == (query.kind or ""),
    )


def _batches(stream: Iterator[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    batch: list[Mapping[str, Any]] = []
    for item in stream:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with distinct keys (NP6 repeating an event within one batch counts it once)."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row["key"] not in seen:
            seen.add(row["key"])
            kept.append(row)
    return kept


def _insert_new(conn: Connection, rows: Sequence[dict[str, Any]], *, portable: bool = False) -> int:
    """Insert the rows whose key is not stored yet; returns how many were inserted."""
    if not rows:
        return 0
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql") and not portable:
        # The driver's own executemany (psycopg: pipelined; sqlite3: one prepared statement) with ON
        # CONFLICT DO NOTHING; both drivers sum rowcount over the rows, which counts the inserted ones.
        # (SQLAlchemy's insertmanyvalues would render one statement of ~27,000 parameters per batch, which
        # psycopg parses anew each time: 20x slower.)
        params = [driver_values(row, dialect) for row in rows]
        inserted = conn.exec_driver_sql(_insert_sql(conn), params).rowcount
        if inserted < 0:  # pragma: no cover - both drivers report it
            raise DatabaseError(f"the {dialect} driver did not count the inserted rows")
        return int(inserted)
    # Any other database: look the keys up first (the write transaction keeps them from changing for
    # this process; a concurrent writer of the same keys makes the insert fail, and the batch is retried
    # by the next run).
    keys = [row["key"] for row in rows]
    stored: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        stored.update(conn.execute(select(events.c.key).where(events.c.key.in_(chunk))).scalars())
    fresh = [row for row in rows if row["key"] not in stored]
    if fresh:
        conn.execute(insert(events), fresh)
    return len(fresh)


def _insert_sql(conn: Connection) -> str:
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in ROW_COLUMNS)
    if conn.dialect.name == "postgresql":
        marks = ", ".join("%s::jsonb" if name == "raw" else "%s" for name in ROW_COLUMNS)
    else:
        marks = ", ".join("?" for _ in ROW_COLUMNS)
    return f"INSERT INTO {_schema.EVENTS} ({names}) VALUES ({marks}) ON CONFLICT ({quote('key')}) DO NOTHING"


def _advance(
    conn: Connection, query: SyncQuery, greatest: int | None, *, portable: bool = False
) -> int | None:
    """Raise the query's watermark to `greatest` (never lower it) in the caller's transaction; returns it.

    SQLite and PostgreSQL do it in one upsert, so two runs of a query starting together cannot both try
    to create its row; elsewhere it is read, then written.
    """
    current: int | None
    if greatest is None:
        current = conn.execute(select(watermarks.c.timestamp).where(*_where(query))).scalar()
        return current
    row = {
        "scope": query.scope,
        "resource_id": query.id or "",
        "kind": query.kind or "",
        "timestamp": greatest,
        "updated_at": dt.datetime.now(dt.UTC),
    }
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql") and not portable:
        upsert = sqlite_insert(watermarks) if dialect == "sqlite" else postgresql_insert(watermarks)
        higher = watermarks.c.timestamp < upsert.excluded.timestamp
        statement = upsert.values(row).on_conflict_do_update(
            index_elements=["scope", "resource_id", "kind"],
            set_={
                "timestamp": case((higher, upsert.excluded.timestamp), else_=watermarks.c.timestamp),
                "updated_at": case((higher, upsert.excluded.updated_at), else_=watermarks.c.updated_at),
            },
        )
        current = conn.execute(statement.returning(watermarks.c.timestamp)).scalar_one()
        return current
    current = conn.execute(select(watermarks.c.timestamp).where(*_where(query))).scalar()
    if current is None:
        conn.execute(insert(watermarks).values(row))
    elif current < greatest:
        conn.execute(
            watermarks.update().where(*_where(query)).values(timestamp=greatest, updated_at=row["updated_at"])
        )
    else:
        return int(current)
    return greatest


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _as_time(millis: int | None) -> dt.datetime | None:
    if millis is None:
        return None
    try:
        return dt.datetime.fromtimestamp(millis / 1000, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
