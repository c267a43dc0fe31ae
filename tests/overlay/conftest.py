"""Fixtures of the overlay tests: a real sandbox on loopback, clients bound to it, and patched sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

import np6
from np6 import _base_client
from np6_sandbox.testing import TEST_API_KEY, np6_sandbox, np6_sandbox_server, np6_sandbox_url

__all__ = ["np6_sandbox", "np6_sandbox_server", "np6_sandbox_url"]

KEY = "sk-unit-9f8e7d6c5b4a"  # a key that must never show up anywhere
BASE = "http://127.0.0.1:9"  # respx tests: never reached


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every retry wait, recorded instead of slept (the policy itself is not patched)."""
    waits: list[float] = []

    def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_base_client, "_sleep", fake_sleep)
    monkeypatch.setattr(_base_client, "_async_sleep", fake_async_sleep)
    return waits


@pytest.fixture
def client() -> Iterator[np6.NP6]:
    with np6.NP6(api_key=KEY, base_url=BASE) as c:
        yield c


@pytest.fixture
def sandbox_client(np6_sandbox_url: str) -> Iterator[np6.NP6]:
    with np6.NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, timeout=10.0) as c:
        yield c


@pytest.fixture
def admin(np6_sandbox_url: str) -> Iterator[httpx.Client]:
    """Plain httpx on the sandbox admin surface (/_sandbox/...)."""
    with httpx.Client(base_url=np6_sandbox_url + "/_sandbox", timeout=30.0) as c:
        yield c
