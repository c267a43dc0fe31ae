"""What the command tests read back from the sandbox (the API itself, its outbox and admin surface), and the
terminal or Ctrl-C a test needs to give `np6`: checks go to the server, never only to what np6 printed."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import time
from collections.abc import Callable
from typing import Any

import httpx
from clirun import NP6, TIMEOUT, environment

from np6_sandbox.testing import TEST_API_KEY


def api(url: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One call to the sandbox's NP6 API with the test key."""
    return httpx.request(method, f"{url}{path}", headers={"X-Key": TEST_API_KEY}, **kwargs)


def outbox(url: str, kind: str | None = None) -> list[dict[str, Any]]:
    """The messages the sandbox sent, oldest first (of one kind: email, sms, notification...)."""
    params = {} if kind is None else {"kind": kind}
    entries: list[dict[str, Any]] = httpx.get(f"{url}/_sandbox/outbox", params=params).json()
    return entries


def add_faults(url: str, *faults: dict[str, Any]) -> None:
    """Make the next matching requests fail or wait, first in first out (sandbox/README.md, Faults)."""
    httpx.post(f"{url}/_sandbox/faults", json=list(faults)).raise_for_status()


def one_error_line(stderr: str) -> str:
    """The only line np6 wrote on stderr (an error is one line, never a traceback)."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def run_on_a_terminal(url: str, *args: str, answer: str) -> tuple[int, str]:
    """`np6 ARGS` with its stdin a terminal (a pty) on which `answer` is typed; (exit code, stderr)."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(NP6), *args],
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(url),
            text=True,
        )
        os.write(controller, answer.encode())
        _, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        os.close(controller)
        os.close(terminal)
    return process.returncode, stderr


def interrupt_when(url: str, ready: Callable[[], bool], *args: str) -> tuple[int, str, str]:
    """Start `np6 ARGS`, send it SIGINT (Ctrl-C) once `ready()` holds; (exit code, stdout, stderr)."""
    process = subprocess.Popen(
        [str(NP6), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(url),
        text=True,
    )
    try:
        while not ready():
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, stdout, stderr
