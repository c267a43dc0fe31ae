"""Time inside a reactivity stream, sync and async: bounded by progress, not in total.

A server that sends the headers and the start of the array, then drips a byte every 0.2 s, never trips a
read timeout of 1 s; the stream must still stop, with a resumable ``StreamInterruptedError`` saying that no
event completed within the deadline, the events completed before it yielded, and the connection closed. A
stream whose events keep coming is not cut, however long it lasts in total.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import pytest

import np6

from .conftest import Hostile
from .server import Conn, Handler, Request

KEY = "h10-streamtime-key"
FLAVOURS = ["sync", "async"]
TIMEOUT = 1.0  # the read timeout, and so the deadline (none set in Limits)
DRIP = 0.2
BOUND = 30.0  # generous: a stall that is never cut fails here instead of hanging the suite


def event(n: int) -> bytes:
    return json.dumps({"type": "hit", "id": f"00000000-0000-4000-8000-{n:012d}", "timestamp": n}).encode()


def dripping(closed: threading.Event) -> Handler:
    """Headers, ``[`` and two events, then a space (valid JSON, completing nothing) every ``DRIP`` seconds
    until the client closes the connection (``closed`` is set) or ``BOUND`` passes."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.head(200, [("Content-Type", "application/json")])
        await conn.write(b"[" + event(1) + b"," + event(2) + b",")
        try:
            for _ in range(int(BOUND / DRIP)):
                await asyncio.sleep(DRIP)
                await conn.write(b" ")
        except ConnectionError:
            closed.set()

    return handler


def steady(events: int, every: float) -> Handler:
    """A well-formed array of ``events`` events, one every ``every`` seconds, each sent in two halves."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.head(200, [("Content-Type", "application/json")])
        await conn.write(b"[")
        for n in range(1, events + 1):
            data = (b"," if n > 1 else b"") + event(n)
            await asyncio.sleep(every / 2)
            await conn.write(data[: len(data) // 2])
            await asyncio.sleep(every / 2)
            await conn.write(data[len(data) // 2 :])
        await conn.write(b"]")

    return handler


def drain(url: str, flavour: str, **options: Any) -> tuple[list[Any], BaseException | None]:
    """Every event of ``notifications.reactivities(sort="asc", raw=True)`` and the error that stopped it, run
    in a thread joined with a generous timeout (a stream that is never cut fails the test, not the suite)."""
    got: list[Any] = []
    outcome: list[BaseException | None] = []

    def sync() -> None:
        with np6.NP6(api_key=KEY, base_url=url, max_retries=0, timeout=TIMEOUT, **options) as client:
            for item in client.notifications.reactivities(sort="asc", raw=True):
                got.append(item)

    async def run_async() -> None:
        client = np6.AsyncNP6(api_key=KEY, base_url=url, max_retries=0, timeout=TIMEOUT, **options)
        async with client:
            async for item in client.notifications.reactivities(sort="asc", raw=True):
                got.append(item)

    def target() -> None:
        try:
            sync() if flavour == "sync" else asyncio.run(run_async())
        except BaseException as exc:  # handed to the test
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(BOUND)
    assert not thread.is_alive(), f"the stream was not cut within {BOUND} s"
    return got, outcome[0]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_dripping_stream_is_cut_resumably(hostile: Hostile, flavour: str) -> None:
    closed = threading.Event()
    url = hostile.route(f"/stream-time-drip-{flavour}", dripping(closed))
    got, exc = drain(url, flavour)
    assert [item["id"] for item in got] == [json.loads(event(n))["id"] for n in (1, 2)]
    assert isinstance(exc, np6.StreamInterruptedError), repr(exc)
    assert exc.resumable
    assert exc.count == 2 and exc.last_timestamp == 2
    assert "no event completed within 1 s" in str(exc)
    assert closed.wait(BOUND), "the server never saw the connection closed"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_deadline_of_limits_bounds_each_event(hostile: Hostile, flavour: str) -> None:
    closed = threading.Event()
    url = hostile.route(f"/stream-time-limits-{flavour}", dripping(closed))
    got, exc = drain(url, flavour, limits=np6.Limits(deadline=0.5))
    assert len(got) == 2
    assert isinstance(exc, np6.StreamInterruptedError) and exc.resumable, repr(exc)
    assert "no event completed within 0.5 s" in str(exc)
    assert closed.wait(BOUND)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_steady_stream_longer_than_the_deadline_is_not_cut(hostile: Hostile, flavour: str) -> None:
    # 12 events, one every 0.25 s: 3 s in total, three times the deadline of 1 s.
    url = hostile.route(f"/stream-time-steady-{flavour}", steady(12, 0.25))
    got, exc = drain(url, flavour)
    assert exc is None, repr(exc)
    assert [item["timestamp"] for item in got] == list(range(1, 13))


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_time_spent_by_the_caller_on_events_does_not_count(hostile: Hostile, flavour: str) -> None:
    # The caller takes 1.5 s over each event: longer than the deadline, but the server is not the one waiting.
    url = hostile.route(f"/stream-time-slow-caller-{flavour}", steady(3, 0.1))
    got: list[Any] = []

    def sync() -> None:
        with np6.NP6(api_key=KEY, base_url=url, max_retries=0, timeout=TIMEOUT) as client:
            for item in client.notifications.reactivities(sort="asc", raw=True):
                got.append(item)
                time.sleep(1.5)

    async def run_async() -> None:
        async with np6.AsyncNP6(api_key=KEY, base_url=url, max_retries=0, timeout=TIMEOUT) as client:
            async for item in client.notifications.reactivities(sort="asc", raw=True):
                got.append(item)
                await asyncio.sleep(1.5)

    sync() if flavour == "sync" else asyncio.run(run_async())
    assert [item["timestamp"] for item in got] == [1, 2, 3]
