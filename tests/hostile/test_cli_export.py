"""`np6 reactivities export` against hostile stream bodies (issue 10, items 1, 7 and 15 at the CLI).

A body that is not an array of events, or that nests 100,000 levels deep, was exported as "wrote 0 events"
with exit 0 (or drove memory up until the kernel killed the command); integers beyond 64 bits were reported
as a resumable interruption. Each case runs the real console script against the hostile loopback server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Hostile
from .server import Conn, Handler, Request

NP6 = Path(sys.executable).with_name("np6")
KEY = "hostile-cli-key"


def export(base_url: str, output: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NP6_")}
    env.update({"NP6_BASE_URL": base_url, "NP6_API_KEY": KEY, "COLUMNS": "100", "TERM": "dumb"})
    command = [str(NP6), "reactivities", "export", "--scope", "notifications", "--format", "jsonl"]
    return subprocess.run(
        [*command, "-o", str(output)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a safety net against a hang, not a timing assertion
        check=False,
    )


@pytest.mark.parametrize(
    "body", [b"{}", b"null", b'"events"', b"[1, 2]"], ids=["object", "null", "str", "ints"]
)
def test_a_body_that_is_not_an_array_of_events_fails_without_a_file(
    hostile: Hostile, tmp_path: Path, body: bytes
) -> None:
    url = hostile.route(f"/cli-not-array-{len(body)}", ok_bytes(body))
    output = tmp_path / "events.jsonl"
    result = export(url, output)
    assert result.returncode == 1, result
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "hostile-req-1" in result.stderr  # NP6's request id is named
    assert "resume" not in result.stderr.lower()  # bad data is not an interruption
    assert "wrote" not in result.stdout + result.stderr
    assert not output.exists()
    assert KEY not in result.stdout + result.stderr


def test_a_100000_level_body_fails_with_one_line(hostile: Hostile, tmp_path: Path) -> None:
    output = tmp_path / "events.jsonl"
    result = export(hostile.url("/deep"), output)
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert "deep" in result.stderr.lower() or "max_depth" in result.stderr, result.stderr
    assert not output.exists()


def test_integers_beyond_64_bits_are_exported_exactly(hostile: Hostile, tmp_path: Path) -> None:
    big = 2**70 + 1
    event = {"id": "e1", "type": "hit", "timestamp": 1_700_000_000_000, "value": big}
    url = hostile.route("/cli-big-int", ok_bytes(json.dumps([event]).encode()))
    output = tmp_path / "events.jsonl"
    result = export(url, output)
    assert result.returncode == 0, result
    assert json.loads(output.read_text().splitlines()[0])["value"] == big


def ok_bytes(body: bytes) -> Handler:
    """A 200 with exactly these bytes as a JSON body."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.respond(200, body, [("Content-Type", "application/json")])

    return handler
