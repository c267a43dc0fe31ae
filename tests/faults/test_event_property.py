"""Property: any JSON the server may send for an event parses or raises ``np6.NP6Error``, never anything else.

Events are drawn from the spec's ``Event`` schema (a small JSON-Schema-to-strategy walker over the shipped
spec: ``$ref``, ``oneOf``/``anyOf``, ``const``, ``enum``, objects, arrays, formats), then, beyond it,
mutated: a subtree replaced by junk (wrong types, nested junk), a key dropped, an unknown key added. Both
paths a user meets are checked: a streamed item (``reactivities()``) and a non-streamed list body.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import np6
from np6._base_client import _Call
from np6._operations import endpoint
from np6._streaming import _Parser, _sync_events

from support import load_spec

STREAM_OPS = ("list_reactivities_of_all_notifications", "list_reactivities_of_all_actions")

JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
JUNK = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


SCHEMAS: dict[str, Any] = load_spec()["components"]["schemas"]


def from_schema(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return st.deferred(lambda: from_schema(SCHEMAS[name], depth + 1))
    if depth > 12:
        return JSON_LEAVES
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([from_schema(s, depth + 1) for s in schema[key]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**schema, "type": k}, depth) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(min_value=0, max_value=2**53)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "uuid":
            return st.uuids().map(str)
        if fmt == "date-time":
            return st.datetimes(timezones=st.just(datetime.UTC)).map(lambda d: d.isoformat())
        return st.text(max_size=12)
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {}), depth + 1), max_size=2)
    if kind == "object" or "properties" in schema:
        props: dict[str, Any] = schema.get("properties", {})
        required = [k for k in schema.get("required", []) if k in props]
        optional = [k for k in props if k not in required]
        return st.fixed_dictionaries(
            {k: from_schema(props[k], depth + 1) for k in required},
            optional={k: from_schema(props[k], depth + 1) for k in optional},
        )
    return JUNK


def mutate(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """One random change somewhere in ``value``: junk in place, a dropped key, an extra key."""
    if isinstance(value, dict) and value and depth < 6 and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(value)))
        out = dict(value)
        action = draw(st.sampled_from(["descend", "drop", "junk", "extra"]))
        if action == "descend":
            out[key] = mutate(draw, value[key], depth + 1)
        elif action == "drop":
            del out[key]
        elif action == "junk":
            out[key] = draw(JUNK)
        else:
            out[draw(st.text(min_size=1, max_size=6))] = draw(JUNK)
        return out
    if isinstance(value, list) and value and depth < 6 and draw(st.booleans()):
        i = draw(st.integers(0, len(value) - 1))
        return [*value[:i], mutate(draw, value[i], depth + 1), *value[i + 1 :]]
    return draw(JUNK)


@st.composite
def events(draw: st.DrawFn) -> Any:
    event = draw(from_schema({"$ref": "#/components/schemas/Event"}))
    if draw(st.integers(0, 2)) == 0:
        return event  # as the spec allows
    return mutate(draw, event)  # beyond it


def parse_streamed(operation_id: str, item: Any) -> Any:
    """Through the stream generator users iterate (``_sync_events``), over a response holding ``[item]``."""
    request = httpx.Request("GET", "http://127.0.0.1:9/x")
    response = httpx.Response(200, content=json.dumps([item]).encode(), request=request)
    parser = _Parser(operation_id, sort="asc", resume=None)
    return list(_sync_events(lambda: response, parser))


def parse_listed(operation_id: str, item: Any) -> Any:
    client = np6.NP6(api_key="k", base_url="http://127.0.0.1:9")
    request = httpx.Request("GET", "http://127.0.0.1:9/x")
    response = httpx.Response(200, json=[item], request=request)
    return client._parse(_Call(operation_id, endpoint(operation_id), request), response)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events())
def test_any_event_parses_or_raises_np6_error(event: Any) -> None:
    for operation_id in STREAM_OPS:
        for parse in (parse_streamed, parse_listed):
            with contextlib.suppress(np6.NP6Error):
                parse(operation_id, event)


@settings(max_examples=100, deadline=None)
@given(item=JUNK)
def test_any_json_item_parses_or_raises_np6_error(item: Any) -> None:
    for operation_id in STREAM_OPS:
        for parse in (parse_streamed, parse_listed):
            with contextlib.suppress(np6.NP6Error):
                parse(operation_id, item)


def test_a_type_that_is_not_a_string_is_a_typed_error_not_a_crash() -> None:
    # found by the property above: `{"type": [...]}` made the stream dispatch raise TypeError (unhashable)
    for item in ({"type": ["hit"], "id": "x", "timestamp": 1}, {"type": {"a": 1}}):
        for parse in (parse_streamed, parse_listed):
            with contextlib.suppress(np6.NP6Error):
                parse(STREAM_OPS[0], item)
