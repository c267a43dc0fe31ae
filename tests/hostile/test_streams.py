"""Reactivity streams under a lying server, sync and async: only a cut connection is resumable.

Bad data (not a JSON array, malformed JSON, too deep, an event too big) raises a non-resumable
``APIResponseValidationError`` (the limits as ``ResponseTooDeepError`` / ``ResponseTooLargeError``) with the
request id; memory stays bounded (checked in a child process under ``RLIMIT_AS``); integers of any size are
data; the resume point survives events without a timestamp or an id.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from typing import Any

import httpx
import pytest

import np6
from leaks import assert_no_key

from . import behaviours
from .conftest import Hostile
from .memlimit import run_limited
from .server import Conn, Handler, Request

KEY = 'h2-streams/key\\"%+'  # odd characters: escaped forms are searched too
REQUEST_ID = "hostile-req-1"  # what the hostile server sends as x-request-id
FLAVOURS = ["sync", "async"]


def event(n: int, timestamp: int | None = 5, **extra: Any) -> dict[str, Any]:
    """A hit as NP6 sends it (``id`` and ``timestamp`` left out when None)."""
    out: dict[str, Any] = {"type": "hit", "id": f"00000000-0000-4000-8000-{n:012d}"}
    if timestamp is not None:
        out["timestamp"] = timestamp
    return {**out, **extra}


def array(*events: dict[str, Any]) -> bytes:
    return json.dumps(list(events)).encode()


def answer(
    body: bytes,
    *,
    status: int = 200,
    length: bool = True,
    cut_at: int | None = None,
    headers: list[tuple[str, str]] | None = None,
) -> Handler:
    """``body`` (with its Content-Length, or ended by closing the connection); ``cut_at``: RST after that
    many bytes, the Content-Length still announcing the whole body."""

    async def handler(request: Request, conn: Conn) -> None:
        head = [("Content-Type", "application/json"), *(headers or [])]
        if length:
            head.append(("Content-Length", str(len(body))))
        await conn.head(status, head)
        await conn.write(body if cut_at is None else body[:cut_at])
        if cut_at is not None:
            await asyncio.sleep(0.05)
            conn.cut()

    return handler


def drain(
    base_url: str, flavour: str, *, limits: np6.Limits | None = None, **kwargs: Any
) -> tuple[list[Any], np6.NP6Error | None]:
    """Every event of ``notifications.reactivities(**kwargs)``, and the error that stopped it (if any)."""
    got: list[Any] = []
    if flavour == "sync":
        with np6.NP6(api_key=KEY, base_url=base_url, max_retries=0, limits=limits) as client:
            try:
                for item in client.notifications.reactivities(**kwargs):
                    got.append(item)
            except np6.NP6Error as exc:
                return got, exc
        return got, None

    async def run() -> np6.NP6Error | None:
        async with np6.AsyncNP6(api_key=KEY, base_url=base_url, max_retries=0, limits=limits) as client:
            try:
                async for item in client.notifications.reactivities(**kwargs):
                    got.append(item)
            except np6.NP6Error as exc:
                return exc
        return None

    return got, asyncio.run(run())


def assert_bad_data(exc: BaseException | None, reason: str) -> np6.APIResponseValidationError:
    """A typed, non-resumable error naming what was wrong, with the request id, and no key anywhere."""
    assert isinstance(exc, np6.APIResponseValidationError), repr(exc)
    assert not isinstance(exc, np6.StreamInterruptedError)
    assert reason in str(exc)
    assert "Not resumable" in str(exc) and "resume=" not in str(exc)
    assert exc.request_id == REQUEST_ID and REQUEST_ID in str(exc)
    assert exc.status_code == 200
    assert_no_key(exc, KEY)
    return exc


# ------------------------------------------------------------------------------------------ nesting depth
def nested(levels: int) -> bytes:
    """One item nested ``levels`` deep inside the top-level array: arrays, then objects around a hit."""
    return b"[" + b"[" * levels + b"]" * levels + b"]"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_deep_nesting_stops_at_max_depth_with_a_typed_error(hostile: Hostile, flavour: str) -> None:
    head = array(event(1))[:-1]  # one good event first: it is yielded, then the stream stops
    deep_objects = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    url = hostile.route(f"/streams-deep-{flavour}", answer(head + b"," + deep_objects + b"]"))
    got, exc = drain(url, flavour, raw=True)
    assert got == [event(1)]
    error = assert_bad_data(exc, "deeper than max_depth (64 levels)")
    assert isinstance(error, np6.ResponseTooDeepError)
    assert (error.limit, error.value) == ("max_depth", 64)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_max_depth_counts_the_array_and_holds_on_both_sides(hostile: Hostile, flavour: str) -> None:
    limits = np6.Limits(max_depth=5)
    fits = event(1, x=[[[1]]])  # array 1, event 2, x 3-5
    url = hostile.route(f"/streams-depth5-{flavour}", answer(array(fits)))
    got, exc = drain(url, flavour, limits=limits, raw=True)
    assert (got, exc) == ([fits], None)
    url = hostile.route(f"/streams-depth6-{flavour}", answer(array(fits, event(2, x=[[[[1]]]]))))
    got, exc = drain(url, flavour, limits=limits, raw=True)
    assert got == [fits]
    assert isinstance(exc, np6.ResponseTooDeepError) and exc.value == 5


def test_a_100000_level_body_stays_in_bounded_memory(hostile: Hostile) -> None:
    """The body that grew memory quadratically until the kernel killed the client: under a 512 MB address
    space, sync and async both stop at the first level too many."""
    url = hostile.route("/streams-deep-memory", answer(nested(100_000)))
    code = (
        "import asyncio, sys, np6\n"
        "url = sys.argv[1]\n"
        "with np6.NP6(api_key='k', base_url=url, max_retries=0) as c:\n"
        "    try:\n"
        "        list(c.notifications.reactivities())\n"
        "    except np6.ResponseTooDeepError as exc:\n"
        "        print('sync', exc.limit)\n"
        "async def main():\n"
        "    async with np6.AsyncNP6(api_key='k', base_url=url, max_retries=0) as c:\n"
        "        try:\n"
        "            [e async for e in c.notifications.reactivities()]\n"
        "        except np6.ResponseTooDeepError as exc:\n"
        "            print('async', exc.limit)\n"
        "asyncio.run(main())\n"
    )
    child = run_limited(code, address_space_mb=512, args=[url]).check()
    assert child.stdout.split() == ["sync", "max_depth", "async", "max_depth"]
    assert child.peak_rss_mb < 100, child.peak_rss_mb


# ------------------------------------------------------------------------------------------- event size
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_max_event_size_holds_on_both_sides(hostile: Hostile, flavour: str) -> None:
    limit = 16 * 1024
    limits = np6.Limits(max_event_size=limit)
    small = [event(n, pad="x" * (limit - 200)) for n in range(5)]  # each just under the limit
    assert all(limit - 200 < len(json.dumps(e)) <= limit for e in small)
    url = hostile.route(f"/streams-size-ok-{flavour}", answer(array(*small)))
    got, exc = drain(url, flavour, limits=limits, raw=True)
    assert (got, exc) == (small, None)
    big = event(9, pad="x" * 2 * limit)
    url = hostile.route(f"/streams-size-big-{flavour}", answer(array(*small, big)))
    got, exc = drain(url, flavour, limits=limits, raw=True)
    assert got == small
    error = assert_bad_data(exc, f"more than max_event_size ({limit} bytes) without a complete event")
    assert isinstance(error, np6.ResponseTooLargeError)
    assert (error.limit, error.value) == ("max_event_size", limit)


def test_a_1_gb_event_stops_at_the_limit_in_bounded_memory(hostile: Hostile) -> None:
    """One event of 1 GB, sent lazily: the client stops after about ``max_event_size`` (4 MiB)."""

    async def endless_event(request: Request, conn: Conn) -> None:
        size = 1024 * 1024 * 1024
        await conn.head(200, [("Content-Type", "application/json"), ("Content-Length", str(size + 9))])
        await conn.write(b'[{"id": "')
        block = b"a" * (256 * 1024)
        for _ in range(size // len(block)):
            await conn.write(block)

    url = hostile.route("/streams-endless-event", endless_event)
    code = (
        "import asyncio, sys, np6\n"
        "url = sys.argv[1]\n"
        "with np6.NP6(api_key='k', base_url=url, max_retries=0) as c:\n"
        "    try:\n"
        "        list(c.notifications.reactivities())\n"
        "    except np6.ResponseTooLargeError as exc:\n"
        "        print('sync', exc.limit)\n"
        "async def main():\n"
        "    async with np6.AsyncNP6(api_key='k', base_url=url, max_retries=0) as c:\n"
        "        try:\n"
        "            [e async for e in c.notifications.reactivities()]\n"
        "        except np6.ResponseTooLargeError as exc:\n"
        "            print('async', exc.limit)\n"
        "asyncio.run(main())\n"
    )
    child = run_limited(code, address_space_mb=512, args=[url]).check()
    assert child.stdout.split() == ["sync", "max_event_size", "async", "max_event_size"]
    assert child.peak_rss_mb < 100, child.peak_rss_mb


# ------------------------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_gzip_stream_is_decoded_and_a_lying_one_is_bad_data(hostile: Hostile, flavour: str) -> None:
    events = [event(n, pad="y" * 3000) for n in range(300)]  # ~1 MB, a few decoded pieces
    compressed = gzip.compress(array(*events))
    url = hostile.route(
        f"/streams-gzip-{flavour}", answer(compressed, headers=[("Content-Encoding", "gzip")])
    )
    got, exc = drain(url, flavour, raw=True)
    assert (got, exc) == (events, None)
    url = hostile.route(
        f"/streams-gzip-lie-{flavour}", answer(array(*events), headers=[("Content-Encoding", "gzip")])
    )
    got, exc = drain(url, flavour, raw=True)
    assert got == []
    assert_bad_data(exc, "the body cannot be decoded (the body is not valid gzip")


def test_a_gzip_bomb_stream_stays_in_bounded_memory(hostile: Hostile) -> None:
    """512 MB of inflated whitespace from 0.5 MB: stopped within a few MB, never inflated whole."""
    url = hostile.route("/streams-gzip-bomb", behaviours.gzip_bomb())
    code = (
        "import sys, np6\n"
        "with np6.NP6(api_key='k', base_url=sys.argv[1], max_retries=0) as c:\n"
        "    try:\n"
        "        list(c.notifications.reactivities())\n"
        "    except np6.ResponseTooLargeError as exc:\n"
        "        print(exc.limit)\n"
    )
    child = run_limited(code, address_space_mb=512, args=[url]).check()
    assert child.stdout.split()[0] in ("max_event_size", "max_decompression_ratio")
    assert child.peak_rss_mb < 100, child.peak_rss_mb


# ---------------------------------------------------------------------------------- not a JSON array
@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{}", "the body is a JSON object, not a JSON array"),
        (b'{"items": []}', "the body is a JSON object, not a JSON array"),
        (b"null", "the body is JSON null, not a JSON array"),
        (b'"events"', "the body is a JSON string, not a JSON array"),
        (b"42", "the body is a JSON number, not a JSON array"),
        (b"true", "the body is a JSON boolean, not a JSON array"),
        (b"", "the body is empty, not a JSON array"),
        (b"   ", "the body is not a JSON array of events (parse error: premature EOF"),
        (b"nul", "the body is not a JSON array of events (lexical error: invalid string in json text."),
        (b"[1]", "a reactivity item is not a JSON object: '1'"),
        (b'[{"type": "hit"}, [2]]', "a reactivity item is not a JSON object: '[2]'"),
    ],
)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_body_that_is_not_an_array_of_events_is_not_zero_events(
    hostile: Hostile, flavour: str, body: bytes, reason: str
) -> None:
    url = hostile.route(f"/streams-not-array-{flavour}-{abs(hash(body))}", answer(body))
    _, exc = drain(url, flavour, sort="asc")
    assert_bad_data(exc, reason)


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        (b', {"type": "hit",, }]', "the body is not valid JSON (parse error"),
        (b"] trailing", "the body is not valid JSON (parse error: trailing garbage"),
        (b", <html>]", "the body is not valid JSON (lexical error: invalid char in json text."),
        (b', "\xff"]', "the body is not valid JSON (lexical error: invalid bytes in UTF8 string."),
        (b", " + b"7" * 5000 + b"]", "the body holds a value that cannot be read"),
    ],
)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_malformed_data_is_not_an_interruption(
    hostile: Hostile, flavour: str, tail: bytes, reason: str
) -> None:
    body = array(event(1), event(2))[:-1] + tail
    url = hostile.route(f"/streams-malformed-{flavour}-{abs(hash(tail))}", answer(body))
    got, exc = drain(url, flavour, sort="asc", raw=True)
    if b"7777" in tail:  # the parser's events around an unreadable number are dropped unread
        assert got == [event(1), event(2)][: len(got)]
    else:
        assert got == [event(1), event(2)]
    assert f"after {len(got)} event(s)" in str(assert_bad_data(exc, reason))


# ------------------------------------------------------------------------------------ cut connections
@pytest.mark.parametrize("length", [True, False], ids=["reset", "closed-early"])
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_only_a_cut_connection_is_resumable(hostile: Hostile, flavour: str, length: bool) -> None:
    """A reset mid-body (Content-Length announced), or a clean close before the array ends (no length)."""
    body = array(event(1, timestamp=5), event(2, timestamp=6), event(3, timestamp=7))
    cut = body.index(b"}, {", body.index(b"}, {") + 1) + 5  # inside the third event
    handler = answer(body, cut_at=cut) if length else answer(body[:cut], length=False)
    url = hostile.route(f"/streams-cut-{flavour}-{length}", handler)
    got, exc = drain(url, flavour, sort="asc", raw=True)
    assert got == [event(1, timestamp=5), event(2, timestamp=6)]
    assert isinstance(exc, np6.StreamInterruptedError), repr(exc)
    assert exc.resumable and exc.count == 2 and exc.last_timestamp == 6
    assert "Resume with reactivities(..., resume=exc)" in str(exc)
    if not length:
        assert "the body ended before the JSON array was closed" in str(exc)
    assert_no_key(exc, KEY)


# --------------------------------------------------------------------------------------- big numbers
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_integers_beyond_64_bits_are_data(hostile: Hostile, flavour: str) -> None:
    big = 2**64 + 1
    body = (
        b'[{"type": "hit", "id": "a", "timestamp": 5, "big": 18446744073709551617, "neg": -'
        + b"9" * 40
        + b', "dec": 1.5, "exp": 1e400, "long": 123456789012345678901234567890.25}]'
    )
    url = hostile.route(f"/streams-bigint-{flavour}", answer(body))
    (got,), exc = drain(url, flavour, raw=True)
    assert exc is None
    assert got == {
        "type": "hit",
        "id": "a",
        "timestamp": 5,
        "big": big,
        "neg": -int("9" * 40),
        "dec": 1.5,
        "exp": float("inf"),  # as json.loads reads it
        "long": 123456789012345678901234567890.25,
    }
    assert type(got["big"]) is int and type(got["dec"]) is float
    (typed,), exc = drain(url, flavour)
    assert exc is None
    assert typed.additional_properties["big"] == big


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_timestamp_beyond_64_bits_is_a_resume_point(hostile: Hostile, flavour: str) -> None:
    ts = 2**70
    body = array(event(1, timestamp=ts), event(2, timestamp=ts))
    url = hostile.route(f"/streams-bigts-{flavour}", answer(body, cut_at=len(body) - 3))
    got, exc = drain(url, flavour, sort="asc", raw=True)
    assert [e["timestamp"] for e in got] == [ts]
    assert isinstance(exc, np6.StreamInterruptedError) and exc.last_timestamp == ts


# ---------------------------------------------------------------------------------- resume survivors
def resume_server(first: bytes, cut_at: int, then: bytes) -> tuple[Handler, list[str]]:
    """``first`` cut after ``cut_at`` bytes; a request with ``reactivityStart`` gets ``then`` whole."""
    targets: list[str] = []

    async def handler(request: Request, conn: Conn) -> None:
        targets.append(request.target)
        if "reactivityStart=" in request.target:
            await answer(then)(request, conn)
        else:
            await answer(first, cut_at=cut_at)(request, conn)

    return handler, targets


def resume(
    base_url: str, flavour: str, **kwargs: Any
) -> tuple[list[Any], np6.StreamInterruptedError, list[Any]]:
    """Events before the cut, the cut, and the events of the stream resumed from it."""
    got, exc = drain(base_url, flavour, sort="asc", **kwargs)
    assert isinstance(exc, np6.StreamInterruptedError), repr(exc)
    rest, again = drain(base_url, flavour, sort="asc", resume=exc, **kwargs)
    assert again is None
    return got, exc, rest


def ids_of(events: list[Any]) -> list[Any]:
    return [e["id"] if isinstance(e, dict) else str(e.id) for e in events]


@pytest.mark.parametrize("raw", [True, False], ids=["raw", "typed"])
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_event_without_timestamp_keeps_the_resume_point(hostile: Hostile, flavour: str, raw: bool) -> None:
    a, untimed, c = event(1, timestamp=5), event(2, timestamp=None), event(3, timestamp=6)
    first = array(a, untimed, c)
    handler, targets = resume_server(first, first.index(b'"00000000-0000-4000-8000-000000000003"'), first)
    url = hostile.route(f"/streams-untimed-{flavour}-{raw}", handler)
    got, exc, rest = resume(url, flavour, raw=raw)
    assert ids_of(got) == [a["id"], untimed["id"]]
    assert exc.last_timestamp == 5  # not reset by the event without one
    assert exc.ids_at_last_timestamp == frozenset({a["id"]})
    assert "reactivityStart=5" in targets[-1]
    assert ids_of(rest) == [untimed["id"], c["id"]]  # a skipped; the untimed one cannot be deduplicated


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_id_less_raw_events_are_not_dropped_after_a_resume(hostile: Hostile, flavour: str) -> None:
    a = event(1, timestamp=5)
    b = {"type": "hit", "timestamp": 5, "n": "b"}
    c = {"type": "hit", "timestamp": 5, "n": "c"}
    d = event(4, timestamp=6)
    first = array(a, b, c, d)
    handler, _ = resume_server(first, first.index(b'"n": "c"'), first)
    url = hostile.route(f"/streams-idless-{flavour}", handler)
    got, exc, rest = resume(url, flavour, raw=True)
    assert got == [a, b]
    assert exc.ids_at_last_timestamp == frozenset({a["id"]}) and exc.last_event_id is None
    assert rest == [b, c, d]  # b again (nothing identifies it), c not lost


def test_async_with_closes_the_connection(hostile: Hostile) -> None:
    body = array(*(event(n) for n in range(2000)))
    url = hostile.route("/streams-aexit", answer(body))
    responses: list[httpx.Response] = []

    async def hook(response: httpx.Response) -> None:
        responses.append(response)

    async def run() -> None:
        http = httpx.AsyncClient(event_hooks={"response": [hook]})
        async with http, np6.AsyncNP6(api_key=KEY, base_url=url, http_client=http) as client:
            async with client.notifications.reactivities(raw=True) as stream:
                assert (await stream.__anext__())["id"] == event(0)["id"]
                assert not responses[-1].is_closed
            assert responses[-1].is_closed

    asyncio.run(run())


# ----------------------------------------------------------------------------- undocumented statuses
@pytest.mark.parametrize("status", [201, 204, 302, 304])
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_undocumented_status_on_a_stream_is_typed(hostile: Hostile, flavour: str, status: int) -> None:
    body = b"" if status in (204, 304) else array(event(1))
    url = hostile.route(f"/streams-status-{flavour}-{status}", answer(body, status=status))
    got, exc = drain(url, flavour, sort="asc")
    assert got == []
    assert isinstance(exc, np6.UnexpectedStatusError), repr(exc)
    assert exc.status_code == status and exc.request_id == REQUEST_ID and REQUEST_ID in str(exc)
    assert_no_key(exc, KEY)
