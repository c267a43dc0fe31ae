"""``make bench-events``: 1,000,000 reactivity events exported (JSON Lines, Parquet, by day) and synced.

    .venv/bin/python benchmarks/events_bench.py [--events N] [--rounds R] [--json reports/events_bench.json]

One loopback server answers ``GET /notifications/reactivities`` with fixed bytes (benchmarks/fixed_server.py:
N copies of a spec-valid push hit taken from the sandbox, ids and timestamps made unique, spread over about
30 days), so the figures measure np6 and not a server. Each variant is the real console script in its own
process, its peak RSS and CPU time read from the kernel for that child alone (``os.wait4``'s rusage), and its
output checked to hold exactly N events. The variants run interleaved, round after round, each round in a
rotated order; the JSON Lines export is the reference: every figure is also a ratio to it in the same round
(the machine is shared: compare ratios, and read the load printed with them).

The database sync (`np6 reactivities sync`) has two rows, into SQLite and into PostgreSQL (a server of its
own per run, started outside the timing): see "Sync rows" below. ``--only "export jsonl,sync sqlite"``
runs some of the rows.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from common import HERE, KEY, fixed_server, sandbox

BIN = Path(sys.executable).parent
ROUTE = "GET /notifications/reactivities"
SPREAD_MS = 30 * 86_400_000  # the events' timestamps cover about 30 days (Parquet by day: ~30 files)
EXPORT = [str(BIN / "np6"), "reactivities", "export", "--scope", "notifications"]


@dataclass(frozen=True)
class Variant:
    """One way of taking the N events: the command to run, and how many events it left behind."""

    name: str
    argv: Callable[[str, Path], list[str]]  # (server URL, scratch directory) -> the command
    count: Callable[[Path], int]  # events the finished run left in the scratch directory
    setup: Callable[[Path], contextlib.AbstractContextManager[Any]] = field(
        default=lambda scratch: contextlib.nullcontext()
    )


def _lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    return sum(pq.ParquetFile(f).metadata.num_rows for f in files)


def variants() -> list[Variant]:
    found = [
        Variant(
            "export jsonl",
            lambda url, d: [*EXPORT, "--format", "jsonl", "-o", str(d / "events.jsonl")],
            lambda d: _lines(d / "events.jsonl"),
        ),
        Variant(
            "export parquet",
            lambda url, d: [*EXPORT, "--format", "parquet", "-o", str(d / "events.parquet")],
            lambda d: _parquet_rows(d / "events.parquet"),
        ),
        Variant(
            "export parquet --partition day",
            lambda url, d: [*EXPORT, "--format", "parquet", "--partition", "day", "-o", str(d / "by-day")],
            lambda d: _parquet_rows(d / "by-day"),
        ),
    ]
    # --- Sync rows (s1-sync) -------------------------------------------------------------------------------
    # `np6 reactivities sync` (every kind, default --batch-size 1000) into a fresh SQLite file and into a
    # fresh PostgreSQL server (initdb'd by `setup`, fsync on, outside the timing); the count is table rows.
    # The peak RSS is np6's alone (the PostgreSQL server is another process).
    sync = [str(BIN / "np6"), "reactivities", "sync", "--scope", "notifications"]
    found += [
        Variant(
            "sync sqlite",
            lambda url, d: [*sync, "--into", f"sqlite:///{d / 'events.db'}"],
            lambda d: _table_rows(f"sqlite:///{d / 'events.db'}"),
        ),
        Variant(
            "sync postgresql",
            lambda url, d: [*sync, "--into", _postgres_url(d)],
            lambda d: _table_rows(_postgres_url(d)),
            setup=_postgres,
        ),
    ]
    return found


def _table_rows(url: str) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT COUNT(*) FROM np6_events")).scalar_one())
    finally:
        engine.dispose()


def _postgres_url(scratch: Path) -> str:
    return (scratch / "postgres.url").read_text()


@contextlib.contextmanager
def _postgres(scratch: Path) -> Iterator[None]:
    """A PostgreSQL server for one run (tests/sync/postgres.py: as root it runs as the postgres user)."""
    sys.path.insert(0, str(HERE.parent / "tests" / "sync"))
    from postgres import running

    with running(Path(tempfile.mkdtemp(prefix="np6-bench-postgres-")), durable=True) as server:
        (scratch / "postgres.url").write_text(server.url())
        yield


REFERENCE = "export jsonl"


def template_event() -> dict[str, Any]:
    """One spec-valid push hit, as the sandbox generates it."""
    with sandbox() as (url, _), httpx.Client(base_url=url, headers={"X-Key": KEY}, timeout=60.0) as s:
        body = {"count": 1, "scope": "notifications", "kind": "hit", "start": 1_600_000_000_000}
        s.post("/_sandbox/events/generate", json=body).raise_for_status()
        (event,) = s.get("/notifications/reactivities/hits").raise_for_status().json()
    return dict(event)


def run_one(variant: Variant, url: str, events: int) -> dict[str, Any]:
    """Seconds, events/s and peak RSS of one run of `variant`, checked to leave exactly `events`."""
    scratch = Path(tempfile.mkdtemp(prefix="np6-events-bench-"))
    try:
        with variant.setup(scratch), tempfile.TemporaryFile() as err:
            env = {**os.environ, "NP6_BASE_URL": url, "NP6_API_KEY": KEY}
            started = time.perf_counter()
            proc = subprocess.Popen(
                variant.argv(url, scratch), env=env, stdout=subprocess.DEVNULL, stderr=err
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - started
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                err.seek(0)
                raise SystemExit(
                    f"{variant.name} exited {code}: {err.read().decode(errors='replace')[-2000:]}"
                )
            left = variant.count(scratch)
            if left != events:
                raise SystemExit(f"{variant.name} left {left} events, not {events}")
            size = sum(p.stat().st_size for p in scratch.rglob("*") if p.is_file())
        return {
            "seconds": round(seconds, 2),
            "events_per_s": round(events / seconds),
            # CPU seconds of the command (user + system): on a loaded machine, steadier than the wall clock
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "events_per_cpu_s": round(events / max(usage.ru_utime + usage.ru_stime, 1e-9)),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # ru_maxrss is in KiB on Linux
            "output_mb": round(size / 1e6, 1),
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench(events: int, rounds: int, chosen: list[Variant]) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {v.name: [] for v in chosen}
    ratios: dict[str, list[float]] = {v.name: [] for v in chosen}
    cpu_ratios: dict[str, list[float]] = {v.name: [] for v in chosen}
    loads = [load()]
    template = template_event()
    step = max(1, SPREAD_MS // max(events, 1))
    with fixed_server({ROUTE: {"events": events, "template": template, "step": step}}) as url:
        for r in range(rounds):
            order = chosen[r % len(chosen) :] + chosen[: r % len(chosen)]  # rotated: each goes first in turn
            this_round = {}
            for variant in order:
                figures = run_one(variant, url, events)
                this_round[variant.name] = figures
                runs[variant.name].append(figures)
                print(f"round {r + 1}/{rounds} {variant.name}: {figures} (load {load()})", flush=True)
            reference = this_round.get(REFERENCE)
            for name, figures in this_round.items():
                if reference is not None:
                    ratios[name].append(figures["events_per_s"] / reference["events_per_s"])
                    cpu_ratios[name].append(figures["events_per_cpu_s"] / reference["events_per_cpu_s"])
            loads.append(load())
    summary = {}
    for name, measured in runs.items():
        summary[name] = {
            "events_per_s": round(statistics.median(m["events_per_s"] for m in measured)),
            "vs_jsonl": round(statistics.median(ratios[name]), 3) if ratios[name] else None,
            "events_per_cpu_s": round(statistics.median(m["events_per_cpu_s"] for m in measured)),
            "cpu_vs_jsonl": round(statistics.median(cpu_ratios[name]), 3) if cpu_ratios[name] else None,
            "peak_rss_mb": max(m["peak_rss_mb"] for m in measured),
            "output_mb": measured[-1]["output_mb"],
            "runs": measured,
        }
    return {"events": events, "rounds": rounds, "load": loads, "variants": summary}


def table(report: dict[str, Any]) -> str:
    lines = [
        f"{report['events']:,} events, {report['rounds']} round(s), load average (1/5/15 min) "
        f"{' -> '.join(report['load'])}",
        f"{'variant':<34} {'events/s':>10} {'x jsonl':>8} {'ev/CPU-s':>10} {'x jsonl':>8} {'peak RSS':>10}"
        f" {'output':>10}",
    ]
    for name, s in report["variants"].items():
        ratio = "-" if s["vs_jsonl"] is None else f"{s['vs_jsonl']:.2f}x"
        cpu_ratio = "-" if s["cpu_vs_jsonl"] is None else f"{s['cpu_vs_jsonl']:.2f}x"
        lines.append(
            f"{name:<34} {s['events_per_s']:>10,} {ratio:>8} {s['events_per_cpu_s']:>10,} {cpu_ratio:>8}"
            f" {s['peak_rss_mb']:>7.0f} MB {s['output_mb']:>7.1f} MB"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", help="comma-separated variant names (default: all)")
    parser.add_argument("--json", type=Path, default=Path("reports/events_bench.json"))
    args = parser.parse_args()
    chosen = variants()
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        chosen = [v for v in chosen if v.name in wanted]
        if not chosen:
            raise SystemExit(f"--only: none of {sorted(wanted)}; variants: {[v.name for v in variants()]}")
    report = bench(args.events, args.rounds, chosen)
    report["command"] = " ".join([Path(sys.executable).name, *sys.argv])
    print(table(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1) + "\n")
    print(f"figures in {args.json}")


if __name__ == "__main__":
    main()
