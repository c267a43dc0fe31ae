"""Faults on a streamed reactivity export: a cut stream raises a typed error carrying the resume point, and
resuming from it yields every event exactly once (timestamps shared across the cut included)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import np6

from .conftest import SECRET
from .secrets import assert_no_secret

START = 1_700_000_000_000
OPERATION = "list_reactivities_of_all_notifications"


def generate(admin: httpx.Client, url: str) -> set[str]:
    """2,500 events; 1,601 share one timestamp, which straddles the sandbox's first batch of 1,000."""
    admin.post("/reset", json={"empty": True}).raise_for_status()
    for count, start, step in ((900, START, 1), (1600, START + 899, 0)):
        body = {"count": count, "scope": "notifications", "kind": "hit", "start": start, "step": step}
        admin.post("/events/generate", json=body).raise_for_status()
    listed = httpx.get(url + "/notifications/reactivities", headers={"X-Key": SECRET}, timeout=60)
    ids: set[str] = {e["id"] for e in listed.raise_for_status().json()}
    assert len(ids) == 2500
    return ids


def fault(admin: httpx.Client, **spec: Any) -> None:
    admin.post("/faults", json={"operation": OPERATION, **spec}).raise_for_status()


def test_truncated_stream_resumes_exactly_once(
    sandbox_url: str, admin: httpx.Client, np6_logs: pytest.LogCaptureFixture
) -> None:
    expected = generate(admin, sandbox_url)
    fault(admin, kind="truncate")
    seen: list[str] = []
    with np6.NP6(api_key=SECRET, base_url=sandbox_url, timeout=10.0) as client:
        with pytest.raises(np6.StreamInterruptedError) as info:
            for event in client.notifications.reactivities(sort="asc"):
                seen.append(str(event.id))
        error = info.value
        assert error.resumable and error.count == len(seen) > 0
        assert error.last_timestamp == START + 899  # the cut fell inside the shared timestamp
        assert len(error.ids_at_last_timestamp) > 1
        # a second cut, on the resumed stream too
        fault(admin, kind="truncate")
        with pytest.raises(np6.StreamInterruptedError) as again:
            for event in client.notifications.reactivities(sort="asc", resume=error):
                seen.append(str(event.id))
        for event in client.notifications.reactivities(sort="asc", resume=again.value):
            seen.append(str(event.id))
    assert len(seen) == len(set(seen)) == 2500  # nothing twice
    assert set(seen) == expected  # nothing lost
    assert_no_secret(SECRET, error=error, records=np6_logs.records, objects=[error, again.value])


@pytest.mark.parametrize("kind", ["drop", "503"])
def test_stream_request_that_fails_before_any_byte_is_retried(
    sandbox_url: str, admin: httpx.Client, sleeps: list[float], kind: str
) -> None:
    expected = generate(admin, sandbox_url)
    fault(admin, **({"kind": "drop"} if kind == "drop" else {"kind": "status", "status": 503}))
    with np6.NP6(api_key=SECRET, base_url=sandbox_url, timeout=10.0) as client:
        seen = [str(e.id) for e in client.notifications.reactivities(sort="asc")]
    assert len(sleeps) == 1 and set(seen) == expected and len(seen) == 2500


def test_stream_with_unknown_event_kind_keeps_it(sandbox_url: str, admin: httpx.Client) -> None:
    generate(admin, sandbox_url)
    fault(admin, kind="unknown_enum")
    with np6.NP6(api_key=SECRET, base_url=sandbox_url, timeout=10.0) as client:
        events = list(client.notifications.reactivities(sort="asc"))
    assert len(events) == 2500
    assert type(events[0]).__name__ == "UnknownEvent" and events[0].type_ == "teleport"


def test_malformed_stream_is_a_typed_error(sandbox_url: str, admin: httpx.Client) -> None:
    generate(admin, sandbox_url)
    fault(admin, kind="malformed")
    with (
        np6.NP6(api_key=SECRET, base_url=sandbox_url, timeout=10.0) as client,
        pytest.raises(np6.APIError) as info,
    ):
        list(client.notifications.reactivities(sort="asc"))
    assert SECRET not in str(info.value)


def test_async_truncated_stream_resumes_exactly_once(sandbox_url: str, admin: httpx.Client) -> None:
    import asyncio

    expected = generate(admin, sandbox_url)
    fault(admin, kind="truncate")

    async def run() -> list[str]:
        seen: list[str] = []
        async with np6.AsyncNP6(api_key=SECRET, base_url=sandbox_url, timeout=10.0) as client:
            try:
                async for event in client.notifications.reactivities(sort="asc"):
                    seen.append(str(event.id))
            except np6.StreamInterruptedError as exc:
                async for event in client.notifications.reactivities(sort="asc", resume=exc):
                    seen.append(str(event.id))
            else:
                raise AssertionError("the stream was not cut")
        return seen

    seen = asyncio.run(run())
    assert len(seen) == len(set(seen)) == 2500 and set(seen) == expected
