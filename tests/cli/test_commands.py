"""The `np6` command against a real sandbox on loopback: what a user types, what they get, exit codes."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from np6.cli import app
from np6.cli._columns import COLUMNS
from np6_sandbox.testing import TEST_API_KEY

runner = CliRunner()


@pytest.fixture
def env(np6_sandbox_url: str) -> dict[str, str]:
    return {"NP6_BASE_URL": np6_sandbox_url, "NP6_API_KEY": TEST_API_KEY}


def np6(env: dict[str, str], *args: str) -> Any:
    result = runner.invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_render_by_unicity_prints_the_rendered_fields(env: dict[str, str]) -> None:
    result = np6(
        env,
        "notifications",
        "render",
        "156",
        "--unicity",
        "a+b@example.com",
        "--data",
        '{"product": "Tea", "productId": 7}',
    )
    assert result.exit_code == 0, result.output
    assert "Hello Bob" in result.output and "Tea is on sale" in result.output


def test_render_a_version_by_label_as_json(env: dict[str, str]) -> None:
    result = np6(env, "notifications", "render", "156", "--label", "B", "--contact-id", "000R4M0T", "--json")
    assert result.exit_code == 0, result.output
    rendered = json.loads(result.stdout)
    assert rendered["type"] == "success" and rendered["render"]["title"] == "Ada, last chance"
    assert rendered["meta"]["version"] == "3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f"


def test_send_reports_each_recipient_and_the_sandbox_delivers_once(
    env: dict[str, str], np6_sandbox_url: str
) -> None:
    result = np6(env, "actions", "send", "000PE4", "--unicity", "a+b@example.com", "--contact-id", "000ZZZZZ")
    assert result.exit_code == 0, result.output
    assert "recipient not found" in result.output and "1 sent, 1 failed" in result.output
    outbox = httpx.get(f"{np6_sandbox_url}/_sandbox/outbox").json()
    assert len(outbox) == 1


def test_an_api_error_exits_1_with_the_request_id(env: dict[str, str]) -> None:
    result = np6(env, "notifications", "get", "999999")
    assert result.exit_code == 1
    assert "404" in result.stderr and "request id" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["notifications", "render", "156", "--contact-id", "000R4M0T", "--unicity", "a@b.c"],
            "exactly one of",
        ),
        (["notifications", "render", "156"], "exactly one of"),
        (["reactivities", "export", "--scope", "notifications", "--kind", "clicks"], "clicks"),
        (["reactivities", "export", "--scope", "notifications", "--since", "last week"], "--since"),
        (["actions", "render", "000PE4", "--hash", "not-a-hash"], "32 hexadecimal"),
        (["reactivities", "export", "--scope", "actions", "--resume"], "--resume needs --output"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(env: dict[str, str], args: list[str], message: str) -> None:
    result = np6(env, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_the_key_is_never_printed(env: dict[str, str]) -> None:
    for args in (["notifications", "get", "999999"], ["--help"], ["reactivities", "export", "--help"]):
        result = np6(env, *args)
        assert TEST_API_KEY not in result.output


def generate(url: str, count: int, start: int) -> None:
    """`count` hit events, two per millisecond from `start` (so a resume boundary splits a timestamp)."""
    for _ in range(2):
        answer = httpx.post(
            f"{url}/_sandbox/events/generate",
            json={"count": count // 2, "scope": "notifications", "kind": "hit", "start": start},
        )
        answer.raise_for_status()


def read(path: Path, fmt: str) -> list[str]:
    with path.open() as f:
        if fmt == "jsonl":
            return [json.loads(line)["id"] for line in f]
        return [row["id"] for row in csv.DictReader(f)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_resumes_after_a_broken_stream_without_gaps_or_duplicates(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path, fmt: str
) -> None:
    generate(np6_sandbox_url, 1200, start=1_700_000_000_000)
    fault = {"operation": "list_hits_of_all_notifications", "kind": "truncate", "count": 1}
    httpx.post(f"{np6_sandbox_url}/_sandbox/faults", json=fault).raise_for_status()
    output = tmp_path / f"hits.{fmt}"
    args = [
        "reactivities",
        "export",
        "--scope",
        "notifications",
        "--kind",
        "hits",
        "--since",
        "2023-11-14T22:13:20Z",
        "--until",
        "2023-11-15",
        "--format",
        fmt,
        "--output",
        str(output),
    ]

    first = np6(env, *args)
    assert first.exit_code == 1 and "--resume" in first.stderr
    partial = read(output, fmt)
    assert 0 < len(partial) < 1200

    second = np6(env, *args, "--resume")
    assert second.exit_code == 0, second.output
    ids = read(output, fmt)
    assert len(ids) == 1200 and len(set(ids)) == 1200
    if fmt == "csv":
        assert output.read_text().splitlines()[0] == ",".join(COLUMNS)
    refused = np6(env, *args)  # the file exists: no silent overwrite
    assert refused.exit_code == 2


def test_the_console_script_runs(np6_sandbox_url: str, tmp_path: Path) -> None:
    """The installed `np6` entry point, as a user runs it (one subprocess: the rest goes in-process)."""
    script = Path(sys.executable).with_name("np6")
    environ = {**os.environ, "NP6_BASE_URL": np6_sandbox_url, "NP6_API_KEY": TEST_API_KEY}
    done = subprocess.run(
        [str(script), "actions", "list", "--json"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert {a["id"] for a in json.loads(done.stdout)} == {"000PE4", "000PE5"}


def test_np6_contract_runs_the_suite_read_only_by_default(np6_sandbox_url: str, tmp_path: Path) -> None:
    report = tmp_path / "contract.xml"
    result = np6(
        {},
        "contract",
        "--base-url",
        np6_sandbox_url,
        "--api-key",
        TEST_API_KEY,
        "--report",
        str(report),
        "--operation",
        "list_actions",
        "--operation",
        "get_notification",
        "--max-examples",
        "2",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "2 passed, 0 failed, 59 skipped"
    assert report.exists() and TEST_API_KEY not in report.read_text()


def test_np6_sandbox_listens_on_the_port_it_prints() -> None:
    script = Path(sys.executable).with_name("np6")
    proc = subprocess.Popen(
        [str(script), "sandbox", "--port", "0", "--api-key", "k1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("NP6 sandbox listening on http://127.0.0.1:"), line
        url = line.split()[-1]
        assert httpx.get(f"{url}/actions", headers={"X-Key": "k1"}).status_code == 200
        assert httpx.get(f"{url}/actions", headers={"X-Key": "other"}).status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stdout is not None:
            proc.stdout.close()


def test_np6_demo_walks_the_main_job_against_its_own_sandbox() -> None:
    """The README's first command: every step prints what really happened in the embedded sandbox."""
    result = runner.invoke(app, ["demo"], env={"NP6_BASE_URL": "", "NP6_API_KEY": ""})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("Hello Ada") == 3  # rendered by id, unicity and hash
    assert "Hello Bob" in out and "Tea is on sale" in out  # a+b@example.com with render data
    assert "title 'Ada, last chance'" in out  # version B, picked by label
    for kind in ("execution", "impression", "bounce", "hit"):
        assert f"│ {kind} " in out
    assert "example@np6.com: success" in out and "000ZZZZZ: error (recipient not found)" in out
    assert "3 messages in the sandbox outbox" in out
