"""`POST /_sandbox/events` after its speed-up: what it stores and serves, and what it refuses, is as before.

The speed-up parses with orjson (bodies.py), checks a batch with one compiled call (spec.Schema.accepts_all)
and writes the stored texts with orjson (events.texts). What must hold: every event is served back equal, as
JSON values, to what was posted, in the order, sorting and filters of the API, as the very bytes json's
compact encoder writes (the stored text did not change); a batch holding one invalid event is refused with
jsonschema's 400 and nothing of it is stored; hostile text is refused naming the field.
"""

from __future__ import annotations

import copy
import decimal
import json
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from np6_sandbox import events, serve
from np6_sandbox.app import Sandbox
from np6_sandbox.spec import reference_error


def compact(value: Any) -> str:
    """The stored text before the speed-up."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# ------------------------------------------------------------------------------- events.texts, unit

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(),  # NaN and infinities included: json writes them, orjson would write null
        st.text(alphabet=st.characters(codec=None), max_size=8),  # lone surrogates included
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(json_values, max_size=6))
def test_texts_are_the_bytes_json_writes(values: list[Any]) -> None:
    assert events.texts(values) == [compact(value) for value in values]


@pytest.mark.parametrize(
    "value",
    [
        [1e-05, 1.5e-07, 5.0, -0.0, 1e16, 1e22, 1e300, 2.5, 0.1, 123456789012345680.0],
        {"n": [2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 2**70]},
        {"s": '\x00\x1f\x7f\u2028é\U0001f600"\\/\n\t', "k\x00": None},
        {"nan": float("nan"), "inf": [float("inf"), float("-inf")]},
        {1: "a", None: [True, False]},  # keys json turns into strings
        ("a", (1, 2)),
    ],
)
def test_texts_of_edge_values(value: Any) -> None:
    assert events.texts([value, {"after": value}]) == [compact(value), compact({"after": value})]


def test_texts_refuse_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        events.texts([{"a": 1}, {"price": decimal.Decimal("1.5")}])
    with pytest.raises(TypeError):
        events.texts([{"a": {1, 2}}])


def test_texts_of_integral_events_are_orjsons(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is taken for a batch whose numbers are all integers (json is not called)."""

    class Refusing(json.JSONEncoder):
        def encode(self, o: Any) -> str:
            raise AssertionError("json's encoder called")

    batch = [{"id": "é", "timestamp": 1623673176622, "n": [5.0, None, True]}] * 3
    monkeypatch.setattr(events, "_ENCODER", Refusing())
    assert events.texts(batch) == [compact(event) for event in batch]
    with pytest.raises(AssertionError, match="encoder called"):
        events.texts([*batch, {"x": 0.5}])


# ------------------------------------------------------------------------------- through the API

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
ODD_TEXT = 'é \U0001f600 \u2028 "q" \\ / \x00 \x1f \x7f'


@pytest.fixture
def posted(client: httpx.Client, admin: httpx.Client) -> list[dict[str, Any]]:
    """Spec-valid events of every generated kind, three of each, with distinct odd timestamps, free text
    holding quotes, NUL, control characters and astral characters, in a shuffled order; none stored."""
    for body in GENERATED:
        admin.post("/events/generate", json={**body, "count": 3}).raise_for_status()
    made: list[dict[str, Any]] = []
    for path in ("/notifications/reactivities", "/actions/reactivities"):
        made += client.get(path).raise_for_status().json()
    admin.delete("/events").raise_for_status()
    rng = random.Random(13)
    rng.shuffle(made)
    for index, event in enumerate(made):
        event["timestamp"] = 1_700_000_000_000 + rng.choice([0, 5, 5, 9, 2**40]) + index % 3
        link = event["source"]["detail"].get("link")
        if link is not None:
            link["label"] = f"{ODD_TEXT} {index}"
    return made


def _served(client: httpx.Client, path: str, **params: Any) -> tuple[bytes, list[Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.content, response.json()


def test_posted_events_are_served_back_as_posted(
    client: httpx.Client, admin: httpx.Client, posted: list[dict[str, Any]]
) -> None:
    labels = [e["source"]["detail"]["link"]["label"] for e in posted if "link" in e["source"]["detail"]]
    assert len(labels) > 5 and all(label.startswith(ODD_TEXT) for label in labels)
    batches = [posted[:1], posted[1:10], posted[10:]]
    for batch in batches:
        response = admin.post("/events", content=json.dumps(batch, indent=2).encode())
        assert response.status_code == 201, response.text
        assert response.json() == {"inserted": len(batch)}
    assert admin.get("/events").json() == {"count": len(posted)}
    order = {id(event): index for index, event in enumerate(posted)}

    def check(path: str, keep: Callable[[dict[str, Any]], bool], **params: Any) -> None:
        expected = [event for event in posted if keep(event)]
        if params.get("sort") in ("asc", "desc"):
            expected.sort(key=lambda e: (e["timestamp"], order[id(e)]), reverse=params["sort"] == "desc")
        content, value = _served(client, path, **params)
        assert value == expected, (path, params)
        assert content == ("[" + ",".join(compact(event) for event in expected) + "]").encode()

    def notification(e: dict[str, Any]) -> bool:
        return bool(e["source"]["type"] == "notification")

    def action(e: dict[str, Any]) -> bool:
        return not notification(e)

    for sort in (None, "asc", "desc"):
        params = {} if sort is None else {"sort": sort}
        check("/notifications/reactivities", notification, **params)
        check("/actions/reactivities", action, **params)
        check("/notifications/reactivities/hits", lambda e: notification(e) and e["type"] == "hit", **params)
        check("/actions/reactivities/bounces", lambda e: action(e) and e["type"] == "bounce", **params)
    check(
        "/actions/000PE4/reactivities/hits/open",
        lambda e: action(e) and e["source"]["detail"].get("link", {}).get("type") == "open",
    )
    check("/notifications/156/reactivities", notification, sort="asc")
    start, end = 1_700_000_000_005, 1_700_000_000_010
    check(
        "/notifications/reactivities",
        lambda e: notification(e) and start <= e["timestamp"] < end,
        reactivityStart=start,
        reactivityEnd=end,
        sort="desc",
    )


@pytest.mark.parametrize("at", [0, 499, 999])
def test_one_invalid_event_refuses_the_whole_batch(
    np6_sandbox: Sandbox, admin: httpx.Client, posted: list[dict[str, Any]], at: int
) -> None:
    batch = [copy.deepcopy(posted[index % len(posted)]) for index in range(1000)]
    batch[at]["source"]["detail"]["activation"]["stamp"]["time"] = 2**63  # past int64
    if at != 999:
        batch[999]["id"] = "not-a-uuid"  # a later invalid event: the first one is named
    expected = reference_error(np6_sandbox.event_validator.python, batch[at], str(at))
    assert expected is not None
    response = admin.post("/events", json=batch)
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid admin request",
        "detail": f"{expected.field}: {expected.detail} (add ?validate=false to inject it anyway)",
        "field": expected.field,
    }
    assert admin.get("/events").json() == {"count": 0}
    batch = [event for index, event in enumerate(batch) if index not in (at, 999)]
    assert admin.post("/events", json=batch).json() == {"inserted": len(batch)}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('"\\ud800"', "1.source.detail.link.label"),
        ('"a\\udfffb"', "1.source.detail.link.label"),
        ("NaN", "1.source.detail.link.label"),
        ("1e999", "1.source.detail.link.label"),
        ("[" * 70 + "]" * 70, "1.source.detail.link.label" + ".0" * 59),
    ],
)
def test_hostile_events_are_refused_naming_the_field(
    admin: httpx.Client, posted: list[dict[str, Any]], text: str, field: str
) -> None:
    hit = next(e for e in posted if "link" in e["source"]["detail"])
    batch = [hit, copy.deepcopy(hit)]
    batch[1]["source"]["detail"]["link"]["label"] = "@LABEL@"
    body = json.dumps(batch).replace('"@LABEL@"', text)
    for params in ({}, {"validate": "false"}):
        response = admin.post("/events", params=params, content=body)
        assert response.status_code == 400, response.text
        assert response.json()["field"] == field
        assert admin.get("/events").json() == {"count": 0}


def test_unvalidated_events_keep_their_numbers_and_text() -> None:
    """Off-spec events (`?validate=false`) with floats, integers past 64 bits and odd text are served as
    posted, and as the bytes json writes (floats included: orjson would write 1e-05 as 0.00001)."""
    odd = [
        {
            "type": "hit",
            "timestamp": 5,
            "source": {"type": "notification"},
            "n": [1e-05, 1.5e-07, -0.0, 1e16],
        },
        {"type": "hit", "timestamp": 2**70, "source": {"type": "notification"}, "n": [2**64, -(2**63) - 1]},
        {"type": "hit", "timestamp": 7, "source": {"type": "notification"}, "s": ODD_TEXT, "n": 5.0},
        {"type": "hit", "timestamp": 6, "source": {"type": "notification"}, "n": [2**63, 2**62 + 1]},
    ]
    with serve(api_keys=["k"]) as url:  # no response validation: the events are off-spec on purpose
        response = httpx.post(f"{url}/_sandbox/events", params={"validate": "false"}, json=odd)
        assert response.status_code == 201, response.text
        served = httpx.get(f"{url}/notifications/reactivities", headers={"X-Key": "k"})
    assert served.status_code == 200
    assert served.json() == odd
    assert served.content == ("[" + ",".join(compact(event) for event in odd) + "]").encode()
