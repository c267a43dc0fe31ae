"""Fixtures of the sandbox tests: a real sandbox on a loopback port (np6_sandbox.testing) and a client."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from np6_sandbox.testing import TEST_API_KEY, np6_sandbox, np6_sandbox_server, np6_sandbox_url

__all__ = ["np6_sandbox", "np6_sandbox_server", "np6_sandbox_url"]


@pytest.fixture
def client(np6_sandbox_url: str) -> Iterator[httpx.Client]:
    """An httpx client on the sandbox with the test key; every response must carry an x-request-id."""

    def request_id_present(response: httpx.Response) -> None:
        assert response.headers.get("x-request-id"), f"no x-request-id on {response.request.url}"

    with httpx.Client(
        base_url=np6_sandbox_url,
        headers={"X-Key": TEST_API_KEY},
        timeout=30,
        event_hooks={"response": [request_id_present]},
    ) as http:
        yield http


@pytest.fixture
def admin(np6_sandbox_url: str) -> Iterator[httpx.Client]:
    """A client without key, for the /_sandbox/ admin calls."""
    with httpx.Client(base_url=f"{np6_sandbox_url}/_sandbox", timeout=60) as http:
        yield http
