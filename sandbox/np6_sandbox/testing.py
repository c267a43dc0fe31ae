"""Pytest fixtures: a real sandbox on a free loopback port, reset before each test.

Use from a conftest.py with `pytest_plugins = ["np6_sandbox.testing"]`, then ask for `np6_sandbox_url`
(base URL, state reset for the test) or `np6_sandbox` (the Sandbox object, to inspect its store). The key is
`TEST_API_KEY`; responses are validated against the spec and a drift fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from np6_sandbox.app import Sandbox
from np6_sandbox.server import serve

TEST_API_KEY = "test-key"


@pytest.fixture(scope="session")
def np6_sandbox_server() -> Iterator[tuple[Sandbox, str]]:
    sandbox = Sandbox(api_keys=[TEST_API_KEY], validate_responses=True)
    try:
        with serve(sandbox) as url:
            yield sandbox, url
    finally:
        sandbox.close()


@pytest.fixture
def np6_sandbox(np6_sandbox_server: tuple[Sandbox, str]) -> Iterator[Sandbox]:
    sandbox, _ = np6_sandbox_server
    sandbox.reset()
    sandbox.drift.clear()
    yield sandbox
    assert not sandbox.drift, f"the sandbox sent responses that do not match the spec: {sandbox.drift}"


@pytest.fixture
def np6_sandbox_url(np6_sandbox: Sandbox, np6_sandbox_server: tuple[Sandbox, str]) -> str:
    return np6_sandbox_server[1]
