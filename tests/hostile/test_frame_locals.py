"""The key is not in the local variables of the lower layers' frames that an np6 error carries.

An error's ``__cause__`` keeps httpx's and httpcore's traceback, and their frames keep their locals: the
request headers httpcore built, with X-Key. Tools that report locals (Sentry, ``rich.traceback`` with
``show_locals``, ``pdb.post_mortem``) would show the key, so the error boundary clears those frames.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from types import TracebackType

import pytest

import np6

from .conftest import Hostile

KEY = "sk-frame-locals-5c1d9e7a3b"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack += [c for c in (current.__cause__, current.__context__) if c is not None]


def _frames(tb: TracebackType | None) -> Iterator[TracebackType]:
    while tb is not None:
        yield tb
        tb = tb.tb_next


def _shown(value: object) -> str:
    """What a reporter of locals shows: the repr, and the headers' (httpcore's request repr hides them)."""
    parts = []
    for part in (value, getattr(value, "headers", None)):
        try:
            parts.append(repr(part))
        except Exception:  # a half-built object: a reporter would skip it too
            continue
    return " ".join(parts)


def leaking_frames(exc: BaseException) -> list[str]:
    """Every frame below this test's in every traceback of the chain whose locals show the key."""
    found = []
    for current in _chain(exc):
        for tb in _frames(current.__traceback__):
            frame = tb.tb_frame
            if frame.f_code.co_filename == __file__:  # the test's own frame holds the fixtures
                continue
            for name, value in list(frame.f_locals.items()):
                if KEY in _shown(value) or KEY.encode() in _shown(value).encode():
                    found.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}:{name}")
    return found


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_a_refused_connection_leaves_no_key_in_any_frame() -> None:
    client = np6.NP6(api_key=KEY, base_url=closed_port(), max_retries=0)
    with client, pytest.raises(np6.APIConnectionError) as info:
        client.notifications.get(156)
    assert info.value.__cause__ is not None  # the lower layers' traceback is there, frames and all
    assert leaking_frames(info.value) == []


def test_a_timeout_leaves_no_key_in_any_frame(hostile: Hostile) -> None:
    client = np6.NP6(api_key=KEY, base_url=hostile.url("/drip-headers"), max_retries=0, timeout=0.5)
    with client, pytest.raises(np6.APITimeoutError) as info:
        client.notifications.get(156)
    assert leaking_frames(info.value) == []


def test_a_cut_connection_leaves_no_key_in_any_frame(hostile: Hostile) -> None:
    client = np6.NP6(api_key=KEY, base_url=hostile.url("/cut-after-headers"), max_retries=0)
    with client, pytest.raises(np6.NP6Error) as info:
        client.notifications.get(156)
    assert leaking_frames(info.value) == []


def test_async_a_refused_connection_leaves_no_key_in_any_frame() -> None:
    async def main() -> BaseException:
        async with np6.AsyncNP6(api_key=KEY, base_url=closed_port(), max_retries=0) as client:
            try:
                await client.notifications.get(156)
            except np6.APIConnectionError as exc:
                return exc
        raise AssertionError("no error")

    exc = asyncio.run(main())
    assert leaking_frames(exc) == []


def test_a_frame_still_running_deeper_in_the_traceback_is_left_alone() -> None:
    """An exception re-raised from a saved one holds the running frame that first caught it: not an error."""
    from np6._redact import clear_lower_frames

    try:
        raise ValueError("first")
    except ValueError as exc:
        saved = exc

    def rethrow() -> None:
        helper_local = "cleared"  # noqa: F841 (a local of a finished frame)
        raise saved

    try:
        rethrow()
    except ValueError as again:
        frames = [tb.tb_frame for tb in _frames(again.__traceback__)]
        assert [f.f_code.co_name for f in frames] == [
            "test_a_frame_still_running_deeper_in_the_traceback_is_left_alone",
            "rethrow",
            "test_a_frame_still_running_deeper_in_the_traceback_is_left_alone",
        ]
        clear_lower_frames(again.__traceback__)  # the last entry is this running frame: kept, no error
        assert frames[1].f_locals == {}
        assert "saved" in frames[2].f_locals
