"""Helpers of the sync tests: seed the sandbox, read its events and the sync's tables back."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from np6.sync._schema import events
from np6_sandbox import events as ev
from np6_sandbox.app import Sandbox
from np6_sandbox.testing import TEST_API_KEY

START = 1_700_000_000_000  # 2023-11-14T22:13:20Z, in milliseconds


def generate(
    base_url: str,
    count: int,
    *,
    start: int = START,
    step: int = 1000,
    scope: str = "notifications",
    kind: str = "hit",
    scope_id: int | str | None = None,
) -> None:
    body: dict[str, Any] = {"count": count, "scope": scope, "kind": kind, "start": start, "step": step}
    if scope_id is not None:
        body["id"] = scope_id
    httpx.post(f"{base_url}/_sandbox/events/generate", json=body, timeout=120).raise_for_status()


def inject(base_url: str, events: list[dict[str, Any]], *, validate: bool = True) -> None:
    answer = httpx.post(
        f"{base_url}/_sandbox/events",
        params={} if validate else {"validate": "false"},
        json=events,
        timeout=60,
    )
    answer.raise_for_status()


def hit(timestamp: int, *, event_id: str | None = None, notification: int = 156) -> dict[str, Any]:
    """A spec-valid push notification hit, made with the sandbox's own event factory."""
    footprint = {"type": "footprint", "id": "000R4M0T", "unicity": "a@example.com"}
    activation = {
        "id": notification,
        "version": str(uuid.uuid4()),
        "kind": "application",
        "receiver": {"type": "contact", "value": footprint},
        "application": str(uuid.uuid4()),
        "subscription": str(uuid.uuid4()),
        "stamp": ev.stamp(timestamp - 60_000),
        "channel": "notification_channel",
        "urgent": False,
        "expiration": ev.NO_EXPIRATION,
    }
    link = {"type": "redirection", "label": None, "uri": "deeplink://product?id=1"}
    event = ev.notification_event("hit", timestamp, activation, link=link)
    if event_id is not None:
        event["id"] = event_id
    return event


def sandbox_events(sandbox: Sandbox) -> dict[str, dict[str, Any]]:
    """Every event the sandbox holds, by id, as it serves them."""
    with sqlite3.connect(sandbox.store.events.path) as db:
        bodies = [json.loads(row[0]) for row in db.execute("SELECT body FROM events")]
    return {event["id"]: event for event in bodies}


def stored(url: str) -> dict[str, dict[str, Any]]:
    """The np6_events rows, by key (every column; `raw` parsed)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.select(events)).mappings().all()  # typed by the table's columns
    finally:
        engine.dispose()
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        values = dict(row)
        if values["time"] is not None and values["time"].tzinfo is None:  # SQLite keeps UTC, naive
            values["time"] = values["time"].replace(tzinfo=dt.UTC)
        assert values["key"] not in found
        found[values["key"]] = values
    return found


def row_count(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT COUNT(*) FROM np6_events")).scalar_one())
    finally:
        engine.dispose()


def watermarks(url: str) -> dict[tuple[str, str, str], int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("np6_watermarks"):
                return {}
            rows = conn.execute(sa.text("SELECT scope, resource_id, kind, timestamp FROM np6_watermarks"))
            return {(r[0], r[1], r[2]): int(r[3]) for r in rows}
    finally:
        engine.dispose()


NP6_SCRIPT = Path(sys.executable).with_name("np6")


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str


def cli_env(base_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NP6_")}
    env.update({"COLUMNS": "100", "TERM": "dumb", "NP6_BASE_URL": base_url, "NP6_API_KEY": TEST_API_KEY})
    env.update(extra)
    return env


def sync_command(url: str, *extra: str) -> list[str]:
    return [
        str(NP6_SCRIPT),
        "reactivities",
        "sync",
        "--scope",
        "notifications",
        "--kind",
        "hits",
        "--into",
        url,
        *extra,
    ]


def run(command: list[str], env: dict[str, str], cwd: Path | None = None) -> Ran:
    done = subprocess.run(
        command, env=env, capture_output=True, timeout=300, check=False, cwd=cwd, stdin=subprocess.DEVNULL
    )
    return Ran(done.returncode, done.stdout.decode(), done.stderr.decode())
