"""Inputs that used to crash the sandbox with a 500: each is now a 400 naming the field, and nothing stored
by them breaks a later read (issue 10, item 13)."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest

from np6_sandbox import render, serve
from np6_sandbox.seed import DEMO

DEEP = 100_000


def _notification_with(body_text: str) -> str:
    """A valid notification whose first version's body is `body_text` (raw JSON text, escapes kept)."""
    notification: dict[str, Any] = copy.deepcopy(DEMO["notifications"][0])
    del notification["id"]
    notification["versions"][0]["content"]["body"] = "@BODY@"
    return json.dumps(notification).replace('"@BODY@"', body_text)


def _bad_request(response: httpx.Response, field: str) -> None:
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field, response.text


@pytest.mark.parametrize("escape", ['"\\ud800"', '"a\\udfffb"', '"\\ud83d"'])
def test_a_lone_surrogate_in_a_notification_is_refused_and_reads_keep_working(
    client: httpx.Client, escape: str
) -> None:
    before = client.get("/notifications").json()
    response = client.post(
        "/notifications", content=_notification_with(escape), headers={"Content-Type": "application/json"}
    )
    _bad_request(response, "versions.0.content.body")
    assert "surrogate" in response.json()["detail"]
    listed = client.get("/notifications")
    assert listed.status_code == 200
    assert listed.json() == before


def test_raw_surrogate_bytes_are_refused_too(client: httpx.Client) -> None:
    body = _notification_with('"@"').encode().replace(b'"@"', b'"\xed\xa0\x80"')
    response = client.post("/notifications", content=body, headers={"Content-Type": "application/json"})
    _bad_request(response, "versions.0.content.body")
    assert client.get("/notifications").status_code == 200


def test_a_valid_astral_character_is_still_accepted(client: httpx.Client) -> None:
    response = client.post(
        "/notifications",
        content=_notification_with('"sale \\ud83d\\ude00"'),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["versions"][0]["content"]["body"] == "sale \U0001f600"
    assert client.get("/notifications").status_code == 200


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/notifications/reactivities", "reactivityStart"),
        ("/notifications/reactivities", "reactivityEnd"),
        ("/notifications/156/reactivities", "activationStart"),
        ("/actions/reactivities", "activationEnd"),
        ("/actions", "creation_start"),
    ],
)
@pytest.mark.parametrize("digits", [20, 4_300, 5_000])
def test_date_parameters_of_many_digits(client: httpx.Client, path: str, name: str, digits: int) -> None:
    response = client.get(path, params={name: "9" * digits})
    _bad_request(response, name)


def test_a_date_beyond_int64_does_not_reach_sqlite(client: httpx.Client) -> None:
    _bad_request(
        client.get("/notifications/reactivities", params={"reactivityStart": str(2**63)}), "reactivityStart"
    )
    assert (
        client.get("/notifications/reactivities", params={"reactivityStart": str(2**63 - 1)}).status_code
        == 200
    )


def test_a_deeply_nested_api_body(client: httpx.Client) -> None:
    deep = "[" * DEEP + "]" * DEEP
    response = client.post("/notifications", content=deep, headers={"Content-Type": "application/json"})
    _bad_request(response, "(body)")
    shallow_but_too_deep = _notification_with("[" * 80 + "]" * 80)
    response = client.post(
        "/notifications", content=shallow_but_too_deep, headers={"Content-Type": "application/json"}
    )
    _bad_request(response, "versions.0.content.body" + ".0" * 60)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/reset"),
        ("POST", "/contacts"),
        ("POST", "/events"),
        ("POST", "/events/generate"),
        ("POST", "/faults"),
    ],
)
@pytest.mark.parametrize("depth", [100, DEEP])
def test_deeply_nested_admin_json(admin: httpx.Client, method: str, path: str, depth: int) -> None:
    response = admin.request(method, path, content="[" * depth + "]" * depth)
    _bad_request(response, "(body)" if depth == DEEP else "0" + ".0" * 63)
    assert "nested deeper" in response.json()["detail"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_non_finite_contact_fields(admin: httpx.Client, constant: str) -> None:
    body = '{"unicity": "nan@example.com", "fields": {"score": ' + constant + "}}"
    response = admin.post("/contacts", content=body)
    _bad_request(response, "fields.score")
    listed = admin.get("/contacts")
    assert listed.status_code == 200
    assert "nan@example.com" not in listed.text


def test_a_non_finite_number_in_an_api_body(client: httpx.Client) -> None:
    body = '{"recipient": {"type": "id", "value": "000R4M0T"}, "data": {"price": NaN}}'
    response = client.post(
        "/actions/000PE4/execution", content=body, headers={"Content-Type": "application/vnd.np6.cm.email"}
    )
    _bad_request(response, "data.price")


@pytest.mark.parametrize(
    "value", ["1\r\nX-Evil: 1", "2\n", "\r\n", " 2", "é", "x" * 201, -1, 1e999, True, ["1"], {"a": 1}]
)
def test_retry_after_must_be_a_header_value(client: httpx.Client, admin: httpx.Client, value: object) -> None:
    text = json.dumps({"operation": "list_actions", "kind": "status", "retry_after": value}, allow_nan=True)
    text = text.replace("Infinity", "1e999")
    response = admin.post("/faults", content=text)
    _bad_request(response, "retry_after")
    assert admin.get("/faults").json() == []
    assert client.get("/actions").status_code == 200  # nothing pending, and the request is answered


def test_a_fault_array_names_the_item(admin: httpx.Client) -> None:
    faults = [{"operation": "list_actions"}, {"operation": "list_actions", "retry_after": "a\nb"}]
    _bad_request(admin.post("/faults", json=faults), "1.retry_after")


@pytest.mark.parametrize("value", [0, 2, 1.5, "Wed, 21 Oct 2015 07:28:00 GMT", "soon"])
def test_every_accepted_retry_after_gets_a_response(
    client: httpx.Client, admin: httpx.Client, value: object
) -> None:
    assert admin.post("/faults", json={"operation": "list_actions", "retry_after": value}).status_code == 201
    response = client.get("/actions")
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(value)


@pytest.mark.parametrize("status", [100, 101, 199, 600])
def test_a_fault_status_that_cannot_be_a_final_response(admin: httpx.Client, status: int) -> None:
    _bad_request(admin.post("/faults", json={"operation": "list_actions", "status": status}), "status")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"count": 2, "start": 2**63 - 1, "step": 1}, "start"),
        ({"count": 1, "start": 2**64}, "start"),
        ({"count": 1, "step": 2**63}, "step"),
        ({"count": 1, "activation": 2**64}, "activation"),
        ({"count": True}, "count"),
    ],
)
def test_generated_events_stay_within_64_bits(admin: httpx.Client, data: dict[str, Any], field: str) -> None:
    _bad_request(admin.post("/events/generate", json=data), field)


def test_injected_events_with_huge_integers_are_stored_and_served() -> None:
    """Unvalidated events may hold integers SQLite cannot index (clients are tested on them)."""
    event = {"type": "hit", "timestamp": 2**70, "source": {"type": "notification", "detail": {}}}
    with serve(api_keys=["k"]) as url:  # no response validation: the event is off-spec on purpose
        response = httpx.post(f"{url}/_sandbox/events", params={"validate": "false"}, json=[event])
        assert response.status_code == 201, response.text
        served = httpx.get(f"{url}/notifications/reactivities", headers={"X-Key": "k"})
    assert served.status_code == 200
    assert served.json() == [event]


def test_a_placeholder_with_a_huge_list_index_renders_empty() -> None:
    context = render.context(None, {"items": [1, 2]})
    assert render.render("{{data.items.1}}|{{data.items." + "9" * 5000 + "}}", context) == "2|"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        ({"path": "/reset", "content": "null"}, "(body)"),
        ({"path": "/reset", "content": "[]"}, "(body)"),
        ({"path": "/reset", "json": {"empty": "yes"}}, "empty"),
        ({"path": "/reset", "params": {"empty": "yes"}}, "empty"),
        ({"path": "/events", "params": {"validate": "no"}, "json": []}, "validate"),
        ({"path": "/faults", "json": {"retry_after": 10**10}}, "retry_after"),
        ({"path": "/faults", "json": {"count": 1.5}}, "count"),
        ({"path": "/events/generate", "json": {"count": 1, "link": 5}}, "link"),
    ],
)
def test_admin_parameters_are_checked(admin: httpx.Client, call: dict[str, Any], field: str) -> None:
    call = dict(call)
    _bad_request(admin.post(call.pop("path"), **call), field)


def test_json_schema_integers_written_as_floats_are_integers(admin: httpx.Client) -> None:
    response = admin.post("/faults", json={"operation": "list_actions", "count": 2.0, "status": 503.0})
    assert response.status_code == 201, response.text
    assert response.json()[0]["count"] == 2 and response.json()[0]["status"] == 503
    assert admin.post("/events/generate", json={"count": 3.0, "step": 1.0}).json()["inserted"] == 3
