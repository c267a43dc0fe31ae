"""np6.sync.sync_events against the sandbox, into SQLite and a real PostgreSQL: first and later runs, late
events, window edges, unknown kinds, per-query watermarks."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sync_support import START, generate, hit, inject, row_count, sandbox_events, stored, watermarks

from np6 import NP6, NP6ValidationError, StreamInterruptedError
from np6._event_columns import NAMES, typed
from np6.sync import BadDatabaseURL, SyncResult, result_of, sync_events
from np6_sandbox.app import Sandbox
from np6_sandbox.testing import TEST_API_KEY

HOUR = 3_600_000


@pytest.fixture
def client(np6_sandbox_url: str) -> Iterator[NP6]:
    with NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url) as np6:
        yield np6


def hits(client: NP6, url: str, **options: Any) -> SyncResult:
    return sync_events(client, into=url, scope="notifications", kind="hits", **options)


def test_first_sync_stores_every_event_typed_and_raw(
    client: NP6, np6_sandbox: Sandbox, np6_sandbox_url: str, database_url: str
) -> None:
    generate(np6_sandbox_url, 25, step=1000)
    result = hits(client, database_url, batch_size=10)

    expected = sandbox_events(np6_sandbox)
    rows = stored(database_url)
    assert result.complete and (result.new, result.already_present, result.batches) == (25, 0, 3)
    assert result.previous_watermark is None and result.window_start is None
    assert result.watermark == START + 24_000 == max(e["timestamp"] for e in expected.values())
    assert result.schema_version == 2
    assert set(rows) == set(expected)
    for key, row in rows.items():
        event = expected[key]
        assert row["raw"] == event  # the event exactly as NP6 sent it
        assert (row["id"], row["type"], row["timestamp"]) == (event["id"], "hit", event["timestamp"])
        assert row["time"] == dt.datetime.fromtimestamp(event["timestamp"] / 1000, tz=dt.UTC)
        assert row["activation_id"] == "156" and row["link_type"] == "redirection"
        assert row["contact_id"] == "000R4M0T" and row["source"] == "notification"
        assert row["synced_at"] is not None
        assert tuple(row[name] for name in NAMES) == typed(event)  # the columns CSV and Parquet have too
    assert watermarks(database_url) == {("notifications", "", "hits"): START + 24_000}


def test_second_sync_adds_only_new_events(client: NP6, np6_sandbox_url: str, database_url: str) -> None:
    generate(np6_sandbox_url, 20, step=1000)
    first = hits(client, database_url, look_back=dt.timedelta(seconds=5))
    generate(np6_sandbox_url, 7, start=START + 20_000, step=1000)

    second = hits(client, database_url, look_back=dt.timedelta(seconds=5))

    assert first.new == 20
    assert second.previous_watermark == first.watermark == START + 19_000
    assert second.window_start == START + 14_000
    # new: the 7 events after the watermark; already present: the 6 from W - 5 s to W, read again.
    assert (second.new, second.already_present) == (7, 6)
    assert second.watermark == START + 26_000
    assert row_count(database_url) == 27
    third = hits(client, database_url, look_back=dt.timedelta(0))
    assert (third.new, third.already_present, third.watermark) == (0, 1, START + 26_000)


def test_late_events_inside_the_look_back_are_picked_up_once(
    client: NP6, np6_sandbox: Sandbox, np6_sandbox_url: str, database_url: str
) -> None:
    generate(np6_sandbox_url, 10, start=START, step=60_000)
    watermark = hits(client, database_url).watermark
    assert watermark == START + 9 * 60_000
    late = hit(watermark - 30 * 60_000)  # half an hour before the watermark: inside the default hour
    too_late = hit(watermark - 2 * HOUR)  # two hours before: outside it (and documented so)
    inject(np6_sandbox_url, [late, too_late])

    second = hits(client, database_url)
    third = hits(client, database_url)

    rows = stored(database_url)
    assert second.new == 1 and late["id"] in rows and too_late["id"] not in rows
    assert third.new == 0
    assert row_count(database_url) == 11
    # A larger look-back, once, fetches the older one too: nothing else changes.
    wide = hits(client, database_url, look_back=dt.timedelta(hours=3))
    assert wide.new == 1 and set(stored(database_url)) == set(sandbox_events(np6_sandbox))
    assert wide.watermark == watermark


def test_events_sharing_the_last_timestamp_across_batches_and_runs(
    client: NP6, np6_sandbox: Sandbox, np6_sandbox_url: str, database_url: str
) -> None:
    generate(np6_sandbox_url, 10, start=START, step=0)  # ten events, one timestamp
    first = hits(client, database_url, batch_size=3, look_back=dt.timedelta(0))
    inject(np6_sandbox_url, [hit(START), hit(START), hit(START + 1)])  # two more at that very millisecond

    second = hits(client, database_url, batch_size=3, look_back=dt.timedelta(0))

    assert (first.new, first.batches, first.watermark) == (10, 4, START)
    assert (second.new, second.already_present, second.watermark) == (3, 10, START + 1)
    assert set(stored(database_url)) == set(sandbox_events(np6_sandbox))


def test_unknown_event_kinds_are_kept_with_their_raw_json(
    client: NP6, np6_sandbox_url: str, database_url: str
) -> None:
    strange = {
        "type": "teleport",
        "id": str(uuid.uuid4()),
        "timestamp": START + 5,
        "source": {
            "type": "notification",
            "detail": {"activation": {"id": 156}, "where": "Mars", "n": 12345678901234567890},
        },
        "extra": ["é", "\u2028", {"deep": None}],
    }
    anonymous = {  # no id: keyed by the digest of its JSON
        "type": "teleport",
        "timestamp": START + 6,
        "source": {"type": "notification", "detail": {"activation": {"id": 156}}},
    }
    inject(np6_sandbox_url, [hit(START), strange, anonymous], validate=False)

    result = sync_events(client, into=database_url, scope="notifications")  # every kind
    again = sync_events(client, into=database_url, scope="notifications")

    rows = stored(database_url)
    assert (result.new, again.new, again.already_present) == (3, 0, 3)
    assert rows[strange["id"]]["raw"] == strange
    assert rows[strange["id"]]["type"] == "teleport" and rows[strange["id"]]["activation_id"] == "156"
    (keyed,) = [row for key, row in rows.items() if key.startswith("sha256:")]
    assert keyed["raw"] == anonymous and keyed["id"] is None
    assert result.watermark == START + 6


def test_each_query_has_its_own_watermark(
    client: NP6, np6_sandbox: Sandbox, np6_sandbox_url: str, database_url: str
) -> None:
    generate(np6_sandbox_url, 5, start=START, scope="notifications", kind="hit")
    generate(np6_sandbox_url, 4, start=START + HOUR, scope="actions", kind="hit", scope_id="000PE4")
    generate(np6_sandbox_url, 3, start=START + 2 * HOUR, scope="notifications", kind="impression")

    push_hits = hits(client, database_url)
    action = sync_events(client, into=database_url, scope="actions", id="000PE4", kind="hits")
    every = sync_events(client, into=database_url, scope="notifications", id=156)

    assert (push_hits.new, action.new) == (5, 4)
    # The every-kind query has its own watermark; the hits stored already are shared, not stored twice.
    assert (every.previous_watermark, every.new, every.already_present) == (None, 3, 5)
    assert watermarks(database_url) == {
        ("notifications", "", "hits"): START + 4000,
        ("actions", "000PE4", "hits"): START + HOUR + 3000,
        ("notifications", "156", ""): START + 2 * HOUR + 2000,
    }
    assert set(stored(database_url)) == set(sandbox_events(np6_sandbox))
    # Another run of one query leaves the others' watermarks alone.
    generate(np6_sandbox_url, 1, start=START + 3 * HOUR, scope="actions", kind="hit", scope_id="000PE4")
    assert sync_events(client, into=database_url, scope="actions", id="000PE4", kind="hits").new == 1
    assert watermarks(database_url)[("notifications", "156", "")] == START + 2 * HOUR + 2000


def test_a_watermark_never_goes_back(client: NP6, np6_sandbox_url: str, sqlite_url: str) -> None:
    inject(np6_sandbox_url, [hit(START + HOUR)])
    assert hits(client, sqlite_url).watermark == START + HOUR
    inject(np6_sandbox_url, [hit(START + HOUR - 1000)])  # late, older than the watermark
    result = hits(client, sqlite_url)
    assert (result.new, result.watermark) == (1, START + HOUR)


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"scope": "contacts"}, "scope"),
        ({"scope": "notifications", "id": "abc"}, "id"),
        ({"scope": "notifications", "kind": "teleports"}, "kind"),
        ({"scope": "notifications", "look_back": dt.timedelta(seconds=-1)}, "look_back"),
        ({"scope": "notifications", "look_back": 3600}, "look_back"),
        ({"scope": "notifications", "batch_size": 0}, "batch_size"),
        ({"scope": "notifications", "into": "not a url"}, "into"),
        ({"scope": "notifications", "into": "nosuchdb://x/y"}, "into"),
    ],
)
def test_bad_arguments_are_refused_before_any_io(
    client: NP6, tmp_path: Path, options: dict[str, Any], named: str
) -> None:
    options.setdefault("into", f"sqlite:///{tmp_path / 'never.db'}")
    with pytest.raises(NP6ValidationError) as caught:
        sync_events(client, **options)
    assert named in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_bad_url_never_shows_its_password() -> None:
    from np6.sync import parse_url

    with pytest.raises(BadDatabaseURL) as caught:
        parse_url("nosuchdb://etl:pa55-w0rd@db/x")
    assert "pa55-w0rd" not in str(caught.value)
    url = parse_url("postgresql://etl:pa%3A55-w0rd@db:5432/x?sslpassword=k3y-secret&sslmode=require")
    shown = url.redacted()
    assert shown == "postgresql+psycopg://etl:***@db:5432/x?sslmode=require&sslpassword=***", shown
    assert url.scrub("failed: pa:55-w0rd pa%3A55-w0rd k3y-secret") == "failed: *** *** ***"


def test_nul_characters_are_stored_where_the_database_can_hold_them(
    client: NP6, np6_sandbox_url: str, database_url: str
) -> None:
    event = hit(START)
    event["source"]["detail"]["link"]["uri"] = "https://example.com/a\u0000b"
    event["source"]["detail"]["note\u0000"] = "x\u0000y"
    inject(np6_sandbox_url, [event])

    assert hits(client, database_url).new == 1

    (row,) = stored(database_url).values()
    if database_url.startswith("sqlite"):
        assert row["raw"] == event and row["link_uri"] == "https://example.com/a\u0000b"
    else:  # PostgreSQL cannot store NUL: the six characters \u0000 instead, and nothing else changed
        assert row["link_uri"] == "https://example.com/a\\u0000b"
        detail = row["raw"]["source"]["detail"]
        assert (
            detail["link"]["uri"] == "https://example.com/a\\u0000b" and detail["note\\u0000"] == "x\\u0000y"
        )
        assert {k: v for k, v in row["raw"].items() if k != "source"} == {
            k: v for k, v in event.items() if k != "source"
        }


def test_a_broken_stream_keeps_what_was_committed_and_the_next_run_continues(
    client: NP6, np6_sandbox: Sandbox, np6_sandbox_url: str, database_url: str
) -> None:
    generate(np6_sandbox_url, 2500, start=START, step=1)
    fault = {"operation": "*", "kind": "truncate", "count": 1}
    httpx.post(f"{np6_sandbox_url}/_sandbox/faults", json=fault).raise_for_status()

    with pytest.raises(StreamInterruptedError) as caught:
        hits(client, database_url, batch_size=100)

    committed = result_of(caught.value)
    assert committed is not None and not committed.complete
    assert 0 < committed.new < 2500 and committed.new % 100 == 0 == committed.already_present
    assert row_count(database_url) == committed.new and committed.batches == committed.new // 100
    assert (
        committed.watermark
        == START + committed.new - 1
        == watermarks(database_url)[("notifications", "", "hits")]
    )
    again = hits(client, database_url, batch_size=100)
    assert again.complete and again.new == 2500 - committed.new
    assert set(stored(database_url)) == set(sandbox_events(np6_sandbox))
