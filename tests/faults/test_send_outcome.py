"""Issue 10 item 10: a 5xx on a send after NP6 acted says "may have been sent" and is never retried."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

import np6
from np6 import Contact

from .conftest import SECRET
from .secrets import assert_no_secret
from .test_matrix import ACTION, ADDRESS, outbox


def _send(mode: str, url: str) -> BaseException:
    to = [Contact.unicity(ADDRESS)]
    if mode == "sync":
        with np6.NP6(api_key=SECRET, base_url=url, timeout=5) as client, pytest.raises(np6.NP6Error) as info:
            client.actions.send(ACTION, to, channel="email")
        return info.value

    async def main() -> BaseException:
        async with np6.AsyncNP6(api_key=SECRET, base_url=url, timeout=5) as client:
            with pytest.raises(np6.NP6Error) as info:
                await client.actions.send(ACTION, to, channel="email")
            return info.value

    return asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("status", [500, 503])
def test_a_5xx_after_the_send_acted_is_maybe_sent_and_not_retried(
    sandbox_url: str, admin: httpx.Client, sleeps: list[float], mode: str, status: int
) -> None:
    fault: dict[str, Any] = {"operation": "send_action_messages", "count": 3, "kind": "status"}
    admin.post("/faults", json={**fault, "status": status, "after": True}).raise_for_status()
    error = _send(mode, sandbox_url)
    assert isinstance(error, np6.SendServerError), repr(error)
    assert isinstance(error, np6.SendOutcomeUnknownError) and isinstance(error, np6.InternalServerError)
    assert error.status_code == status and error.request_id
    assert "may have been sent" in str(error)
    assert len(outbox(admin)) == 1  # NP6 did send it, once
    assert [f["count"] for f in admin.get("/faults").raise_for_status().json()] == [2]  # one request only
    assert sleeps == []
    assert_no_secret(SECRET, error=error, records=[], objects=[])
