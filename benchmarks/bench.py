"""``make bench``: the SDK measured against raw httpx, one table, one JSON file (not collected by pytest).

    .venv/bin/python benchmarks/bench.py [--quick] [--json reports/bench.json]

Every figure is a ratio of two things measured in the same run against the same loopback server:

1. per-call overhead, sync: ``notifications.get`` and ``notifications.render(contact=Contact.unicity(...))``
   through ``np6.NP6`` / raw ``httpx.Client`` + ``json.loads`` / the generated ``np6_api`` alone, interleaved,
   median of rounds (target: overlay <= 1.15x raw);
2. concurrency, async: 10,000 renders at concurrency 64 through ``AsyncNP6`` / raw ``httpx.AsyncClient``
   (target: >= 0.9x raw throughput);
3. bulk send: 100,000 distinct recipients through ``np6.actions.send`` in batches of ``DEFAULT_BATCH_SIZE``
   (1000; ``batch_size=`` per call) / raw httpx posting the same batches, against the sandbox, with every
   recipient accounted for exactly once (results and the sandbox outbox);
4. streaming: 1,000,000 events through ``notifications.reactivities()`` / raw ijson over the same bytes /
   the generated non-streaming call, each in its own process (events/s and peak RSS growth; targets:
   >= 0.5x raw ijson, <= 100 MB);
5. start-up: ``python -X importtime -c "import np6"`` / ``"import httpx"`` (target: <= 3x);
6. regeneration: wall time of ``scripts/regen.sh --check`` (a full generation into a temp dir).

Servers: 1, 2 and 4 use ``benchmarks/fixed_server.py`` (fixed, spec-valid bytes taken from the sandbox at
start-up, a few tens of microseconds per request) so that the client is measured, not the server; 3 uses
the sandbox (``python -m np6_sandbox``, its own process) because the outbox is the proof that nothing was
lost or sent twice. Each server runs in its own process; on 2 cores the client gets one.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from common import HERE, KEY, fixed_server, per_call, rss_mb, sandbox

ROOT = HERE.parent
UNICITY = "a+b@example.com"
NOTIFICATION = 156
ACTION = "000PE4"
EMAIL = "application/vnd.np6.cm.email"


# ------------------------------------------------------------------------------------------------ servers
def fixed_routes(sandbox_url: str, events: int) -> dict[str, Any]:
    """Spec-valid bodies, taken from the sandbox once: a notification, a render, one event to repeat."""
    with httpx.Client(base_url=sandbox_url, headers={"X-Key": KEY}, timeout=60.0) as s:
        s.post("/_sandbox/reset").raise_for_status()
        notification = s.get(f"/notifications/{NOTIFICATION}").raise_for_status().json()
        render = s.get(f"/notifications/{NOTIFICATION}/render/contact", params={"unicity": UNICITY})
        body = {"count": 1, "scope": "notifications", "kind": "hit", "start": 1_600_000_000_000}
        s.post("/_sandbox/events/generate", json=body).raise_for_status()
        (event,) = s.get("/notifications/reactivities/hits").raise_for_status().json()
        s.post("/_sandbox/reset").raise_for_status()
    return {
        f"GET /notifications/{NOTIFICATION}": {"body": notification},
        f"GET /notifications/{NOTIFICATION}/render/contact": {"body": render.raise_for_status().json()},
        "GET /notifications/reactivities": {"events": events, "template": event},
    }


# --------------------------------------------------------------------------------------- 1. per call
def bench_per_call(url: str, calls: int, rounds: int) -> dict[str, Any]:
    import np6
    from np6_api.api.notification_management import get_notification, render_notification_for_contact
    from np6_api.client import Client

    raw = httpx.Client(base_url=url, timeout=30.0)
    headers = {"X-Key": KEY, "Accept": "application/json"}
    sdk = np6.NP6(api_key=KEY, base_url=url)
    gen = Client(base_url=url, headers={"X-Key": KEY}, timeout=httpx.Timeout(30.0))
    contact = np6.Contact.unicity(UNICITY)

    def raw_get() -> object:
        r = raw.get(f"/notifications/{NOTIFICATION}", headers=headers)
        r.raise_for_status()
        return json.loads(r.content)

    def raw_render() -> object:
        r = raw.get(
            f"/notifications/{NOTIFICATION}/render/contact", params={"unicity": UNICITY}, headers=headers
        )
        r.raise_for_status()
        return json.loads(r.content)

    def gen_get() -> object:
        return get_notification.sync_detailed(NOTIFICATION, client=gen).parsed

    def gen_render() -> object:
        return render_notification_for_contact.sync_detailed(NOTIFICATION, client=gen, unicity=UNICITY).parsed

    cases: dict[str, dict[str, Callable[[], object]]] = {
        "notifications.get": {
            "raw": raw_get,
            "generated": gen_get,
            "np6": lambda: sdk.notifications.get(NOTIFICATION),
        },
        "notifications.render": {
            "raw": raw_render,
            "generated": gen_render,
            "np6": lambda: sdk.notifications.render(NOTIFICATION, contact=contact),
        },
    }
    out: dict[str, Any] = {}
    for name, fns in cases.items():
        for fn in fns.values():  # warm up: connections, lazy imports
            per_call(fn, 200)
        times: dict[str, list[float]] = {k: [] for k in fns}
        for _ in range(rounds):
            for k, fn in fns.items():
                times[k].append(per_call(fn, calls // rounds))
        med = {k: statistics.median(v) for k, v in times.items()}
        out[name] = {
            "us_per_call": {k: round(v * 1e6, 1) for k, v in med.items()},
            "np6_vs_raw": round(med["np6"] / med["raw"], 3),
            "generated_vs_raw": round(med["generated"] / med["raw"], 3),
            "np6_vs_generated": round(med["np6"] / med["generated"], 3),
        }
    sdk.close()
    raw.close()
    gen.get_httpx_client().close()
    return out


# ------------------------------------------------------------------------------------ 2. concurrency
async def _throughput(worker: Callable[[], Any], total: int, concurrency: int) -> float:
    left = total

    async def run() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            await worker()

    began = time.perf_counter()
    await asyncio.gather(*(run() for _ in range(concurrency)))
    return total / (time.perf_counter() - began)


async def _bench_async(url: str, total: int, concurrency: int, rounds: int) -> dict[str, Any]:
    import np6

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    raw = httpx.AsyncClient(base_url=url, timeout=60.0, limits=limits)
    sdk = np6.AsyncNP6(
        api_key=KEY, base_url=url, timeout=60.0, http_client=httpx.AsyncClient(timeout=60.0, limits=limits)
    )
    contact = np6.Contact.unicity(UNICITY)
    headers = {"X-Key": KEY, "Accept": "application/json"}

    async def raw_render() -> object:
        r = await raw.get(
            f"/notifications/{NOTIFICATION}/render/contact", params={"unicity": UNICITY}, headers=headers
        )
        r.raise_for_status()
        return json.loads(r.content)

    async def sdk_render() -> object:
        return await sdk.notifications.render(NOTIFICATION, contact=contact)

    await _throughput(raw_render, 500, concurrency)  # warm up
    await _throughput(sdk_render, 500, concurrency)
    rates: dict[str, list[float]] = {"raw": [], "np6": []}
    for _ in range(rounds):
        rates["raw"].append(await _throughput(raw_render, total, concurrency))
        rates["np6"].append(await _throughput(sdk_render, total, concurrency))
    best = {k: max(v) for k, v in rates.items()}
    await raw.aclose()
    await sdk.close()
    return {
        "renders": total,
        "concurrency": concurrency,
        "renders_per_s": {k: round(v) for k, v in best.items()},
        "np6_vs_raw": round(best["np6"] / best["raw"], 3),
    }


def bench_async(url: str, total: int, concurrency: int, rounds: int) -> dict[str, Any]:
    return asyncio.run(_bench_async(url, total, concurrency, rounds))


# -------------------------------------------------------------------------------------- 3. bulk send
def bench_bulk_send(url: str, recipients: int) -> dict[str, Any]:
    import np6

    admin = httpx.Client(base_url=url + "/_sandbox", timeout=600.0)
    admin.post("/reset").raise_for_status()
    addresses = [f"bulk{i:06d}@example.com" for i in range(recipients)]
    for start in range(0, recipients, 20_000):
        contacts = [{"unicity": a, "fields": {"firstname": "B"}} for a in addresses[start : start + 20_000]]
        admin.post("/contacts", json=contacts).raise_for_status()
    size = np6.DEFAULT_BATCH_SIZE

    def account(results: list[dict[str, Any]], elapsed: float) -> dict[str, Any]:
        outbox = admin.get("/outbox").raise_for_status().json()
        sent_to = [entry["address"] for entry in outbox]
        ids = {r["id"] for r in results if r.get("type") == "success"}
        counts: dict[str, int] = {}
        for a in sent_to:
            counts[a] = counts.get(a, 0) + 1
        admin.delete("/outbox").raise_for_status()
        return {
            "recipients_per_s": round(recipients / elapsed),
            "results": len(results),
            "successes": len(ids),
            "outbox": len(sent_to),
            "lost": sum(1 for a in addresses if a not in counts),
            "duplicated": sum(c - 1 for c in counts.values() if c > 1),
        }

    admin.delete("/outbox").raise_for_status()
    raw = httpx.Client(base_url=url, timeout=600.0, headers={"X-Key": KEY, "Accept": "application/json"})
    began = time.perf_counter()
    raw_results: list[dict[str, Any]] = []
    for start in range(0, recipients, size):
        batch = [{"recipient": {"type": "unicity", "value": [a]}} for a in addresses[start : start + size]]
        r = raw.post(
            f"/actions/{ACTION}/executions", content=json.dumps(batch), headers={"Content-Type": EMAIL}
        )
        r.raise_for_status()
        raw_results.extend(json.loads(r.content))
    raw_figures = account(raw_results, time.perf_counter() - began)
    raw.close()

    with np6.NP6(api_key=KEY, base_url=url, timeout=600.0) as sdk:
        messages: list[Any] = [np6.Contact.unicity(a) for a in addresses]
        began = time.perf_counter()
        results = sdk.actions.send(ACTION, messages)
        elapsed = time.perf_counter() - began
    sdk_figures = account([r.to_dict() for r in results], elapsed)
    admin.close()
    return {
        "recipients": recipients,
        "batch_size": size,
        "raw": raw_figures,
        "np6": sdk_figures,
        "np6_vs_raw": round(sdk_figures["recipients_per_s"] / raw_figures["recipients_per_s"], 3),
    }


# -------------------------------------------------------------------------------------- 4. streaming
def stream_worker(kind: str, url: str) -> dict[str, Any]:
    """Run in a child process: one way of reading the stream, with this process's own peak RSS."""
    import ijson  # type: ignore[import-untyped]

    import np6
    from np6_api.api.notification_reactivity import list_reactivities_of_all_notifications as op
    from np6_api.client import Client
    from np6_api.models.sort_order import SortOrder

    path = "/notifications/reactivities"
    before = rss_mb()
    began = time.perf_counter()
    n = 0
    if kind == "raw":
        with httpx.stream(
            "GET", url + path, params={"sort": "asc"}, headers={"X-Key": KEY}, timeout=600
        ) as r:
            items = ijson.sendable_list()
            coro = ijson.items_coro(items, "item", use_float=True)
            for chunk in r.iter_bytes():
                coro.send(chunk)
                n += len(items)
                del items[:]
            coro.close()
            n += len(items)
    elif kind == "np6":
        with np6.NP6(api_key=KEY, base_url=url, timeout=600.0) as sdk:
            for _event in sdk.notifications.reactivities(sort="asc"):
                n += 1
    elif kind == "generated":
        gen = Client(base_url=url, headers={"X-Key": KEY}, timeout=httpx.Timeout(600.0))
        parsed = op.sync_detailed(client=gen, sort=SortOrder.ASC).parsed
        n = len(parsed) if isinstance(parsed, list) else -1
    else:
        raise ValueError(kind)
    elapsed = time.perf_counter() - began
    peak = rss_mb()
    return {
        "events": n,
        "seconds": round(elapsed, 2),
        "events_per_s": round(n / elapsed),
        "rss_growth_mb": round(peak - before, 1),
        "peak_rss_mb": round(peak, 1),
    }


def bench_stream(url: str, events: int, generated_events: int) -> dict[str, Any]:
    out: dict[str, Any] = {"events": events}
    for kind in ("raw", "np6", "generated"):
        if kind == "generated" and generated_events != events:
            continue  # measured on its own, smaller server below
        out[kind] = _run_worker(kind, url)
    ratio = out["np6"]["events_per_s"] / out["raw"]["events_per_s"]
    out["np6_vs_raw"] = round(ratio, 3)
    return out


def _run_worker(kind: str, url: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--stream-worker", kind, url], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"stream worker {kind} failed:\n{proc.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures


# --------------------------------------------------------------------------------------- 5. start-up
def import_us(module: str, runs: int) -> float:
    """Median cumulative import time of ``module`` (microseconds, ``-X importtime``) in fresh interpreters."""
    times = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        pattern = rf"^import time:\s+\d+ \|\s+(\d+) \|\s*{re.escape(module)}$"
        match = re.search(pattern, proc.stderr, re.MULTILINE)
        if match is None:
            raise RuntimeError(f"no importtime line for {module}")
        times.append(float(match.group(1)))
    return statistics.median(times)


def bench_startup(runs: int) -> dict[str, Any]:
    np6_us, httpx_us = import_us("np6", runs), import_us("httpx", runs)
    return {
        "import_ms": {"np6": round(np6_us / 1000, 1), "httpx": round(httpx_us / 1000, 1)},
        "np6_vs_httpx": round(np6_us / httpx_us, 3),
    }


# ------------------------------------------------------------------------------------------ 6. regen
def bench_regen() -> dict[str, Any]:
    began = time.perf_counter()
    proc = subprocess.run([str(ROOT / "scripts" / "regen.sh"), "--check"], capture_output=True, text=True)
    elapsed = time.perf_counter() - began
    return {"seconds": round(elapsed, 2), "up_to_date": proc.returncode == 0}


# ------------------------------------------------------------------------------------------- report
def table(r: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str, str, str]] = []

    def row(name: str, figure: str, ratio: float | None, target: str, ok: bool | None) -> None:
        verdict = "-" if ok is None else ("OK" if ok else "MISSED")
        rows.append((name, figure, "" if ratio is None else f"{ratio:.2f}x", target, verdict))

    for name, c in r["per_call"].items():
        us = c["us_per_call"]
        row(
            f"1 {name} (sync, per call)",
            f"np6 {us['np6']} us, raw {us['raw']} us, generated {us['generated']} us",
            c["np6_vs_raw"],
            "np6/raw <= 1.15x",
            c["np6_vs_raw"] <= 1.15,
        )
    a = r["async"]
    row(
        f"2 async renders ({a['renders']:,} @ {a['concurrency']})",
        f"np6 {a['renders_per_s']['np6']:,}/s, raw {a['renders_per_s']['raw']:,}/s",
        a["np6_vs_raw"],
        "np6/raw >= 0.9x",
        a["np6_vs_raw"] >= 0.9,
    )
    b = r["bulk_send"]
    exact = all(
        b[k]["lost"] == 0 and b[k]["duplicated"] == 0 and b[k]["outbox"] == b["recipients"]
        for k in ("raw", "np6")
    )
    row(
        f"3 bulk send ({b['recipients']:,} in batches of {b['batch_size']})",
        f"np6 {b['np6']['recipients_per_s']:,}/s, raw {b['raw']['recipients_per_s']:,}/s;"
        f" lost {b['np6']['lost']}, duplicated {b['np6']['duplicated']}",
        b["np6_vs_raw"],
        "each recipient exactly once",
        exact,
    )
    s = r["stream"]
    row(
        f"4 streaming ({s['events']:,} events)",
        f"np6 {s['np6']['events_per_s']:,}/s, raw ijson {s['raw']['events_per_s']:,}/s",
        s["np6_vs_raw"],
        "np6/raw ijson >= 0.5x",
        s["np6_vs_raw"] >= 0.5,
    )
    row(
        "4 streaming peak RSS growth",
        f"np6 {s['np6']['rss_growth_mb']} MB",
        None,
        "<= 100 MB",
        s["np6"]["rss_growth_mb"] <= 100,
    )
    g = s.get("generated") or r.get("stream_generated")
    if g:
        row(
            f"4 generated non-streaming ({g['events']:,} events)",
            f"{g['events_per_s']:,}/s, RSS growth {g['rss_growth_mb']:,} MB",
            None,
            "(reference)",
            None,
        )
    u = r["startup"]
    row(
        "5 import time",
        f"np6 {u['import_ms']['np6']} ms, httpx {u['import_ms']['httpx']} ms",
        u["np6_vs_httpx"],
        "np6/httpx <= 3x",
        u["np6_vs_httpx"] <= 3,
    )
    g6 = r["regen"]
    row("6 regeneration (scripts/regen.sh)", f"{g6['seconds']} s", None, "(reported)", g6["up_to_date"])
    widths = [
        max(len(x[i]) for x in [*rows, ("measure", "figures", "ratio", "target", "")]) for i in range(5)
    ]
    lines = [
        "  ".join(
            h.ljust(w) for h, w in zip(("measure", "figures", "ratio", "target", ""), widths, strict=True)
        )
    ]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(x, widths, strict=True)) for x in rows]
    return "\n".join(lines)


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--quick", action="store_true", help="small sizes: a smoke run of the whole bench")
    cli.add_argument("--json", default=str(ROOT / "reports" / "bench.json"))
    cli.add_argument("--stream-worker", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    args = cli.parse_args()
    if args.stream_worker:
        print(json.dumps(stream_worker(*args.stream_worker)))
        return 0
    os.environ.pop("NP6_API_KEY", None)
    q = args.quick
    calls, rounds = (1000, 5) if q else (5000, 7)
    renders, events, recipients = (2000, 50_000, 5_000) if q else (10_000, 1_000_000, 100_000)
    generated_events = events if q else 200_000
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "httpx": httpx.__version__,
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        "quick": q,
    }
    began = time.perf_counter()
    with sandbox() as (sandbox_url, _):
        routes = fixed_routes(sandbox_url, events)
        print(f"sandbox at {sandbox_url}; building the fixed server ({events:,} events)...", flush=True)
        with fixed_server(routes) as url:
            print("1/6 per-call overhead...", flush=True)
            results["per_call"] = bench_per_call(url, calls, rounds)
            print("2/6 async concurrency...", flush=True)
            results["async"] = bench_async(url, renders, 64, 2 if q else 1)
            print("4/6 streaming...", flush=True)
            results["stream"] = bench_stream(url, events, generated_events)
        if generated_events != events:
            routes["GET /notifications/reactivities"]["events"] = generated_events
            with fixed_server(routes) as small:
                results["stream_generated"] = _run_worker("generated", small)
        print("3/6 bulk send (sandbox)...", flush=True)
        results["bulk_send"] = bench_bulk_send(sandbox_url, recipients)
    print("5/6 start-up...", flush=True)
    results["startup"] = bench_startup(7)
    print("6/6 regeneration...", flush=True)
    results["regen"] = bench_regen()
    results["seconds"] = round(time.perf_counter() - began, 1)
    print()
    print(table(results))
    print(f"\n({results['seconds']} s; {results['python']}, httpx {results['httpx']}, {results['machine']})")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
