"""Run a snippet in a subprocess under ``RLIMIT_AS`` and report its peak RSS (``VmHWM``).

A memory regression then fails the test (MemoryError, or the child dies) instead of freezing the machine.
The child runs from the repository root (``tests`` importable) with the project's interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Limited", "run_limited"]

ROOT = Path(__file__).resolve().parents[2]
_MARK = "__np6_peak_rss_kb__="
_WRAPPER = (
    "import atexit, resource, sys\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    f"            sys.stderr.write('\\n{_MARK}' + line.split()[1] + '\\n')\n"
    "atexit.register(_peak)\n"
    "limit = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
    "code = sys.argv[2]\n"
    "del sys.argv[1:3]\n"
    "exec(compile(code, '<limited>', 'exec'), {'__name__': '__main__'})\n"
)


@dataclass
class Limited:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    timed_out: bool

    def check(self) -> Limited:
        """Raise with the child's output unless it exited 0."""
        if self.returncode != 0 or self.timed_out:
            raise AssertionError(
                f"child exited {self.returncode} (timed out: {self.timed_out}),"
                f" peak {self.peak_rss_mb:.0f} MB\n"
                f"stdout: {self.stdout[-3000:]}\nstderr: {self.stderr[-3000:]}"
            )
        return self


def run_limited(
    code: str, *, address_space_mb: int, timeout: float = 120.0, args: list[str] | None = None
) -> Limited:
    """Run ``code`` (Python source) in a child limited to ``address_space_mb`` of address space."""
    limit = address_space_mb * 1024 * 1024
    env = dict(os.environ, PYTHONUNBUFFERED="1", MALLOC_ARENA_MAX="2")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRAPPER, str(limit), code, *(args or [])],
            cwd=ROOT,
            stdout=out,
            stderr=err,
            env=env,
        )
        fired = threading.Event()

        def kill() -> None:
            fired.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, _ = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stderr, _, peak = err.read().decode("utf-8", "replace").rpartition("\n" + _MARK)
        if not _:  # the child died before its exit hook
            stderr, peak = peak, "-1"
        return Limited(
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=stderr,
            # VmHWM of the child's own memory: getrusage/wait4 would include the parent's size at fork
            peak_rss_mb=int(peak.strip() or -1) / 1024.0,
            timed_out=fired.is_set(),
        )
