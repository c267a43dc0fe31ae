"""Fixtures of the fault matrix: a sandbox of its own, with a key that must never show up anywhere.

The shared sandbox (tests/conftest.py) accepts ``test-key``, a string too plain to prove the key is kept out
of messages; this one accepts only ``SECRET``. Response validation is off: injected faults break the spec on
purpose. The sandbox is reset (demo data, no pending fault) before each test.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from np6 import _base_client
from np6_sandbox.app import Sandbox
from np6_sandbox.server import serve

SECRET = "np6-fault-K3y-7Qx9-DoNotLeak"


@pytest.fixture(scope="session")
def fault_sandbox() -> Iterator[tuple[Sandbox, str]]:
    sandbox = Sandbox(api_keys=[SECRET], validate_responses=False)
    try:
        with serve(sandbox) as url:
            yield sandbox, url
    finally:
        sandbox.close()


@pytest.fixture
def sandbox_url(fault_sandbox: tuple[Sandbox, str]) -> str:
    sandbox, url = fault_sandbox
    sandbox.reset()
    return url


@pytest.fixture
def admin(sandbox_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox_url + "/_sandbox", timeout=30.0) as c:
        yield c


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits recorded instead of slept (the policy is not patched); tests proving real time skip it."""
    waits: list[float] = []

    def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_base_client, "_sleep", fake_sleep)
    monkeypatch.setattr(_base_client, "_async_sleep", fake_async_sleep)
    return waits


@pytest.fixture
def np6_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every record of the ``np6`` logger, at DEBUG."""
    caplog.set_level(logging.DEBUG, logger="np6")
    return caplog
