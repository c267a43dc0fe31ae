"""The per-call fast paths (issue 13) give the answers of the slow paths they skip.

``json_too_deep`` answers "no" from a count of openers when there are too few to nest past ``max_depth``;
the decoded body is handed to the generated parser on the response itself instead of a copy. Each is
checked against an independent reference, on generated JSON and on the edge cases.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

import np6
from np6 import _base_client
from np6._reading import json_too_deep
from np6_api.models.notification import Notification

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)


def reference_depth(body: bytes) -> int:
    """How deep arrays/objects nest in a JSON text, by a plain scan that skips strings."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        char = chr(byte)
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text('[]{}"\\ab/é', max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text('[]{}"\\x', max_size=4), inner, max_size=4)
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(value=_JSON, max_depth=st.integers(0, 12), ascii_only=st.booleans())
def test_json_too_deep_agrees_with_a_plain_scan(value: Any, max_depth: int, ascii_only: bool) -> None:
    body = json.dumps(value, ensure_ascii=ascii_only).encode()
    assert json_too_deep(body, max_depth) is (reference_depth(body) > max_depth)


@pytest.mark.parametrize(
    ("body", "max_depth", "too_deep"),
    [
        (b"[" * 64 + b"]" * 64, 64, False),  # exactly as many openers as allowed: the count answers
        (b"[" * 65 + b"]" * 65, 64, True),  # one more: the full measure answers
        (b'["' + b"[" * 100 + b'"]', 64, False),  # many openers, all inside a string: the full measure
        (b"[" + b"[]," * 100 + b"[]]", 2, False),  # wide, shallow, more openers than max_depth
        (b"[" + b"[]," * 100 + b"[[]]]", 2, True),
    ],
)
def test_json_too_deep_around_the_count(body: bytes, max_depth: int, too_deep: bool) -> None:
    assert json_too_deep(body, max_depth) is too_deep
    assert too_deep is (reference_depth(body) > max_depth)


NOTIFICATION = {
    "type": "push-app",
    "id": 156,
    "name": "Spring sale é",
    "stamp": {"creation": "2026-12-02T03:39:26.950Z", "modification": "2026-12-02T03:39:26.950+01:00"},
    "versions": [{"id": "ecce4585-1627-4495-90fc-7bbc27d2ae26", "master": True, "label": "A"}],
    "extra": {"kept": [1, 2]},
}


@pytest.mark.parametrize("encoding", [None, "gzip"])
@respx.mock(base_url=BASE)
def test_the_parsed_model_and_captured_bytes_are_those_of_the_decoded_body(
    respx_mock: respx.MockRouter, client: np6.NP6, encoding: str | None
) -> None:
    text = json.dumps(NOTIFICATION).encode()
    headers = {"content-type": "application/json", "x-request-id": "r-1"}
    wire = text
    if encoding:
        wire = gzip.compress(text)
        headers["content-encoding"] = encoding
    respx_mock.get("/notifications/156").mock(return_value=httpx.Response(200, headers=headers, content=wire))
    with _base_client.capture_bodies() as bodies:
        notification = client.notifications.get(156)
    assert notification == Notification.from_dict(NOTIFICATION)
    assert notification.additional_properties == {"extra": {"kept": [1, 2]}}
    assert [(b.operation_id, b.status, b.content) for b in bodies] == [("get_notification", 200, text)]
