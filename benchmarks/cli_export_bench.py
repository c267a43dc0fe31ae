"""`np6 reactivities export` on N events from a sandbox: events/s and the command's peak memory (RSS).

    .venv/bin/python benchmarks/cli_export_bench.py --events 1000000

The sandbox runs in its own process (python -m np6_sandbox --port 0) so the figures are the command's alone;
the export runs as the real console script, and its peak RSS is read from the kernel (getrusage of the
finished child). Each format is exported to a temp file, and the line count is checked against N.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import KEY, sandbox

BIN = Path(sys.executable).parent


def export(url: str, fmt: str, output: Path) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one `np6 reactivities export` run."""
    env = {**os.environ, "NP6_BASE_URL": url, "NP6_API_KEY": KEY}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(
        [
            str(BIN / "np6"),
            "reactivities",
            "export",
            "--scope",
            "notifications",
            "--format",
            fmt,
            "--output",
            str(output),
        ],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak < before:  # ru_maxrss of children is the max over all of them: say so rather than guess
        raise SystemExit("getrusage went backwards")
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    with sandbox() as (url, _):
        started = time.perf_counter()
        remaining = args.events
        start = 1_700_000_000_000
        while remaining:
            count = min(remaining, 1_000_000)
            httpx.post(
                f"{url}/_sandbox/events/generate",
                timeout=600,
                json={"count": count, "scope": "notifications", "kind": "hit", "start": start},
            ).raise_for_status()
            remaining -= count
            start += count
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s")
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in ("jsonl", "csv"):
                output = Path(tmp) / f"events.{fmt}"
                seconds, peak_kib = export(url, fmt, output)
                with output.open("rb") as f:
                    lines = sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))
                records = lines - (1 if fmt == "csv" else 0)
                assert records >= args.events, (fmt, records)
                print(
                    f"{fmt:5}: {records:,} events in {seconds:.1f} s = {records / seconds:,.0f} events/s; "
                    f"peak RSS {peak_kib / 1024:.0f} MiB (max over the export runs so far); "
                    f"file {output.stat().st_size / 2**20:.0f} MiB"
                )


if __name__ == "__main__":
    main()
