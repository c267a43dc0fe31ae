"""Event volumes stream: the server's memory does not grow with the number of events served."""

from __future__ import annotations

import json
import time
import tracemalloc

import httpx
import pytest

from np6_sandbox import Sandbox, serve

COUNT = 200_000
KEY = "stream-key"


def _stream(url: str, path: str, params: dict[str, object]) -> tuple[int, int, bytes, bytes]:
    """Read a response in chunks without keeping it: (bytes, top-level items, first bytes, last bytes)."""
    size = items = depth = 0
    head = tail = b""
    in_string = escaped = False
    with httpx.stream("GET", f"{url}{path}", params=params, headers={"X-Key": KEY}, timeout=120) as response:
        assert response.status_code == 200
        for chunk in response.iter_raw(65536):
            if not head:
                head = chunk[:64]
            tail = (tail + chunk)[-64:]
            size += len(chunk)
            for byte in chunk:  # count the array's items by tracking JSON depth outside strings
                if in_string:
                    if escaped:
                        escaped = False
                    elif byte == 0x5C:
                        escaped = True
                    elif byte == 0x22:
                        in_string = False
                elif byte == 0x22:
                    in_string = True
                elif byte in b"{[":
                    depth += 1
                    if depth == 2 and byte == 0x7B:
                        items += 1
                elif byte in b"}]":
                    depth -= 1
    return size, items, head, tail


@pytest.mark.slow
def test_200k_events_stream_in_flat_memory() -> None:
    sandbox = Sandbox(api_keys=[KEY], seed_data={})
    try:
        with serve(sandbox) as url:
            generated = httpx.post(
                f"{url}/_sandbox/events/generate",
                json={
                    "count": COUNT,
                    "scope": "actions",
                    "kind": "hit",
                    "link": "open",
                    "start": 1_700_000_000_000,
                },
                timeout=120,
            ).json()
            assert generated["inserted"] == COUNT
            tracemalloc.start()
            began = time.perf_counter()
            try:
                size, items, head, tail = _stream(url, "/actions/reactivities/hits/open", {"sort": "desc"})
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            seconds = time.perf_counter() - began
    finally:
        sandbox.close()
    print(
        f"\nstreamed {items} events, {size / 1e6:.0f} MB in {seconds:.1f} s; traced peak {peak / 1e6:.1f} MB"
    )
    assert items == COUNT
    assert head.startswith(b'[{"type":"hit"')
    assert tail.endswith(b"}]")
    assert size > 100_000_000
    assert peak < 20_000_000, f"peak {peak} bytes: the body is being built in memory"


def test_filters_and_sort_run_on_generated_events() -> None:
    sandbox = Sandbox(api_keys=[KEY], seed_data={}, validate_responses=True)
    try:
        with serve(sandbox) as url:
            body = {
                "count": 100,
                "scope": "notifications",
                "kind": "impression",
                "start": 1000,
                "step": 10,
                "id": 7,
            }
            httpx.post(f"{url}/_sandbox/events/generate", json=body, timeout=60).raise_for_status()
            with httpx.Client(base_url=url, headers={"X-Key": KEY}) as get:
                window = get.get(
                    "/notifications/reactivities/impressions",
                    params={"reactivityStart": 1100, "reactivityEnd": 1200},
                )
                assert [e["timestamp"] for e in window.json()] == list(range(1100, 1200, 10))
                scoped = get.get(
                    "/notifications/reactivities", params={"activationStart": 0, "sort": "desc"}
                ).json()
                assert [e["timestamp"] for e in scoped] == list(range(1990, 990, -10))
                assert (
                    get.get("/notifications/7/reactivities").status_code == 404
                )  # events, but no such notification
                assert json.loads(get.get("/notifications/reactivities/hits").text) == []
    finally:
        assert sandbox.drift == []
        sandbox.close()
