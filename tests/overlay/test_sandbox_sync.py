"""The whole sync surface against the sandbox, over loopback (real HTTP, real encoding)."""

from __future__ import annotations

import uuid

import httpx
import pytest

import np6
from np6 import Contact
from np6_sandbox.testing import TEST_API_KEY

MASTER = uuid.UUID("ecce4585-1627-4495-90fc-7bbc27d2ae26")
VERSION_B = uuid.UUID("3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f")
ADA_HASH = "0441619ab4631d18548aa8835dd2c28b"


def outbox(admin: httpx.Client, kind: str | None = None) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = admin.get("/outbox", params={"kind": kind} if kind else None).json()
    return entries


def fault(admin: httpx.Client, **spec: object) -> None:
    admin.post("/faults", json=spec).raise_for_status()


# ------------------------------------------------------------------------------------------- notifications
def test_notification_lifecycle(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    assert [x.id for x in n.list()] == [156]
    created = n.create(
        {
            "type": "push-app",
            "name": "Flash",
            "application": "076db4f8-4304-4b8e-b232-4820f2639a8a",
            "versions": [{"master": True, "label": "A", "content": {"type": "default", "title": "Hi"}}],
        }
    )
    assert isinstance(created.id, int)
    assert n.get(created.id).name == "Flash"
    body = created.to_dict()
    body["name"] = "Flash 2"
    assert n.update(created.id, body).name == "Flash 2"
    copy_ = n.duplicate(created.id)
    assert copy_.id != created.id
    n.activate(created.id)
    assert n.get(created.id).active is True
    n.deactivate(created.id)
    assert n.get(created.id).active is False
    n.delete(copy_.id)
    with pytest.raises(np6.NotFoundError) as info:
        n.get(copy_.id)
    assert info.value.request_id


@pytest.mark.parametrize("version", ["master", MASTER, str(VERSION_B)])
@pytest.mark.parametrize(
    "contact",
    [
        Contact.id("000R4M0U"),
        Contact.unicity("a+b@example.com"),
        Contact.hash("4709dfd443b6cca9b5a01b3324124203"),
    ],
)
def test_render_for_a_contact(sandbox_client: np6.NP6, version: object, contact: Contact) -> None:
    result = sandbox_client.notifications.render(156, version=version, contact=contact)
    assert result.result.type_ == "success"
    if version == str(VERSION_B):
        # the unicity went through the query string and came back intact (+ and @ encoded correctly)
        assert result.render.body == "Sale ends tonight (a+b@example.com)"
        assert str(result.meta.version) == str(VERSION_B)
    else:
        assert result.render.title == "Hello Bob"


def test_render_post_with_data(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    result = n.render(156, data={"product": "Tea", "productId": "7"})
    assert result.render.body == "Tea is on sale"
    result = n.render(156, version=VERSION_B, contact=Contact.unicity("example@np6.com"), data={})
    assert result.render.title == "Ada, last chance"


def test_contact_id_is_encoded_in_the_path(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    # "/" is left out: the sandbox (Starlette) decodes %2F before routing, so it cannot serve such an id;
    # the client's encoding of "/" is checked with respx in test_arguments.py.
    odd = "R+ 4%?#&="
    admin.post("/contacts", json={"id": odd, "unicity": "odd@example.com", "fields": {"firstname": "Odd"}})
    assert sandbox_client.notifications.render(156, contact=Contact.id(odd)).render.title == "Hello Odd"
    assert sandbox_client.notifications.render(
        156, contact=Contact.unicity("odd@example.com")
    ).render.title == ("Hello Odd")


def test_select_version(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    assert n.select_version(156).id == MASTER
    notification = n.get(156)
    assert n.select_version(notification, VERSION_B).label == "B"
    assert n.select_version(notification, label="B").id == VERSION_B
    with pytest.raises(np6.VersionNotFoundError) as info:
        n.select_version(notification, label="C")
    assert isinstance(info.value, LookupError)
    assert "label 'A', master" in str(info.value)
    assert [a[1] for a in info.value.available] == ["A", "B"]
    version = n.select_version(notification, label="B")
    assert n.render(156, version=version, contact=Contact.id("000R4M0T")).render.title == "Ada, last chance"


def test_test_and_execute(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    n = sandbox_client.notifications
    n.test(156, body={"recipient": {"type": "device", "value": 1}, "title": "T"})
    n.test(156, version=VERSION_B, body={"recipient": {"type": "device", "value": 1}})
    assert len(outbox(admin, "notification-test")) == 2
    one = n.execute_one(156, Contact.id("000R4M0T"))
    assert one.type_ == "success"
    recipients = [Contact.id("000R4M0T"), Contact.unicity("a+b@example.com"), Contact.id("000ZZZZZ")]
    results = n.execute(156, recipients, batch_size=2)
    assert [r.type_ for r in results] == ["success", "success", "error"]
    assert results[1].recipient.unicity == "a+b@example.com"


# ------------------------------------------------------------------------------------------- actions
def test_action_lifecycle_and_validation_workflow(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    a = sandbox_client.actions
    assert {x.id for x in a.list()} >= {"000PE4", "000PE5"}
    template = a.get("000PE4").to_dict()
    for key in ("id", "creationDate", "informations"):
        template.pop(key, None)
    created = a.create({**template, "name": "Copy"})
    assert created.type_ == "mailMessage"
    assert a.get(created.id).name == "Copy"
    updated = a.update(created.id, {**template, "name": "Copy 2"})
    assert updated.name == "Copy 2"
    with pytest.raises(np6.ConflictError):
        a.send_one(created.id, Contact.id("000R4M0T"))  # not validated
    a.validate(created.id, for_test=True, test_segments=[1])
    a.validate(created.id)
    assert a.get(created.id).informations.state == 50
    assert a.send_one(created.id, Contact.id("000R4M0T")).type_ == "success"
    a.unvalidate(created.id)
    dup = a.duplicate(created.id)
    assert dup.id != created.id
    a.delete(dup.id)
    with pytest.raises(np6.NotFoundError):
        a.get(dup.id)


def test_renders(sandbox_client: np6.NP6) -> None:
    a = sandbox_client.actions
    one = a.render("000PE4", Contact.unicity("a+b@example.com"))
    assert one.subject == "Welcome Bob"
    many = a.render_many(
        "000PE4", [Contact.id("000R4M0T"), {"receiver": {"type": "id", "value": "000R4M0U"}}]
    )
    assert [r.subject for r in many] == ["Welcome Ada", "Welcome Bob"]
    sms = a.render(
        "000PE5", {"receiver": {"type": "id", "value": "000R4M0T"}, "data": {"code": "42"}}, channel="sms"
    )
    assert "42" in sms.text
    links = a.render_links("000PE4", Contact.id("000R4M0T"))
    assert links.type_ == "success"


def test_send_in_batches_accounts_for_every_recipient(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    recipients: list[object] = [
        Contact.id("000R4M0T"),
        Contact.unicity("a+b@example.com"),
        Contact.id("000ZZZZZ"),  # unknown: an error result, the others are still sent
        {"recipient": {"type": "hash", "value": ADA_HASH}, "data": {"n": 4}},
        Contact.id("000R4M0V"),
    ]
    results = sandbox_client.actions.send("000PE4", recipients, batch_size=2)  # type: ignore[arg-type]
    assert [r.type_ for r in results] == ["success", "success", "error", "success", "success"]
    assert [r.recipient.id for r in results if r.type_ == "success"] == [
        "000R4M0T",
        "000R4M0U",
        "000R4M0T",
        "000R4M0V",
    ]
    assert len(outbox(admin, "email")) == 4
    sms = sandbox_client.actions.send_one("000PE5", Contact.id("000R4M0T"), channel="sms")
    assert sms.type_ == "success"
    target = sandbox_client.actions.send_to_target("000PE4", "000R4M0U", {"data": {}})
    assert target.type_ == "success"


def test_exports(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    a = sandbox_client.actions
    a.export_recipients("000PE4")
    a.export_openers("000PE4")
    a.export_clickers("000PE4")
    assert len(admin.get("/exports").json()) == 3


# ------------------------------------------------------------------------------------------- behaviour
def test_wrong_key(np6_sandbox_url: str) -> None:
    with (
        np6.NP6(api_key="not-the-key-31337", base_url=np6_sandbox_url) as c,
        pytest.raises(np6.AuthenticationError) as info,
    ):
        c.notifications.list()
    assert "31337" not in str(info.value)


def test_bad_request_from_the_server(sandbox_client: np6.NP6) -> None:
    with pytest.raises(np6.NotFoundError):
        sandbox_client.notifications.render(156, contact=Contact.unicity("nobody@example.com"))


def test_503_is_retried(sandbox_client: np6.NP6, admin: httpx.Client, sleeps: list[float]) -> None:
    fault(admin, operation="get_action", kind="status", status=503, count=2, retry_after=1)
    assert sandbox_client.actions.get("000PE4").id == "000PE4"
    assert sleeps == [1.0, 1.0]


def test_dropped_send_is_not_repeated(
    sandbox_client: np6.NP6, admin: httpx.Client, sleeps: list[float]
) -> None:
    fault(admin, operation="send_action_message", kind="drop_after")
    with pytest.raises(np6.SendOutcomeUnknownError):
        sandbox_client.actions.send_one("000PE4", Contact.id("000R4M0T"))
    assert len(outbox(admin, "email")) == 1  # it WAS sent, exactly once
    assert sleeps == []


def test_connection_dropped_before_the_handler_is_still_not_retried(
    sandbox_client: np6.NP6, admin: httpx.Client
) -> None:
    fault(admin, operation="send_action_message", kind="drop")  # closed before the handler: nothing sent
    with pytest.raises(np6.SendOutcomeUnknownError):  # the client cannot know that: still not retried
        sandbox_client.actions.send_one("000PE4", Contact.id("000R4M0T"))
    assert outbox(admin, "email") == []


def test_timeout(np6_sandbox_url: str, admin: httpx.Client) -> None:
    fault(admin, operation="get_notification", kind="delay", delay=1.0)
    client = np6.NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, timeout=0.2, max_retries=0)
    with client, pytest.raises(np6.APITimeoutError):
        client.notifications.get(156)


def test_malformed_body(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    fault(admin, operation="get_notification", kind="malformed")
    with pytest.raises(np6.APIResponseValidationError) as info:
        sandbox_client.notifications.get(156)
    assert info.value.request_id


def test_unknown_values_never_break_a_call(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    fault(admin, operation="get_action", kind="unknown_enum")
    action = sandbox_client.actions.get("000PE4")
    assert action.to_dict()["informations"]["state"] == 101
