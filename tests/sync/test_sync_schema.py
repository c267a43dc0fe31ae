"""The sync's schema: created from nothing equals the table definitions, upgraded from version 1 keeps every
row and goes on syncing, refuses a newer version untouched; the portable insert (databases without ON
CONFLICT) counts the same as the dialect one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sync_support import START, generate, hit, inject, sandbox_events, stored, watermarks

from np6 import NP6
from np6.sync import SchemaTooNewError, SyncQuery, sync_events
from np6.sync._rows import event_row
from np6.sync._runner import _advance, _insert_new
from np6.sync._schema import LATEST, events, metadata, migrate
from np6_sandbox.app import Sandbox
from np6_sandbox.testing import TEST_API_KEY


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def client(np6_sandbox_url: str) -> Iterator[NP6]:
    with NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url) as np6:
        yield np6


def layout(engine: sa.Engine) -> dict[str, tuple[set[str], set[str]]]:
    """Per np6 table: its column names and index names."""
    inspector = sa.inspect(engine)
    return {
        name: (
            {c["name"] for c in inspector.get_columns(name)},
            {str(i["name"]) for i in inspector.get_indexes(name)},
        )
        for name in inspector.get_table_names()
        if name.startswith("np6_")
    }


def test_a_new_database_gets_the_latest_layout(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        assert migrate(conn) == (0, LATEST)
    with engine.begin() as conn:
        assert migrate(conn) == (LATEST, LATEST)  # a second run changes nothing

    expected = {
        table.name: ({c.name for c in table.columns}, {str(i.name) for i in table.indexes})
        for table in metadata.sorted_tables
    }
    assert layout(engine) == expected
    assert {"np6_events_time", "np6_events_timestamp", "np6_events_type"} <= expected["np6_events"][1]
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version FROM np6_schema")).scalar_one() == LATEST


def test_upgrading_from_version_1_keeps_every_row_and_goes_on(
    engine: sa.Engine,
    database_url: str,
    client: NP6,
    np6_sandbox: Sandbox,
    np6_sandbox_url: str,
) -> None:
    # A database as np6-python's first sync release left it: schema version 1, events and a watermark.
    with engine.begin() as conn:
        assert migrate(conn, target=1) == (0, 1)
        columns_v1 = {c["name"] for c in sa.inspect(conn).get_columns("np6_events")}
        old = [hit(START), hit(START + 1000)]
        synced_at = dt.datetime.now(dt.UTC)
        rows = [{k: v for k, v in event_row(e, synced_at).items() if k in columns_v1} for e in old]
        conn.execute(sa.insert(events).values(rows))
        conn.execute(
            sa.text(
                "INSERT INTO np6_watermarks (scope, resource_id, kind, timestamp, updated_at) "
                "VALUES ('notifications', '', 'hits', :t, :u)"
            ),
            {"t": START + 1000, "u": synced_at},
        )
    assert "synced_at" not in columns_v1
    inject(np6_sandbox_url, old)
    generate(np6_sandbox_url, 3, start=START + 2000)

    result = sync_events(client, into=database_url, scope="notifications", kind="hits")

    assert result.schema_version == LATEST
    assert (result.previous_watermark, result.new, result.already_present) == (START + 1000, 3, 2)
    table = stored(database_url)
    assert set(table) == set(sandbox_events(np6_sandbox))
    assert [table[e["id"]]["synced_at"] for e in old] == [None, None]  # arrival unknown before version 2
    assert all(
        row["synced_at"] is not None for key, row in table.items() if key not in {e["id"] for e in old}
    )
    assert all(table[e["id"]]["raw"] == e for e in old)
    assert watermarks(database_url) == {("notifications", "", "hits"): START + 4000}


def test_a_schema_newer_than_this_np6_is_refused_untouched(
    engine: sa.Engine, database_url: str, client: NP6, np6_sandbox_url: str
) -> None:
    with engine.begin() as conn:
        migrate(conn)
        conn.execute(sa.text("UPDATE np6_schema SET version = :v"), {"v": LATEST + 1})
    before = layout(engine)
    generate(np6_sandbox_url, 2, start=START)

    with pytest.raises(SchemaTooNewError, match=f"schema version {LATEST + 1}, newer"):
        sync_events(client, into=database_url, scope="notifications")

    assert layout(engine) == before
    assert stored(database_url) == {}


def test_the_portable_insert_counts_like_on_conflict(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        migrate(conn)
    now = dt.datetime.now(dt.UTC)
    first = [event_row(hit(START + i), now) for i in range(5)]
    second = [*first[3:], *(event_row(hit(START + 10 + i), now) for i in range(4))]

    with engine.begin() as conn:
        assert _insert_new(conn, first, portable=True) == 5
    with engine.begin() as conn:
        assert _insert_new(conn, second, portable=True) == 4
    with engine.begin() as conn:
        assert _insert_new(conn, second) == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one() == 9


def test_lone_surrogates_are_kept_as_their_escapes(engine: sa.Engine, database_url: str) -> None:
    with engine.begin() as conn:
        migrate(conn)
    event = {"type": "teleport", "id": "lonely", "timestamp": START, "note": "a\udc00b", "pair": "\U0001f600"}
    with engine.begin() as conn:
        assert _insert_new(conn, [event_row(event, dt.datetime.now(dt.UTC))]) == 1
    raw = stored(database_url)["lonely"]["raw"]
    assert raw["pair"] == "\U0001f600"
    assert raw["note"] == ("a\udc00b" if database_url.startswith("sqlite") else "a\\udc00b")


@pytest.mark.parametrize("portable", [False, True], ids=["upsert", "read-then-write"])
def test_a_watermark_only_ever_rises(engine: sa.Engine, portable: bool) -> None:
    with engine.begin() as conn:
        migrate(conn)
    query = SyncQuery("actions", "000PE4", None)
    steps = [
        (None, None),
        (START + 5, START + 5),
        (START + 3, START + 5),
        (None, START + 5),
        (START + 9, START + 9),
    ]
    for greatest, expected in steps:
        with engine.begin() as conn:
            assert _advance(conn, query, greatest, portable=portable) == expected
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT scope, resource_id, kind, timestamp FROM np6_watermarks")).all()
    assert [tuple(r) for r in rows] == [("actions", "000PE4", "", START + 9)]
