"""Run the real `np6` console script as a subprocess, as a user or a shell script does.

`cli(*args)` runs `np6 args...` against the test sandbox (NP6_BASE_URL / NP6_API_KEY set) with stdout and
stderr piped, and returns a `Ran` (exit code, stdout, stderr as text; `out_bytes` for byte-exact checks).
`cli_tty(*args)` runs it with stdout on a pseudo-terminal, to see what a person sees.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from np6_sandbox.testing import TEST_API_KEY

NP6 = Path(sys.executable).with_name("np6")
TIMEOUT = 120  # seconds: a safety net against a hang, not a timing assertion


@dataclass(frozen=True)
class Ran:
    code: int
    out_bytes: bytes
    err_bytes: bytes

    @property
    def stdout(self) -> str:
        return self.out_bytes.decode("utf-8")

    @property
    def stderr(self) -> str:
        return self.err_bytes.decode("utf-8")

    def __repr__(self) -> str:  # what pytest shows when an assertion on it fails
        return f"Ran(code={self.code}, stdout={self.stdout[:2000]!r}, stderr={self.stderr[:2000]!r})"


def environment(base_url: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NP6_")}
    env.update({"COLUMNS": "100", "TERM": "dumb"})  # dumb: Rich adds no styling of its own
    if base_url is not None:
        env.update({"NP6_BASE_URL": base_url, "NP6_API_KEY": TEST_API_KEY})
    env.update(extra)
    return env


def run_np6(
    *args: str | bytes,
    env: Mapping[str, str],
    stdin: bytes | None = None,
    cwd: Path | None = None,
) -> Ran:
    done = subprocess.run(
        [str(NP6), *args],
        env=dict(env),
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
        cwd=cwd,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def run_np6_tty(*args: str, env: Mapping[str, str]) -> Ran:
    """`np6 args...` with stdout on a pseudo-terminal (stderr piped): what a person sees."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [str(NP6), *args],
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
    )
    os.close(follower)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], TIMEOUT)
            if not ready:
                raise TimeoutError("np6 wrote nothing for too long")
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        assert proc.stderr is not None
        err = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait(timeout=TIMEOUT)
    return Ran(code, b"".join(chunks).replace(b"\r\n", b"\n"), err)
