"""The per-call fast paths (issue 13) give the answers of the slow paths they skip.

``json_too_deep`` answers "no" from a count of openers when there are too few to nest past ``max_depth``;
the decoded body is handed to the generated parser on the response itself instead of a copy. Each is
checked against an independent reference, on generated JSON and on the edge cases.
"""

from __future__ import annotations

import gzip
import json
import os
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

import np6
from leaks import assert_no_key
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


KEY = "sk-unit-9f8e7d6c5b4a"  # the client fixture's key (same as conftest.KEY)
NP6_DIR = os.path.dirname(np6.__file__)


def requests_reachable(exc: BaseException) -> list[httpx.Request]:
    """The requests an exception hands out: its responses', and those in the locals of np6's frames in its
    traceback (the lower layers' own copies of the request, e.g. respx's or httpcore's, are not np6's)."""
    found: list[httpx.Request] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # a re-raised exception can be its own context
        seen.add(id(current))
        response = getattr(current, "response", None)
        if isinstance(response, httpx.Response):
            found.append(response.request)
        tb = current.__traceback__
        while tb is not None:
            if not tb.tb_frame.f_code.co_filename.startswith(NP6_DIR):
                tb = tb.tb_next
                continue
            for value in list(tb.tb_frame.f_locals.values()):
                try:
                    request = getattr(value, "request", value)
                except RuntimeError:  # an httpx.Response built without one
                    continue
                if isinstance(request, httpx.Request):
                    found.append(request)
            tb = tb.tb_next
        current = current.__cause__ or current.__context__
    return found


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (httpx.Response(404, json={"message": "no"}), np6.NotFoundError),
        (httpx.Response(500, text="down"), np6.InternalServerError),  # retried, then final
        (httpx.Response(302, headers={"location": "https://elsewhere.example/"}), np6.UnexpectedStatusError),
        (httpx.Response(200, json={"id": 1}), np6.APIResponseValidationError),  # no "type": not a model
        (httpx.Response(200, content=b"[" * 70 + b"]" * 70), np6.ResponseTooDeepError),
        (httpx.Response(200, content=b"{broken"), np6.APIResponseValidationError),
        (httpx.ConnectError("refused"), np6.APIConnectionError),
        (httpx.ReadTimeout("slow"), np6.APITimeoutError),
        (KeyboardInterrupt(), KeyboardInterrupt),
    ],
    ids=["404", "500", "302", "not-a-model", "too-deep", "not-json", "connect", "timeout", "interrupt"],
)
@respx.mock(base_url=BASE, assert_all_called=False)  # an interrupt stops respx before it records the call
def test_every_error_path_leaves_the_key_off_the_request(
    respx_mock: respx.MockRouter, client: np6.NP6, answer: object, error: type[BaseException]
) -> None:
    """However a call fails, the request it sent is reachable (response, frames) and holds no key."""
    route = respx_mock.get("/notifications/1")
    if isinstance(answer, BaseException):

        def fail(request: httpx.Request) -> httpx.Response:
            raise answer

        route.mock(side_effect=fail)
    else:
        route.mock(return_value=answer)
    with pytest.raises(error) as info:
        client.notifications.get(1)
    requests = requests_reachable(info.value)
    assert requests  # the test looks where the request is
    for request in requests:
        assert "x-key" not in request.headers
    if not isinstance(answer, BaseException):  # (respx's own error records keep copies of the request)
        assert_no_key(info.value, KEY)


@respx.mock(base_url=BASE)
def test_a_streamed_response_carries_no_key(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    respx_mock.get("/notifications/reactivities").mock(return_value=httpx.Response(200, content=b"[]"))
    response = client.stream("list_reactivities_of_all_notifications")
    try:
        assert "x-key" not in response.request.headers
        assert_no_key(response, KEY)
    finally:
        response.close()
