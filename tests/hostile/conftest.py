"""Fixtures of the hostile tests: a pair of lying servers (the second is "another origin")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from . import behaviours
from .server import Handler, HostileServer


@dataclass
class Hostile:
    """``hostile.url("/gzip-lie")`` is a base URL with that behaviour; ``hostile.other`` another origin."""

    server: HostileServer
    other: HostileServer

    def url(self, prefix: str) -> str:
        return self.server.url + prefix

    def route(self, prefix: str, handler: Handler) -> str:
        return self.server.route(prefix, handler)


@pytest.fixture(scope="session")
def _hostile_pair() -> Iterator[tuple[HostileServer, HostileServer]]:
    with HostileServer() as server, HostileServer() as other:
        behaviours.install(server, other)
        yield server, other


@pytest.fixture
def hostile(_hostile_pair: tuple[HostileServer, HostileServer]) -> Hostile:
    """The session's hostile servers, their request logs cleared for this test."""
    server, other = _hostile_pair
    server.requests.clear()
    other.requests.clear()
    return Hostile(server, other)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
