"""`np6 reactivities export` and its resume point at the edges (issue 16).

The resume point is read back from the file: these tests hand it the files a crash or an earlier run can
leave (empty, only half a first record, a single record, records all at the last timestamp, a partial
record longer than a read block) and check the numbers the command reports.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from np6.cli import app
from np6.cli._columns import COLUMNS
from np6.cli._export import EventWriter, ResumePoint, resume_point, skip_written
from np6_sandbox.testing import TEST_API_KEY

runner = CliRunner()
START = 1_700_000_000_000  # 2023-11-14T22:13:20Z


def hit(i: int, timestamp: int) -> dict[str, Any]:
    return {"type": "hit", "id": f"e{i}", "timestamp": timestamp}


def write(path: Path, fmt: str, events: list[dict[str, Any]], *, header: bool = True, tail: str = "") -> None:
    with path.open("w", newline="") as out:
        writer = EventWriter(out, fmt, header=header)  # type: ignore[arg-type]
        for event in events:
            writer.write(event)
        out.write(tail)


# --------------------------------------------------------------------------------------- resume_point
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_empty_file_has_no_resume_point_and_stays_empty(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(b"")
    assert resume_point(path, fmt) is None  # type: ignore[arg-type]
    assert path.read_bytes() == b""


def test_only_a_partial_first_record_is_cut_away(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"type": "hit", "id": "e0", "times')
    assert resume_point(path, "jsonl") is None
    assert path.read_bytes() == b""


def test_a_csv_header_then_a_partial_first_record_keeps_the_header(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write(path, "csv", [], tail="hit,e0,17")
    assert resume_point(path, "csv") is None
    assert path.read_text() == ",".join(COLUMNS) + "\n"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_single_record(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    write(path, fmt, [hit(0, 1000)])
    before = path.read_bytes()
    assert resume_point(path, fmt) == ResumePoint(timestamp=1000, seen=frozenset({"e0"}), written=1)  # type: ignore[arg-type]
    assert path.read_bytes() == before  # a complete file is not modified


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_records_all_at_the_last_timestamp(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    write(path, fmt, [hit(i, 1000) for i in range(4)])
    point = resume_point(path, fmt)  # type: ignore[arg-type]
    assert point == ResumePoint(timestamp=1000, seen=frozenset({"e0", "e1", "e2", "e3"}), written=4)


def test_only_the_last_timestamp_counts(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write(path, "jsonl", [hit(0, 999), hit(1, 1000), hit(2, 1000), hit(3, 1001)], tail='{"id": "e4"')
    assert resume_point(path, "jsonl") == ResumePoint(timestamp=1001, seen=frozenset({"e3"}), written=4)
    assert path.read_text().endswith('"timestamp":1001}\n')


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_file_of_many_read_blocks(tmp_path: Path, fmt: str) -> None:
    """Records across 64 KiB block boundaries; the last timestamp's records span a boundary too."""
    events = [hit(i, 1000 + i // 7) for i in range(3000)] + [hit(3000 + i, 5000) for i in range(2500)]
    path = tmp_path / f"out.{fmt}"
    write(path, fmt, events)
    assert path.stat().st_size > 3 * 65536
    point = resume_point(path, fmt)  # type: ignore[arg-type]
    assert point is not None
    assert point.timestamp == 5000
    assert point.seen == frozenset(f"e{3000 + i}" for i in range(2500))
    assert point.written == 5500


def test_a_partial_record_longer_than_a_read_block(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write(path, "jsonl", [hit(0, 1000), hit(1, 1001)], tail='{"id": "' + "x" * 200_000)
    assert resume_point(path, "jsonl") == ResumePoint(timestamp=1001, seen=frozenset({"e1"}), written=2)
    assert path.read_text().count("\n") == 2
    assert path.read_text().endswith("}\n")


def test_a_partial_first_record_longer_than_a_read_block(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "' + "x" * 200_000)
    assert resume_point(path, "jsonl") is None
    assert path.read_bytes() == b""


def test_numeric_ids_and_timestamps_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write(path, "jsonl", [{"type": "hit", "id": 12, "timestamp": "1000"}])
    assert resume_point(path, "jsonl") == ResumePoint(timestamp=1000, seen=frozenset({"12"}), written=1)


def test_skip_written_needs_the_timestamp_and_the_id() -> None:
    point = ResumePoint(timestamp=1000, seen=frozenset({"e1", "e2"}), written=2)
    events = [hit(1, 1000), hit(3, 1000), hit(2, 1001), hit(2, 999), {"type": "hit"}]
    assert list(skip_written(events, point)) == [hit(3, 1000), hit(2, 1001), hit(2, 999), {"type": "hit"}]
    assert list(skip_written(events, None)) == events


def test_the_jsonl_writer_writes_compact_utf8_lines() -> None:
    out = io.StringIO()
    EventWriter(out, "jsonl", header=True).write({"type": "hit", "id": "é", "timestamp": 1})
    assert out.getvalue() == '{"type":"hit","id":"é","timestamp":1}\n'


def test_the_csv_writer_writes_its_header_only_when_asked() -> None:
    fresh, more = io.StringIO(), io.StringIO()
    EventWriter(fresh, "csv", header=True).write(hit(0, 1))
    EventWriter(more, "csv", header=False).write(hit(0, 1))
    assert fresh.getvalue().splitlines()[0] == ",".join(COLUMNS)
    assert fresh.getvalue().splitlines()[1:] == more.getvalue().splitlines()
    assert len(more.getvalue().splitlines()) == 1


# ------------------------------------------------------------------------------------ the command
@pytest.fixture
def env(np6_sandbox_url: str) -> dict[str, str]:
    return {"NP6_BASE_URL": np6_sandbox_url, "NP6_API_KEY": TEST_API_KEY}


def generate(url: str, count: int, start: int) -> None:
    """`count` hits, one per millisecond from `start`."""
    body = {"count": count, "scope": "notifications", "kind": "hit", "start": start, "step": 1}
    httpx.post(f"{url}/_sandbox/events/generate", json=body).raise_for_status()


def export(env: dict[str, str], *args: str, since: int = START, until: int = START + 100) -> Any:
    argv = ["reactivities", "export", "--scope", "notifications", "--kind", "hits"]
    argv += ["--since", str(since), "--until", str(until), *args]
    result = runner.invoke(app, argv, env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def summary(result: Any, path: Path) -> tuple[int, int]:
    """(written, already there) from the closing line; the wording may change, the numbers may not."""
    (line,) = [x for x in result.stderr.replace(str(path), "FILE").splitlines() if "wrote" in x.lower()]
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", line)]
    assert numbers, line
    return numbers[0], numbers[1] if len(numbers) > 1 else 0


def ids(path: Path, fmt: str) -> list[str]:
    text = path.read_text()
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in text.splitlines()]
    return [r["id"] for r in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_empty_existing_output_is_written_without_resume(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path, fmt: str
) -> None:
    generate(np6_sandbox_url, 10, START)
    output = tmp_path / f"out.{fmt}"
    output.write_bytes(b"")
    result = export(env, "--format", fmt, "--output", str(output))
    assert result.exit_code == 0, result.output
    assert summary(result, output) == (10, 0)
    assert len(ids(output, fmt)) == 10
    if fmt == "csv":
        assert output.read_text().count(",".join(COLUMNS)) == 1


def test_a_non_empty_output_is_refused_without_resume(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("x")
    result = export(env, "--output", str(output))
    assert result.exit_code == 2
    assert "--resume" in result.stderr
    assert output.read_text() == "x"


def test_resume_needs_output(env: dict[str, str]) -> None:
    result = export(env, "--resume")
    assert result.exit_code == 2
    assert "--output" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_summary_counts_new_and_earlier_events(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path, fmt: str
) -> None:
    generate(np6_sandbox_url, 10, START)
    output = tmp_path / f"out.{fmt}"
    first = export(env, "--format", fmt, "--output", str(output), "--resume")  # no file yet: a new export
    assert first.exit_code == 0, first.output
    assert summary(first, output) == (10, 0)
    again = export(env, "--format", fmt, "--output", str(output), "--resume")  # nothing new
    assert again.exit_code == 0, again.output
    assert summary(again, output) == (0, 10)
    generate(np6_sandbox_url, 5, START + 10)
    more = export(env, "--format", fmt, "--output", str(output), "--resume")
    assert more.exit_code == 0, more.output
    assert summary(more, output) == (5, 10)
    assert len(ids(output, fmt)) == len(set(ids(output, fmt))) == 15
    if fmt == "csv":
        assert output.read_text().count(",".join(COLUMNS)) == 1


def test_resume_of_a_single_record_file_does_not_duplicate_it(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path
) -> None:
    generate(np6_sandbox_url, 3, START)
    output = tmp_path / "out.jsonl"
    export(env, "--output", str(output), until=START + 1)
    assert len(ids(output, "jsonl")) == 1
    result = export(env, "--output", str(output), "--resume", until=START + 3)
    assert result.exit_code == 0, result.output
    assert summary(result, output) == (2, 1)
    assert len(set(ids(output, "jsonl"))) == 3


def test_resume_of_a_file_holding_half_a_first_record(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path
) -> None:
    generate(np6_sandbox_url, 4, START)
    output = tmp_path / "out.csv"
    write(output, "csv", [], tail="hit,e0,17")
    result = export(env, "--format", "csv", "--output", str(output), "--resume")
    assert result.exit_code == 0, result.output
    assert summary(result, output) == (4, 0)
    assert output.read_text().count(",".join(COLUMNS)) == 1
    assert len(ids(output, "csv")) == 4


def test_resume_starts_at_the_later_of_since_and_the_file(
    env: dict[str, str], np6_sandbox_url: str, tmp_path: Path
) -> None:
    generate(np6_sandbox_url, 20, START)
    output = tmp_path / "out.jsonl"
    export(env, "--output", str(output), until=START + 5)
    assert len(ids(output, "jsonl")) == 5
    # --since before the file's last timestamp: continue from the file, nothing twice
    earlier = export(env, "--output", str(output), "--resume", until=START + 10)
    assert summary(earlier, output) == (5, 5)
    # --since after it: the events between are not asked for
    later = export(env, "--output", str(output), "--resume", since=START + 15, until=START + 20)
    assert summary(later, output) == (5, 10)
    timestamps = [json.loads(line)["timestamp"] for line in output.read_text().splitlines()]
    assert timestamps == list(range(START, START + 10)) + list(range(START + 15, START + 20))


def test_stdout_export(env: dict[str, str], np6_sandbox_url: str) -> None:
    generate(np6_sandbox_url, 3, START)
    result = export(env)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["timestamp"] for line in result.stdout.splitlines()] == [
        START,
        START + 1,
        START + 2,
    ]
    assert "stdout" in result.stderr
    assert "already" not in result.stderr


def test_a_notification_id_must_be_a_number(env: dict[str, str]) -> None:
    result = export(env, "--id", "abc")
    assert result.exit_code == 2
    assert "--id" in result.stderr
