"""`np6 reactivities export` as a user runs it: bad outputs are one line, --resume never harms a file, Ctrl-C.

The Ctrl-C test streams from a loopback server (tests/hostile) that sends some events and then stalls, so
the signal surely lands mid-export; the resumed run then gets the whole array and must add exactly the rest.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from clirun import NP6, TIMEOUT, Ran, environment

from hostile.server import Conn, HostileServer, Request
from np6.cli._common import EXIT_API_ERROR, EXIT_INTERRUPTED, EXIT_USAGE
from np6.cli._export import SIDECAR_SUFFIX

Cli = Callable[..., Ran]
EXPORT = ("reactivities", "export", "--scope", "notifications", "--kind", "hits")


def one_line_error(result: Ran) -> str:
    assert "Traceback" not in result.stderr, result
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result
    return result.stderr


@pytest.fixture
def events(np6_sandbox_url: str) -> int:
    answer = httpx.post(
        f"{np6_sandbox_url}/_sandbox/events/generate",
        json={"count": 50, "scope": "notifications", "kind": "hit", "start": 1_700_000_000_000},
    )
    answer.raise_for_status()
    return 50


def read_only_dir(tmp_path: Path) -> Path:
    """A directory nobody may create files in (root ignores permissions: /sys refuses even root)."""
    if os.geteuid() == 0:
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    return locked


def test_unusable_outputs_are_one_line_errors(cli: Cli, events: int, tmp_path: Path) -> None:
    cases = [
        (tmp_path / "no" / "such" / "dir" / "x.jsonl", EXIT_USAGE, "does not exist"),
        (tmp_path, EXIT_USAGE, "is a directory"),
        (read_only_dir(tmp_path) / "x.jsonl", EXIT_USAGE, "cannot write"),
        (Path("/dev/full"), EXIT_API_ERROR, "No space left on device"),  # an I/O error while writing
    ]
    for output, code, says in cases:
        result = cli(*EXPORT, "-o", str(output))
        assert result.code == code, result
        assert says in one_line_error(result) and "--output" in result.stderr


def test_an_existing_file_is_never_overwritten(cli: Cli, events: int, tmp_path: Path) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_bytes(b'{"my": "data"}')
    for args in ([], ["--resume"]):
        result = cli(*EXPORT, "-o", str(mine), *args)
        assert result.code == EXIT_USAGE, result
        one_line_error(result)
        assert mine.read_bytes() == b'{"my": "data"}'
        assert not Path(str(mine) + SIDECAR_SUFFIX).exists()


def test_resume_refuses_another_query_or_a_damaged_record_byte_identical(
    cli: Cli, events: int, tmp_path: Path
) -> None:
    out = tmp_path / "hits.csv"
    first = cli(*EXPORT, "--format", "csv", "-o", str(out))
    assert first.code == 0, first
    content = out.read_bytes()
    sidecar = Path(str(out) + SIDECAR_SUFFIX)
    for args, says in (
        (
            ["reactivities", "export", "--scope", "notifications", "--kind", "bounces", "--format", "csv"],
            "--kind",
        ),
        (
            ["reactivities", "export", "--scope", "actions", "--kind", "hits", "--format", "csv"],
            "--scope actions",
        ),
        ([*EXPORT, "--format", "jsonl"], "--format jsonl"),
        ([*EXPORT, "--format", "csv", "--id", "156"], "--id 156"),
    ):
        refused = cli(*args, "-o", str(out), "--resume")
        assert refused.code == EXIT_USAGE, refused
        assert says in one_line_error(refused)
        assert out.read_bytes() == content

    sidecar.write_text("{ not json")
    damaged = cli(*EXPORT, "--format", "csv", "-o", str(out), "--resume")
    assert damaged.code == EXIT_USAGE and "cannot be read" in one_line_error(damaged)
    assert out.read_bytes() == content


def test_an_export_that_fails_before_any_event_leaves_no_file(np6_sandbox_url: str, tmp_path: Path) -> None:
    out = tmp_path / "never.jsonl"
    env = environment(np6_sandbox_url, NP6_API_KEY="wrong-key")
    result = subprocess.run(
        [str(NP6), *EXPORT, "-o", str(out)], env=env, capture_output=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == EXIT_API_ERROR
    assert b"401" in result.stderr
    assert not out.exists() and not Path(str(out) + SIDECAR_SUFFIX).exists()


# --- Ctrl-C ---------------------------------------------------------------------------------------------

TOTAL = 40
SENT_BEFORE_STALL = 25


def event(i: int) -> dict[str, object]:
    return {"type": "hit", "id": f"e{i:03}", "timestamp": 1_700_000_000_000 + i // 2}


@pytest.fixture
def stalling_server() -> Iterator[tuple[str, list[Request], threading.Event]]:
    """First request: 25 events of a JSON array, then silence until `release` is set. Later ones: the
    array from `reactivityStart` on, as NP6 answers."""
    served: list[Request] = []
    release = threading.Event()

    async def handler(request: Request, conn: Conn) -> None:
        served.append(request)
        await conn.head(200, [("Content-Type", "application/json")])
        if len(served) == 1:
            head = b",".join(json.dumps(event(i)).encode() for i in range(SENT_BEFORE_STALL))
            await conn.write(b"[" + head)
            while not release.is_set():
                await asyncio.sleep(0.05)
            return
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(request.target).query)
        start = int(query.get("reactivityStart", ["0"])[0])
        chosen = [e for e in map(event, range(TOTAL)) if int(str(e["timestamp"])) >= start]
        await conn.write(json.dumps(chosen).encode())

    with HostileServer() as server:
        try:
            yield server.route("/stall", handler), served, release
        finally:
            release.set()
            time.sleep(0.2)  # let the stalled handler return before the server stops


def test_ctrl_c_mid_export_says_how_many_and_resume_finishes(
    stalling_server: tuple[str, list[Request], threading.Event], tmp_path: Path
) -> None:
    url, served, release = stalling_server
    out = tmp_path / "hits.jsonl"
    args = [str(NP6), *EXPORT, "-o", str(out)]
    env = environment(url)
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + TIMEOUT
        while not (served and served[0].sent > 0) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)  # let the client take in what was sent (any count from 0 to 25 is fine below)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=TIMEOUT)
        release.set()
    finally:
        proc.kill() if proc.poll() is None else None
    message = err.decode()
    assert proc.returncode == EXIT_INTERRUPTED, message
    assert "Traceback" not in message
    written = len(out.read_bytes().splitlines())
    assert (
        f"interrupted after writing {written} events to {out}; run the same command with --resume" in message
    )

    resumed = subprocess.run([*args, "--resume"], env=env, capture_output=True, timeout=TIMEOUT, check=False)
    assert resumed.returncode == 0, resumed.stderr
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [f"e{i:03}" for i in range(TOTAL)]  # every event once, in order
