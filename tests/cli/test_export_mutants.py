"""`np6 reactivities export` and its resume point at the edges (issue 16).

The resume point is read back from the file: these tests hand it the files a crash or an earlier run can
leave (empty, only half a first record, a single record, records all at the last timestamp, records across
read blocks) and check the numbers the command reports. The command runs in-process (typer's CliRunner) so
that `make mutation` sees which of its functions each test reaches.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from np6.cli import app
from np6.cli._columns import COLUMNS
from np6.cli._export import (
    SIDECAR_SUFFIX,
    ExportFile,
    ExportRefused,
    Format,
    Query,
    ResumePoint,
    line,
    plan,
    skip_written,
)
from np6_sandbox.testing import TEST_API_KEY

runner = CliRunner()
START = 1_700_000_000_000  # 2023-11-14T22:13:20Z
QUERY: dict[str, Query] = {
    "jsonl": Query("notifications", None, "hits", "jsonl"),
    "csv": Query("notifications", None, "hits", "csv"),
}
HEADER = ",".join(COLUMNS)


def hit(i: int, timestamp: int) -> dict[str, Any]:
    return {"type": "hit", "id": f"e{i}", "timestamp": timestamp}


def export_file(path: Path, fmt: Format, batch: list[dict[str, Any]], *, resume: bool = False) -> ExportFile:
    """What the command does with its file: plan, open, write, checkpoint."""
    planned = plan(path, QUERY[fmt], resume=resume)
    out = ExportFile(planned, since=None, until=None)
    for event in skip_written(batch, planned.point):
        out.write(line(event, fmt))
    out.checkpoint()
    out.close()
    return out


def sidecar(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(str(path) + SIDECAR_SUFFIX).read_text())
    return data


def ids(path: Path, fmt: str) -> list[str]:
    text = path.read_text()
    if fmt == "jsonl":
        return [json.loads(x)["id"] for x in text.splitlines()]
    return [r["id"] for r in csv.DictReader(io.StringIO(text))]


# ----------------------------------------------------------------------------------- the resume point
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_empty_file_without_resume_is_written_from_scratch(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(b"")
    planned = plan(path, QUERY[fmt], resume=False)
    assert (planned.exists, planned.regular, planned.keep, planned.records) == (True, True, 0, 0)
    assert planned.header is (fmt == "csv")
    assert planned.point is None
    out = export_file(path, fmt, [hit(0, 5)])
    assert out.created is False
    assert ids(path, fmt) == ["e0"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_empty_file_without_sidecar_can_be_resumed(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(b"")
    planned = plan(path, QUERY[fmt], resume=True)
    assert (planned.exists, planned.point, planned.records) == (True, None, 0)
    assert planned.header is (fmt == "csv")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_only_a_partial_first_record(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    export_file(path, fmt, [])
    committed = path.stat().st_size
    with path.open("ab") as f:
        f.write(b'{"type": "hit", "id": "e0", "times' if fmt == "jsonl" else b"hit,e0,17")
    planned = plan(path, QUERY[fmt], resume=True)
    assert (planned.point, planned.records, planned.keep) == (None, 0, committed)
    assert planned.header is False  # a CSV header is already there
    export_file(path, fmt, [hit(0, 5), hit(1, 6)], resume=True)
    assert ids(path, fmt) == ["e0", "e1"]
    if fmt == "csv":
        assert path.read_text().count(HEADER) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_single_record(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    export_file(path, fmt, [hit(0, 1000)])
    before = path.read_bytes()
    planned = plan(path, QUERY[fmt], resume=True)
    assert planned.point == ResumePoint(timestamp=1000, seen=frozenset({"e0"}), written=1)
    assert (planned.keep, planned.size, planned.records) == (len(before), len(before), 1)
    export_file(path, fmt, [hit(0, 1000), hit(1, 1001)], resume=True)
    assert ids(path, fmt) == ["e0", "e1"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_records_all_at_the_last_timestamp(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    export_file(path, fmt, [hit(i, 1000) for i in range(4)])
    point = plan(path, QUERY[fmt], resume=True).point
    assert point == ResumePoint(timestamp=1000, seen=frozenset({"e0", "e1", "e2", "e3"}), written=4)


def test_only_the_last_timestamp_counts(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    export_file(path, "jsonl", [hit(0, 999), hit(1, 1000), hit(2, 1000), hit(3, 1001)])
    assert plan(path, QUERY["jsonl"], resume=True).point == ResumePoint(1001, frozenset({"e3"}), 4)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_file_of_many_read_blocks(tmp_path: Path, fmt: Format) -> None:
    """Records across 64 KiB block boundaries; the last timestamp's records span a boundary too."""
    events = [hit(i, 1000 + i // 7) for i in range(3000)] + [hit(3000 + i, 5000) for i in range(2500)]
    path = tmp_path / f"out.{fmt}"
    export_file(path, fmt, events)
    assert path.stat().st_size > 3 * 65536
    point = plan(path, QUERY[fmt], resume=True).point
    assert point is not None
    assert point.timestamp == 5000
    assert point.seen == frozenset(f"e{3000 + i}" for i in range(2500))
    assert point.written == 5500


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_records_past_the_checkpoint_are_counted(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    export_file(path, fmt, [hit(0, 1), hit(1, 2)])
    with path.open("ab") as f:
        f.write(line(hit(2, 3), fmt) + line(hit(3, 3), fmt))
    planned = plan(path, QUERY[fmt], resume=True)
    assert planned.records == 4
    assert planned.point == ResumePoint(3, frozenset({"e2", "e3"}), 4)
    assert planned.keep == planned.size


def test_skip_written_needs_the_timestamp_and_the_id() -> None:
    point = ResumePoint(timestamp=1000, seen=frozenset({"e1", "e2"}), written=2)
    events = [hit(1, 1000), hit(3, 1000), hit(2, 1001), hit(2, 999), {"type": "hit"}]
    assert list(skip_written(events, point)) == [hit(3, 1000), hit(2, 1001), hit(2, 999), {"type": "hit"}]
    assert list(skip_written(events, None)) == events


def test_the_sidecar_records_the_query_and_the_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    planned = plan(path, QUERY["jsonl"], resume=False)
    out = ExportFile(planned, since=START, until=START + 9)
    out.write(line(hit(0, 5), "jsonl"))
    out.checkpoint()
    out.close()
    record = sidecar(path)
    assert record["np6_export"] == 1
    assert (record["scope"], record["id"], record["kind"], record["format"]) == (
        "notifications",
        None,
        "hits",
        "jsonl",
    )
    assert (record["since"], record["until"]) == (START, START + 9)
    assert record["committed"]["bytes"] == path.stat().st_size
    assert record["committed"]["records"] == 1
    assert (out.created, out.written, out.records) == (True, 1, 1)


def test_discard_removes_only_what_this_run_created(tmp_path: Path) -> None:
    created = ExportFile(plan(tmp_path / "new.jsonl", QUERY["jsonl"], resume=False), since=None, until=None)
    created.discard()
    assert list(tmp_path.iterdir()) == []
    kept = tmp_path / "kept.jsonl"
    kept.write_bytes(b"")
    existing = ExportFile(plan(kept, QUERY["jsonl"], resume=False), since=None, until=None)
    existing.discard()
    assert kept.exists()


def test_a_non_regular_output_is_written_as_it_is(tmp_path: Path) -> None:
    planned = plan(Path("/dev/null"), QUERY["jsonl"], resume=False)
    assert (planned.regular, planned.exists) == (False, True)
    out = ExportFile(planned, since=None, until=None)
    out.write(line(hit(0, 5), "jsonl"))
    out.checkpoint()
    out.close()
    assert not Path("/dev/null" + SIDECAR_SUFFIX).exists()
    with pytest.raises(ExportRefused, match="not a regular file"):
        plan(Path("/dev/null"), QUERY["jsonl"], resume=True)


def test_a_directory_or_a_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="is a directory"):
        plan(tmp_path, QUERY["jsonl"], resume=False)
    with pytest.raises(ExportRefused, match="does not exist"):
        plan(tmp_path / "nope" / "out.jsonl", QUERY["jsonl"], resume=False)


def test_lines_are_compact_utf8() -> None:
    assert (
        line({"type": "hit", "id": "é", "timestamp": 1}, "jsonl")
        == '{"type":"hit","id":"é","timestamp":1}\n'.encode()
    )
    assert line({"id": "\ud800"}, "jsonl") == b'{"id":"\\ud800"}\n'  # a lone surrogate stays an escape
    cells = line(hit(0, 1), "csv").decode().rstrip("\n").split(",")
    assert len(cells) == len(COLUMNS) and cells[COLUMNS.index("id")] == "e0"


# ------------------------------------------------------------------------------------ the command
@pytest.fixture
def env(np6_sandbox_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # short relative paths: the summary line is not wrapped around a long one
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


def summary(result: Any) -> tuple[int, int]:
    """(written now, there already) from the closing line: the wording may change, the numbers may not."""
    text = " ".join(result.stderr.split())
    wrote = re.search(r"wrote (\d[\d,]*) events", text)
    assert wrote, text
    already = re.search(r"(\d[\d,]*) were there already", text)
    return int(wrote.group(1).replace(",", "")), int(already.group(1).replace(",", "")) if already else 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_empty_existing_output_is_written_without_resume(
    env: dict[str, str], np6_sandbox_url: str, fmt: str
) -> None:
    generate(np6_sandbox_url, 10, START)
    output = Path(f"out.{fmt}")
    output.write_bytes(b"")
    result = export(env, "--format", fmt, "--output", str(output))
    assert result.exit_code == 0, result.output
    assert summary(result) == (10, 0)
    assert len(ids(output, fmt)) == 10
    if fmt == "csv":
        assert output.read_text().count(HEADER) == 1


def test_a_non_empty_output_is_refused_without_resume(env: dict[str, str]) -> None:
    output = Path("out.jsonl")
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
    env: dict[str, str], np6_sandbox_url: str, fmt: str
) -> None:
    generate(np6_sandbox_url, 10, START)
    output = Path(f"out.{fmt}")
    first = export(env, "--format", fmt, "--output", str(output), "--resume")  # no file yet: a new export
    assert first.exit_code == 0, first.output
    assert summary(first) == (10, 0)
    assert "were there already" not in first.stderr
    assert (sidecar(output)["since"], sidecar(output)["until"]) == (START, START + 100)
    again = export(env, "--format", fmt, "--output", str(output), "--resume")  # nothing new
    assert again.exit_code == 0, again.output
    assert summary(again) == (0, 10)
    generate(np6_sandbox_url, 5, START + 10)
    more = export(env, "--format", fmt, "--output", str(output), "--resume")
    assert more.exit_code == 0, more.output
    assert summary(more) == (5, 10)
    assert len(ids(output, fmt)) == len(set(ids(output, fmt))) == 15
    assert sidecar(output)["committed"]["records"] == 15
    if fmt == "csv":
        assert output.read_text().count(HEADER) == 1


def test_resume_of_a_single_record_file_does_not_duplicate_it(
    env: dict[str, str], np6_sandbox_url: str
) -> None:
    generate(np6_sandbox_url, 3, START)
    output = Path("out.jsonl")
    export(env, "--output", str(output), until=START + 1)
    assert len(ids(output, "jsonl")) == 1
    result = export(env, "--output", str(output), "--resume", until=START + 3)
    assert result.exit_code == 0, result.output
    assert summary(result) == (2, 1)
    assert len(set(ids(output, "jsonl"))) == 3


def test_resume_starts_at_the_later_of_since_and_the_file(env: dict[str, str], np6_sandbox_url: str) -> None:
    generate(np6_sandbox_url, 20, START)
    output = Path("out.jsonl")
    export(env, "--output", str(output), until=START + 5)
    assert len(ids(output, "jsonl")) == 5
    # --since before the file's last timestamp: continue from the file, nothing twice
    earlier = export(env, "--output", str(output), "--resume", until=START + 10)
    assert summary(earlier) == (5, 5)
    # --since after it: the events between are not asked for
    later = export(env, "--output", str(output), "--resume", since=START + 15, until=START + 20)
    assert summary(later) == (5, 10)
    timestamps = [json.loads(x)["timestamp"] for x in output.read_text().splitlines()]
    assert timestamps == list(range(START, START + 10)) + list(range(START + 15, START + 20))


def test_resume_without_since_starts_at_the_file(env: dict[str, str], np6_sandbox_url: str) -> None:
    generate(np6_sandbox_url, 6, START)
    output = Path("out.jsonl")
    export(env, "--output", str(output), until=START + 3)
    argv = ["reactivities", "export", "--scope", "notifications", "--kind", "hits", "--until", str(START + 6)]
    result = runner.invoke(app, [*argv, "--output", str(output), "--resume"], env=env)
    assert result.exit_code == 0, result.output
    assert summary(result) == (3, 3)
    assert [json.loads(x)["timestamp"] for x in output.read_text().splitlines()] == list(
        range(START, START + 6)
    )


def test_stdout_export(env: dict[str, str], np6_sandbox_url: str) -> None:
    generate(np6_sandbox_url, 3, START)
    for fmt in ("jsonl", "csv"):
        result = export(env, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert summary(result) == (3, 0)
        assert "stdout" in result.stderr
        if fmt == "jsonl":
            assert [json.loads(x)["timestamp"] for x in result.stdout.splitlines()] == [
                START,
                START + 1,
                START + 2,
            ]
        else:
            assert result.stdout.splitlines()[0] == HEADER
            assert len(result.stdout.splitlines()) == 4


def test_a_failed_export_leaves_no_file_it_created(env: dict[str, str]) -> None:
    result = export(env, "--id", "987654", "--output", "out.jsonl")  # no such notification: 404
    assert result.exit_code == 1
    assert not Path("out.jsonl").exists()
    assert not Path("out.jsonl" + SIDECAR_SUFFIX).exists()


def test_a_notification_id_must_be_a_number(env: dict[str, str]) -> None:
    result = export(env, "--id", "abc")
    assert result.exit_code == 2
    assert "--id" in result.stderr


def test_a_broken_stream_keeps_what_was_written(env: dict[str, str], np6_sandbox_url: str) -> None:
    generate(np6_sandbox_url, 2500, START)
    fault = {"operation": "list_hits_of_all_notifications", "kind": "truncate", "count": 1}
    httpx.post(f"{np6_sandbox_url}/_sandbox/faults", json=fault).raise_for_status()
    output = Path("out.jsonl")
    first = export(env, "--output", str(output), until=START + 2500)
    assert first.exit_code == 1
    assert "--resume" in first.stderr
    kept = ids(output, "jsonl")
    assert 0 < len(kept) < 2500
    assert sidecar(output)["committed"]["records"] == len(kept)
    second = export(env, "--output", str(output), "--resume", until=START + 2500)
    assert second.exit_code == 0, second.output
    assert summary(second) == (2500 - len(kept), len(kept))
    assert len(set(ids(output, "jsonl"))) == 2500


# ------------------------------------------------------------------- failures while writing (fake stream)
class FakeStream:
    """What `reactivities(..., raw=True)` returns, yielding `events` then raising `error` (if any).

    `probe(i)` runs before event i is yielded: the tests read the sidecar there, mid-export.
    """

    def __init__(self, events: list[dict[str, Any]], error: BaseException | None = None, probe: Any = None):
        self.events, self.error, self.probe, self.closed = events, error, probe, False

    def __enter__(self) -> FakeStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.closed = True

    def __iter__(self) -> Any:
        for i, event in enumerate(self.events):
            if self.probe is not None:
                self.probe(i)
            yield event
        if self.error is not None:
            raise self.error


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """No server: the command's stream is replaced by the test's FakeStream."""
    monkeypatch.chdir(tmp_path)
    return {"NP6_BASE_URL": "http://127.0.0.1:9", "NP6_API_KEY": TEST_API_KEY}


def fake(monkeypatch: pytest.MonkeyPatch, stream: FakeStream) -> None:
    from np6.cli import _reactivities

    monkeypatch.setattr(_reactivities, "_stream", lambda *args: stream)


def said(result: Any, what: str, count: int, where: str) -> bool:
    """The error line says `what`, the number of events written and where (the wording around may change)."""
    text = " ".join(result.stderr.split())
    return what in text and re.search(rf"\b{count} events?\b", text) is not None and where in text


def interrupted_error(count: int) -> Any:
    import np6

    return np6.StreamInterruptedError(
        "cut",
        count=count,
        last_timestamp=None,
        last_event_id=None,
        ids_at_last_timestamp=frozenset(),
        resumable=True,
    )


def test_ctrl_c_keeps_what_was_written(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    stream = FakeStream([hit(0, 1), hit(1, 2)], KeyboardInterrupt())
    fake(monkeypatch, stream)
    result = export(offline, "--output", "out.jsonl")
    assert result.exit_code == 130
    assert said(result, "interrupted", 2, "out.jsonl")
    assert "--resume" in result.stderr
    assert ids(Path("out.jsonl"), "jsonl") == ["e0", "e1"]
    assert sidecar(Path("out.jsonl"))["committed"]["records"] == 2
    assert stream.closed


def test_ctrl_c_on_stdout(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, FakeStream([hit(0, 1)], KeyboardInterrupt()))
    result = export(offline)
    assert result.exit_code == 130
    assert said(result, "interrupted", 1, "stdout")


def test_a_broken_stream_on_stdout(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, FakeStream([hit(0, 1), hit(1, 2), hit(2, 3)], interrupted_error(3)))
    result = export(offline, "--format", "csv")
    assert result.exit_code == 1
    assert said(result, "the stream broke", 3, "")
    assert result.stdout.splitlines()[0] == HEADER
    assert len(result.stdout.splitlines()) == 4


def test_a_broken_stream_to_a_file_is_saved(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, FakeStream([hit(0, 1), hit(1, 2)], interrupted_error(2)))
    result = export(offline, "--output", "out.jsonl")
    assert result.exit_code == 1
    assert said(result, "the stream broke", 2, "out.jsonl")
    assert "(cut)" in result.stderr
    assert sidecar(Path("out.jsonl"))["committed"]["records"] == 2


def test_an_api_error_before_any_event_leaves_no_new_file(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import np6

    fake(monkeypatch, FakeStream([], np6.APIConnectionError("refused")))
    result = export(offline, "--output", "out.jsonl")
    assert result.exit_code == 1
    assert not Path("out.jsonl").exists()
    assert not Path("out.jsonl" + SIDECAR_SUFFIX).exists()
    Path("kept.jsonl").write_bytes(b"")  # a file that was there is never removed
    result = export(offline, "--output", "kept.jsonl")
    assert result.exit_code == 1
    assert Path("kept.jsonl").exists()


def test_an_api_error_after_some_events_keeps_them(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import np6

    fake(monkeypatch, FakeStream([hit(0, 1)], np6.APIConnectionError("refused")))
    result = export(offline, "--output", "out.jsonl")
    assert result.exit_code == 1
    assert ids(Path("out.jsonl"), "jsonl") == ["e0"]
    assert sidecar(Path("out.jsonl"))["committed"]["records"] == 1


def test_a_full_disk_is_one_error_line(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, FakeStream([hit(i, i) for i in range(3000)]))
    result = export(offline, "--output", "/dev/full")
    assert result.exit_code == 1
    assert "--output: cannot write /dev/full" in " ".join(result.stderr.split())
    assert "No space left on device" in result.stderr
    assert "[Errno" not in result.stderr  # the reason, not the exception's repr
    assert "--resume" not in result.stderr  # nothing to resume on a device


def test_the_sidecar_is_checkpointed_every_1000_events(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    committed: dict[int, int] = {}

    def probe(i: int) -> None:
        if i in (999, 1000, 1001, 1999, 2000, 2500):
            committed[i] = sidecar(Path("out.jsonl"))["committed"]["records"]

    fake(monkeypatch, FakeStream([hit(i, i) for i in range(2600)], probe=probe))
    result = export(offline, "--output", "out.jsonl")
    assert result.exit_code == 0, result.output
    assert committed == {999: 0, 1000: 1000, 1001: 1000, 1999: 1000, 2000: 2000, 2500: 2000}
    assert sidecar(Path("out.jsonl"))["committed"]["records"] == 2600
    assert summary(result) == (2600, 0)


# ------------------------------------------------------------------------ progress, rate and the routes
def test_the_rate_column() -> None:
    from types import SimpleNamespace

    from np6.cli._live import Rate as _Rate

    assert _Rate().render(SimpleNamespace(speed=1234.4)).plain == "1,234 events/s"  # type: ignore[arg-type]
    assert _Rate().render(SimpleNamespace(speed=None)).plain == "0 events/s"  # type: ignore[arg-type]


class FakeClock:
    """`time` for _reactivities: the export starts at 100.0 s and every later reading is 100.5 s."""

    def __init__(self) -> None:
        self.readings = 0

    def monotonic(self) -> float:
        self.readings += 1
        return 100.0 if self.readings == 1 else 100.5


@pytest.mark.parametrize("to_file", [False, True])
def test_progress_and_rate(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, to_file: bool) -> None:
    from rich.progress import Progress

    from np6.cli import _reactivities

    updates: list[object] = []
    original = Progress.update

    def update(self: Progress, task_id: Any, **fields: Any) -> None:
        updates.append(fields.get("completed", "missing"))
        original(self, task_id, **fields)

    monkeypatch.setattr(Progress, "update", update)
    monkeypatch.setattr(_reactivities, "time", FakeClock())
    fake(monkeypatch, FakeStream([hit(i, i) for i in range(2500)]))
    result = export(offline, *(["--output", "out.jsonl"] if to_file else []))
    assert result.exit_code == 0, result.output
    assert updates == [1000, 2000]
    assert "in 0.5 s (5,000 events/s)" in " ".join(result.stderr.split())


def test_a_broken_csv_stream_on_stdout_says_why(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake(monkeypatch, FakeStream([hit(0, 1)], interrupted_error(1)))
    result = export(offline, "--format", "csv")
    assert result.exit_code == 1
    assert "(cut" in result.stderr  # the stream error's own message
    header, record = result.stdout.splitlines()
    assert header == HEADER
    assert next(csv.reader([record]))[COLUMNS.index("id")] == "e0"


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (["--scope", "actions", "--id", "000PE4", "--kind", "hits"], "/actions/000PE4/reactivities/hits"),
        (["--scope", "actions"], "/actions/reactivities"),
        (
            ["--scope", "notifications", "--id", "156", "--kind", "bounces"],
            "/notifications/156/reactivities/bounces",
        ),
        (["--scope", "notifications"], "/notifications/reactivities"),
    ],
)
def test_each_scope_id_and_kind_reaches_its_operation(
    offline: dict[str, str], args: list[str], path: str
) -> None:
    import respx

    with respx.mock(base_url="http://127.0.0.1:9") as mock:
        route = mock.get(path).mock(return_value=httpx.Response(200, json=[hit(0, START)]))
        result = runner.invoke(
            app,
            ["reactivities", "export", *args, "--since", str(START), "--until", str(START + 9)],
            env=offline,
        )
    assert result.exit_code == 0, result.output
    params = route.calls.last.request.url.params
    assert (params["sort"], params["reactivityStart"], params["reactivityEnd"]) == (
        "asc",
        str(START),
        str(START + 9),
    )
    assert json.loads(result.stdout)["id"] == "e0"


def test_a_file_that_appears_meanwhile_is_not_replaced(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from np6.cli import _reactivities

    def stream_after_someone_wrote_the_file(*args: object) -> FakeStream:
        Path("out.jsonl").write_text("theirs")
        return FakeStream([hit(0, 1)])

    monkeypatch.setattr(_reactivities, "_stream", stream_after_someone_wrote_the_file)
    result = export(offline, "--output", "out.jsonl")
    assert result.exit_code == 2
    assert "--output: cannot write out.jsonl: File exists" in " ".join(result.stderr.split())
    assert Path("out.jsonl").read_text() == "theirs"


# ------------------------------------------------------------------------------- refusals of --resume
def test_a_record_without_timestamp_past_the_checkpoint_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    export_file(path, "jsonl", [hit(0, 1)])
    with path.open("ab") as f:
        f.write(b'{"type": "hit", "id": "x"}\n')
    with pytest.raises(ExportRefused) as info:
        plan(path, QUERY["jsonl"], resume=True)
    assert "is not a jsonl record: no timestamp and id" in str(info.value)


def test_a_csv_export_stopped_before_its_header_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    out = ExportFile(plan(path, QUERY["csv"], resume=False), since=None, until=None)
    out.close()
    path.write_bytes(b"")  # killed before the header reached the disk: the sidecar says 0 bytes
    planned = plan(path, QUERY["csv"], resume=True)
    assert (planned.keep, planned.header) == (0, True)
    export_file(path, "csv", [hit(0, 1)], resume=True)
    assert path.read_text().splitlines()[0] == HEADER
    assert ids(path, "csv") == ["e0"]


def test_a_damaged_line_before_the_fingerprinted_tail_is_refused(tmp_path: Path) -> None:
    """The fingerprint covers the last 64 KiB; reading back the last timestamp's records goes further."""
    path = tmp_path / "out.jsonl"
    export_file(path, "jsonl", [hit(i, 7) for i in range(3000)])
    data = bytearray(path.read_bytes())
    first = data.index(b"\n")
    data[:first] = b"x" * first  # same length: the sidecar's byte count and fingerprint still match
    path.write_bytes(bytes(data))
    with pytest.raises(ExportRefused) as info:
        plan(path, QUERY["jsonl"], resume=True)
    assert "holds a line that is not a jsonl record" in str(info.value)


def test_a_query_with_an_id_resumes_itself(tmp_path: Path) -> None:
    query = Query("notifications", "156", "hits", "jsonl")
    path = tmp_path / "out.jsonl"
    out = ExportFile(plan(path, query, resume=False), since=None, until=None)
    out.write(line(hit(0, 1), "jsonl"))
    out.checkpoint()
    out.close()
    assert plan(path, query, resume=True).records == 1
    assert sidecar(path)["id"] == "156"


def test_a_fresh_plan_is_of_a_file_that_does_not_exist(tmp_path: Path) -> None:
    planned = plan(tmp_path / "new.jsonl", QUERY["jsonl"], resume=False)
    assert planned.exists is False
    assert (planned.keep, planned.size, planned.records, planned.point) == (0, 0, 0, None)


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: {**r, "committed": {**r["committed"], "records": "1"}},
        lambda r: {**r, "committed": {**r["committed"], "bytes": "1"}},
        lambda r: {**r, "pad": "x" * (2 << 20)},  # a sidecar of more than 1 MiB is not np6's
    ],
)
def test_a_damaged_sidecar_is_refused(tmp_path: Path, damage: Any) -> None:
    path = tmp_path / "out.jsonl"
    export_file(path, "jsonl", [hit(0, 1)])
    side = Path(str(path) + SIDECAR_SUFFIX)
    side.write_text(json.dumps(damage(json.loads(side.read_text()))))
    with pytest.raises(ExportRefused, match="cannot be read"):
        plan(path, QUERY["jsonl"], resume=True)


def test_a_lone_surrogate_in_a_csv_record() -> None:
    record = line({"type": "hit", "id": "\ud800", "timestamp": 1}, "csv")
    assert b"\\ud800" in record
    assert record.endswith(b"\n")


def test_a_sidecar_is_read_no_further_than_its_bound(tmp_path: Path) -> None:
    """A sidecar of 1 TiB (sparse: no disk used) is refused after reading 1 MiB, never loaded whole."""
    path = tmp_path / "out.jsonl"
    export_file(path, "jsonl", [hit(0, 1)])
    side = Path(str(path) + SIDECAR_SUFFIX)
    os.truncate(side, 1 << 40)  # reading it whole would ask for 1 TiB of memory: MemoryError, not a refusal
    with pytest.raises(ExportRefused, match="cannot be read"):
        plan(path, QUERY["jsonl"], resume=True)
