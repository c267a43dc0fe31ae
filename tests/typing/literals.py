"""Arguments with a closed set of values are Literals: a wrong value is a type error, not a run-time one."""

from __future__ import annotations

import datetime
import uuid

from np6 import NP6, AsyncNP6, Contact


def accepted(client: NP6, since: datetime.datetime) -> None:
    client.notifications.reactivities("bounces", sort="asc", reactivity_start=since)
    client.notifications.reactivities(reactivity_start="2026-01-01", reactivity_end=1767225600000)
    client.actions.reactivities("open_hits", sort="desc")
    client.actions.send("000PE5", [Contact.id("000R4M0T")], channel="sms")
    client.notifications.render(156, version=uuid.UUID("3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f"))
    client.notifications.render(156, version="master")


def rejected(client: NP6) -> None:
    client.notifications.reactivities("bounce")  # type: ignore[call-overload]
    client.notifications.reactivities("open_hits")  # type: ignore[call-overload]
    client.actions.reactivities("impressions")  # type: ignore[call-overload]
    client.notifications.reactivities("bounces", sort="up")  # type: ignore[call-overload]
    client.actions.send("000PE5", [Contact.id("000R4M0T")], channel="mms")  # type: ignore[arg-type]
    client.actions.render("000PE5", Contact.id("000R4M0T"), channel="push")  # type: ignore[arg-type]
    client.notifications.render(156, version=42)  # type: ignore[arg-type]
    client.notifications.reactivities(reactivity_start=1.5)  # type: ignore[call-overload]


async def rejected_async(client: AsyncNP6) -> None:
    client.notifications.reactivities("bounce")  # type: ignore[call-overload]
    await client.actions.send("000PE5", [Contact.id("000R4M0T")], channel="mms")  # type: ignore[arg-type]
