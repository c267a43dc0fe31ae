"""Issue 10's figures against the hostile loopback server (tests/hostile): how long a 1 byte/s drip keeps a
call alive, and the peak memory of the client on a 300 MB body, a 200 MB 503 retried, a gzip bomb and a
100,000-level body (each in a child under RLIMIT_AS, default limits).

    .venv/bin/python benchmarks/hostile_bench.py            # about 1 minute
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import np6  # noqa: E402
from hostile import behaviours  # noqa: E402
from hostile.memlimit import run_limited  # noqa: E402
from hostile.server import HostileServer  # noqa: E402

KEY = "bench-hostile-key"


def timed_sync(base: str, timeout: float, retries: int) -> tuple[float, str]:
    began = time.monotonic()
    try:
        with np6.NP6(api_key=KEY, base_url=base, timeout=timeout, max_retries=retries) as client:
            client.actions.get("000PE4")
        outcome = "returned"
    except np6.NP6Error as exc:
        outcome = type(exc).__name__
    return time.monotonic() - began, outcome


def timed_async(base: str, timeout: float, retries: int) -> tuple[float, str]:
    async def main() -> str:
        async with np6.AsyncNP6(api_key=KEY, base_url=base, timeout=timeout, max_retries=retries) as client:
            await client.actions.get("000PE4")
        return "returned"

    began = time.monotonic()
    try:
        outcome = asyncio.run(main())
    except np6.NP6Error as exc:
        outcome = type(exc).__name__
    return time.monotonic() - began, outcome


CHILD = """
import sys, np6
try:
    client = np6.NP6(api_key="bench-key", base_url=sys.argv[1], timeout=60, max_retries=int(sys.argv[2]))
    client.actions.get("x")
except np6.NP6Error as exc:
    print(type(exc).__name__)
"""


def main() -> None:
    with HostileServer() as server, HostileServer() as other:
        behaviours.install(server, other)
        timed_sync(server.url + "/ok", 1.0, 0)  # imports and first TLS context out of the figures
        timed_async(server.url + "/ok", 1.0, 0)
        print("Drip, 1 byte/s (max_retries=0 unless said; overshoot = elapsed - timeout, per attempt):")
        worst = 0.0
        for where in ("/drip", "/drip-headers"):
            for timeout in (0.5, 1.0, 2.0):
                for name, fn in (("sync", timed_sync), ("async", timed_async)):
                    elapsed, outcome = fn(server.url + where, timeout, 0)
                    worst = max(worst, elapsed - timeout)
                    print(f"  {where:14} {name:5} timeout={timeout:<4} {elapsed:6.2f} s  {outcome}")
        elapsed, outcome = timed_sync(server.url + "/drip", 2.0, 2)
        print(f"  /drip  sync  timeout=2 max_retries=2, whole call with backoff: {elapsed:.2f} s {outcome}")
        print(f"  worst overshoot of one attempt: {worst:.3f} s")
        print("Peak RSS of the client (child under RLIMIT_AS 1024 MB, default np6.Limits):")
        for prefix, retries in (
            ("/huge", 0),
            ("/error-huge", 2),
            ("/gzip-bomb", 0),
            ("/deep", 0),
            ("/ok", 0),
        ):
            child = run_limited(CHILD, address_space_mb=1024, args=[server.url + prefix, str(retries)])
            print(f"  {prefix:12} retries={retries}  {child.peak_rss_mb:7.1f} MB  {child.stdout.strip()}")


if __name__ == "__main__":
    main()
