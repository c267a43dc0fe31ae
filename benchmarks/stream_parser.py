"""The stream parser alone, and its bounds (not collected by pytest).

    .venv/bin/python benchmarks/stream_parser.py [--events 200000] [--rounds 3] [--no-deep | --deep-only]

1. throughput: the same bytes (``--events`` copies of a sandbox hit, in 64 KiB chunks, no network) through
   raw ijson (``items_coro``, what ``bench.py`` calls raw), the typed stream parser and the ``raw=True`` one,
   interleaved, median of ``--rounds``; each as a ratio to raw ijson measured in the same run. Run it on two
   checkouts to compare parsers: the ratios, not the events/s, are comparable on a shared machine;
2. peak memory: a client streaming one value nested 100,000 levels deep (about 200 KB) from a loopback
   server, in a child process limited to 512 MB of address space (``tests/hostile``'s ``run_limited``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Any

from common import HERE
from fixed_server import event_array

ROOT = HERE.parent
OPERATION = "list_reactivities_of_all_notifications"
DEEP_CHILD = """
import sys, time, np6
with np6.NP6(api_key="k", base_url=sys.argv[2], max_retries=0) as client:
    list(client.notifications.reactivities())  # imports and first call out of the timing
with np6.NP6(api_key="k", base_url=sys.argv[1], max_retries=0) as client:
    began = time.perf_counter()
    try:
        list(client.notifications.reactivities())
        print("no error")
    except Exception as exc:
        print(f"{type(exc).__name__} after {time.perf_counter() - began:.2f} s")
"""


def sandbox_event() -> dict[str, Any]:
    """One hit as the sandbox generates it."""
    import httpx

    from np6_sandbox import serve
    from np6_sandbox.testing import TEST_API_KEY

    with serve(api_keys=[TEST_API_KEY]) as url:
        body = {"count": 1, "scope": "notifications", "kind": "hit", "start": 1_600_000_000_000}
        httpx.post(url + "/_sandbox/reset", json={"empty": True}).raise_for_status()
        httpx.post(url + "/_sandbox/events/generate", json=body).raise_for_status()
        events = httpx.get(url + "/notifications/reactivities/hits", headers={"X-Key": TEST_API_KEY})
    event: dict[str, Any] = events.raise_for_status().json()[0]
    return event


def throughput(events: int, rounds: int) -> None:
    import ijson  # type: ignore[import-untyped]

    from np6._streaming import _Parser

    body = event_array(sandbox_event(), events)
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]

    def raw_ijson() -> int:
        items = ijson.sendable_list()
        coro = ijson.items_coro(items, "item", use_float=True)
        n = 0
        for chunk in chunks:
            coro.send(chunk)
            n += len(items)
            del items[:]
        coro.close()
        return n + len(items)

    def stream(raw: bool) -> int:
        parser = _Parser(OPERATION, sort="asc", resume=None, raw=raw)
        n = 0
        for chunk in chunks:
            for item in parser.feed(chunk):
                n += parser.accept(parser.parse(item))
        for item in parser.finish():
            n += parser.accept(parser.parse(item))
        return n

    cases = {
        "raw ijson": raw_ijson,
        "typed stream": lambda: stream(False),
        "raw=True stream": lambda: stream(True),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():
            began = time.perf_counter()
            count = fn()
            times[name].append(time.perf_counter() - began)
            assert count == events, (name, count)
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"{events:,} events ({len(body) / 1e6:.0f} MB), median of {rounds} interleaved rounds")
    for name in cases:
        ratio = median["raw ijson"] / median[name]
        print(f"  {name:16s} {events / median[name]:>10,.0f} events/s   {ratio:.3f}x raw ijson")


def deep_peak() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile.memlimit import run_limited
    from hostile.server import Conn, HostileServer, Request

    levels = 100_000
    body = b"[" + b"[" * levels + b"]" * levels + b"]"

    async def deep(request: Request, conn: Conn) -> None:
        await conn.respond(200, body, [("Content-Type", "application/json")])

    async def empty(request: Request, conn: Conn) -> None:
        await conn.respond(200, b"[]", [("Content-Type", "application/json")])

    with HostileServer() as server:
        url, warm = server.route("/deep", deep), server.route("/empty", empty)
        child = run_limited(DEEP_CHILD, address_space_mb=512, args=[url, warm], timeout=300)
    outcome = child.stdout.strip() or child.stderr.strip().splitlines()[-1]
    print(
        f"{levels:,}-level body ({len(body):,} bytes): {outcome}; exit {child.returncode};"
        f" peak RSS {child.peak_rss_mb:.0f} MB (RLIMIT_AS 512 MB)"
    )


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--events", type=int, default=200_000)
    cli.add_argument("--rounds", type=int, default=3)
    cli.add_argument("--no-deep", action="store_true", help="skip the peak-memory measurement")
    cli.add_argument("--deep-only", action="store_true", help="only the peak-memory measurement")
    args = cli.parse_args()
    if not args.deep_only:
        throughput(args.events, args.rounds)
    if not args.no_deep:
        deep_peak()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
