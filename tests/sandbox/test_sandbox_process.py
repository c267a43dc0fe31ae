"""The sandbox as a process: `python -m np6_sandbox` and `np6 sandbox` share one option parser (issue 12),
remove what they created in the temp folder however they are stopped (issue 10, item 17), and warn when
listening beyond loopback (item 12)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from np6_sandbox.admin import TOKEN_HEADER
from np6_sandbox.server import parser

NP6 = str(Path(sys.executable).with_name("np6"))
ENTRY_POINTS = {
    "python -m np6_sandbox": [sys.executable, "-m", "np6_sandbox"],
    "np6 sandbox": [NP6, "sandbox"],
}


@contextmanager
def running(command: list[str], tmp: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Start a sandbox process with its own TMPDIR; yield it and its URL once it listens."""
    env = {**os.environ, "TMPDIR": str(tmp), "NP6_SANDBOX_API_KEYS": "", "NP6_SANDBOX_ADMIN_TOKEN": ""}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("NP6 sandbox listening on http://127.0.0.1:"), line + proc.communicate()[1]
        yield proc, line.split()[-1]
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=60)


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_stops_it_and_its_temporary_files_are_gone(
    tmp_path: Path, entry: str, signum: signal.Signals
) -> None:
    with running([*ENTRY_POINTS[entry], "--port", "0", "--api-key", "k"], tmp_path) as (proc, url):
        created = list(tmp_path.iterdir())
        assert [p.name.startswith("np6-sandbox-events-") for p in created] == [True]
        assert httpx.post(f"{url}/_sandbox/events/generate", json={"count": 50}).status_code == 201
        proc.send_signal(signum)
        assert proc.wait(timeout=60) == -signum  # ended by the signal, as service managers expect
    assert list(tmp_path.iterdir()) == []


def test_a_failed_start_leaves_nothing_behind(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text('{"notifications": [{"type": "nope"}]}')
    work = tmp_path / "tmp"
    work.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "np6_sandbox", "--port", "0", "--seed-file", str(seed)],
        env={**os.environ, "TMPDIR": str(work)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines()[-1].startswith("np6 sandbox: notifications.0.type")
    assert list(work.iterdir()) == []


def test_both_commands_show_the_same_options() -> None:
    def options(help_text: str) -> set[str]:
        return {word.strip("[],") for word in help_text.split() if word.startswith(("--", "[--"))}

    shown = {
        name: subprocess.run(
            [*command, "--help"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        for name, command in ENTRY_POINTS.items()
    }
    expected = {
        option for action in parser()._actions for option in action.option_strings if option.startswith("--")
    }
    assert {
        "--max-body",
        "--validate-responses",
        "--log-level",
        "--admin-token",
        "--seed-file",
        "--api-key",
    } <= expected
    for name, text in shown.items():
        assert options(text) == expected, name
    assert shown["np6 sandbox"].startswith("usage: np6 sandbox ")


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_every_option_reaches_the_sandbox(tmp_path: Path, entry: str) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text('{"contacts": [{"id": "000SEED1", "unicity": "seed@example.com"}]}')
    command = [
        *ENTRY_POINTS[entry],
        "--port",
        "0",
        "--api-key",
        "k1",
        "--api-key",
        "k2",
        "--max-body",
        "100",
        "--admin-token",
        "tok",
        "--seed-file",
        str(seed),
        "--validate-responses",
        "--log-level",
        "info",
        "--header-timeout",
        "3",
        "--keep-alive-timeout",
        "2",
    ]
    work = tmp_path / "tmp"
    work.mkdir()
    with running(command, work) as (proc, url):
        assert httpx.get(f"{url}/actions", headers={"X-Key": "k2"}).json() == []
        too_big = httpx.post(
            f"{url}/notifications", headers={"X-Key": "k1"}, json={"name": "x" * 200, "type": "push-app"}
        )
        assert too_big.status_code == 413
        assert httpx.get(f"{url}/_sandbox/contacts").status_code == 401
        contacts = httpx.get(f"{url}/_sandbox/contacts", headers={TOKEN_HEADER: "tok"}).json()
        assert [c["id"] for c in contacts] == ["000SEED1"]
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        assert proc.stderr is not None
        assert "Started server process" in proc.stderr.read()  # --log-level info reached uvicorn


@pytest.mark.parametrize(
    "args",
    [["--port", "x"], ["--max-body", "0"], ["--header-timeout", "nan"], ["--log-level", "loud"], ["--nope"]],
)
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_bad_option_is_a_usage_error(entry: str, args: list[str]) -> None:
    run = subprocess.run(
        [*ENTRY_POINTS[entry], *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines()[-1].startswith(f"{entry}: error: ")


def test_without_the_sandbox_extra_np6_sandbox_names_the_extra() -> None:
    """np6_sandbox made unimportable (as without the extra): one line naming what to install."""
    code = "import sys; sys.modules['np6_sandbox'] = None; from np6.cli import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", code, "sandbox", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert "pip install 'np6-python[sandbox]'" in run.stderr


@pytest.mark.parametrize(
    ("host", "warned"),
    [("192.0.2.1", True), ("2001:db8::1", True), ("127.0.0.1", False), ("localhost", False)],
)
def test_a_non_loopback_host_prints_a_warning(host: str, warned: bool) -> None:
    """The warning comes before the bind, and every bind here fails: nothing listens beyond loopback."""
    with socket.socket() as busy:  # a loopback port already taken, so the loopback runs stop too
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "np6_sandbox", "--host", host, "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 2, run.stderr
    assert "cannot listen" in run.stderr
    assert ("warning: --host" in run.stderr) is warned, run.stderr
    if warned:
        assert "loopback-only" in run.stderr
