"""`np6 reactivities export --format parquet` in flat memory: more events than its address space could hold.

The command runs in a child process under ``RLIMIT_AS`` (tests/hostile/memlimit), against a loopback server
that streams 25,000 events of about 8 KB (200 MB of JSON), built chunk by chunk so the server holds none of
them. The limit, 512 MB of address space, is pyarrow's own floor (about 450 MB measured: its import, thread
pool and allocator) plus about 60 MB, far less than the events: an export that kept them (measured: one
without its row-group flush) dies with MemoryError, and the test fails instead of freezing the machine.
1,000,000 events would take minutes on this 2-core machine; `benchmarks/events_bench.py` runs them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from hostile.memlimit import run_limited
from hostile.server import Conn, Handler, HostileServer, Request

EVENTS = 25_000
PADDING = 8_000
LIMIT_MB = 512
T0 = 1_764_547_200_000

_TEMPLATE = json.dumps(
    {
        "type": "hit",
        "id": "@ID@",
        "timestamp": -4242,
        "identity": {"type": "customer", "agency": "AG", "customer": "028"},
        "source": {
            "type": "email",
            "detail": {
                "activation": {"id": "000PE4", "kind": "message", "recipient": "a@example.com"},
                "link": {"type": "open", "label": None, "uri": "https://example.com/" + "x" * PADDING},
            },
        },
    },
    separators=(",", ":"),
)
_HEAD, _REST = _TEMPLATE.split('"@ID@"')
_MIDDLE, _TAIL = _REST.split("-4242")

CHILD = """
import sys
from np6.cli._app import run
url, out, *extra = sys.argv[1:]
sys.exit(run(["reactivities", "export", "--scope", "actions", "--format", "parquet", "-o", out, *extra,
              "--base-url", url, "--api-key", "k"]))
"""


def streaming_handler(step_ms: int) -> Handler:
    async def handler(request: Request, conn: Conn) -> None:
        await conn.head(200, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])

        async def chunk(data: bytes) -> None:
            await conn.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

        await chunk(b"[")
        for start in range(0, EVENTS, 500):
            events = (
                f'{_HEAD}"e{i:06}"{_MIDDLE}{T0 + i * step_ms}{_TAIL}'
                for i in range(start, min(start + 500, EVENTS))
            )
            await chunk((("," if start else "") + ",".join(events)).encode())
        await chunk(b"]")
        await conn.write(b"0\r\n\r\n")

    return handler


@pytest.mark.slow  # 15-20 s each alone on 2 cores
@pytest.mark.parametrize("partition", [False, True], ids=["file", "partitioned"])
def test_parquet_export_memory_is_flat(tmp_path: Path, partition: bool) -> None:
    # Partitioned: one event a minute, so 18 days, each its own file written and closed in turn.
    step = 60_000 if partition else 1
    out = tmp_path / ("by-day" if partition else "events.parquet")
    with HostileServer() as server:
        url = server.route("/stream", streaming_handler(step))
        extra = ["--partition", "day"] if partition else []
        done = run_limited(CHILD, address_space_mb=LIMIT_MB, args=[url, str(out), *extra], timeout=300)
    done.check()
    assert f"wrote {EVENTS} events to {out}" in done.stderr
    files = sorted(out.glob("day=*/part-0.parquet")) if partition else [out]
    assert len(files) == (18 if partition else 1)
    ids = [value for path in files for value in pq.read_table(path, columns=["id"]).column("id").to_pylist()]
    assert ids == [f"e{i:06}" for i in range(EVENTS)]
