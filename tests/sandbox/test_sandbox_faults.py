"""Injected faults, each kind, seen by a real HTTP client; before/after side effects proven on the outbox."""

from __future__ import annotations

import json
import time

import httpx
import pytest

EMAIL = "application/vnd.np6.cm.email"
SEND = {"recipient": {"type": "id", "value": "000R4M0T"}}


def _fault(admin: httpx.Client, **fault: object) -> None:
    response = admin.post("/faults", json=fault)
    assert response.status_code == 201, response.text


def _send(client: httpx.Client) -> httpx.Response:
    return client.post("/actions/000PE4/execution", json=SEND, headers={"Content-Type": EMAIL})


def _sent(admin: httpx.Client) -> int:
    return len(admin.get("/outbox", params={"kind": "email"}).json())


def test_status_fault_answers_before_the_send(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="send_action_message", kind="status", status=503, retry_after=2, count=2)
    for _ in range(2):
        response = _send(client)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "2"
        assert response.headers["x-request-id"]
    assert _sent(admin) == 0
    assert _send(client).status_code == 200
    assert _sent(admin) == 1
    assert admin.get("/faults").json() == []


def test_status_after_the_send(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="send_action_message", kind="status", status=502, after=True)
    assert _send(client).status_code == 502
    assert _sent(admin) == 1


def test_delay(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="get_notification", kind="delay", delay=0.3)
    began = time.perf_counter()
    assert client.get("/notifications/156").status_code == 200
    assert time.perf_counter() - began >= 0.3


def test_drop_closes_the_connection_before_the_send(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="send_action_message", kind="drop")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _send(client)
    assert _sent(admin) == 0
    assert _send(client).status_code == 200  # the client reconnects; the fault is consumed


def test_drop_after_records_the_send_exactly_once(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="send_action_message", kind="drop_after")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _send(client)
    (mail,) = admin.get("/outbox", params={"kind": "email"}).json()
    assert mail["recipient"]["id"] == "000R4M0T"
    executions = [e for e in client.get("/actions/000PE4/reactivities").json() if e["type"] == "execution"]
    assert len(executions) == 1


@pytest.mark.parametrize("path", ["/notifications/156", "/notifications/reactivities"])
def test_truncate_cuts_the_body(client: httpx.Client, admin: httpx.Client, path: str) -> None:
    client.post(
        "/notifications/156/execution",
        json={"recipient": {"type": "contact", "value": {"type": "id", "value": "000R4M0T"}}},
    )
    _fault(admin, operation="*", kind="truncate")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(path)
    assert client.get(path).status_code == 200


def test_malformed_body(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="list_actions", kind="malformed")
    response = client.get("/actions")
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_unknown_enum_values(client: httpx.Client, admin: httpx.Client) -> None:
    _fault(admin, operation="get_action", kind="unknown_enum")
    assert client.get("/actions/000PE4").json()["informations"]["state"] == 101
    assert client.get("/actions/000PE4").json()["informations"]["state"] == 50
    client.post(
        "/notifications/156/execution",
        json={"recipient": {"type": "contact", "value": {"type": "id", "value": "000R4M0T"}}},
    )
    _fault(admin, operation="list_reactivities_of_all_notifications", kind="unknown_enum")
    events = client.get("/notifications/reactivities").json()
    assert events[0]["type"] == "teleport"
    assert {e["type"] for e in events[1:]} <= {"execution", "impression", "hit"}
    _fault(admin, operation="execute_notification", kind="unknown_enum")
    result = client.post(
        "/notifications/156/execution",
        json={"recipient": {"type": "contact", "value": {"type": "id", "value": "000R4M0U"}}},
    )
    assert result.json()["type"] == "teleport"


def test_wildcard_and_wrong_fault_requests(client: httpx.Client, admin: httpx.Client) -> None:
    assert admin.post("/faults", json={"operation": "nope", "kind": "status"}).status_code == 400
    assert admin.post("/faults", json={"operation": "*", "kind": "explode"}).status_code == 400
    _fault(admin, operation="*", kind="status", status=429)
    assert client.get("/actions").status_code == 429
    assert client.get("/actions").status_code == 200
    _fault(admin, operation="*", kind="status", count=5)
    assert httpx.get(f"{client.base_url}/notifications").status_code == 401  # no key: the fault stays pending
    assert admin.get("/faults").json()[0]["count"] == 5
    assert admin.delete("/faults").status_code == 204
    assert client.get("/actions").status_code == 200
