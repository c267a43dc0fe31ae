"""Issue 10 item 11: a batched send stopped by task cancellation, ``asyncio.wait_for`` or Ctrl-C carries its
progress, and that progress agrees with what the sandbox actually sent (its outbox).

Six recipients, two per batch. After the first batch's answer, a response hook arms a ``delay`` fault on the
send operation: the sandbox RUNS the second batch (its two messages reach the outbox) and then holds the
answer back, so the client is interrupted with one batch sent, one in flight and one never tried.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from typing import Any

import httpx
import pytest

import np6
from np6 import Contact
from np6_sandbox.testing import TEST_API_KEY

ADDRESSES = [f"batch{i}@example.com" for i in range(6)]
HOLD = 10.0  # seconds the sandbox holds the second batch's answer back (the test interrupts long before)


def _add_contacts(admin: httpx.Client) -> None:
    body = [{"id": f"00BATCH{i}", "unicity": a} for i, a in enumerate(ADDRESSES)]
    admin.post("/contacts", json=body).raise_for_status()


def _sent_addresses(admin: httpx.Client) -> list[str]:
    return [entry["address"] for entry in admin.get("/outbox", params={"kind": "email"}).json()]


def _wait_for_outbox(admin: httpx.Client, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(_sent_addresses(admin)) < count:
        assert time.monotonic() < deadline, "the sandbox never ran the second batch"
        time.sleep(0.05)


def _address(item: Any) -> str:
    """The unicity of a result (its recipient footprint) or of a message (its recipient identifier)."""
    data = item.to_dict()
    recipient = data["recipient"]
    return str(recipient["unicity"] if "unicity" in recipient else recipient["value"][0])


def _split(progress: np6.BatchProgress) -> tuple[list[str], list[str], list[str]]:
    return (
        [_address(r) for r in progress.results],
        [_address(m) for m in progress.failed],
        [_address(m) for m in progress.unsent],
    )


def _arm_delay_after_first_batch(admin_url: str) -> Any:
    """A response hook that arms the delay fault once the first send batch has been answered."""
    armed: list[bool] = []

    async def hook(response: httpx.Response) -> None:
        if response.request.method == "POST" and not armed:
            armed.append(True)
            async with httpx.AsyncClient() as admin:
                fault = {"operation": "send_action_messages", "kind": "delay", "delay": HOLD}
                (await admin.post(f"{admin_url}/faults", json=fault)).raise_for_status()

    return hook


def _assert_agrees(progress: np6.BatchProgress, outbox: list[str]) -> None:
    sent, in_flight, never_tried = _split(progress)
    assert sent == ADDRESSES[:2] and in_flight == ADDRESSES[2:4] and never_tried == ADDRESSES[4:]
    # The sandbox ran the batch in flight (it is the "outcome unknown" part), nothing never tried.
    assert sorted(outbox) == sorted(sent + in_flight)


@pytest.mark.anyio
async def test_task_cancelled_mid_batch(np6_sandbox_url: str, admin: httpx.Client) -> None:
    _add_contacts(admin)
    hook = _arm_delay_after_first_batch(np6_sandbox_url + "/_sandbox")
    http = httpx.AsyncClient(event_hooks={"response": [hook]}, timeout=60)
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, http_client=http) as client:
        task = asyncio.ensure_future(
            client.actions.send("000PE4", [Contact.unicity(a) for a in ADDRESSES], batch_size=2)
        )
        await asyncio.to_thread(_wait_for_outbox, admin, 4)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as info:
            await task
    await http.aclose()
    progress = np6.batch_progress_of(info.value)
    assert progress is not None and progress is info.value.batch_progress  # type: ignore[attr-defined]
    _assert_agrees(progress, _sent_addresses(admin))


@pytest.mark.anyio
async def test_wait_for_expiring_mid_batch(np6_sandbox_url: str, admin: httpx.Client) -> None:
    _add_contacts(admin)
    hook = _arm_delay_after_first_batch(np6_sandbox_url + "/_sandbox")
    http = httpx.AsyncClient(event_hooks={"response": [hook]}, timeout=60)
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, http_client=http) as client:
        with pytest.raises(TimeoutError) as info:
            await asyncio.wait_for(
                client.actions.send("000PE4", [Contact.unicity(a) for a in ADDRESSES], batch_size=2),
                timeout=4,
            )
    await http.aclose()
    progress = np6.batch_progress_of(info.value)  # on the CancelledError wait_for raised TimeoutError from
    assert progress is not None
    sent, in_flight, never_tried = _split(progress)
    assert sent + in_flight + never_tried == ADDRESSES
    outbox = _sent_addresses(admin)
    assert set(sent) <= set(outbox) and not set(never_tried) & set(outbox)
    assert set(outbox) - set(sent) <= set(in_flight)  # anything else sent was in flight: "outcome unknown"
    if len(sent) == 2:  # the usual case: the first batch answered long before the timeout
        _assert_agrees(progress, outbox)


CHILD = textwrap.dedent(
    """
    import json, sys
    import httpx
    import np6
    from np6 import Contact

    url, key, hold = sys.argv[1], sys.argv[2], float(sys.argv[3])
    addresses = json.loads(sys.argv[4])
    armed = []

    def hook(response):
        if response.request.method == "POST" and not armed:
            armed.append(True)
            fault = {"operation": "send_action_messages", "kind": "delay", "delay": hold}
            httpx.post(url + "/_sandbox/faults", json=fault).raise_for_status()

    def address(item):
        recipient = item.to_dict()["recipient"]
        return recipient["unicity"] if "unicity" in recipient else recipient["value"][0]

    http = httpx.Client(event_hooks={"response": [hook]}, timeout=60)
    with np6.NP6(api_key=key, base_url=url, http_client=http) as client:
        try:
            client.actions.send("000PE4", [Contact.unicity(a) for a in addresses], batch_size=2)
        except KeyboardInterrupt as exc:
            p = np6.batch_progress_of(exc)
            print(json.dumps([[address(r) for r in p.results], [address(m) for m in p.failed],
                              [address(m) for m in p.unsent]]))
            sys.exit(130)
    print("not interrupted")
    """
)


def test_ctrl_c_mid_batch(np6_sandbox_url: str, admin: httpx.Client) -> None:
    _add_contacts(admin)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, np6_sandbox_url, TEST_API_KEY, str(HOLD), json.dumps(ADDRESSES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_outbox(admin, 4)
        os.kill(child.pid, signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130, err
    sent, in_flight, never_tried = json.loads(out)
    assert sent == ADDRESSES[:2] and in_flight == ADDRESSES[2:4] and never_tried == ADDRESSES[4:]
    assert sorted(_sent_addresses(admin)) == sorted(sent + in_flight)


def test_an_api_error_mid_batch_keeps_the_progress(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    """The existing contract, through the same code: a 400 on the first batch (nothing sent)."""
    _add_contacts(admin)
    fault = {"operation": "send_action_messages", "kind": "status", "status": 400}
    admin.post("/faults", json=fault).raise_for_status()
    with pytest.raises(np6.BadRequestError) as info:
        sandbox_client.actions.send("000PE4", [Contact.unicity(a) for a in ADDRESSES], batch_size=2)
    progress = info.value.batch_progress
    assert progress is not None and np6.batch_progress_of(info.value) is progress
    assert _split(progress) == ([], ADDRESSES[:2], ADDRESSES[2:])
    assert _sent_addresses(admin) == []
