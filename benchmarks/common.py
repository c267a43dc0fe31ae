"""Helpers shared by the benchmark scripts: loopback servers in their own processes, timing, peak RSS."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KEY = "bench-key"


@contextmanager
def server(argv: list[str]) -> Iterator[tuple[str, int]]:
    """Run a server that prints ``... listening on URL`` as its first line; yield (URL, pid); stop it."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError(f"{argv[1:3]} did not start: {line!r}")
        yield line.rsplit(" ", 1)[-1].strip(), proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def sandbox() -> Iterator[tuple[str, int]]:
    """``python -m np6_sandbox`` on a free port, accepting ``KEY`` (response validation off, the default)."""
    argv = [sys.executable, "-m", "np6_sandbox", "--port", "0", "--api-key", KEY, "--log-level", "error"]
    with server(argv) as running:
        yield running


@contextmanager
def fixed_server(routes: dict[str, Any]) -> Iterator[str]:
    """``benchmarks/fixed_server.py`` answering ``routes`` (see its docstring); yield its URL."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(routes, f)
    try:
        with server([sys.executable, str(HERE / "fixed_server.py"), f.name]) as (url, _):
            yield url
    finally:
        os.unlink(f.name)


def per_call(fn: Callable[[], object], n: int) -> float:
    """Mean seconds per call of ``fn`` over ``n`` calls."""
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def rss_mb() -> float:
    """Peak RSS of this process so far, in MB (``ru_maxrss`` is in kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
