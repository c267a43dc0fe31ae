"""The natural API against the sandbox: keyword bodies, partial update vs replace, SMS channel inference, ISO
dates, typed renders and per-recipient failures (issue 11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import np6
from np6 import Contact
from np6.types import ExecutionResults, ExecutionSuccess, NotificationRender
from np6_sandbox.testing import TEST_API_KEY

UNKNOWN = "000NOPE0"


def _outbox(admin: httpx.Client, kind: str | None = None) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = admin.get("/outbox", params={"kind": kind} if kind else None).json()
    return entries


@pytest.fixture
def requests_seen(np6_sandbox_url: str) -> Iterator[tuple[np6.NP6, list[httpx.Request]]]:
    """A client whose httpx transport records every request it sends (to count the action lookups)."""
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with np6.NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, http_client=http) as client:
        yield client, seen
    http.close()


# ------------------------------------------------------------------------------------------ keyword bodies
def test_create_with_keywords_and_a_typed_dict(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    created = n.create(
        name="Flash",
        description="keywords",
        settings={"urgent": True},
        versions=[{"master": True, "label": "A", "content": {"type": "default", "title": "Hi"}}],
    )
    assert created.type_ == "push-app"  # the default type
    assert isinstance(created.id, int)
    stored = n.get(created.id).to_dict()
    assert stored["name"] == "Flash" and stored["description"] == "keywords"
    assert stored["settings"]["urgent"] is True
    assert [v["label"] for v in stored["versions"]] == ["A"]


def test_test_with_a_contact_recipient_and_overrides(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    sandbox_client.notifications.test(156, recipient=Contact.id("42"), title="Proof")
    sandbox_client.notifications.test(156, recipient=7, version="3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f")
    tests = _outbox(admin, "notification-test")
    assert [t["recipient"] for t in tests] == [
        {"type": "contact", "value": 42},
        {"type": "contact", "value": 7},
    ]
    # the historic form still works: a whole request as body=
    sandbox_client.notifications.test(156, body={"recipient": {"type": "device", "value": 1}})
    assert len(_outbox(admin, "notification-test")) == 3


def test_test_refuses_a_contact_np6_cannot_take(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    with pytest.raises(np6.NP6ValidationError, match=r"recipient.*integer contact id"):
        sandbox_client.notifications.test(156, recipient=Contact.unicity("a@example.com"))
    assert _outbox(admin) == []


def test_execute_with_shared_overrides(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    recipients = (
        {"recipient": {"type": "contact", "value": Contact.id("000R4M0T")}},  # inside the envelope too
        {"recipient": Contact.id("000R4M0U"), "title": "Own title"},
    )
    results = sandbox_client.notifications.execute(156, recipients, title="Override", data={"product": "Tea"})
    assert len(results.succeeded) == 2
    sent = {e["recipient"]["id"]: e["content"] for e in _outbox(admin, "notification")}
    assert sent["000R4M0T"]["title"] == "Override"
    assert sent["000R4M0U"]["title"] == "Own title"  # an item's own field wins over the shared one
    assert sent["000R4M0U"]["body"] == "Tea is on sale"


def test_send_to_target_takes_a_contact(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    sent = sandbox_client.actions.send_to_target("000PE4", Contact.id("000R4M0U"))
    assert isinstance(sent, ExecutionSuccess)
    assert [e["address"] for e in _outbox(admin, "email")] == ["a+b@example.com"]


def test_a_contact_inside_dict_bodies(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    one = sandbox_client.actions.send_one("000PE4", {"recipient": Contact.unicity("a+b@example.com")})
    assert isinstance(one, ExecutionSuccess)
    rendered = sandbox_client.actions.render("000PE4", {"receiver": Contact.id("000R4M0T")})
    assert rendered.subject == "Welcome Ada"
    assert [e["address"] for e in _outbox(admin, "email")] == ["a+b@example.com"]


# -------------------------------------------------------------------------------- partial update / replace
def _without_stamps(value: Any) -> Any:
    """``value`` without its ``stamp`` objects (modification times move on every write, at every level)."""
    if isinstance(value, dict):
        return {k: _without_stamps(v) for k, v in value.items() if k != "stamp"}
    if isinstance(value, list):
        return [_without_stamps(v) for v in value]
    return value


def test_update_changes_one_field_and_loses_nothing(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    before = _without_stamps(n.get(156).to_dict())
    n.update(156, name="Renamed")
    after = _without_stamps(n.get(156).to_dict())
    assert after == {**before, "name": "Renamed"}
    assert after["description"] and len(after["versions"]) == 2 and after["application"]


def test_update_merges_nested_objects(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    before = _without_stamps(n.get(156).to_dict())
    n.update(156, {"settings": {"urgent": True}})
    after = _without_stamps(n.get(156).to_dict())
    assert after == {**before, "settings": {**before["settings"], "urgent": True}}


def test_action_update_keeps_the_content(sandbox_client: np6.NP6) -> None:
    a = sandbox_client.actions
    created = a.create(
        {
            "type": "mailMessage",
            "name": "draft",
            "description": "d",
            "content": {"subject": "S", "html": "<p/>"},
        }
    )
    aid = str(created.id)
    before = _without_stamps(a.get(aid).to_dict())
    a.update(aid, name="renamed", changes={"content": {"subject": "New"}})
    after = _without_stamps(a.get(aid).to_dict())
    assert after == {**before, "name": "renamed", "content": {**before["content"], "subject": "New"}}


def test_replace_is_the_full_put(sandbox_client: np6.NP6) -> None:
    n = sandbox_client.notifications
    n.replace(156, {"type": "push-app", "name": "Bare"})
    after = n.get(156)
    assert after.name == "Bare"
    assert after.to_dict().get("description") is None  # what replace() leaves out is gone: it says so


# ----------------------------------------------------------------------------------------------- SMS
def test_sms_channel_follows_the_action(
    requests_seen: tuple[np6.NP6, list[httpx.Request]], admin: httpx.Client
) -> None:
    client, seen = requests_seen
    results = client.actions.send("000PE5", [Contact.id("000R4M0T")], batch_size=1)
    assert len(results.succeeded) == 1
    client.actions.send_one("000PE5", {"recipient": Contact.id("000R4M0U"), "data": {"code": "42"}})
    rendered = client.actions.render("000PE5", Contact.id("000R4M0T"))
    assert rendered.text is not None and "your code is" in str(rendered.text)
    lookups = [r for r in seen if r.method == "GET" and r.url.path == "/actions/000PE5"]
    assert len(lookups) == 1  # looked up once, then cached
    sends = [r for r in seen if r.method == "POST"]
    assert {r.headers["content-type"].split(";")[0] for r in sends} == {"application/vnd.np6.cm.sms"}
    assert [e["kind"] for e in _outbox(admin)] == ["sms", "sms"]


def test_shared_data_on_an_action_send(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    own = {"recipient": Contact.id("000R4M0U"), "data": {"code": "own"}}
    sandbox_client.actions.send("000PE5", [Contact.id("000R4M0T"), own], data={"code": "4242"})
    sandbox_client.actions.send_one("000PE5", Contact.id("000R4M0V"), data={"code": "77"})
    texts = [str(e["content"]) for e in _outbox(admin, "sms")]
    assert "4242" in texts[0] and "own" in texts[1] and "77" in texts[2]


def test_an_email_action_stays_email(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    assert len(sandbox_client.actions.send("000PE4", [Contact.id("000R4M0T")]).succeeded) == 1
    assert [e["kind"] for e in _outbox(admin)] == ["email"]


def test_wrong_explicit_channel_names_the_right_one(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    with pytest.raises(np6.WrongChannelError, match="pass channel='sms'") as info:
        sandbox_client.actions.send_one("000PE5", Contact.id("000R4M0T"), channel="email")
    assert info.value.status_code == 415 and info.value.expected == "sms"
    assert isinstance(info.value, np6.APIStatusError)
    assert _outbox(admin) == []


def test_a_stale_channel_is_forgotten_after_a_415(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    """A cached channel that no longer holds (the action was replaced by another process) gives a 415 that
    names the right channel, and is forgotten: the next call looks the action up and succeeds."""
    a = sandbox_client.actions
    a._channels["000PE5"] = "email"  # what the cache would hold had 000PE5 been an e-mail action before
    with pytest.raises(np6.WrongChannelError, match="channel='sms'"):
        a.send_one("000PE5", Contact.id("000R4M0T"))
    assert "000PE5" not in a._channels
    assert isinstance(a.send_one("000PE5", Contact.id("000R4M0T")), ExecutionSuccess)
    assert [e["kind"] for e in _outbox(admin)] == ["sms"]


# ----------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "start",
    [
        "2026-01-01",
        "2026-01-01T00:00:00",
        "2026-01-01T01:00:00+01:00",
        "2026-01-01T00:00:00Z",
        dt.datetime(2026, 1, 1),
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        dt.date(2026, 1, 1),
        1767225600000,
        "1767225600000",
    ],
)
def test_every_date_form_is_the_same_instant(
    start: Any, requests_seen: tuple[np6.NP6, list[httpx.Request]]
) -> None:
    client, seen = requests_seen
    client.actions.list(creation_start=start)
    list(client.notifications.reactivities("bounces", reactivity_start=start, sort="asc"))
    params = [r.url.params for r in seen]
    assert params[0]["creation_start"] == "1767225600000"
    assert params[1]["reactivityStart"] == "1767225600000"


def test_iso_dates_filter_actions(sandbox_client: np6.NP6) -> None:
    everything = sandbox_client.actions.list(creation_start="1970-01-01")
    assert len(everything) >= 2
    assert sandbox_client.actions.list(creation_start="2999-01-01T00:00:00+02:00") == []


# -------------------------------------------------------------------------------------- typed results
def test_render_is_typed(sandbox_client: np6.NP6) -> None:
    result = sandbox_client.notifications.render(156, contact=Contact.unicity("a+b@example.com"))
    assert isinstance(result, NotificationRender)
    assert result.render.title == "Hello Bob"
    assert result.meta is not None and result.meta.notification == 156
    assert result.to_dict()["type"] == "success"


def test_per_recipient_failures_split(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    recipients = [Contact.id("000R4M0T"), Contact.id(UNKNOWN), Contact.unicity("a+b@example.com")]
    results = sandbox_client.actions.send("000PE4", recipients, batch_size=2)
    assert isinstance(results, ExecutionResults) and len(results) == 3
    assert [r.recipient.id for r in results.succeeded] == ["000R4M0T", "000R4M0U"]  # type: ignore[union-attr]
    assert len(results.failed) == 1 and results.unknown == [] and not results.ok
    with pytest.raises(np6.RecipientError, match="1 of 3") as info:
        results.check()
    assert [index for index, _ in info.value.failures] == [1]
    assert info.value.raw["type"] == "error" and info.value.results is results
    assert len(_outbox(admin, "email")) == 2  # NP6 sent the others


def test_single_sends_raise_on_a_per_recipient_error(sandbox_client: np6.NP6, admin: httpx.Client) -> None:
    with pytest.raises(np6.RecipientError, match="recipient not found") as info:
        sandbox_client.actions.send_one("000PE4", Contact.id(UNKNOWN))
    assert info.value.raw["type"] == "error"
    with pytest.raises(np6.RecipientError):
        sandbox_client.notifications.execute_one(156, Contact.id(UNKNOWN))
    ok = sandbox_client.notifications.execute_one(156, Contact.id("000R4M0T"))
    assert isinstance(ok, ExecutionSuccess)
    assert len(_outbox(admin)) == 1


def test_all_succeeded_check_returns_the_results(sandbox_client: np6.NP6) -> None:
    results = sandbox_client.notifications.execute(156, [Contact.id("000R4M0T")]).check()
    assert results.ok and len(results.succeeded) == 1
    assert repr(results) == "ExecutionResults(succeeded=1, failed=0, unknown=0)"


@pytest.mark.anyio
async def test_async_twin_of_the_natural_api(np6_sandbox_url: str, admin: httpx.Client) -> None:
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url) as client:
        created = await client.notifications.create(name="Async", versions=[{"master": True, "label": "A"}])
        assert created.id
        await client.notifications.update(created.id, description="kept")
        await client.notifications.update(created.id, name="Async 2")
        again = await client.notifications.get(created.id)
        assert (again.name, again.description) == ("Async 2", "kept")
        sms = await client.actions.send("000PE5", (Contact.id("000R4M0T"),))
        assert len(sms.succeeded) == 1
        with pytest.raises(np6.RecipientError):
            await client.actions.send_one("000PE4", Contact.id(UNKNOWN))
        rendered = await client.notifications.render(156, contact=Contact.id("000R4M0T"))
        assert rendered.render.title == "Hello Ada"
    assert [e["kind"] for e in _outbox(admin)] == ["sms"]
