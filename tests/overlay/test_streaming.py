"""Reactivity streaming: dispatch derived from the generated code, bounded memory, early stop, resume."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import np6
from np6._streaming import variant_map
from np6_api.models.event_type import EventType
from np6_api.models.unknown_event import UnknownEvent
from np6_sandbox import serve
from np6_sandbox.testing import TEST_API_KEY

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)

HIT = {"type": "hit", "id": "14d3d192-bd40-4c0b-9048-4469ab3a981c", "timestamp": 5}


def generate(
    admin: httpx.Client, count: int, *, start: int, step: int = 1, scope: str = "notifications"
) -> None:
    body = {"count": count, "scope": scope, "kind": "hit", "start": start, "step": step}
    admin.post("/events/generate", json=body).raise_for_status()


# ------------------------------------------------------------------------------------------- dispatch
def test_variant_map_is_derived_from_the_generated_code() -> None:
    known, fallback = variant_map("list_reactivities_of_all_actions")
    assert fallback is UnknownEvent
    assert set(known) == {member.value for member in EventType}
    for kind, cls in known.items():
        assert cls.__name__ == f"{kind.capitalize()}Event"
    assert variant_map("list_hits_of_notification")[0] == known


@respx.mock(base_url=BASE)
def test_unknown_and_unparseable_kinds_fall_back_raw(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    items = [
        HIT,
        {"type": "teleport", "id": "x", "timestamp": 6, "extra": [1]},
        {"type": "hit", "id": "not-a-uuid", "timestamp": 7},  # a known kind that fails to parse: kept raw
        {"type": "bounce", "id": "14d3d192-bd40-4c0b-9048-4469ab3a981c", "timestamp": 8, "new": True},
    ]
    respx_mock.get("/notifications/reactivities").mock(return_value=httpx.Response(200, json=items))
    events = list(client.notifications.reactivities())
    assert [type(e).__name__ for e in events] == ["HitEvent", "UnknownEvent", "UnknownEvent", "BounceEvent"]
    assert events[1].additional_properties == {"extra": [1]}
    assert events[2].id == "not-a-uuid"
    assert events[3].additional_properties == {"new": True}


@respx.mock(base_url=BASE)
def test_a_non_object_item_is_a_validation_error(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    respx_mock.get("/actions/reactivities/bounces").mock(return_value=httpx.Response(200, json=[HIT, 3]))
    stream = client.actions.reactivities("bounces")
    assert type(next(stream)).__name__ == "HitEvent"
    with pytest.raises(np6.APIResponseValidationError):
        next(stream)


@respx.mock(base_url=BASE)
def test_kind_scope_and_filters_reach_the_right_operation(
    respx_mock: respx.MockRouter, client: np6.NP6
) -> None:
    route = respx_mock.get("/actions/000PE4/reactivities/hits/open").mock(
        return_value=httpx.Response(200, json=[])
    )
    assert (
        list(client.actions.reactivities("open_hits", action_id="000PE4", reactivity_start=10, sort="asc"))
        == []
    )
    assert dict(route.calls.last.request.url.params) == {"reactivityStart": "10", "sort": "asc"}


@respx.mock(base_url=BASE)
def test_stream_status_error_is_typed(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    respx_mock.get("/notifications/9/reactivities").mock(return_value=httpx.Response(404))
    with pytest.raises(np6.NotFoundError):
        list(client.notifications.reactivities(notification_id=9))


# ------------------------------------------------------------------------------- against the sandbox
# These use their own sandbox without response validation: validating thousands of events server-side (and
# under tracemalloc) would make the tests slow without testing the client any better.
@pytest.fixture(scope="module")
def fast_sandbox() -> Iterator[str]:
    with serve(api_keys=[TEST_API_KEY]) as url:
        yield url


@pytest.fixture
def fast(fast_sandbox: str) -> Iterator[tuple[str, httpx.Client]]:
    """(base URL, admin client) of the non-validating sandbox, emptied for the test."""
    with httpx.Client(base_url=fast_sandbox + "/_sandbox", timeout=60.0) as admin:
        admin.post("/reset", json={"empty": True}).raise_for_status()
        admin.delete("/faults").raise_for_status()
        yield fast_sandbox, admin


@pytest.mark.slow
def test_memory_stays_flat_over_a_large_stream(fast: tuple[str, httpx.Client]) -> None:
    url, admin = fast
    count = 12_000  # ~10 MB of JSON; holding it (or the parsed events) would take far more than the bound
    generate(admin, count, start=1_600_000_000_000)
    seen = 0
    last = -1
    with np6.NP6(api_key=TEST_API_KEY, base_url=url, timeout=60.0) as client:
        tracemalloc.start()
        try:
            for event in client.notifications.reactivities("hits", sort="asc"):
                seen += 1
                assert event.timestamp > last
                last = event.timestamp
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert seen == count
    assert peak < 6 * 1024 * 1024, f"peak {peak} bytes while streaming"


def test_early_stop_closes_the_connection(fast: tuple[str, httpx.Client]) -> None:
    url, admin = fast
    generate(admin, 5_000, start=1_600_000_000_000)
    responses: list[httpx.Response] = []
    http = httpx.Client(
        limits=httpx.Limits(max_connections=1),
        timeout=httpx.Timeout(10.0, pool=1.0),
        event_hooks={"response": [responses.append]},
    )
    with http, np6.NP6(api_key=TEST_API_KEY, base_url=url, http_client=http, max_retries=0) as client:
        for index, _ in enumerate(client.notifications.reactivities()):
            if index == 10:
                break
        assert responses[-1].is_closed
        # the only connection of the pool is free again: a next call does not wait for it
        assert list(client.notifications.reactivities("bounces")) == []
        with client.notifications.reactivities() as stream:
            next(stream)
        assert responses[-1].is_closed


def test_interrupted_stream_resumes_with_every_event_exactly_once(fast: tuple[str, httpx.Client]) -> None:
    url, admin = fast
    # 1500 events at one same timestamp, then 1500 increasing: the cut falls inside the equal timestamps
    generate(admin, 1500, start=1_700_000_000_000, step=0, scope="actions")
    generate(admin, 1500, start=1_700_000_000_001, step=1, scope="actions")
    fault = {"operation": "list_reactivities_of_all_actions", "kind": "truncate"}
    admin.post("/faults", json=fault).raise_for_status()
    got: list[str] = []
    with np6.NP6(api_key=TEST_API_KEY, base_url=url) as client:
        with pytest.raises(np6.StreamInterruptedError) as info:
            for event in client.actions.reactivities(sort="asc"):
                got.append(str(event.id))
        exc = info.value
        assert 0 < exc.count == len(got) < 3000
        assert exc.last_event_id == got[-1]
        assert exc.last_timestamp == 1_700_000_000_000
        assert exc.resumable
        assert f"after {exc.count} event(s)" in str(exc)
        resumed = [str(e.id) for e in client.actions.reactivities(sort="asc", resume=exc)]
        everything = [str(e.id) for e in client.actions.reactivities(sort="asc")]
    assert len(everything) == 3000
    assert got + resumed == everything


@pytest.mark.anyio
async def test_async_stream_stop_and_interrupt(fast: tuple[str, httpx.Client]) -> None:
    url, admin = fast
    generate(admin, 2_500, start=1_600_000_000_000)
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=url) as client:
        seen: list[Any] = []
        async with client.notifications.reactivities("hits", sort="asc") as stream:
            async for event in stream:
                seen.append(event)
                if len(seen) == 5:
                    break
        assert stream.count == 5
        admin.post("/faults", json={"operation": "list_hits_of_all_notifications", "kind": "truncate"})
        got = []
        with pytest.raises(np6.StreamInterruptedError) as info:
            async for event in client.notifications.reactivities("hits", sort="asc"):
                got.append(event.id)
        rest = [e.id async for e in client.notifications.reactivities("hits", sort="asc", resume=info.value)]
        assert len(got) + len(rest) == 2_500
        assert len(set(got + rest)) == 2_500
