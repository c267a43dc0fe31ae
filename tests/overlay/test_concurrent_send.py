"""Issue 13: ``AsyncNP6.actions.send(..., concurrency=N)`` and ``notifications.execute``'s twin, against the
sandbox.

Twenty recipients in batches of two (ten batches), four in flight. ``SendWatch`` wraps the sandbox's ASGI app
(on the server side) to count the send requests in flight, note which batch each one is (by the addresses in
its body) and when it arrived and finished, hold some back, and arm one of the sandbox's own faults (see
``np6_sandbox.faults``) as batch k goes in, so that exactly that batch fails. Every test checks the result
or the ``BatchProgress`` against the outbox: each recipient in exactly one place and in order, nothing sent
twice, nothing sent that the progress calls never tried, and no batch started after the failure was seen.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

import np6
from np6 import Contact
from np6_sandbox import faults as sandbox_faults
from np6_sandbox.app import Sandbox
from np6_sandbox.testing import TEST_API_KEY

SIZE = 2
CONCURRENCY = 4
ADDRESSES = [f"conc{i:02d}@example.com" for i in range(20)]
BATCHES = [ADDRESSES[i : i + SIZE] for i in range(0, len(ADDRESSES), SIZE)]
_ADDRESS = re.compile(r"conc\d\d@example\.com")
HOLD_LIMIT = 30.0  # seconds a held request waits at most for its condition (a safety net: never reached)

Hold = Callable[["SendWatch", list[str]], bool]


class SendWatch:
    """ASGI middleware over the sandbox's app: what the server saw of the batched sends.

    ``started``/``finished``: the addresses of each send request, in arrival and completion order;
    ``max_in_flight``: the most send requests being served at once. ``hold(watch, batch)``, while true, keeps
    a request from reaching the sandbox; ``fail`` maps a batch index to a fault armed just before that batch
    goes in (the sandbox takes a fault synchronously on entry, so it is this batch's).
    """

    def __init__(
        self, sandbox: Sandbox, *, hold: Hold | None = None, fail: dict[int, dict[str, Any]] | None = None
    ) -> None:
        self.app = sandbox.app
        self.sandbox = sandbox
        self.hold = hold
        self.fail = fail or {}
        self.released = False  # set by a test to let every held request go
        self.in_flight = 0
        self.max_in_flight = 0
        self.started: list[list[str]] = []
        self.finished: list[list[str]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].endswith("/executions"):
            await self.app(scope, receive, send)
            return
        messages = []
        while True:
            message = await receive()
            messages.append(message)
            if not message.get("more_body"):
                break
        body = b"".join(m.get("body", b"") for m in messages).decode()
        batch = list(dict.fromkeys(_ADDRESS.findall(body)))
        replay = iter(messages)

        async def again() -> Any:
            return next(replay, None) or await receive()

        self.started.append(batch)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            deadline = time.monotonic() + HOLD_LIMIT
            while self.hold and not self.released and self.hold(self, batch) and time.monotonic() < deadline:
                await asyncio.sleep(0.005)
            index = BATCHES.index(batch) if batch in BATCHES else -1
            if index in self.fail:
                spec = self.fail.pop(index)  # once
                self.sandbox.faults.add(sandbox_faults.parse(spec, self.sandbox.operation_ids))
            await self.app(scope, again, send)
        finally:
            self.in_flight -= 1
            self.finished.append(batch)


@pytest.fixture
def watch(np6_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Callable[..., SendWatch]:
    def install(**kwargs: Any) -> SendWatch:
        watcher = SendWatch(np6_sandbox, **kwargs)
        monkeypatch.setattr(np6_sandbox, "app", watcher)
        return watcher

    return install


@pytest.fixture
def contacts(admin: httpx.Client) -> list[Contact]:
    body = [{"id": f"00CC{i:02d}", "unicity": a} for i, a in enumerate(ADDRESSES)]
    admin.post("/contacts", json=body).raise_for_status()
    return [Contact.unicity(a) for a in ADDRESSES]


@pytest.fixture
def aclient(np6_sandbox_url: str) -> Callable[..., np6.AsyncNP6]:
    def make(timeout: float = 30.0) -> np6.AsyncNP6:
        return np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, timeout=timeout)

    return make


def _address(item: Any) -> str:
    """The unicity of a result (its recipient footprint) or of a message (its recipient identifier)."""
    found = _ADDRESS.search(json.dumps(item.to_dict()["recipient"]))
    assert found is not None, item
    return found.group()


def _outbox(admin: httpx.Client, kind: str = "email") -> list[str]:
    return [entry["recipient"]["unicity"] for entry in admin.get("/outbox", params={"kind": kind}).json()]


def _check(
    progress: np6.BatchProgress, outbox: list[str], watch: SendWatch, *, failed_ran: bool | None
) -> None:
    """The progress partitions the input in order and agrees with the outbox and with what the server saw.

    ``failed_ran``: whether the failed batch's messages were sent (None: either, as for a cancellation).
    """
    results = [_address(r) for r in progress.results]
    failed = [_address(m) for m in progress.failed]
    later = [([_address(m) for m in batch.messages], batch) for batch in progress.later]
    unsent = [_address(m) for m in progress.unsent]
    assert results + failed + [a for messages, _ in later for a in messages] + unsent == ADDRESSES
    assert len(results) % SIZE == 0 and len(failed) == SIZE
    assert all(len(messages) == SIZE for messages, _ in later) and len(unsent) % SIZE == 0
    for messages, batch in later:
        assert (batch.results is None) != (batch.error is None)
        if batch.results is not None:
            assert [_address(r) for r in batch.results] == messages
    assert len(outbox) == len(set(outbox)), "a message was sent twice"
    answered = set(results) | {a for messages, b in later if b.results is not None for a in messages}
    maybe = set(failed) | {a for messages, b in later if b.results is None for a in messages}
    assert answered <= set(outbox)
    assert set(outbox) - answered <= maybe
    assert not set(unsent) & set(outbox)
    if failed_ran is not None:
        assert (set(failed) <= set(outbox)) if failed_ran else not set(failed) & set(outbox)
    # The server saw exactly the batches the progress says were started, never more than N at once.
    started = len(results) // SIZE + 1 + len(later)
    assert sorted(map(tuple, watch.started)) == sorted(map(tuple, BATCHES[:started]))
    assert watch.max_in_flight <= CONCURRENCY


# ------------------------------------------------------------------------------------------- success
@pytest.mark.anyio
async def test_results_in_input_order_when_batches_finish_out_of_order(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
) -> None:
    # The first batch is held on the server until three others have been answered.
    seen = watch(hold=lambda w, batch: batch == BATCHES[0] and len(w.finished) < CONCURRENCY - 1)
    async with aclient() as client:
        results = await client.actions.send("000PE4", contacts, batch_size=SIZE, concurrency=CONCURRENCY)
    assert seen.finished[0] != BATCHES[0] and seen.finished.index(BATCHES[0]) >= CONCURRENCY - 1
    assert [_address(r) for r in results] == ADDRESSES
    assert all(r.type_ == "success" for r in results)
    outbox = admin.get("/outbox", params={"kind": "email"}).json()
    assert sorted(e["recipient"]["unicity"] for e in outbox) == sorted(ADDRESSES)  # each exactly once
    assert {e["message"] for e in outbox} == {str(r.id) for r in results}  # and the ids NP6 answered


@pytest.mark.anyio
@pytest.mark.parametrize("concurrency", [1, 2, CONCURRENCY, 7])
async def test_concurrency_never_exceeds_n(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
    concurrency: int,
) -> None:
    """Each request is held until ``concurrency`` are in flight (or every batch has started): the server
    sees exactly ``concurrency`` at once, never more."""
    release = {"arrived": 0}

    def hold(w: SendWatch, batch: list[str]) -> bool:
        if w.in_flight >= concurrency or len(w.started) == len(BATCHES):
            release["arrived"] = len(w.started)  # every request that arrived so far may go
        return w.started.index(batch) >= release["arrived"]

    seen = watch(hold=hold)
    async with aclient() as client:
        results = await client.actions.send("000PE4", contacts, batch_size=SIZE, concurrency=concurrency)
    assert [_address(r) for r in results] == ADDRESSES
    assert seen.max_in_flight == concurrency
    assert sorted(_outbox(admin)) == sorted(ADDRESSES)


# ------------------------------------------------------------------------------------------- faults
FAULTS = {
    # name: (fault on batch k, the error raised, whether the failed batch was sent, client timeout)
    "503 before sending": ({"kind": "status", "status": 503}, np6.SendServerError, False, 30.0),
    "400 refused": ({"kind": "status", "status": 400}, np6.BadRequestError, False, 30.0),
    "timeout after NP6 sent": ({"kind": "delay", "delay": 10}, np6.SendOutcomeUnknownError, True, 5.0),
    "dropped after NP6 sent": ({"kind": "drop_after"}, np6.SendOutcomeUnknownError, True, 30.0),
    "unreadable answer": ({"kind": "malformed"}, np6.SendResponseUnreadableError, True, 30.0),
}


@pytest.mark.parametrize("name", list(FAULTS))
@pytest.mark.anyio
async def test_fault_on_batch_k_keeps_progress_exact(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
    name: str,
) -> None:
    fault, error_type, ran, timeout = FAULTS[name]
    k = 3
    # Batch k waits until the two after it are on the server: they are in flight when it fails.
    seen = watch(
        hold=lambda w, batch: (
            batch == BATCHES[k]
            and not {tuple(BATCHES[k + 1]), tuple(BATCHES[k + 2])} <= set(map(tuple, w.started))
        ),
        fail={k: {"operation": "send_action_messages", **fault}},
    )
    async with aclient(timeout) as client:
        with pytest.raises(error_type) as info:
            await client.actions.send("000PE4", contacts, batch_size=SIZE, concurrency=CONCURRENCY)
    progress = info.value.batch_progress
    assert progress is not None and np6.batch_progress_of(info.value) is progress
    assert [_address(m) for m in progress.failed] == BATCHES[k]
    assert [_address(r) for r in progress.results] == ADDRESSES[: k * SIZE]
    # The batches in flight when it failed finished and are reported; none started after.
    assert len(progress.later) >= 2
    assert all(b.results is not None and b.error is None for b in progress.later)
    _check(progress, _outbox(admin), seen, failed_ran=ran)


@pytest.mark.anyio
async def test_two_batches_failing_together(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
) -> None:
    """The first failed batch in input order is raised; the other is in ``later`` with its own error."""
    both = {tuple(BATCHES[1]), tuple(BATCHES[2])}
    seen = watch(
        hold=lambda w, batch: tuple(batch) in both and not both <= set(map(tuple, w.started)),
        fail={
            1: {"operation": "send_action_messages", "kind": "status", "status": 400},
            2: {"operation": "send_action_messages", "kind": "drop_after"},
        },
    )
    async with aclient() as client:
        with pytest.raises(np6.BadRequestError) as info:
            await client.actions.send("000PE4", contacts, batch_size=SIZE, concurrency=CONCURRENCY)
    progress = info.value.batch_progress
    assert progress is not None
    assert [_address(m) for m in progress.failed] == BATCHES[1]
    second = progress.later[0]
    assert [_address(m) for m in second.messages] == BATCHES[2]
    assert second.results is None and isinstance(second.error, np6.SendOutcomeUnknownError)
    assert "later=" in repr(progress)
    outbox = _outbox(admin)
    assert set(BATCHES[2]) <= set(outbox) and not set(BATCHES[1]) & set(outbox)
    _check(progress, outbox, seen, failed_ran=False)


@pytest.mark.anyio
async def test_notifications_execute_twin(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
) -> None:
    seen = watch(fail={2: {"operation": "execute_notification_batch", "kind": "status", "status": 503}})
    async with aclient() as client:
        with pytest.raises(np6.SendServerError) as info:
            await client.notifications.execute(156, contacts, batch_size=SIZE, concurrency=CONCURRENCY)
        progress = info.value.batch_progress
        assert progress is not None and [_address(m) for m in progress.failed] == BATCHES[2]
        _check(progress, _outbox(admin, "notification"), seen, failed_ran=False)
        admin.delete("/outbox").raise_for_status()
        ok = await client.notifications.execute(156, contacts, batch_size=SIZE, concurrency=CONCURRENCY)
    assert [_address(r) for r in ok] == ADDRESSES
    assert sorted(_outbox(admin, "notification")) == sorted(ADDRESSES)


# ------------------------------------------------------------------------------------------- interruptions
def _held_after_two(w: SendWatch, batch: list[str]) -> bool:
    """Batches 0 and 1 are answered; every later one is held on the server (not sent yet)."""
    return BATCHES.index(batch) >= 2


async def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, "the sends never got there"
        await asyncio.sleep(0.01)


async def _interrupted(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    stop: Callable[[Awaitable[Any], SendWatch], Awaitable[Any]],
) -> tuple[BaseException, SendWatch]:
    seen = watch(hold=_held_after_two)
    async with aclient() as client:
        send = client.actions.send("000PE4", contacts, batch_size=SIZE, concurrency=CONCURRENCY)
        with pytest.raises(BaseException) as info:
            await stop(send, seen)
    return info.value, seen


@pytest.mark.anyio
async def test_task_cancelled_mid_flight(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
) -> None:
    async def cancel(send: Awaitable[Any], seen: SendWatch) -> Any:
        task = asyncio.ensure_future(send)
        await _wait_until(lambda: len(seen.started) == 2 + CONCURRENCY and len(seen.finished) == 2)
        task.cancel()
        return await task

    error, seen = await _interrupted(watch, contacts, aclient, cancel)
    assert isinstance(error, asyncio.CancelledError)
    progress = np6.batch_progress_of(error)
    assert progress is not None
    assert [_address(r) for r in progress.results] == ADDRESSES[: 2 * SIZE]
    assert [_address(m) for m in progress.failed] == BATCHES[2]
    assert [[_address(m) for m in b.messages] for b in progress.later] == BATCHES[3:6]
    assert all(b.results is None and isinstance(b.error, asyncio.CancelledError) for b in progress.later)
    assert [_address(m) for m in progress.unsent] == ADDRESSES[6 * SIZE :]
    seen.released = True  # the held requests now reach the sandbox: sent, though the client had left
    await _wait_until(lambda: seen.in_flight == 0)
    _check(progress, _outbox(admin), seen, failed_ran=None)


@pytest.mark.anyio
async def test_wait_for_expiring_mid_flight(
    watch: Callable[..., SendWatch],
    contacts: list[Contact],
    aclient: Callable[..., np6.AsyncNP6],
    admin: httpx.Client,
) -> None:
    async def expire(send: Awaitable[Any], seen: SendWatch) -> Any:
        return await asyncio.wait_for(send, timeout=5)

    error, seen = await _interrupted(watch, contacts, aclient, expire)
    assert isinstance(error, TimeoutError)
    progress = np6.batch_progress_of(error)
    assert progress is not None
    assert [_address(m) for m in progress.failed] == BATCHES[2]
    seen.released = True
    await _wait_until(lambda: seen.in_flight == 0)
    _check(progress, _outbox(admin), seen, failed_ran=None)


CHILD = textwrap.dedent(
    """
    import asyncio, json, sys
    import np6
    from np6 import Contact

    url, key, size, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    addresses = json.loads(sys.argv[5])

    def address(item):
        recipient = item.to_dict()["recipient"]
        return recipient["unicity"] if "unicity" in recipient else recipient["value"][0]

    async def main():
        async with np6.AsyncNP6(api_key=key, base_url=url, timeout=60) as client:
            contacts = [Contact.unicity(a) for a in addresses]
            await client.actions.send("000PE4", contacts, batch_size=size, concurrency=concurrency)

    try:
        asyncio.run(main())
    except KeyboardInterrupt as exc:
        p = np6.batch_progress_of(exc)
        later = [[address(m) for m in b.messages] for b in p.later]
        print(json.dumps([[address(r) for r in p.results], [address(m) for m in p.failed], later,
                          [address(m) for m in p.unsent]]))
        sys.exit(130)
    print("not interrupted")
    """
)


def test_ctrl_c_mid_flight(
    watch: Callable[..., SendWatch], contacts: list[Contact], np6_sandbox_url: str, admin: httpx.Client
) -> None:
    """Ctrl-C under ``asyncio.run``: the ``KeyboardInterrupt`` it raises leads to the progress."""
    seen = watch(hold=_held_after_two)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            np6_sandbox_url,
            TEST_API_KEY,
            str(SIZE),
            str(CONCURRENCY),
            json.dumps(ADDRESSES),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (len(seen.started) == 2 + CONCURRENCY and len(seen.finished) == 2):
            assert time.monotonic() < deadline and child.poll() is None, "the sends never got there"
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130, err
    results, failed, later, unsent = json.loads(out)
    assert results == ADDRESSES[: 2 * SIZE] and failed == BATCHES[2]
    assert later == BATCHES[3:6] and unsent == ADDRESSES[6 * SIZE :]
    seen.released = True
    deadline = time.monotonic() + 60
    while seen.in_flight:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    outbox = _outbox(admin)
    assert len(outbox) == len(set(outbox)) and set(ADDRESSES[: 2 * SIZE]) <= set(outbox)
    assert set(outbox) <= set(ADDRESSES[: 6 * SIZE])  # nothing never tried was sent


# ------------------------------------------------------------------------------------------- arguments
@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "4", None])
@pytest.mark.anyio
async def test_concurrency_argument_checked_before_any_request(
    watch: Callable[..., SendWatch], contacts: list[Contact], aclient: Callable[..., np6.AsyncNP6], bad: Any
) -> None:
    seen = watch()
    async with aclient() as client:
        with pytest.raises(np6.NP6ValidationError, match=r"^concurrency must be an int >= 1, got "):
            await client.actions.send("000PE4", contacts, concurrency=bad)
        with pytest.raises(np6.NP6ValidationError, match=r"^concurrency must be an int >= 1, got "):
            await client.notifications.execute(156, contacts, concurrency=bad)
    assert seen.started == []


def test_sync_client_sends_one_batch_at_a_time(
    watch: Callable[..., SendWatch], contacts: list[Contact], sandbox_client: np6.NP6, admin: httpx.Client
) -> None:
    seen = watch()
    with pytest.raises(np6.NP6ValidationError, match=r"^concurrency=4 needs AsyncNP6"):
        sandbox_client.actions.send("000PE4", contacts, concurrency=4)
    with pytest.raises(np6.NP6ValidationError, match=r"^concurrency=2 needs AsyncNP6"):
        sandbox_client.notifications.execute(156, contacts, concurrency=2)
    with pytest.raises(np6.NP6ValidationError, match=r"^concurrency must be an int >= 1, got 0"):
        sandbox_client.actions.send("000PE4", contacts, concurrency=0)
    assert seen.started == []
    results = sandbox_client.actions.send("000PE4", contacts, batch_size=SIZE, concurrency=1)
    assert [_address(r) for r in results] == ADDRESSES and seen.max_in_flight == 1
    assert sorted(_outbox(admin)) == sorted(ADDRESSES)
