"""`np6 reactivities export --format parquet`, each decision of the command in-process (issue 16).

tests/cli/test_export_parquet.py runs the console script against the sandbox (so `make mutation` cannot
tell which function it reaches); these run the same command through typer's CliRunner with the event
stream replaced, so each refusal, each failure mid-export and the summary are checked where mutants of
`cli/_reactivities.py` can be caught: the exit code, the one error line, and what is left on disk (the
file when complete, nothing when not, the temporary export when --output appeared meanwhile).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import np6
from np6.cli import _reactivities, app
from np6.cli._common import EXIT_API_ERROR, EXIT_INTERRUPTED, EXIT_USAGE
from np6_sandbox.testing import TEST_API_KEY

runner = CliRunner()
DAY = 86_400_000
T0 = 1_764_547_200_000  # 2025-12-01T00:00:00Z


def hit(i: int, timestamp: int) -> dict[str, Any]:
    return {"type": "hit", "id": f"e{i}", "timestamp": timestamp}


class FakeStream:
    """Yields `events`, calling `probe(i)` before event i, then raises `error` (if any)."""

    def __init__(self, events: list[dict[str, Any]], error: BaseException | None = None, probe: Any = None):
        self.events, self.error, self.probe, self.closed = events, error, probe, False
        self.args: tuple[Any, ...] = ()

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
    monkeypatch.chdir(tmp_path)
    return {"NP6_BASE_URL": "http://127.0.0.1:9", "NP6_API_KEY": TEST_API_KEY}


def fake(monkeypatch: pytest.MonkeyPatch, stream: FakeStream) -> FakeStream:
    def open_stream(*args: Any) -> FakeStream:
        stream.args = args[1:]  # after the client
        return stream

    monkeypatch.setattr(_reactivities, "_stream", open_stream)
    return stream


def export(env: dict[str, str], *args: str) -> Any:
    argv = ["reactivities", "export", "--scope", "actions", "--id", "0001AB", "--kind", "hits"]
    argv += ["--since", str(T0), "--until", str(T0 + 3 * DAY), *args]
    result = runner.invoke(app, argv, env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def err(result: Any) -> str:
    return " ".join(result.stderr.split())


def left(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_a_parquet_file_holds_every_event_and_what_was_asked(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rich.progress import Progress

    updates: list[object] = []
    original = Progress.update

    def update(self: Progress, task_id: Any, **fields: Any) -> None:
        updates.append(fields.get("completed", "missing"))
        original(self, task_id, **fields)

    monkeypatch.setattr(Progress, "update", update)
    stream = fake(monkeypatch, FakeStream([hit(i, T0 + i) for i in range(2500)]))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == 0, result.output
    assert stream.args == ("actions", "0001AB", "hits", T0, T0 + 3 * DAY)
    assert stream.closed
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("id").to_pylist() == [f"e{i}" for i in range(2500)]
    footer = json.loads(table.schema.metadata[b"np6_export"])
    assert footer == {"scope": "actions", "id": "0001AB", "kind": "hits", "since": T0, "until": T0 + 3 * DAY}
    assert re.search(r"wrote 2,?500 events to out\.parquet in ", err(result)), err(result)
    assert updates == [1000, 2000]
    assert left(tmp_path) == ["out.parquet"]


def test_partition_day_writes_a_directory_per_day(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake(monkeypatch, FakeStream([hit(0, T0 + 1), hit(1, T0 + DAY + 1), hit(2, T0 + DAY + 2)]))
    result = export(offline, "--format", "parquet", "--partition", "day", "--output", "days")
    assert result.exit_code == 0, result.output
    assert left(tmp_path / "days") == ["day=2025-12-01", "day=2025-12-02"]
    assert pq.read_table(tmp_path / "days" / "day=2025-12-02").column("id").to_pylist() == ["e1", "e2"]
    assert "wrote 3 events to days" in err(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--partition", "day", "--output", "x"], "--partition applies to --format parquet only"),
        (
            ["--format", "csv", "--partition", "day", "--output", "x"],
            "--partition applies to --format parquet",
        ),
        (["--format", "parquet"], "--format parquet needs --output"),
        (["--format", "parquet", "--output", "x", "--resume"], "--resume does not apply to --format parquet"),
    ],
)
def test_arguments_parquet_refuses_before_any_request(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], message: str
) -> None:
    stream = fake(monkeypatch, FakeStream([hit(0, T0)]))
    result = export(offline, *args)
    assert result.exit_code == EXIT_USAGE
    assert message in err(result)
    assert stream.args == ()  # no stream was opened
    assert left(tmp_path) == []


def test_without_pyarrow_the_extra_is_named(offline: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise ImportError("No module named 'pyarrow'", name="pyarrow")

    monkeypatch.setattr(_reactivities, "import_pyarrow", missing)
    stream = fake(monkeypatch, FakeStream([hit(0, T0)]))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_USAGE
    assert "needs the parquet extra (pyarrow is not installed)" in err(result)
    assert "reactivities export --format parquet" in err(result)
    assert stream.args == ()


def test_an_output_holding_data_is_refused(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "out.parquet").write_bytes(b"PAR1 earlier")
    stream = fake(monkeypatch, FakeStream([hit(0, T0)]))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_USAGE
    assert "--output: out.parquet exists; remove it or choose another --output" in err(result)
    assert (tmp_path / "out.parquet").read_bytes() == b"PAR1 earlier"
    assert stream.args == ()


def test_an_output_that_cannot_be_checked_is_one_line(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, *, partition: bool) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_reactivities, "check_output", refuse)
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_USAGE
    assert "--output: cannot use out.parquet: Permission denied" in err(result)


def test_check_output_is_told_about_partition(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def record(path: Path, *, partition: bool) -> None:
        seen.append(partition)

    monkeypatch.setattr(_reactivities, "check_output", record)
    fake(monkeypatch, FakeStream([]))
    assert export(offline, "--format", "parquet", "--output", "a.parquet").exit_code == 0
    assert export(offline, "--format", "parquet", "--partition", "day", "--output", "b").exit_code == 0
    assert seen == [False, True]


def test_a_directory_where_nothing_can_be_created_is_one_line(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(*args: Any, **kwargs: Any) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(_reactivities, "ParquetExport", cannot)
    fake(monkeypatch, FakeStream([hit(0, T0)]))
    result = export(offline, "--format", "parquet", "--output", "sub/out.parquet")
    assert result.exit_code == EXIT_USAGE
    # --output's directory must exist: make it, so the failure is ParquetExport's
    assert "directory sub does not exist" in err(result)
    Path("sub").mkdir()
    result = export(offline, "--format", "parquet", "--output", "sub/out.parquet")
    assert result.exit_code == EXIT_USAGE
    assert "--output: cannot write in sub: Read-only file system" in err(result)


def test_ctrl_c_leaves_nothing(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stream = fake(monkeypatch, FakeStream([hit(0, T0), hit(1, T0 + 1)], KeyboardInterrupt()))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_INTERRUPTED
    assert "interrupted after 2 events; nothing was written to out.parquet" in err(result)
    assert left(tmp_path) == []
    assert stream.closed


def test_a_broken_stream_leaves_nothing(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    error = np6.StreamInterruptedError(
        "cut",
        count=2,
        last_timestamp=None,
        last_event_id=None,
        ids_at_last_timestamp=frozenset(),
        resumable=True,
    )
    fake(monkeypatch, FakeStream([hit(0, T0), hit(1, T0 + 1)], error))
    result = export(offline, "--format", "parquet", "--partition", "day", "--output", "days")
    assert result.exit_code == EXIT_API_ERROR
    assert "the stream broke after 2 events (cut); nothing was written to days" in err(result)
    assert left(tmp_path) == []


def test_an_api_error_leaves_nothing(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake(monkeypatch, FakeStream([hit(0, T0)], np6.APIConnectionError("refused")))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_API_ERROR
    assert "refused" in err(result)
    assert left(tmp_path) == []


def test_a_full_disk_leaves_nothing(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def full(self: Any, event: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_reactivities.ParquetExport, "write", full)
    fake(monkeypatch, FakeStream([hit(0, T0)]))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_API_ERROR
    assert "--output: cannot write out.parquet: No space left on device" in err(result)
    assert left(tmp_path) == []


def test_an_unexpected_error_leaves_nothing_and_is_not_swallowed(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake(monkeypatch, FakeStream([hit(0, T0)], RuntimeError("bug")))
    with pytest.raises(RuntimeError, match="bug"):
        export(offline, "--format", "parquet", "--output", "out.parquet")
    assert left(tmp_path) == []


def test_an_output_that_appears_meanwhile_is_kept_and_so_is_the_export(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def someone_writes(i: int) -> None:
        if i == 1:
            (tmp_path / "out.parquet").write_bytes(b"theirs")

    fake(monkeypatch, FakeStream([hit(0, T0), hit(1, T0 + 1)], probe=someone_writes))
    result = export(offline, "--format", "parquet", "--output", "out.parquet")
    assert result.exit_code == EXIT_API_ERROR
    assert "--output: out.parquet appeared during the export; the export is in" in err(result)
    assert (tmp_path / "out.parquet").read_bytes() == b"theirs"
    partial = [name for name in left(tmp_path) if name != "out.parquet"]
    assert len(partial) == 1 and partial[0].endswith(".np6-partial")
    assert pq.read_table(tmp_path / partial[0]).column("id").to_pylist() == ["e0", "e1"]


def test_the_stream_comes_from_a_client_of_the_given_url_and_key(
    offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clients: list[Any] = []

    def open_stream(client: Any, *args: Any) -> FakeStream:
        clients.append(client)
        return FakeStream([hit(0, T0)])

    monkeypatch.setattr(_reactivities, "_stream", open_stream)
    flags = ["--base-url", "http://127.0.0.1:7", "--api-key", "sk-from-the-flag"]  # not the environment's
    result = export(offline, "--format", "parquet", "--output", "out.parquet", *flags)
    assert result.exit_code == 0, result.output
    [client] = clients
    assert isinstance(client, np6.NP6)
    assert client.base_url == "http://127.0.0.1:7"
    assert client._api_key.get() == "sk-from-the-flag"
