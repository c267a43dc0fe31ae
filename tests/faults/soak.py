"""Soak: many mixed calls (reads, writes, sends, short streams) against a sandbox injecting random faults.

    .venv/bin/python -m tests.faults.soak --calls 10000 [--seed 7] [--max-seconds 600]   (from the repo root)

Counted as failures: an exception that is not an ``np6.NP6Error``, an error where the fault could not cause
one, a recipient in the outbox twice (a duplicate send), a send reported successful that is not in the
outbox (lost), and running past the time bound. Each send goes to a recipient of its own, so the outbox
tells exactly what happened to it. ``tests/faults/test_soak.py`` runs a few hundred calls in CI.
"""

from __future__ import annotations

import argparse
import collections
import random
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

import np6
from np6 import Contact, _base_client

FAULT_KINDS: list[dict[str, Any]] = [
    {"kind": "status", "status": 429, "retry_after": "0"},
    {"kind": "status", "status": 503},
    {"kind": "delay", "delay": 0.3},
    {"kind": "drop"},
    {"kind": "drop_after"},
    {"kind": "truncate"},
    {"kind": "malformed"},
    {"kind": "unknown_enum"},
]
CALLS = ("read", "write", "send", "stream")
OPERATION = {
    "read": "get_action",
    "write": "update_notification",
    "send": "send_action_messages",
    "stream": "list_reactivities_of_all_actions",
}


@dataclass
class Figures:
    calls: int = 0
    faults_injected: int = 0
    ok: int = 0
    typed_errors: collections.Counter[str] = field(default_factory=collections.Counter)
    unexpected: list[str] = field(default_factory=list)
    sends_ok: int = 0
    sends_unknown: int = 0
    sends_refused: int = 0
    duplicates: int = 0
    lost: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.typed_errors.items()))
        return (
            f"{self.calls} calls in {self.seconds:.1f} s, {self.faults_injected} faults injected:"
            f" {self.ok} ok,"
            f" typed errors {sum(self.typed_errors.values())} ({errors}); unexpected exceptions"
            f" {len(self.unexpected)}; sends: {self.sends_ok} ok, {self.sends_unknown} outcome unknown,"
            f" {self.sends_refused} refused; duplicated {self.duplicates}, lost {self.lost}"
        )


def soak(
    url: str, key: str, *, calls: int, seed: int, fault_rate: float = 0.5, max_seconds: float
) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    admin = httpx.Client(base_url=url + "/_sandbox", timeout=30.0)
    admin.post("/reset").raise_for_status()
    sends = max(1, calls // len(CALLS) + 10)
    recipients = [f"soak{i:06d}@example.com" for i in range(sends * 2)]
    admin.post("/contacts", json=[{"unicity": a} for a in recipients]).raise_for_status()
    body = {"count": 50, "scope": "actions", "kind": "hit", "start": 1_700_000_000_000, "step": 1}
    admin.post("/events/generate", json=body).raise_for_status()
    next_recipient = 0
    confirmed: list[str] = []  # sends the client reported successful
    client = np6.NP6(api_key=key, base_url=url, timeout=0.2, max_retries=2)
    notification = client.notifications.get(156).to_dict()
    saved_sleep = _base_client._sleep
    _base_client._sleep = lambda seconds: None  # retry waits are not the point here
    began = time.monotonic()
    try:
        for _ in range(calls):
            if time.monotonic() - began > max_seconds:
                figures.unexpected.append(
                    f"time bound of {max_seconds} s reached after {figures.calls} calls"
                )
                break
            kind = rng.choice(CALLS)
            fault = rng.choice(FAULT_KINDS) if rng.random() < fault_rate else None
            if fault is not None:
                spec = {"operation": OPERATION[kind], "count": rng.randint(1, 3), **fault}
                admin.post("/faults", json=spec).raise_for_status()
                figures.faults_injected += 1
            figures.calls += 1
            address = recipients[next_recipient]
            try:
                if kind == "read":
                    client.actions.get("000PE4")
                elif kind == "write":
                    client.notifications.update(156, notification)
                elif kind == "send":
                    next_recipient += 1
                    results = client.actions.send("000PE4", [Contact.unicity(address)])
                    assert len(results) == 1
                    confirmed.append(address)
                    figures.sends_ok += 1
                else:
                    ids = [str(e.id) for e in client.actions.reactivities(sort="asc")]
                    assert len(ids) == len(set(ids)) >= 50, len(ids)  # sends add events: never fewer
                figures.ok += 1
            except np6.NP6Error as exc:
                figures.typed_errors[type(exc).__name__] += 1
                if fault is None:
                    figures.unexpected.append(f"{kind} without a fault: {exc!r}")
                if kind == "send":
                    if isinstance(exc, np6.SendOutcomeUnknownError | np6.APIResponseValidationError):
                        figures.sends_unknown += 1
                    else:
                        figures.sends_refused += 1
            except Exception as exc:
                figures.unexpected.append(f"{kind} with {fault}: {type(exc).__name__}: {exc}")
            admin.delete("/faults").raise_for_status()
    finally:
        _base_client._sleep = saved_sleep
        client.close()
    time.sleep(0.4)  # a delayed request still in the server lands before the outbox is read
    figures.seconds = time.monotonic() - began
    counts = collections.Counter(e["address"] for e in admin.get("/outbox").raise_for_status().json())
    figures.duplicates = sum(c - 1 for c in counts.values() if c > 1)
    figures.lost = sum(1 for a in confirmed if counts[a] != 1)
    admin.close()
    return figures


def main() -> int:
    from np6_sandbox.app import Sandbox
    from np6_sandbox.server import serve

    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--calls", type=int, default=10_000)
    cli.add_argument("--seed", type=int, default=7)
    cli.add_argument("--max-seconds", type=float, default=900.0)
    args = cli.parse_args()
    key = "np6-soak-Key-4242"
    sandbox = Sandbox(api_keys=[key], validate_responses=False)
    try:
        with serve(sandbox) as url:
            figures = soak(url, key, calls=args.calls, seed=args.seed, max_seconds=args.max_seconds)
    finally:
        sandbox.close()
    print(figures.summary())
    for line in figures.unexpected[:20]:
        print("  unexpected:", line)
    bad = figures.unexpected or figures.duplicates or figures.lost
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
