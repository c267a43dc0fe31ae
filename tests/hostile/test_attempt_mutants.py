"""The attempt's deadline while the status line and headers arrive (issue 16).

The headers are read by httpcore before the client sees a response, so only the deadline handed to each
network read (``_deadline.active`` around the attempt) can cut them: a server dripping them a byte every
50 ms, within any per-read timeout, is cut at ``Limits.deadline``, sync and async. (Without the deadline
the answer would come, complete, after about 2 s.)
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

import np6

from .clients import MODES, Outcome, read, run
from .conftest import Hostile
from .server import Conn, Request

BODY = b'{"id": "000PE4"}'
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY)


async def _slow_head(request: Request, conn: Conn) -> None:
    for byte in HEAD[:40]:
        await conn.write(bytes([byte]))
        await asyncio.sleep(0.05)
    await conn.write(HEAD[40:] + BODY)


@pytest.mark.parametrize("mode", MODES)
def test_headers_dripped_within_the_read_timeout_are_cut_at_the_deadline(hostile: Hostile, mode: str) -> None:
    base = hostile.route("/slow-head", _slow_head)
    outcome: Outcome = run(mode, base, read, timeout=30, max_retries=0, limits=np6.Limits(deadline=0.3))
    assert type(outcome.error) is np6.APITimeoutError, repr(outcome.error)
    assert "total deadline (0.3 s) passed" in str(outcome.error)
    # cut while the headers arrived: no status was seen, and the cut was the network read's own timeout
    # (the check between body chunks would have come after a complete 200)
    assert "-> 200" not in str(outcome.error)
    assert type(outcome.error.__cause__) is httpx.ReadTimeout
