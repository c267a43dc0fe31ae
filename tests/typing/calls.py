"""Calls on the client and its namespaces: natural code is accepted, wrong arguments are rejected."""

from __future__ import annotations

from typing import assert_type

from np6 import NP6, AsyncNP6, Contact
from np6_api.models.notification import Notification
from np6_api.models.notification_version import NotificationVersion


def accepted(client: NP6) -> None:
    assert_type(client.notifications.get(156), Notification)
    assert_type(client.notifications.list(), list[Notification])
    version = client.notifications.select_version(156, label="B")
    assert_type(version, NotificationVersion)
    client.notifications.render(156, version=version, contact=Contact.id("000R4M0T"))
    client.actions.send("000PE4", [Contact.unicity("a@example.com"), Contact.id("000R4M0T")])
    with NP6(api_key="k", base_url="http://127.0.0.1:8080", timeout=5.0) as other:
        other.with_options(max_retries=0).notifications.list()


async def accepted_async(client: AsyncNP6) -> None:
    assert_type(await client.notifications.get(156), Notification)
    async for _event in client.notifications.reactivities("bounces", sort="asc"):
        pass


def rejected(client: NP6) -> None:
    client.notifications.render(156, contcat=Contact.id("000R4M0T"))  # type: ignore[call-arg]
    client.notifications.get("156")  # type: ignore[arg-type]
    client.notifications.render(156, "master")  # type: ignore[call-arg]
    client.notifications.create(nmae="Flash")  # type: ignore[call-arg]
    client.notifications.test(156, recipient={"type": "contact", "valeu": 1})  # type: ignore[arg-type]
    client.notifications.reactivities("bounces", sotr="asc")  # type: ignore[call-overload]
    Contact.id(42)  # type: ignore[arg-type]
    Contact(email="a@example.com")  # type: ignore[call-arg]
    NP6(api_key=42)  # type: ignore[arg-type]
    NP6("key")  # type: ignore[call-arg]


async def rejected_async(client: AsyncNP6) -> None:
    notification: Notification = client.notifications.get(156)  # type: ignore[assignment]
    for _event in client.notifications.reactivities("bounces"):  # type: ignore[attr-defined]
        pass
    print(notification)
