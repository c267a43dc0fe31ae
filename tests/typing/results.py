"""What comes back is typed for direct use: renders, batch results, streams; inputs take any sequence."""

from __future__ import annotations

from typing import Any, assert_type

from np6 import NP6, AsyncNP6, Contact
from np6.types import Event, ExecutionResults


def accepted(client: NP6) -> None:
    result = client.notifications.render(156, contact=Contact.unicity("a+b@example.com"))
    print(result.render.title)

    recipients = [Contact.unicity("a@example.com"), Contact.id("000R4M0T")]
    results = client.actions.send("000PE4", recipients)  # a list[Contact]: list is invariant, Iterable is not
    assert_type(results, ExecutionResults)
    client.actions.send("000PE4", (Contact.id("000R4M0T"),))  # a tuple
    client.notifications.execute(156, (c for c in recipients))  # a generator

    for event in client.notifications.reactivities("bounces"):
        assert_type(event, Event)
    for raw in client.actions.reactivities("open_hits", raw=True):
        assert_type(raw, dict[str, Any])


async def accepted_async(client: AsyncNP6) -> None:
    async for event in client.actions.reactivities("bounces"):
        assert_type(event, Event)
    results = await client.actions.send("000PE4", [Contact.id("000R4M0T")])
    assert_type(results, ExecutionResults)
