"""`np6 reactivities sync` as a scheduler runs it: killed (SIGKILL) or interrupted (Ctrl-C) mid-run then
run again, compared id by id with the sandbox; summaries and --json; exit codes; a database URL's password
never shown; bad options and a missing extra as one-line errors."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from postgres import Server, create_database
from sync_support import (
    START,
    cli_env,
    generate,
    row_count,
    run,
    sandbox_events,
    stored,
    sync_command,
    watermarks,
)

from np6_sandbox.app import Sandbox

EVENTS = 4_000
BATCH = 100
POLL = 0.05  # seconds between looks at the database while the sync runs
SAFETY = 240.0  # seconds: a net against a hang, not a timing assertion


def has_committed(engine: sa.Engine) -> bool:
    """Whether a batch is committed: the watermarks table has a row (read without locking anything)."""
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT COUNT(*) FROM np6_watermarks")).scalar_one() > 0
    except sa.exc.OperationalError:  # (SQLite) no table yet, or (PostgreSQL) not yet created
        return False
    except sa.exc.ProgrammingError:  # (PostgreSQL) no table yet
        return False


def start_then_stop(
    url: str, env: dict[str, str], how: signal.Signals, *extra: str
) -> subprocess.Popen[bytes]:
    """Start a sync, wait until its first batch is committed (a watermark exists), then send `how`."""
    process = subprocess.Popen(
        sync_command(url, "--batch-size", str(BATCH), *extra),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + SAFETY
    engine = sa.create_engine(url)
    try:
        while not has_committed(engine):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no batch was committed"
            time.sleep(POLL)
    finally:
        engine.dispose()
    process.send_signal(how)
    return process


def assert_whole_batches_committed(url: str) -> tuple[int, int]:
    """(events, watermark) in the database: whole batches only, and a watermark that matches them."""
    committed = row_count(url)
    assert 0 < committed < EVENTS, "the run should have been stopped mid-way"
    assert committed % BATCH == 0, "only whole batches are committed"
    (watermark,) = watermarks(url).values()
    assert watermark == START + committed - 1  # one event per millisecond, from START
    return committed, watermark


def rerun_and_compare(
    sandbox: Sandbox, url: str, env: dict[str, str], committed: int, watermark: int
) -> None:
    again = run(sync_command(url, "--batch-size", str(BATCH), "--json"), env)

    assert again.code == 0, again
    summary = json.loads(again.stdout)
    assert summary["complete"] is True
    assert summary["new"] == EVENTS - committed
    assert summary["previous_watermark"] == watermark
    assert summary["watermark"] == START + EVENTS - 1
    expected = sandbox_events(sandbox)
    rows = stored(url)
    assert len(expected) == EVENTS and set(rows) == set(expected)  # no loss, no duplicate (keyed by id)
    assert all(rows[key]["raw"] == event for key, event in expected.items())


@pytest.mark.slow
def test_a_sync_killed_mid_run_then_rerun_has_every_event_once(
    np6_sandbox: Sandbox, np6_sandbox_url: str, database_url: str
) -> None:
    generate(np6_sandbox_url, EVENTS, start=START, step=1)
    env = cli_env(np6_sandbox_url)

    process = start_then_stop(database_url, env, signal.SIGKILL)
    process.communicate(timeout=SAFETY)

    assert process.returncode == -signal.SIGKILL
    committed, watermark = assert_whole_batches_committed(database_url)
    rerun_and_compare(np6_sandbox, database_url, env, committed, watermark)


@pytest.mark.slow
def test_ctrl_c_exits_130_saying_what_was_committed_and_the_rerun_continues(
    np6_sandbox: Sandbox, np6_sandbox_url: str, sqlite_url: str
) -> None:
    generate(np6_sandbox_url, EVENTS, start=START, step=1)
    env = cli_env(np6_sandbox_url)

    process = start_then_stop(sqlite_url, env, signal.SIGINT, "--json")
    out, err = process.communicate(timeout=SAFETY)

    committed, watermark = assert_whole_batches_committed(sqlite_url)
    assert process.returncode == 130, err
    message = err.decode()
    assert message.startswith("error: interrupted: ") and message.count("\n") == 1, message
    assert f"{committed:,} new events (0 already present) committed" in message
    assert "run the same command to continue" in message
    summary = json.loads(out)
    assert (summary["complete"], summary["new"], summary["watermark"]) == (False, committed, watermark)
    rerun_and_compare(np6_sandbox, sqlite_url, env, committed, watermark)


def test_summary_on_stderr_and_json_on_stdout(np6_sandbox_url: str, sqlite_url: str) -> None:
    generate(np6_sandbox_url, 3, start=START)
    env = cli_env(np6_sandbox_url)

    first = run(sync_command(sqlite_url), env)
    second = run(sync_command(sqlite_url, "--json", "--look-back", "0"), env)

    assert first.code == 0 and first.stdout == "", first
    assert first.stderr.startswith(f"synced 3 new events (0 already present) into {sqlite_url}; "), first
    assert "watermark 2023-11-14T22:13:22.000Z (1700000002000 ms)" in first.stderr
    summary = json.loads(second.stdout)
    assert summary["query"] == {"scope": "notifications", "id": None, "kind": "hits"}
    assert (summary["new"], summary["already_present"], summary["complete"]) == (0, 1, True)
    assert summary["window_start"] == summary["watermark"] == 1_700_000_002_000
    assert summary["watermark_time"] == "2023-11-14T22:13:22.000Z"
    assert summary["database"] == sqlite_url


def test_the_default_database_is_np6_events_db_in_the_current_directory(
    np6_sandbox_url: str, tmp_path: Path
) -> None:
    generate(np6_sandbox_url, 2, start=START)
    ran = run(sync_command("sqlite:///np6-events.db")[:-2], cli_env(np6_sandbox_url), cwd=tmp_path)
    assert ran.code == 0, ran
    assert row_count(f"sqlite:///{tmp_path / 'np6-events.db'}") == 2


@pytest.mark.slow
def test_a_database_password_is_never_shown(np6_sandbox_url: str, postgres_server: Server) -> None:
    password = "s3cret-Pa55"
    generate(np6_sandbox_url, 2, start=START)
    env = cli_env(np6_sandbox_url)
    # The test server trusts loopback: any password gets in, so the success path shows the URL too.
    url = postgres_server.url(create_database(postgres_server), password=password)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    unreachable = f"postgresql://etl:{password}@127.0.0.1:{closed_port}/db?sslpassword={password}"

    ran = [
        run(sync_command(url), env),
        run(sync_command(url, "--json"), env),
        run(sync_command(unreachable), env),
        run(sync_command(f"nosuchdb://etl:{password}@h/db"), env),
        run(sync_command(url, "--api-key", "wrong-key"), env),
    ]

    assert [r.code for r in ran] == [0, 0, 1, 2, 1], ran
    for result in ran:
        assert password not in result.stdout + result.stderr, result
    assert "postgresql+psycopg://postgres:***@127.0.0.1" in ran[0].stderr
    assert json.loads(ran[1].stdout)["database"].startswith("postgresql+psycopg://postgres:***@")
    assert ran[2].stderr.startswith("error: the database failed (postgresql+psycopg://etl:***@127.0.0.1")
    assert "sslpassword=***" in ran[2].stderr and ran[2].stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--into", "not-a-url"], "error: --into: not a database URL"),
        (["--into", "nosuchdb:///x"], "error: --into: SQLAlchemy has no database 'nosuchdb'"),
        (
            ["--into", "sqlite:///no/such/dir/x.db"],
            "error: --into: the directory of no/such/dir/x.db does not",
        ),
        (["--into", "sqlite:///."], "error: --into: . is a directory, not a database file"),
        (["--look-back", "5x"], "error: --look-back: a duration such as 90s, 15m, 1h or 2d (or 0), got '5x'"),
        (["--id", "abc"], "error: --id: a notification id is a number"),
        (["--kind", "teleports"], "error: unknown reactivity kind 'teleports'"),
    ],
)
def test_bad_options_are_one_line_usage_errors(
    np6_sandbox_url: str, tmp_path: Path, extra: list[str], expected: str
) -> None:
    command = [*sync_command(f"sqlite:///{tmp_path / 'x.db'}"), *extra]
    ran = run(command, cli_env(np6_sandbox_url), cwd=tmp_path)
    assert ran.code == 2, ran
    assert ran.stderr.startswith(expected) and ran.stderr.count("\n") == 1, ran
    assert list(tmp_path.iterdir()) == []  # nothing created


@pytest.mark.parametrize("module", ["sqlalchemy", "psycopg"])
def test_a_missing_extra_is_named(np6_sandbox_url: str, tmp_path: Path, module: str) -> None:
    script = (
        f"import sys; sys.modules[{module!r}] = None; from np6.cli import main; "
        "sys.argv = ['np6', *sys.argv[1:]]; main()"
    )
    url = "postgresql://u@127.0.0.1:1/db"
    ran = run([sys.executable, "-c", script, *sync_command(url)[1:]], cli_env(np6_sandbox_url), cwd=tmp_path)
    assert ran.code == 2, ran
    assert ran.stderr.startswith("error: np6 reactivities sync needs the sync extra"), ran
    assert "pip install 'np6-python[sync]'" in ran.stderr and ran.stderr.count("\n") == 1


def test_a_file_that_is_not_a_database_is_left_as_it_is(np6_sandbox_url: str, tmp_path: Path) -> None:
    generate(np6_sandbox_url, 2, start=START)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"not a database, " * 1000)
    ran = run(sync_command(f"sqlite:///{notes}"), cli_env(np6_sandbox_url))
    assert ran.code == 1 and ran.stderr.count("\n") == 1, ran
    assert ran.stderr.startswith(f"error: the database failed (sqlite:///{notes}): file is not a database")
    assert notes.read_bytes() == b"not a database, " * 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_the_progress_bar_advances_batch_by_batch(
    np6_sandbox_url: str, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.progress import Progress
    from typer.testing import CliRunner

    from np6.cli import _app

    generate(np6_sandbox_url, 250, start=START)
    updates: list[object] = []
    original = Progress.update

    def update(self: Progress, task_id: Any, **fields: Any) -> None:
        updates.append(fields.get("completed"))
        original(self, task_id, **fields)

    monkeypatch.setattr(Progress, "update", update)
    result = CliRunner().invoke(
        _app.app, sync_command(sqlite_url, "--batch-size", "100")[1:], env=cli_env(np6_sandbox_url)
    )
    assert result.exit_code == 0, result.output
    assert updates == [100, 200, 250]
