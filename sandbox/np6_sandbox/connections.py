"""uvicorn's h11 protocol with a deadline on request headers, so no client holds a connection for free.

uvicorn closes a kept-alive connection that stays silent after a response (`timeout_keep_alive`), but its
timer stops at the first byte of the next request and never starts on a new connection: a client that sends
half a request line, or nothing at all, keeps the connection (and its file descriptor) forever. Here every
connection, and every wait for the next request on it, gets `header_timeout` seconds for the whole header
block; a client dripping bytes does not push the deadline back. Slow bodies are not covered (the sandbox
reads bodies with a size limit, and real clients send them at once).
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_KEEP_ALIVE_TIMEOUT = 5.0


class HeaderDeadlineProtocol(H11Protocol):
    """H11Protocol plus one timer, armed while the server waits for a request's headers."""

    header_timeout: ClassVar[float] = DEFAULT_HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in (or the connection is over)
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm()  # waiting for the next request on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        busy = self.cycle is not None and not self.cycle.response_complete
        if self.conn.their_state is h11.IDLE and not busy and not self.transport.is_closing():
            self.transport.close()


def protocol(header_timeout: float) -> type[H11Protocol]:
    """The protocol class for `uvicorn.Config(http=...)` with this header deadline (seconds)."""
    if not header_timeout > 0:
        raise ValueError("the header timeout must be a positive number of seconds")
    return type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), {"header_timeout": header_timeout})
