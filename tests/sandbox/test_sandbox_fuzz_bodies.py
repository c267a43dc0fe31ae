"""Hypothesis throws hostile JSON at every body-taking route, admin and API: never a 500 (issue 10, item 13).

schemathesis (test_schemathesis.py) generates what the descriptions allow; this adds what they cannot say:
NaN and Infinity, lone surrogates (escaped, so the text is still JSON), huge integers, deep nesting, and
arbitrary shapes. Calls go to the ASGI app in-process (no socket), as if from loopback, and after each one a
read of every collection must still answer 200: nothing stored may break a later read.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from np6_sandbox import Sandbox

KEY = "fuzz-key"
ADMIN = [
    "/_sandbox/reset",
    "/_sandbox/contacts",
    "/_sandbox/events",
    "/_sandbox/events?validate=false",
    "/_sandbox/events/generate",
    "/_sandbox/faults",
]
API = [
    ("/notifications", "application/json"),
    ("/notifications/156/execution", "application/json"),
    ("/actions", "application/json"),
    ("/actions/000PE4/execution", "application/vnd.np6.cm.email"),
]
READS = ["/notifications", "/actions", "/notifications/reactivities", "/actions/reactivities"]
ADMIN_READS = ["/_sandbox/contacts", "/_sandbox/outbox", "/_sandbox/faults", "/_sandbox/events"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec=None), max_size=12),  # lone surrogates included
    st.sampled_from(["\ud800", "a\udfffb", "1\r\nX: y", "status", "hit", "*", "000R4M0T"]),
)
keys = st.one_of(
    st.sampled_from(
        ["unicity", "fields", "count", "retry_after", "kind", "operation", "status", "recipient"]
    ),
    st.text(max_size=6),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=20,
)


def deep(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


bodies = st.one_of(
    values.map(lambda value: json.dumps(value, allow_nan=True)),  # ensure_ascii: surrogates as \udXXX
    st.integers(min_value=60, max_value=3000).map(deep),
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    created = Sandbox(api_keys=[KEY], max_generate=200)
    yield created
    created.close()


def _exchange(sandbox: Sandbox, calls: list[tuple[str, str, dict[str, str], bytes | None]]) -> list[int]:
    async def run() -> list[int]:
        transport = httpx.ASGITransport(sandbox, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://sb") as client:
            return [
                (await client.request(method, path, headers=headers, content=content)).status_code
                for method, path, headers, content in calls
            ]

    return asyncio.run(run())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ADMIN), body=bodies)
def test_admin_bodies(sandbox: Sandbox, path: str, body: str) -> None:
    statuses = _exchange(
        sandbox,
        [
            ("POST", path, {}, body.encode("utf-8", "surrogatepass")),
            *(("GET", read, {}, None) for read in ADMIN_READS),
        ],
    )
    assert statuses[0] != 500
    assert statuses[1:] == [200] * len(ADMIN_READS)
    sandbox.faults.clear()  # an injected fault would fail the reads of the next example


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(API), body=bodies, member=values)
def test_api_bodies(sandbox: Sandbox, target: tuple[str, str], body: str, member: Any) -> None:
    """Raw hostile bodies, and hostile values put inside an otherwise valid notification."""
    path, media = target
    notification = {"type": "push-app", "name": "n", "versions": [{"master": True, "content": member}]}
    headers = {"X-Key": KEY, "Content-Type": media}
    statuses = _exchange(
        sandbox,
        [
            ("POST", path, headers, body.encode("utf-8", "surrogatepass")),
            ("POST", "/notifications", headers, json.dumps(notification, allow_nan=True).encode()),
            *(("GET", read, {"X-Key": KEY}, None) for read in READS),
        ],
    )
    assert 500 not in statuses[:2]
    assert statuses[2:] == [200] * len(READS)
