"""End-to-end scenarios over real HTTP on a loopback port (response validation on: any drift fails).

Notifications (two versions, renders by id/unicity/hash for the master and the other version, executions and
their reactivities with filters and sort), actions (validation state machine, sends as e-mail and SMS with a
recipient that does not exist, 409/415), and the generic behaviours (401, 404, 400 naming the field, 413,
x-request-id on every response, the spec served at /openapi.yaml).
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pytest

from np6_sandbox import Sandbox, serve
from np6_sandbox.handlers import HANDLERS
from np6_sandbox.spec import load_spec

EMAIL = "application/vnd.np6.cm.email"
SMS = "application/vnd.np6.cm.sms"
DEMO_NOTIFICATION = 156


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def test_every_operation_of_the_spec_has_a_handler() -> None:
    assert set(load_spec().operations) == set(HANDLERS)


# ------------------------------------------------------------------ notifications

TWO_VERSIONS: dict[str, Any] = {
    "type": "push-app",
    "name": "Scenario",
    "active": True,
    "application": "2b22d485-f04e-492b-b364-e14f8506726a",
    "versions": [
        {
            "master": True,
            "label": "A",
            "content": {
                "type": "default",
                "title": "Hi {{contact.fields.firstname}}",
                "body": "{{data.item}} for you",
            },
            "redirection": {"type": "literal", "value": "app://item/{{data.item}}"},
        },
        {
            "master": False,
            "label": "B",
            "content": {
                "type": "default",
                "title": "Yo {{contact.firstname}}",
                "body": "{{contact.unicity}}",
            },
        },
    ],
}


@pytest.fixture
def notification(client: httpx.Client) -> dict[str, Any]:
    response = client.post("/notifications", json=TWO_VERSIONS)
    assert response.status_code == 200, response.text
    created: dict[str, Any] = response.json()
    return created


def test_create_assigns_ids_and_keeps_exactly_one_master(notification: dict[str, Any]) -> None:
    assert isinstance(notification["id"], int)
    assert [v["master"] for v in notification["versions"]] == [True, False]
    assert all(len(v["id"]) == 36 for v in notification["versions"])


@pytest.mark.parametrize("masters", [0, 2])
def test_versions_need_exactly_one_master(client: httpx.Client, masters: int) -> None:
    versions = [{"master": i < masters, "label": str(i)} for i in range(2)]
    response = client.post("/notifications", json={"type": "push-app", "versions": versions})
    assert response.status_code == 400
    assert response.json()["field"] == "versions"


def test_a_notification_without_versions_gets_one_master(client: httpx.Client) -> None:
    created = client.post("/notifications", json={"type": "push-app"}).json()
    assert [v["master"] for v in created["versions"]] == [True]


def test_static_paths_win_over_templated_ones(client: httpx.Client) -> None:
    assert client.get("/notifications/reactivities").status_code == 200
    assert client.put("/notifications/reactivities", json={}).status_code == 405


@pytest.mark.parametrize(
    ("contact_id", "unicity", "firstname"),
    [("000R4M0T", "example@np6.com", "Ada"), ("000R4M0U", "a+b@example.com", "Bob")],
)
def test_render_master_and_other_version_by_id_unicity_and_hash(
    client: httpx.Client, notification: dict[str, Any], contact_id: str, unicity: str, firstname: str
) -> None:
    nid = notification["id"]
    master, other = (v["id"] for v in notification["versions"])
    contact_hash = "0441619ab4631d18548aa8835dd2c28b" if contact_id == "000R4M0T" else md5(unicity)
    master_renders = [
        client.get(f"/notifications/{nid}/render/contact/{contact_id}"),
        client.get(f"/notifications/{nid}/render/contact", params={"unicity": unicity}),
        client.get(f"/notifications/{nid}/render/contact", params={"hash": contact_hash}),
    ]
    other_renders = [
        client.get(f"/notifications/{nid}/versions/{other}/render/contact/{contact_id}"),
        client.get(f"/notifications/{nid}/versions/{other}/render/contact", params={"unicity": unicity}),
        client.get(f"/notifications/{nid}/versions/{other}/render/contact", params={"hash": contact_hash}),
    ]
    for response in master_renders:
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["type"] == "success"
        assert body["meta"]["version"] == master
        assert body["meta"]["notification"] == nid
        assert body["render"]["title"] == f"Hi {firstname}"
        assert body["render"]["body"] == " for you"  # no render data on a GET: missing values are empty
        assert body["meta"]["subscription"]
    for response in other_renders:
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["meta"]["version"] == other
        assert body["render"] == {
            "title": f"Yo {firstname}",
            "body": unicity,
            "icon": "",
            "thumbnail": "",
            "image": "",
        }


def test_post_render_substitutes_render_data(client: httpx.Client, notification: dict[str, Any]) -> None:
    nid = notification["id"]
    body = {"receiver": {"unicity": "a+b@example.com"}, "data": {"item": "Tea"}}
    response = client.post(f"/notifications/{nid}/render", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["render"]["title"] == "Hi Bob"
    assert response.json()["render"]["body"] == "Tea for you"
    assert response.json()["meta"]["redirection"] == "app://item/Tea"
    other = notification["versions"][1]["id"]
    response = client.post(
        f"/notifications/{nid}/versions/{other}/render", json={"receiver": {"id": "000R4M0T"}}
    )
    assert response.json()["render"]["body"] == "example@np6.com"


def test_render_contact_errors(client: httpx.Client, notification: dict[str, Any]) -> None:
    nid = notification["id"]
    assert client.get(f"/notifications/{nid}/render/contact/NOBODY00").status_code == 404
    assert (
        client.get(f"/notifications/{nid}/render/contact", params={"unicity": "who@example.com"}).status_code
        == 404
    )
    both = client.get(f"/notifications/{nid}/render/contact", params={"unicity": "a", "hash": "b"})
    assert both.status_code == 400
    assert both.json()["field"] == "unicity"
    assert client.get(f"/notifications/{nid}/render/contact").status_code == 400
    unknown_version = "00000000-0000-4000-8000-000000000000"
    assert (
        client.get(f"/notifications/{nid}/versions/{unknown_version}/render/contact/000R4M0T").status_code
        == 404
    )
    assert client.get(f"/notifications/{nid}/versions/not-a-uuid/render/contact/000R4M0T").status_code == 400


def test_execute_then_read_reactivities_with_filters_and_sort(
    client: httpx.Client, admin: httpx.Client
) -> None:
    nid = DEMO_NOTIFICATION
    batch = [
        {
            "recipient": {"type": "contact", "value": {"type": "id", "value": "000R4M0T"}},
            "data": {"productId": 7},
        },
        {"recipient": {"type": "contact", "value": {"type": "unicity", "value": ["a+b@example.com"]}}},
        {"recipient": {"type": "contact", "value": {"type": "id", "value": "000ZZZZZ"}}},
    ]
    results = client.post(f"/notifications/{nid}/executions", json=batch).json()
    assert [r["type"] for r in results] == ["success", "success", "error"]
    assert results[0]["recipient"]["id"] == "000R4M0T"
    assert results[2]["value"] == {"type": "recipient not found", "recipient": batch[2]["recipient"]}
    sent = admin.get("/outbox", params={"kind": "notification"}).json()
    assert [entry["recipient"]["id"] for entry in sent] == ["000R4M0T", "000R4M0U"]
    assert sent[0]["content"]["title"] == "Hello Ada"

    # 000R4M0T's demo outcomes are impression then hit (1 s and 2 s after the execution)
    events = client.get(f"/notifications/{nid}/reactivities", params={"sort": "asc"}).json()
    assert [e["type"] for e in events] == ["execution", "execution", "impression", "hit"]
    times = [e["timestamp"] for e in events]
    assert times == sorted(times)
    descending = client.get(f"/notifications/{nid}/reactivities", params={"sort": "desc"}).json()
    assert [e["id"] for e in descending] == [e["id"] for e in reversed(events)]
    hit = events[3]
    assert hit["source"]["detail"]["link"] == {
        "type": "redirection",
        "label": None,
        "uri": "deeplink://product?id=7",
    }
    assert hit["source"]["detail"]["activation"]["receiver"]["value"]["unicity"] == "example@np6.com"
    assert [e["id"] for e in client.get("/notifications/reactivities/hits").json()] == [hit["id"]]
    assert len(client.get(f"/notifications/{nid}/reactivities/impressions").json()) == 1

    # reactivityStart inclusive, reactivityEnd exclusive, as ms or ISO date-time
    start = hit["timestamp"]
    only_hit = client.get("/notifications/reactivities", params={"reactivityStart": start}).json()
    assert [e["type"] for e in only_hit] == ["hit"]
    before_hit = client.get(
        "/notifications/reactivities", params={"reactivityEnd": start, "sort": "asc"}
    ).json()
    assert [e["type"] for e in before_hit] == ["execution", "execution", "impression"]
    iso = httpx.QueryParams({"reactivityStart": _iso(start)})
    assert [e["type"] for e in client.get("/notifications/reactivities", params=iso).json()] == ["hit"]
    activations = sorted(e["source"]["detail"]["activation"]["stamp"]["time"] for e in events)
    after = client.get("/notifications/reactivities", params={"activationStart": activations[-1] + 1}).json()
    assert after == []
    first_only = client.get(
        "/notifications/reactivities", params={"activationEnd": activations[0] + 1}
    ).json()
    assert {e["source"]["detail"]["activation"]["stamp"]["time"] for e in first_only} == {activations[0]}
    bad = client.get("/notifications/reactivities", params={"activationStart": "yesterday"})
    assert bad.status_code == 400
    assert bad.json()["field"] == "activationStart"
    assert client.get("/notifications/999999/reactivities").status_code == 404


def _iso(ms: int) -> str:
    import datetime as dt

    return (
        dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def test_inactive_notification_cannot_execute(client: httpx.Client) -> None:
    recipient = {"recipient": {"type": "contact", "value": {"type": "id", "value": "000R4M0T"}}}
    assert client.delete(f"/notifications/{DEMO_NOTIFICATION}/activation").status_code == 204
    assert client.delete(f"/notifications/{DEMO_NOTIFICATION}/activation").status_code == 409
    refused = client.post(f"/notifications/{DEMO_NOTIFICATION}/execution", json=recipient)
    assert refused.status_code == 409
    assert refused.content == b""
    assert client.post(f"/notifications/{DEMO_NOTIFICATION}/activation").status_code == 204
    assert (
        client.post(f"/notifications/{DEMO_NOTIFICATION}/execution", json=recipient).json()["type"]
        == "success"
    )


def test_test_send_is_recorded(client: httpx.Client, admin: httpx.Client) -> None:
    response = client.post(
        f"/notifications/{DEMO_NOTIFICATION}/test", json={"recipient": {"type": "device", "value": 42}}
    )
    assert response.status_code == 204
    (entry,) = admin.get("/outbox", params={"kind": "notification-test"}).json()
    assert entry["recipient"] == {"type": "device", "value": 42}


def test_notification_crud_and_duplicate(client: httpx.Client, notification: dict[str, Any]) -> None:
    nid = notification["id"]
    copy = client.post(f"/notifications/{nid}/duplication").json()
    assert copy["id"] != nid
    assert copy["name"] == "Scenario (copy)"
    assert {v["id"] for v in copy["versions"]}.isdisjoint(v["id"] for v in notification["versions"])
    updated = client.put(f"/notifications/{nid}", json={**TWO_VERSIONS, "name": "Renamed"}).json()
    assert updated["name"] == "Renamed"
    assert updated["id"] == nid
    assert client.delete(f"/notifications/{nid}").status_code == 204
    assert client.get(f"/notifications/{nid}").status_code == 404
    assert nid not in [n["id"] for n in client.get("/notifications").json()]


# ------------------------------------------------------------------ actions

MAIL_ACTION: dict[str, Any] = {
    "type": "mailMessage",
    "name": "Scenario mail",
    "content": {
        "headers": {"from": {"prefix": "news", "domain": "example.com", "label": "Shop"}},
        "subject": "Hello {{contact.fields.firstname}}",
        "html": '<a href="https://example.com/{{data.offer}}">offer</a>',
        "text": "offer {{data.offer}}",
    },
}


def _state(client: httpx.Client, action_id: str) -> int:
    state: int = client.get(f"/actions/{action_id}").json()["informations"]["state"]
    return state


def test_action_validation_state_machine_and_e_mail_send(client: httpx.Client, admin: httpx.Client) -> None:
    action = client.post("/actions", json=MAIL_ACTION).json()
    action_id = action["id"]
    assert len(action_id) == 6
    assert action_id.isalnum()
    assert action_id.upper() == action_id
    assert action["informations"]["state"] == 20
    send = [{"recipient": {"type": "id", "value": "000R4M0T"}}]

    refused = client.post(f"/actions/{action_id}/executions", json=send, headers={"Content-Type": EMAIL})
    assert refused.status_code == 409
    assert refused.content == b""
    assert client.post(f"/actions/{action_id}/validation", json={"fortest": False}).status_code == 409
    assert (
        client.post(
            f"/actions/{action_id}/validation", json={"fortest": True, "testSegments": [1]}
        ).status_code
        == 204
    )
    assert _state(client, action_id) == 38
    assert (
        client.post(
            f"/actions/{action_id}/execution", json=send[0], headers={"Content-Type": EMAIL}
        ).status_code
        == 409
    )
    assert client.post(f"/actions/{action_id}/validation", json={"fortest": False}).status_code == 204
    assert _state(client, action_id) == 50
    assert client.post(f"/actions/{action_id}/validation", json={"fortest": False}).status_code == 409
    assert client.put(f"/actions/{action_id}", json=MAIL_ACTION).status_code == 409

    # wrong media types: JSON, and the SMS type for an e-mail action
    assert client.post(f"/actions/{action_id}/executions", json=send).status_code == 415
    assert (
        client.post(f"/actions/{action_id}/executions", json=send, headers={"Content-Type": SMS}).status_code
        == 415
    )

    recipients = [
        {"recipient": {"type": "id", "value": "000R4M0T"}, "data": {"offer": "tea"}},
        {"recipient": {"type": "unicity", "value": ["a+b@example.com"]}},
        {"recipient": {"type": "id", "value": "000ZZZZZ"}},
        {"recipient": {"type": "hash", "value": md5("a+b@example.com")}},
    ]
    response = client.post(
        f"/actions/{action_id}/executions", json=recipients, headers={"Content-Type": EMAIL}
    )
    assert response.status_code == 200, response.text
    results = response.json()
    assert [r["type"] for r in results] == ["success", "success", "error", "success"]
    assert results[2] == {
        "type": "error",
        "value": {"type": "recipient not found", "recipient": recipients[2]["recipient"]},
    }
    assert [r["recipient"]["id"] for r in results if r["type"] == "success"] == [
        "000R4M0T",
        "000R4M0U",
        "000R4M0U",
    ]
    mails = admin.get("/outbox", params={"kind": "email"}).json()
    assert [m["address"] for m in mails] == ["example@np6.com", "a+b@example.com", "a+b@example.com"]
    assert mails[0]["content"]["subject"] == "Hello Ada"
    assert mails[0]["content"]["text"] == "offer tea"
    assert mails[0]["media_type"] == EMAIL
    assert {m["message"] for m in mails} == {r["id"] for r in results if r["type"] == "success"}

    # 000R4M0T's demo outcome "hit" is an open hit for e-mails
    opens = client.get(f"/actions/{action_id}/reactivities/hits/open").json()
    assert len(opens) == 1
    assert opens[0]["source"]["type"] == "email"
    assert opens[0]["source"]["detail"]["activation"]["id"] == action_id
    assert client.get(f"/actions/{action_id}/reactivities/hits/redirection").json() == []
    executions = [
        e for e in client.get(f"/actions/{action_id}/reactivities").json() if e["type"] == "execution"
    ]
    assert len(executions) == 3

    assert client.request("DELETE", f"/actions/{action_id}/validation", json={}).status_code == 204
    assert _state(client, action_id) == 20
    assert client.request("DELETE", f"/actions/{action_id}/validation", json={}).status_code == 409


def test_sms_action_send_with_a_missing_recipient(client: httpx.Client, admin: httpx.Client) -> None:
    action = {
        "type": "smsMessage",
        "name": "SMS",
        "content": {"textContent": "Code {{data.code}} for {{contact.firstname}}"},
    }
    action_id = client.post("/actions", json=action).json()["id"]
    for fortest in (True, False):
        assert client.post(f"/actions/{action_id}/validation", json={"fortest": fortest}).status_code == 204
    assert (
        client.post(
            f"/actions/{action_id}/execution",
            json={"recipient": {"type": "id", "value": "000R4M0U"}},
            headers={"Content-Type": EMAIL},
        ).status_code
        == 415
    )
    items = [
        {"recipient": {"type": "id", "value": "000R4M0U"}, "data": {"code": "1234"}},
        {"recipient": {"type": "unicity", "value": ["nobody@example.com"]}},
    ]
    results = client.post(
        f"/actions/{action_id}/executions", json=items, headers={"Content-Type": SMS}
    ).json()
    assert [r["type"] for r in results] == ["success", "error"]
    (sms,) = admin.get("/outbox", params={"kind": "sms"}).json()
    assert sms["address"] == "+33600000002"
    assert sms["content"]["text"] == "Code 1234 for Bob"
    assert sms["media_type"] == SMS


def test_action_renders_links_target_send_exports(client: httpx.Client, admin: httpx.Client) -> None:
    receiver = {"type": "unicity", "value": "a+b@example.com"}
    render = client.post(
        "/actions/000PE4/render", json={"receiver": receiver}, headers={"Content-Type": EMAIL}
    )
    assert render.status_code == 200, render.text
    assert render.json()["subject"] == "Welcome Bob"
    assert render.json()["sender"]["value"] == "news@example.com"
    renders = client.post(
        "/actions/000PE4/renders", json=[{"receiver": receiver}] * 2, headers={"Content-Type": EMAIL}
    )
    assert [r["recipient"] for r in renders.json()] == ["a+b@example.com"] * 2
    unknown = {"receiver": {"type": "id", "value": "000ZZZZZ"}}
    assert (
        client.post("/actions/000PE4/render", json=unknown, headers={"Content-Type": EMAIL}).status_code
        == 404
    )
    assert client.post("/actions/000PE4/render", json={"receiver": receiver}).status_code == 415
    links = client.post("/actions/000PE4/render/links", json={"receiver": receiver}).json()
    assert links == {"type": "success", "links": [f"https://example.com/shop?u={md5('a+b@example.com')}"]}
    sent = client.post("/actions/000PE4/targets/000R4M0U", json={"data": {}})
    assert sent.json()["type"] == "success"
    assert client.post("/actions/000PE4/targets/000ZZZZZ", json={}).status_code == 404
    assert client.get("/actions/000PE4/export/recipients").status_code == 204
    assert client.get("/actions/000PE4/export/tracking/opens").status_code == 204
    assert [e["kind"] for e in admin.get("/exports").json()] == ["recipients", "openers"]
    assert client.get("/actions/NOPE00/export/recipients").status_code == 404


def test_action_crud_duplicate_and_list_filters(client: httpx.Client) -> None:
    draft = client.post("/actions", json={"type": "mailMessage", "name": "Empty"}).json()
    assert draft["informations"]["state"] == 10
    copy = client.post(f"/actions/{draft['id']}/duplication", params={"folder": 7}).json()
    assert copy["informations"]["folder"] == 7
    assert copy["id"] != draft["id"]
    unsupported = client.post("/actions", json={"type": "mailCampaign"})
    assert unsupported.status_code == 400
    assert unsupported.json()["field"] == "type"
    recent = client.get("/actions", params={"creation_start": "2026-06-01T00:00:00Z"}).json()
    assert {a["id"] for a in recent} >= {draft["id"], copy["id"]}
    assert "000PE4" not in {a["id"] for a in recent}  # demo actions are dated 2026-01-01
    assert client.delete(f"/actions/{draft['id']}").status_code == 204
    assert client.get(f"/actions/{draft['id']}").status_code == 404


# ------------------------------------------------------------------ generic behaviours


def test_api_key_is_required(np6_sandbox_url: str) -> None:
    with httpx.Client(base_url=np6_sandbox_url) as anonymous:
        missing = anonymous.get("/notifications")
        wrong = anonymous.get("/notifications", headers={"X-Key": "wrong"})
        spec = anonymous.get("/openapi.yaml")
        admin = anonymous.get("/_sandbox/contacts")
    assert missing.status_code == wrong.status_code == 401
    assert missing.content == b""
    assert missing.headers["x-request-id"] != wrong.headers["x-request-id"]
    assert spec.status_code == 200
    assert spec.text.startswith("# NP6 API 8.1.0")
    assert admin.status_code == 200


def test_several_keys_are_accepted() -> None:
    with serve(api_keys=["one", "two"]) as url:
        for key in ("one", "two"):
            assert httpx.get(f"{url}/notifications", headers={"X-Key": key}).status_code == 200
        assert httpx.get(f"{url}/notifications", headers={"X-Key": "three"}).status_code == 401


def test_invalid_input_names_the_field(client: httpx.Client) -> None:
    response = client.post(
        "/actions/000PE4/executions",
        json=[{"recipient": {"type": "unicity", "value": "alice@example.com"}}],
        headers={"Content-Type": EMAIL},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "0.recipient.value"
    assert "array" in response.json()["detail"]
    sender = client.post(
        "/actions", json={**MAIL_ACTION, "content": {"headers": {"from": "news@example.com"}}}
    )
    assert sender.json()["field"] == "content.headers.from"
    assert client.get("/notifications/abc").json()["field"] == "id"
    assert client.get(f"/notifications/{2**31}").status_code == 400
    broken = client.post("/notifications", content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400
    assert broken.json()["error"] == "invalid JSON"
    assert (
        client.post("/notifications", content=b"{}", headers={"Content-Type": "text/plain"}).status_code
        == 415
    )


def test_unknown_resources_are_404_with_a_request_id(client: httpx.Client) -> None:
    for path in ("/notifications/424242", "/actions/ZZZZZZ", "/nowhere"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["x-request-id"]


def test_bodies_past_the_limit_are_413() -> None:
    with serve(api_keys=["k"], max_body=1024) as url:
        big = {"type": "push-app", "description": "x" * 5000}
        response = httpx.post(f"{url}/notifications", json=big, headers={"X-Key": "k"})
        assert response.status_code == 413
        assert response.headers["x-request-id"]
        small = httpx.post(f"{url}/notifications", json={"type": "push-app"}, headers={"X-Key": "k"})
        assert small.status_code == 200


def test_responses_match_the_spec_when_checked_explicitly(client: httpx.Client, np6_sandbox: Sandbox) -> None:
    """Independent of the sandbox's own switch: validate a few responses with the spec's schemas here."""
    spec = load_spec()
    calls = [
        ("get_notification", 200, client.get(f"/notifications/{DEMO_NOTIFICATION}")),
        ("list_actions", 200, client.get("/actions")),
        (
            "render_notification_for_contact_id",
            200,
            client.get(f"/notifications/{DEMO_NOTIFICATION}/render/contact/000R4M0T"),
        ),
        (
            "send_action_message",
            200,
            client.post(
                "/actions/000PE5/execution",
                json={"recipient": {"type": "id", "value": "000R4M0T"}},
                headers={"Content-Type": SMS},
            ),
        ),
        ("list_reactivities_of_all_actions", 200, client.get("/actions/reactivities")),
    ]
    for operation_id, status, response in calls:
        assert response.status_code == status, (operation_id, response.text)
        documented, validator = spec.operations[operation_id].response_schema(status)
        assert documented
        assert validator is not None
        validator.validate(response.json())


def test_response_validation_catches_drift(
    client: httpx.Client, np6_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The switch can fail: a handler answering off-spec gives a loud 500 and a recorded drift."""
    from np6_sandbox.replies import ok

    monkeypatch.setitem(
        HANDLERS, "get_action", lambda call: ok({"type": "mailMessage", "informations": {"state": 7}})
    )
    response = client.get("/actions/000PE4")
    assert response.status_code == 500
    assert "informations.state" in response.json()["detail"]
    assert np6_sandbox.drift
    np6_sandbox.drift.clear()


def test_admin_contacts_and_reset(client: httpx.Client, admin: httpx.Client) -> None:
    added = admin.post(
        "/contacts", json={"id": "000NEW01", "unicity": "new@example.com", "fields": {"firstname": "Nia"}}
    )
    assert added.status_code == 201
    assert added.json()["hash"] == md5("new@example.com")
    render = client.get(
        f"/notifications/{DEMO_NOTIFICATION}/render/contact", params={"hash": md5("new@example.com")}
    )
    assert render.json()["render"]["title"] == "Hello Nia"
    assert admin.post("/contacts", json={"unicity": 3}).status_code == 400
    assert admin.post("/reset").status_code == 200
    assert client.get(f"/notifications/{DEMO_NOTIFICATION}/render/contact/000NEW01").status_code == 404
    assert admin.post("/reset", json={"empty": True}).json()["empty"] is True
    assert client.get("/notifications").json() == []


def test_admin_event_injection(client: httpx.Client, admin: httpx.Client) -> None:
    event = {
        "type": "hit",
        "id": "9d4a2136-02af-4dbb-bd16-e0dcf39ee2c1",
        "timestamp": 1623673176622,
        "source": {
            "type": "email",
            "detail": {"activation": {"id": "000PE4", "kind": "message"}, "link": {"type": "mirror"}},
        },
    }
    assert admin.post("/events", json=[event]).json() == {"inserted": 1}
    assert client.get("/actions/000PE4/reactivities/hits/mirror").json() == [event]
    assert admin.post("/events", json=[{"type": "hit", "id": "x"}]).status_code == 400
    assert (
        admin.post("/events", params={"validate": "false"}, json=[{"type": "hit", "id": "x"}]).status_code
        == 201
    )


def test_no_crash_on_odd_input(client: httpx.Client) -> None:
    odd = [
        b"",
        b"null",
        b"[]",
        b"\xff\xfe",
        b'{"type": "push-app", "versions": [null]}',
        b"[" * 5000,
        b'"x"',
        b"1e999999",
    ]
    for content in odd:
        for path in ("/notifications", "/actions/000PE4/executions", "/notifications/156/executions"):
            media = EMAIL if "actions" in path else "application/json"
            response = client.post(path, content=content, headers={"Content-Type": media})
            assert response.status_code in (200, 400, 409), (
                path,
                content[:20],
                response.status_code,
                response.text,
            )
