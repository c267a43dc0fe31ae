"""The async surface against the sandbox over loopback: every method once, plus the send rule."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

import np6
from np6 import Contact
from np6_sandbox.testing import TEST_API_KEY

pytestmark = pytest.mark.anyio
VERSION_B = uuid.UUID("3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f")


@pytest.fixture
async def aclient(np6_sandbox_url: str) -> AsyncIterator[np6.AsyncNP6]:
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, timeout=10.0) as c:
        yield c


async def test_notifications(aclient: np6.AsyncNP6, admin: httpx.Client) -> None:
    n = aclient.notifications
    assert [x.id for x in await n.list()] == [156]
    created = await n.create({"type": "push-app", "name": "Async"})
    assert (await n.get(created.id)).name == "Async"
    assert (await n.update(created.id, {"type": "push-app", "name": "Async 2"})).name == "Async 2"
    dup = await n.duplicate(created.id)
    await n.activate(created.id)
    await n.deactivate(created.id)
    await n.delete(dup.id)
    with pytest.raises(np6.NotFoundError):
        await n.get(dup.id)
    assert (await n.select_version(156, label="B")).id == VERSION_B
    rendered = await n.render(156, version=VERSION_B, contact=Contact.unicity("a+b@example.com"))
    assert rendered.render.body == "Sale ends tonight (a+b@example.com)"
    assert (
        await n.render(156, contact=Contact.hash("0441619ab4631d18548aa8835dd2c28b"))
    ).render.title == "Hello Ada"
    assert (await n.render(156, data={"product": "Tea", "productId": "1"})).render.body == "Tea is on sale"
    await n.test(156, body={"recipient": {"type": "device", "value": 1}})
    assert (await n.execute_one(156, Contact.id("000R4M0T"))).type_ == "success"
    results = await n.execute(156, [Contact.id("000R4M0T"), Contact.id("000ZZZZZ")], batch_size=1)
    assert [r.type_ for r in results] == ["success", "error"]


async def test_actions(aclient: np6.AsyncNP6, admin: httpx.Client) -> None:
    a = aclient.actions
    assert len(await a.list()) == 2
    body = (await a.get("000PE4")).to_dict()
    for key in ("id", "creationDate", "informations"):
        body.pop(key)
    created = await a.create(body)
    assert (await a.update(created.id, {**body, "name": "U"})).name == "U"
    await a.validate(created.id, for_test=True, test_segments=[1])
    await a.validate(created.id)
    await a.unvalidate(created.id)
    dup = await a.duplicate(created.id)
    await a.delete(dup.id)
    assert (await a.render("000PE4", Contact.id("000R4M0U"))).subject == "Welcome Bob"
    assert len(await a.render_many("000PE4", [Contact.id("000R4M0U")] * 3)) == 3
    assert (await a.render_links("000PE4", Contact.id("000R4M0U"))).type_ == "success"
    results = await a.send("000PE4", [Contact.id("000R4M0T")] * 5, batch_size=2)
    assert [r.type_ for r in results] == ["success"] * 5
    assert (await a.send_one("000PE5", Contact.id("000R4M0T"), channel="sms")).type_ == "success"
    assert (await a.send_to_target("000PE4", "000R4M0U")).type_ == "success"
    await a.export_recipients("000PE4")
    await a.export_openers("000PE4")
    await a.export_clickers("000PE4")
    assert len(admin.get("/exports").json()) == 3


async def test_async_send_not_repeated(
    aclient: np6.AsyncNP6, admin: httpx.Client, sleeps: list[float]
) -> None:
    admin.post("/faults", json={"operation": "send_action_messages", "kind": "drop_after"}).raise_for_status()
    with pytest.raises(np6.SendOutcomeUnknownError) as info:
        await aclient.actions.send("000PE4", [Contact.id("000R4M0T"), Contact.id("000R4M0U")])
    progress = info.value.batch_progress
    assert progress is not None
    assert (len(progress.results), len(progress.failed), len(progress.unsent)) == (0, 2, 0)
    assert len(admin.get("/outbox", params={"kind": "email"}).json()) == 2
    assert sleeps == []


async def test_async_retry_on_503(aclient: np6.AsyncNP6, admin: httpx.Client, sleeps: list[float]) -> None:
    admin.post(
        "/faults", json={"operation": "list_notifications", "kind": "status", "status": 503}
    ).raise_for_status()
    assert len(await aclient.notifications.list()) == 1
    assert len(sleeps) == 1
