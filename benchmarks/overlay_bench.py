"""Overlay benchmarks against a loopback sandbox (not collected by pytest).

    .venv/bin/python benchmarks/overlay_bench.py                       # 2000 calls, 1,000,000 events
    .venv/bin/python benchmarks/overlay_bench.py --calls 500 --events 100000

1. Time per call of a typical call (``actions.get``) through ``np6.NP6`` next to raw httpx (a GET with the key
   and ``response.json()``), same server, same run, interleaved in rounds.
2. Streaming ``notifications.reactivities`` over N generated events: throughput next to raw ijson over the
   same bytes, and the peak RSS growth of this process (``ru_maxrss``) while iterating.

The sandbox runs in a separate process (``python -m np6_sandbox --port 0``) so that its work and memory are
not counted here. Every sandbox answer currently takes ~44 ms on loopback (a plain Starlette app under the
same uvicorn answers in ~2 ms), which hides the client's own cost; the per-call figure is therefore also
measured against a minimal loopback server (stdlib ``http.server`` in a subprocess, answering the seed
action as JSON).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx
import ijson  # type: ignore[import-untyped]

import np6

KEY = "bench-key"


@contextmanager
def sandbox() -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "np6_sandbox", "--port", "0", "--api-key", KEY],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError(f"sandbox did not start: {line!r}")
        yield line.rsplit(" ", 1)[-1].strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


MINIMAL_SERVER = r"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
BODY = json.dumps(%s).encode()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.send_header("x-request-id", "bench")
        self.end_headers()
        self.wfile.write(BODY)
    def log_message(self, *args):
        pass
server = ThreadingHTTPServer(("127.0.0.1", 0), H)
print("listening on http://127.0.0.1:%%d" %% server.server_address[1], flush=True)
server.serve_forever()
"""


@contextmanager
def minimal_server(body: object) -> Iterator[str]:
    import json

    proc = subprocess.Popen(
        [sys.executable, "-c", MINIMAL_SERVER % json.dumps(body)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        yield proc.stdout.readline().rsplit(" ", 1)[-1].strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def per_call(fn: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def bench_calls(url: str, calls: int, rounds: int = 5, label: str = "sandbox") -> None:
    raw = httpx.Client(base_url=url, timeout=30.0)
    client = np6.NP6(api_key=KEY, base_url=url)

    def raw_call() -> object:
        response = raw.get("/actions/000PE4", headers={"X-Key": KEY, "Accept": "application/json"})
        response.raise_for_status()
        return response.json()

    def overlay_call() -> object:
        return client.actions.get("000PE4")

    for fn in (raw_call, overlay_call):  # warm up: connections, lazy imports
        per_call(fn, 50)
    raw_times, overlay_times = [], []
    for _ in range(rounds):
        raw_times.append(per_call(raw_call, calls // rounds))
        overlay_times.append(per_call(overlay_call, calls // rounds))
    r, o = statistics.median(raw_times), statistics.median(overlay_times)
    print(f"typical call (actions.get) against the {label}, median of {rounds} rounds of {calls // rounds}:")
    print(f"  raw httpx + json : {r * 1e6:8.1f} us/call")
    print(f"  np6 overlay      : {o * 1e6:8.1f} us/call  ({o / r:.2f}x raw, +{(o - r) * 1e6:.1f} us)")
    client.close()
    raw.close()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: kB


def bench_stream(url: str, events: int) -> None:
    with httpx.Client(base_url=url + "/_sandbox", timeout=600.0) as admin:
        admin.post("/reset", json={"empty": True}).raise_for_status()
        left, start = events, 1_600_000_000_000
        while left:
            count = min(left, 500_000)
            body = {"count": count, "scope": "notifications", "kind": "hit", "start": start, "step": 1}
            admin.post("/events/generate", json=body).raise_for_status()
            left -= count
            start += count

    params = {"sort": "asc"}
    t0 = time.perf_counter()
    n = 0
    size = 0
    headers = {"X-Key": KEY}
    path = url + "/notifications/reactivities"
    with httpx.stream("GET", path, params=params, headers=headers, timeout=600) as r:
        items = ijson.sendable_list()
        coro = ijson.items_coro(items, "item", use_float=True)
        for chunk in r.iter_bytes():
            size += len(chunk)
            coro.send(chunk)
            n += len(items)
            del items[:]
        coro.close()
        n += len(items)
    raw_rate = n / (time.perf_counter() - t0)

    with np6.NP6(api_key=KEY, base_url=url, timeout=600.0) as client:
        before = rss_mb()
        t0 = time.perf_counter()
        seen = 0
        for _event in client.notifications.reactivities(sort="asc"):
            seen += 1
        elapsed = time.perf_counter() - t0
        after = rss_mb()
    print(f"streaming {seen:,} events ({size / 1e6:.0f} MB of JSON):")
    print(f"  raw ijson items  : {raw_rate:10,.0f} events/s")
    rate = seen / elapsed
    print(f"  np6 reactivities : {rate:10,.0f} events/s  ({rate / raw_rate:.2f}x raw ijson)")
    print(f"  peak RSS growth while iterating: {after - before:.1f} MB (peak RSS {after:.0f} MB)")


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--calls", type=int, default=2000)
    cli.add_argument("--events", type=int, default=1_000_000)
    args = cli.parse_args()
    os.environ.pop("NP6_API_KEY", None)
    with sandbox() as url:
        versions = f"python {sys.version.split()[0]}, httpx {httpx.__version__}"
        print(f"sandbox at {url} (separate process), {versions}")
        bench_calls(url, args.calls)
        action = httpx.get(url + "/actions/000PE4", headers={"X-Key": KEY}).json()
        with minimal_server(action) as minimal:
            bench_calls(minimal, args.calls * 5, label="minimal loopback server")
        bench_stream(url, args.events)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
