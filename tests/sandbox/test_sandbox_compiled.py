"""Compiled validation (np6_sandbox/compiled.py) answers exactly what jsonschema answered before.

The sandbox asks a jsonschema-rs validator first and jsonschema (the reference, `reference_error`) whenever
that one does not accept a value. These tests hold the two to the same verdicts and messages: over the
events the sandbox itself makes (sends and /_sandbox/events/generate), over invalid mutations of them, over
the format edge cases where the two libraries differ (uuid spellings, integers past int32/int64, floats,
leap seconds, Feb 30, tuples), and through the API (`POST /_sandbox/events` answers the reference's 400).
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from np6_sandbox.app import Sandbox
from np6_sandbox.compiled import json_shaped
from np6_sandbox.spec import Schema, Spec, first_error, reference_error

EMAIL = "application/vnd.np6.cm.email"
GENERATED = [
    {"scope": "notifications", "kind": "hit"},
    {"scope": "notifications", "kind": "optout"},
    {"scope": "notifications", "kind": "bounce"},
    {"scope": "notifications", "kind": "impression"},
    {"scope": "actions", "kind": "hit", "link": "open"},
    {"scope": "actions", "kind": "hit", "link": "redirection"},
    {"scope": "actions", "kind": "bounce"},
    {"scope": "actions", "kind": "execution"},
]


def same_verdict(schema: Schema, value: Any, prefix: str = "") -> Any:
    """Assert the compiled path answers what the reference answers; return the reference's verdict.

    When the compiled validator does not accept a value, `first_error` is the reference by construction;
    what must hold is that it accepts nothing the reference refuses. (It may send a valid value to the
    reference: an integral float past int32, a leap second... that costs time, not correctness.)
    """
    expected = reference_error(schema.python, value, prefix)
    decoded = json_shaped(value)  # the promise `decoded=True` makes
    if schema.accepts(value, decoded=decoded):
        assert expected is None, (value, expected)
        assert first_error(schema, value, prefix, decoded=decoded) is None
        assert schema.is_valid(value)
    return expected


@pytest.fixture
def sandbox_events(np6_sandbox: Sandbox, client: httpx.Client, admin: httpx.Client) -> list[dict[str, Any]]:
    """Events of every kind the sandbox makes: from sends to the demo contacts, and generated."""
    contacts = [{"type": "contact", "value": {"type": "id", "value": i}} for i in ("000R4M0T", "000R4M0V")]
    sent = client.post("/notifications/156/executions", json=[{"recipient": r} for r in contacts])
    assert sent.status_code == 200, sent.text
    addresses = ("example@np6.com", "bounce@example.com")
    mails = [{"recipient": {"type": "unicity", "value": [u]}} for u in addresses]
    sent = client.post("/actions/000PE4/executions", json=mails, headers={"Content-Type": EMAIL})
    assert sent.status_code == 200, sent.text
    for body in GENERATED:
        admin.post("/events/generate", json={**body, "count": 1}).raise_for_status()
    events: list[dict[str, Any]] = []
    for path in ("/notifications/reactivities", "/actions/reactivities"):
        events += client.get(path).raise_for_status().json()
    kinds = {(e["source"]["type"], e["type"]) for e in events}
    notification = {("notification", k) for k in ("execution", "impression", "hit", "optout", "bounce")}
    assert kinds == notification | {("email", k) for k in ("execution", "hit", "bounce")}
    return events


def test_the_compiled_path_accepts_every_event_the_sandbox_makes(
    np6_sandbox: Sandbox, sandbox_events: list[dict[str, Any]]
) -> None:
    schema = np6_sandbox.event_validator
    for event in sandbox_events:
        assert schema.accepts(event, decoded=True), event  # the fast path, not a fallback
        assert same_verdict(schema, event) is None


def _paths(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, member in value.items():
            yield (*at, key)
            yield from _paths(member, (*at, key))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield (*at, index)
            yield from _paths(member, (*at, index))


REPLACEMENTS: list[Any] = [None, "x", "", 0, -1, 1.5, 3.0, True, [], {}, 2**31, 2**63, -(2**63) - 1, 3e10]


def _string_variants(text: str) -> list[str]:
    variants = [text.upper(), text + "\n", " " + text, text[:-1]]
    if len(text) == 36 and text.count("-") == 4:  # a uuid
        variants += [f"{{{text}}}", f"urn:uuid:{text}", text.replace("-", ""), text[:-1] + "g"]
    if text[:4].isdigit() and "T" in text:  # a date-time
        variants += [
            text.lower(),
            text.replace("T", " "),
            "2020-02-30T00:00:00Z",
            "2020-12-31T23:59:60Z",
            "2020-01-01T00:00:00+24:00",
            "2020-01-01T00:00:00.1234567Z",
        ]
    return variants


def mutations(event: dict[str, Any], rng: random.Random, count: int) -> Iterator[dict[str, Any]]:
    """`count` copies of an event, each with one member removed, retyped or respelled, or one added."""
    paths = list(_paths(event))
    for _ in range(count):
        path = rng.choice(paths)
        mutated = copy.deepcopy(event)
        parent = mutated
        for key in path[:-1]:
            parent = parent[key]
        current = parent[path[-1]]
        choice = rng.random()
        if choice < 0.15 and isinstance(parent, dict):
            del parent[path[-1]]
        elif choice < 0.25 and isinstance(current, dict):
            current["unexpected"] = 1
        elif isinstance(current, str) and choice < 0.7:
            parent[path[-1]] = rng.choice(_string_variants(current))
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(REPLACEMENTS))
        yield mutated


def test_invalid_mutations_get_the_same_refusal(
    np6_sandbox: Sandbox, sandbox_events: list[dict[str, Any]]
) -> None:
    schema = np6_sandbox.event_validator
    rng = random.Random(13)
    refused = accepted = 0
    for event in sandbox_events:
        for mutated in mutations(event, rng, 6):  # jsonschema takes ~0.1 s to explain a refused event
            if same_verdict(schema, mutated, "0") is None:
                accepted += 1
            else:
                refused += 1
    assert refused > 30 and accepted > 0, (refused, accepted)


def test_a_batch_is_accepted_in_one_call_exactly_when_each_event_is(
    np6_sandbox: Sandbox, sandbox_events: list[dict[str, Any]]
) -> None:
    """`Schema.accepts_all` (one compiled call for `POST /_sandbox/events`) agrees with `accepts` per item."""
    schema = np6_sandbox.event_validator
    rng = random.Random(7)
    pool = [*sandbox_events, *(m for e in sandbox_events for m in mutations(e, rng, 4))]
    verdicts = {id(event): schema.accepts(event, decoded=True) for event in pool}
    seen = set()
    for size in (0, 1, 2, 5, 40) * 8:
        batch = rng.sample(pool, min(size, len(pool)))
        expected = all(verdicts[id(event)] for event in batch)
        assert schema.accepts_all(batch) is expected
        seen.add(expected)
    assert seen == {True, False}
    assert schema.accepts_all([*sandbox_events] * 3)


def test_post_events_answers_the_references_400(
    np6_sandbox: Sandbox, sandbox_events: list[dict[str, Any]], admin: httpx.Client
) -> None:
    schema = np6_sandbox.event_validator
    good = sandbox_events[0]
    bad = copy.deepcopy(good)
    bad["source"]["detail"]["activation"]["stamp"]["time"] = 2**63  # past int64
    for index, body in ((1, [good, bad]), (0, [{**good, "id": "not-a-uuid"}])):
        expected = reference_error(schema.python, body[index], str(index))
        assert expected is not None
        admin.delete("/events").raise_for_status()
        response = admin.post("/events", json=body)
        assert response.status_code == 400
        assert response.json() == {
            "error": "invalid admin request",
            "detail": f"{expected.field}: {expected.detail} (add ?validate=false to inject it anyway)",
            "field": expected.field,
        }
        assert admin.get("/events").json() == {"count": 0}
    response = admin.post("/events", json=sandbox_events)
    assert response.status_code == 201
    assert response.json() == {"inserted": len(sandbox_events)}


# ------------------------------------------------------------------- format edge cases, schema by schema

FORMATS = Spec(
    {
        "openapi": "3.1.0",
        "info": {"title": "formats", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "uuid": {"type": "string", "format": "uuid"},
                "int32": {"type": ["integer", "null"], "format": "int32"},
                "int64": {"type": "integer", "format": "int64", "minimum": -5},
                "date-time": {"type": ["string", "null"], "format": "date-time"},
                "any-int32": {"format": "int32"},
                "array": {"type": "array", "items": {"type": "string", "format": "uuid"}},
                "enum": {"enum": [{"format": "uuid"}, 1]},
                "composed": {"allOf": [{"type": "object"}], "format": "uuid"},
            }
        },
    }
)

UUID = "2b5c9a8e-3a52-4c87-9a5e-1f0b9c1d2e3f"
EDGES: dict[str, list[Any]] = {
    "uuid": [
        UUID,
        UUID.upper(),
        f"{{{UUID}}}",
        f"urn:uuid:{UUID}",
        UUID.replace("-", ""),
        UUID + "\n",
        UUID[:-1] + "g",
        "2b5c9a8e3a52-4c87-9a5e-1f0b9c1d-2e3f",
        "٢b5c9a8e-3a52-4c87-9a5e-1f0b9c1d2e3f",
        3,
    ],
    "int32": [0, 2**31 - 1, 2**31, -(2**31), -(2**31) - 1, 3e10, 3.0, 2.5, True, None, "1"],
    "int64": [2**63 - 1, 2**63, -(2**63) - 1, 2**70, -(2**70), 10**40, 9.3e18, -6, -5.0, False],
    "date-time": [
        "2020-01-01T00:00:00Z",
        "2020-01-01t00:00:00z",
        "2020-01-01 00:00:00+01:00",
        "2020-02-29T00:00:00Z",
        "2021-02-29T00:00:00Z",
        "2020-02-30T00:00:00Z",
        "2020-12-31T23:59:60Z",
        "2020-01-01T24:00:00Z",
        "2020-01-01T00:00:00+24:00",
        "2020-01-01T00:00:00+23:59",
        "2020-01-01T00:00:00.1Z",
        "2020-01-01T00:00:00.1234567Z",
        "2020-01-01T00:00:00",
        "٢٠٢٠-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z",
        None,
        5,
    ],
    "any-int32": [2**31, "2147483648", [2**31], {"a": 2**31}, 2.0**31],
    "array": [[UUID], (UUID,), [UUID, "x"], ["x"], []],
    "enum": [{"format": "uuid"}, {"format": "x"}, 1, 1.0, True],
    "composed": [{}, "x", []],
}


@pytest.mark.parametrize("name", sorted(EDGES))
def test_format_edges_get_the_same_verdict(name: str) -> None:
    schema = FORMATS.component(name)
    verdicts = {repr(value): same_verdict(schema, value) is None for value in EDGES[name]}
    assert True in verdicts.values() and False in verdicts.values(), verdicts


def test_a_tuple_is_not_an_array_for_either() -> None:
    """jsonschema-rs reads a tuple as an array; values not built by json.loads go to the reference."""
    schema = FORMATS.component("array")
    assert not schema.accepts((UUID,))
    assert first_error(schema, (UUID,)) == reference_error(schema.python, (UUID,)) is not None


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.datetimes(timezones=st.just(dt.UTC)).map(lambda d: d.isoformat()),
        st.uuids().map(str),
        st.text(alphabet="0123456789abcdefABCDEF-:TZtz+. ", max_size=40),
        st.none(),
        st.booleans(),
    )
)
def test_random_scalars_get_the_same_verdict(value: Any) -> None:
    for name in ("uuid", "int32", "int64", "date-time", "any-int32"):
        same_verdict(FORMATS.component(name), value)
