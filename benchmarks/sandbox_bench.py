"""Sandbox figures: requests/s on a simple GET and on a render, and peak RSS while streaming 1,000,000 events.

    .venv/bin/python benchmarks/sandbox_bench.py [--requests 3000] [--events 1000000]

The sandbox runs as its own process (`python -m np6_sandbox --port 0`, response validation off, as a
developer would run it); a loopback httpx client with keep-alive drives it. Peak RSS is the server
process's VmHWM from /proc (Linux), read after the stream; the RSS before the stream is shown beside it.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import httpx
from common import KEY, sandbox


def rss_kib(pid: int, field: str) -> int:
    text = Path(f"/proc/{pid}/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else -1


def rate(client: httpx.Client, path: str, params: dict[str, str] | None, count: int) -> float:
    for _ in range(50):  # warm-up
        client.get(path, params=params).raise_for_status()
    began = time.perf_counter()
    for _ in range(count):
        client.get(path, params=params).raise_for_status()
    return count / (time.perf_counter() - began)


def main() -> int:
    cli = argparse.ArgumentParser()
    cli.add_argument("--requests", type=int, default=3000)
    cli.add_argument("--events", type=int, default=1_000_000)
    args = cli.parse_args()
    with sandbox() as (url, pid), httpx.Client(base_url=url, headers={"X-Key": KEY}, timeout=600) as client:
        get = rate(client, "/notifications/156", None, args.requests)
        render = rate(
            client, "/notifications/156/render/contact", {"unicity": "a+b@example.com"}, args.requests
        )
        print(f"get_notification: {get:.0f} requests/s ({args.requests} sequential, keep-alive)")
        print(f"render_notification_for_contact (unicity): {render:.0f} requests/s")
        began = time.perf_counter()
        body = {"count": args.events, "scope": "notifications", "kind": "hit", "start": 1_700_000_000_000}
        generated = client.post(f"{url}/_sandbox/events/generate", json=body).json()
        print(f"generated {generated['inserted']} events in {time.perf_counter() - began:.1f} s")
        before = rss_kib(pid, "VmRSS")
        began = time.perf_counter()
        size = 0
        with client.stream("GET", "/notifications/reactivities/hits", params={"sort": "desc"}) as response:
            for chunk in response.iter_raw(1 << 16):
                size += len(chunk)
        seconds = time.perf_counter() - began
        peak = rss_kib(pid, "VmHWM")
        print(
            f"streamed {args.events} events ({size / 1e6:.0f} MB) in {seconds:.1f} s; server RSS before "
            f"{before / 1024:.0f} MiB, peak (VmHWM, whole life) {peak / 1024:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
