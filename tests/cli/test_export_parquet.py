"""`np6 reactivities export --format parquet`: the same events as the JSON Lines export, column by column.

The sandbox (on loopback) is seeded through its admin endpoints with generated e-mail and push events over
several days plus injected ones of unknown kinds, missing fields and multi-line non-ASCII text. The Parquet
file is read back with pyarrow and with DuckDB and compared with the JSON Lines export of the same query (the
`raw` column byte for byte) and with the CSV export (each typed column against its CSV cell), so the three
cannot drift apart. What the sandbox will not serve (a timestamp past 64 bits) comes from a loopback server of
fixed bytes; a lone surrogate, which the sandbox refuses, is covered in tests/overlay/test_event_columns.py.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from clirun import NP6, TIMEOUT, Ran, environment

from hostile.server import Conn, HostileServer, Request
from np6._event_columns import COLUMNS, NAMES
from np6.cli._common import EXIT_INTERRUPTED, EXIT_USAGE
from np6_sandbox.testing import TEST_API_KEY

Cli = Callable[..., Ran]
DAY = 86_400_000
T0 = 1_764_547_200_000  # 2025-12-01T00:00:00Z

U2 = "00000000-0000-4000-8000-000000000002"
U3 = "00000000-0000-4000-8000-000000000003"
INJECTED: list[dict[str, Any]] = [
    # A kind and a source this version does not know, with a detail of their own.
    {
        "type": "teleport",
        "id": "u1",
        "timestamp": T0 + DAY + 5,
        "identity": {"type": "customer", "agency": "AG", "customer": "028"},
        "source": {"type": "sms", "detail": {"activation": {"id": "000PE4", "kind": "sms"}, "beam": [1, 2]}},
    },
    # The envelope only: no identity, no source.
    {"type": "complaint", "id": U2, "timestamp": T0 + 2 * DAY + 7},
    # Text the CSV has to flatten, non-ASCII.
    {
        "type": "bounce",
        "id": U3,
        "timestamp": T0 + 2 * DAY + 9,
        "source": {
            "type": "email",
            "detail": {
                "activation": {
                    "id": "000PE4",
                    "recipient": "zoë@example.com",
                    "receiver": {"type": "id", "value": "C1"},
                },
                "bounce": {
                    "status": {"code": {"enhanced": "5.1.1"}, "diagnostic": "no such user:\nzoë ✓"},
                    "analysis": {"verdict": "hard", "subject": {"type": "other"}},
                },
            },
        },
    },
]


@pytest.fixture
def seeded(np6_sandbox_url: str) -> str:
    url = np6_sandbox_url
    generated = [
        {"count": 60, "scope": "actions", "kind": "hit", "link": "open", "start": T0, "step": 7_200_000},
        {
            "count": 12,
            "scope": "actions",
            "kind": "bounce",
            "id": "000PE5",
            "start": T0 + 11,
            "step": 36_000_000,
        },
        {"count": 40, "scope": "notifications", "kind": "hit", "start": T0, "step": 9_000_000},
        {"count": 5, "scope": "notifications", "kind": "optout", "start": T0 + 3, "step": DAY},
        {"count": 5, "scope": "notifications", "kind": "bounce", "start": T0 + 4, "step": DAY},
    ]
    for body in generated:
        httpx.post(f"{url}/_sandbox/events/generate", json=body).raise_for_status()
    httpx.post(f"{url}/_sandbox/events?validate=false", json=INJECTED).raise_for_status()
    return url


def export(cli: Cli, scope: str, fmt: str, output: Path, *extra: str) -> Ran:
    result = cli("reactivities", "export", "--scope", scope, "--format", fmt, "-o", str(output), *extra)
    assert result.code == 0, result
    return result


def read_rows(path: Path) -> list[dict[str, Any]]:
    return pq.read_table(path).to_pylist()


def expected_schema() -> list[tuple[str, pa.DataType]]:
    types = {"text": pa.string(), "int64": pa.int64(), "timestamp": pa.timestamp("ms", tz="UTC")}
    return [(column.name, types[column.type]) for column in COLUMNS] + [("raw", pa.string())]


def csv_spelling(name: str, value: Any) -> str:
    """How the CSV export spells a typed value (one line per record)."""
    if value is None:
        return ""
    if name == "time":
        assert isinstance(value, dt.datetime)
        return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return " ".join(str(value).splitlines())


@pytest.mark.parametrize("scope", ["actions", "notifications"])
def test_parquet_equals_the_jsonl_and_csv_exports_column_by_column(
    cli: Cli, seeded: str, tmp_path: Path, scope: str
) -> None:
    export(cli, scope, "jsonl", tmp_path / "e.jsonl")
    export(cli, scope, "csv", tmp_path / "e.csv")
    result = export(cli, scope, "parquet", tmp_path / "e.parquet")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    cells = list(csv.reader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))[1:]
    rows = read_rows(tmp_path / "e.parquet")
    assert f"wrote {len(lines)} events to {tmp_path / 'e.parquet'}" in result.stderr
    assert len(rows) == len(events) == len(cells) >= 50

    table = pq.read_table(tmp_path / "e.parquet")
    assert [(field.name, field.type) for field in table.schema] == expected_schema()
    metadata = json.loads(table.schema.metadata[b"np6_export"])
    assert metadata == {"scope": scope, "id": None, "kind": None, "since": None, "until": None}
    for row, line, event, csv_row in zip(rows, lines, events, cells, strict=True):
        assert row["raw"] == line  # the event exactly as the JSONL export wrote it
        # Checked against the event itself, independently of the column module.
        assert row["id"] == event["id"] and row["type"] == event["type"]
        stamp = event["timestamp"]
        if stamp < 2**63:
            assert row["timestamp"] == stamp
            assert row["time"] == dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=stamp)
        else:
            assert row["timestamp"] is None and row["time"] is None
        assert row["source"] == event.get("source", {}).get("type")
        # Every typed column is the CSV cell of the same event, unflattened.
        for name, cell in zip(NAMES, csv_row, strict=True):
            if name == "timestamp" and row[name] is None:
                assert cell == str(stamp)  # the CSV writes any integer; the int64 column cannot
            else:
                assert csv_spelling(name, row[name]) == cell, (name, event["id"])

    by_id = {row["id"]: row for row in rows}
    if scope == "actions":
        assert by_id["u1"]["type"] == "teleport" and by_id["u1"]["activation_kind"] == "sms"
        assert json.loads(by_id["u1"]["raw"]) == INJECTED[0]  # the unknown detail is all there
        missing = by_id[U2]
        assert [name for name in NAMES if missing[name] is None] == list(NAMES[4:])
        assert by_id[U3]["bounce_diagnostic"] == "no such user:\nzoë ✓"
        assert by_id[U3]["contact_id"] == "C1" and by_id[U3]["recipient"] == "zoë@example.com"
        assert json.loads(by_id[U3]["raw"]) == INJECTED[2]
        assert {row["bounce_verdict"] for row in rows if row["type"] == "bounce"} >= {"hard"}
    else:
        hit = next(row for row in rows if row["type"] == "hit")
        assert hit["activation_id"] == "156" and hit["contact_id"] == "000R4M0T" and hit["link_type"]
        assert {row["optout_channel"] for row in rows if row["type"] == "optout"} == {"notification_channel"}

    # DuckDB reads the same values (timestamps as aware datetimes, whatever its session time zone).
    with duckdb.connect() as db:
        relation = db.sql(f"SELECT * FROM read_parquet('{tmp_path / 'e.parquet'}')")
        assert relation.columns == [*NAMES, "raw"]
        assert [dict(zip(relation.columns, values, strict=True)) for values in relation.fetchall()] == rows


def test_day_partitions_hold_exactly_the_unpartitioned_rows(cli: Cli, seeded: str, tmp_path: Path) -> None:
    export(cli, "actions", "parquet", tmp_path / "all.parquet")
    export(cli, "actions", "parquet", tmp_path / "by-day", "--partition", "day")
    rows = read_rows(tmp_path / "all.parquet")
    days = {
        "__HIVE_DEFAULT_PARTITION__" if row["time"] is None else row["time"].date().isoformat()
        for row in rows
    }
    assert len(days) >= 5
    layout = sorted(str(path.relative_to(tmp_path / "by-day")) for path in (tmp_path / "by-day").rglob("*"))
    assert layout == sorted([f"day={day}" for day in days] + [f"day={day}/part-0.parquet" for day in days])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left behind

    # Each file holds the events of its day; their union is the unpartitioned file, in the same order.
    union = []
    for day in sorted(days, key=lambda d: "" if d.startswith("__") else d):
        part = read_rows(tmp_path / "by-day" / f"day={day}" / "part-0.parquet")
        assert part and {
            "__HIVE_DEFAULT_PARTITION__" if r["time"] is None else str(r["time"].date()) for r in part
        } == {day}
        union += part
    assert union == rows

    # A reader derives `day` from the directory names (Hive partitioning), as Spark or a loader would.
    with duckdb.connect() as db:
        db.execute("SET TimeZone = 'UTC'")
        found = db.sql(
            f"SELECT id, day, CAST(time AS DATE) FROM read_parquet('{tmp_path / 'by-day'}/*/*.parquet', "
            "hive_partitioning = true) ORDER BY id"
        ).fetchall()
    assert len(found) == len(rows)
    assert all(day == time_day for _, day, time_day in found)
    assert sorted(row["id"] for row in rows) == [event_id for event_id, _, _ in found]


# --- Usage: what --format parquet refuses, and what it never touches --------------------------------------


def one_line_error(result: Ran, code: int = EXIT_USAGE) -> str:
    assert result.code == code, result
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result
    return result.stderr


PARQUET = ("reactivities", "export", "--scope", "actions", "--format", "parquet")


def test_parquet_needs_output_refuses_resume_and_partition_needs_parquet(cli: Cli, tmp_path: Path) -> None:
    assert "--format parquet needs --output" in one_line_error(cli(*PARQUET))
    resume = one_line_error(cli(*PARQUET, "-o", str(tmp_path / "x.parquet"), "--resume"))
    assert "--resume does not apply to --format parquet" in resume
    wrong = cli(
        "reactivities", "export", "--scope", "actions", "--partition", "day", "-o", str(tmp_path / "d")
    )
    assert "--partition applies to --format parquet only" in one_line_error(wrong)
    assert list(tmp_path.iterdir()) == []


def test_existing_files_and_directories_are_left_as_they_are(cli: Cli, seeded: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.parquet"
    mine.write_bytes(b"my data")
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine")
    cases = [
        ((mine,), "exists; remove it or choose another --output"),
        ((mine, "--partition", "day"), "is not a directory"),
        ((full, "--partition", "day"), "is not empty"),
        ((full,), "is a directory"),
        ((tmp_path / "no" / "x.parquet",), "does not exist"),
        ((Path("/dev/null"),), "is not a regular file"),  # so not stdout either
    ]
    for (output, *extra), says in cases:
        message = one_line_error(cli(*PARQUET, "-o", str(output), *extra))
        assert says in message and "--output" in message
    assert mine.read_bytes() == b"my data" and [p.name for p in full.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "mine.parquet"]


def test_an_empty_file_or_directory_is_taken_over(cli: Cli, seeded: str, tmp_path: Path) -> None:
    made = tmp_path / "made-by-mktemp.parquet"
    made.touch()
    export(cli, "actions", "parquet", made)
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    export(cli, "actions", "parquet", empty, "--partition", "day")
    assert len(read_rows(made)) > 50 and sum(1 for _ in empty.glob("day=*/part-0.parquet")) >= 5


def test_missing_pyarrow_is_one_line_naming_the_extra(np6_sandbox_url: str, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'pyarrow'\", name='pyarrow')\n"
    )
    env = environment(np6_sandbox_url, PYTHONPATH=str(blocker.parent))
    done = subprocess.run(
        [str(NP6), *PARQUET, "-o", str(tmp_path / "x.parquet")], env=env, capture_output=True, timeout=TIMEOUT
    )
    message = one_line_error(Ran(done.returncode, done.stdout, done.stderr))
    assert "pip install 'np6-python[parquet]'" in message and "pyarrow is not installed" in message
    assert not (tmp_path / "x.parquet").exists()


# --- Interruption: complete or absent ----------------------------------------------------------------------


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != "blocker")


@pytest.mark.parametrize("partition", [False, True])
def test_ctrl_c_leaves_nothing_and_a_kill_leaves_only_a_partial_name(
    stalling_url: str, tmp_path: Path, partition: bool
) -> None:
    out = tmp_path / ("by-day" if partition else "hits.parquet")
    extra = ["--partition", "day"] if partition else []
    args = [str(NP6), *PARQUET, "-o", str(out), *extra]
    for sig in (signal.SIGINT, signal.SIGKILL):
        proc = subprocess.Popen(
            args, env=environment(stalling_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            deadline = time.monotonic() + TIMEOUT
            while not leftovers(tmp_path) and time.monotonic() < deadline:
                time.sleep(0.05)  # the temporary file appears once the export has started
            time.sleep(0.5)
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=TIMEOUT)
        finally:
            proc.kill() if proc.poll() is None else None
        assert not out.exists()  # never a partial file under the name the user asked for
        if sig == signal.SIGINT:
            assert proc.returncode == EXIT_INTERRUPTED, err
            message = err.decode()
            assert "Traceback" not in message
            assert f"; nothing was written to {out} (a Parquet export is all or nothing)" in message
            assert leftovers(tmp_path) == []
        else:
            (partial,) = leftovers(tmp_path)
            assert partial.startswith(f".{out.name}.") and partial.endswith(".np6-partial")


@pytest.fixture
def stalling_url(tmp_path: Path) -> Any:
    """A loopback server that sends the start of an array of events, then stalls until the test ends."""
    stop = False

    async def handler(request: Request, conn: Conn) -> None:
        await conn.head(200, [("Content-Type", "application/json")])
        first = (
            json.dumps({"type": "hit", "id": f"e{i}", "timestamp": T0 + i * 3_600_000}) for i in range(100)
        )
        await conn.write(b"[" + ",".join(first).encode())
        while not stop:
            await asyncio.sleep(0.05)

    with HostileServer() as server:
        try:
            yield server.route("/stall", handler)
        finally:
            stop = True
            time.sleep(0.2)


def test_the_footer_records_the_query_and_never_the_key(cli: Cli, seeded: str, tmp_path: Path) -> None:
    export(cli, "actions", "parquet", tmp_path / "e.parquet", "--since", "2025-12-02", "--kind", "hits")
    recorded = json.loads(pq.read_schema(tmp_path / "e.parquet").metadata[b"np6_export"])
    assert recorded == {"scope": "actions", "id": None, "kind": "hits", "since": T0 + DAY, "until": None}
    assert TEST_API_KEY.encode() not in (tmp_path / "e.parquet").read_bytes()


def test_a_timestamp_past_64_bits_leaves_typed_columns_empty_and_raw_exact(tmp_path: Path) -> None:
    async def ok_bytes(request: Request, conn: Conn) -> None:
        await conn.respond(200, body, [("Content-Type", "application/json")])

    body = (
        b'[{"type":"hit","id":"big","timestamp":1180591620717411303424,"n":123456789012345678901234567890}]'
    )
    with HostileServer() as server:
        url = server.route("/big", ok_bytes)
        env = environment(url)
        done = subprocess.run(
            [str(NP6), *PARQUET, "-o", str(tmp_path / "big.parquet"), "--partition", "day"],
            env=env,
            capture_output=True,
            timeout=TIMEOUT,
        )
    assert done.returncode == 0, done.stderr
    (row,) = read_rows(tmp_path / "big.parquet" / "day=__HIVE_DEFAULT_PARTITION__" / "part-0.parquet")
    assert row["timestamp"] is None and row["time"] is None and row["id"] == "big"
    assert row["raw"] == body.decode()[1:-1]


def test_no_events_gives_an_empty_table_or_directory(cli: Cli, seeded: str, tmp_path: Path) -> None:
    export(cli, "actions", "parquet", tmp_path / "none.parquet", "--since", "2030-01-01")
    export(cli, "actions", "parquet", tmp_path / "none-by-day", "--since", "2030-01-01", "--partition", "day")
    table = pq.read_table(tmp_path / "none.parquet")
    assert table.num_rows == 0 and [(f.name, f.type) for f in table.schema] == expected_schema()
    assert list((tmp_path / "none-by-day").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["none-by-day", "none.parquet"]


def test_an_api_error_leaves_nothing(tmp_path: Path) -> None:
    async def refuse(request: Request, conn: Conn) -> None:
        await conn.respond(401, b'{"message": "bad key"}', [("Content-Type", "application/json")])

    with HostileServer() as server:
        env = environment(server.route("/refuse", refuse))
        for extra in ([], ["--partition", "day"]):
            done = subprocess.run(
                [str(NP6), *PARQUET, "-o", str(tmp_path / "out"), *extra],
                env=env,
                capture_output=True,
                timeout=TIMEOUT,
            )
            one_line_error(Ran(done.returncode, done.stdout, done.stderr), code=1)
            assert list(tmp_path.iterdir()) == []


def test_a_day_that_comes_back_gets_another_part_never_an_overwrite(tmp_path: Path) -> None:
    """The export asks for ascending timestamps; should NP6 not honour it, a day seen again gets part-1."""
    days = [0, 0, 1, 0, 2, 1]
    events = [{"type": "hit", "id": f"e{i}", "timestamp": T0 + day * DAY + i} for i, day in enumerate(days)]
    body = json.dumps(events).encode()

    async def unsorted(request: Request, conn: Conn) -> None:
        await conn.respond(200, body, [("Content-Type", "application/json")])

    with HostileServer() as server:
        env = environment(server.route("/unsorted", unsorted))
        done = subprocess.run(
            [str(NP6), *PARQUET, "-o", str(tmp_path / "by-day"), "--partition", "day"],
            env=env,
            capture_output=True,
            timeout=TIMEOUT,
        )
    assert done.returncode == 0, done.stderr
    found = {
        str(path.relative_to(tmp_path / "by-day")): [row["id"] for row in read_rows(path)]
        for path in (tmp_path / "by-day").glob("day=*/part-*.parquet")
    }
    assert found == {
        "day=2025-12-01/part-0.parquet": ["e0", "e1"],
        "day=2025-12-02/part-0.parquet": ["e2"],
        "day=2025-12-01/part-1.parquet": ["e3"],
        "day=2025-12-03/part-0.parquet": ["e4"],
        "day=2025-12-02/part-1.parquet": ["e5"],
    }
