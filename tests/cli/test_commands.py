"""The `np6` command against a real sandbox on loopback: what a user types, what they get, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from clirun import NP6, Ran, environment, run_np6

from np6.cli._columns import COLUMNS
from np6_sandbox.testing import TEST_API_KEY

Cli = Callable[..., Ran]


def test_render_by_unicity_prints_the_rendered_fields(cli: Cli) -> None:
    result = cli(
        "notifications",
        "render",
        "156",
        "--unicity",
        "a+b@example.com",
        "--data",
        '{"product": "Tea", "productId": 7}',
    )
    assert result.code == 0, result
    assert "Hello Bob" in result.stdout and "Tea is on sale" in result.stdout


def test_render_a_version_by_label_as_json(cli: Cli) -> None:
    result = cli("notifications", "render", "156", "--label", "B", "--contact-id", "000R4M0T", "--json")
    assert result.code == 0, result
    rendered = json.loads(result.stdout)
    assert rendered["type"] == "success" and rendered["render"]["title"] == "Ada, last chance"
    assert rendered["meta"]["version"] == "3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f"


def test_send_reports_each_recipient_and_the_sandbox_delivers_once(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "send", "000PE4", "--unicity", "a+b@example.com", "--contact-id", "000ZZZZZ")
    assert result.code == 3, result  # some recipients failed
    assert "recipient not found" in result.stdout and "1 sent, 1 failed" in result.stderr
    outbox = httpx.get(f"{np6_sandbox_url}/_sandbox/outbox").json()
    assert len(outbox) == 1


def test_an_api_error_exits_1_with_the_request_id(cli: Cli) -> None:
    result = cli("notifications", "get", "999999")
    assert result.code == 1
    assert "404" in result.stderr and "request id" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["notifications", "render", "156", "--contact-id", "000R4M0T", "--unicity", "a@b.c"],
            "exactly one of",
        ),
        (["actions", "render", "000PE4"], "exactly one of"),
        (["reactivities", "export", "--scope", "notifications", "--kind", "clicks"], "clicks"),
        (["reactivities", "export", "--scope", "notifications", "--since", "last week"], "--since"),
        (["actions", "render", "000PE4", "--hash", "not-a-hash"], "32 hexadecimal"),
        (["reactivities", "export", "--scope", "actions", "--resume"], "--resume needs --output"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(cli: Cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.code == 2, result
    assert message in result.stderr


def test_the_key_is_never_printed(cli: Cli) -> None:
    for args in (["notifications", "get", "999999"], ["--help"], ["reactivities", "export", "--help"]):
        result = cli(*args)
        assert TEST_API_KEY not in result.stdout + result.stderr


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
    cli: Cli, np6_sandbox_url: str, tmp_path: Path, fmt: str
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

    first = cli(*args)
    assert first.code == 1 and "--resume" in first.stderr
    partial = read(output, fmt)
    assert 0 < len(partial) < 1200

    second = cli(*args, "--resume")
    assert second.code == 0, second
    ids = read(output, fmt)
    assert len(ids) == 1200 and len(set(ids)) == 1200
    if fmt == "csv":
        assert output.read_text().splitlines()[0] == ",".join(COLUMNS)
    refused = cli(*args)  # the file exists: no silent overwrite
    assert refused.code == 2


def test_np6_contract_runs_the_suite_read_only_by_default(np6_sandbox_url: str, tmp_path: Path) -> None:
    report = tmp_path / "contract.xml"
    result = run_np6(
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
        env=environment(None),
    )
    assert result.code == 0, result
    assert result.stdout.splitlines()[-1] == "2 passed, 0 failed, 59 skipped"
    assert report.exists() and TEST_API_KEY not in report.read_text()


def test_np6_sandbox_listens_on_the_port_it_prints() -> None:
    proc = subprocess.Popen(
        [str(NP6), "sandbox", "--port", "0", "--api-key", "k1"],
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
    result = run_np6("demo", env=environment(None))
    assert result.code == 0, result
    out = result.stdout
    assert out.count("Hello Ada") == 3  # rendered by id, unicity and hash
    assert "Hello Bob" in out and "Tea is on sale" in out  # a+b@example.com with render data
    assert "title 'Ada, last chance'" in out  # version B, picked by label
    for kind in ("execution", "impression", "bounce", "hit"):
        assert f"\n{kind}\t" in out  # piped: the events table is tab-separated
    assert "example@np6.com: success" in out and "000ZZZZZ: error (recipient not found)" in out
    assert "3 messages in the sandbox outbox" in out
