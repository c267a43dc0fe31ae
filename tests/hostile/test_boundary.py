"""Issue 10 item 2 (and the boundary): lower-layer failures come out typed, scrubbed, and say "maybe sent".

Each server here lies in one way; the client must raise an ``np6.NP6Error`` with no ``X-Key`` on anything
attached to it or its chain, and on a send tell whether it may have gone.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

import np6
from leaks import assert_no_key
from np6 import _base_client
from np6._base_client import request_may_have_reached_np6

from .clients import KEY, MODES, read, run, send
from .conftest import Hostile
from .server import Conn, Request


@pytest.mark.parametrize("mode", MODES)
def test_lying_gzip_on_a_read_is_a_typed_error_without_the_key(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/gzip-lie"), read, max_retries=0)
    assert type(outcome.error) is np6.APIResponseValidationError
    assert "cannot be decoded" in str(outcome.error)
    assert outcome.error.status_code == 200 and outcome.error.request_id == "hostile-req-1"
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
def test_lying_gzip_on_a_send_says_it_was_sent(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/gzip-lie"), send)
    assert isinstance(outcome.error, np6.SendResponseUnreadableError)
    assert isinstance(outcome.error, np6.SendOutcomeUnknownError)
    assert "do not send it again" in str(outcome.error)
    assert len(hostile.server.requests_to("/gzip-lie")) == 1  # never retried
    assert_no_key(outcome.error, KEY)


def _following_sync() -> httpx.Client:
    return httpx.Client(follow_redirects=True)


def _following_async() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True)


FOLLOWING = {"sync": _following_sync, "async": _following_async}


@pytest.mark.parametrize("mode", MODES)
def test_a_redirect_loop_with_a_following_http_client_is_typed_and_sent_once(
    hostile: Hostile, mode: str
) -> None:
    outcome = run(mode, hostile.url("/redirect-loop"), read, http_client=FOLLOWING[mode], max_retries=0)
    assert isinstance(outcome.error, np6.UnexpectedStatusError), repr(outcome.error)
    assert outcome.error.status_code == 302 and outcome.error.request_id == "hostile-req-1"
    assert len(hostile.server.requests_to("/redirect-loop")) == 1
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
def test_a_307_loop_on_a_send_is_maybe_sent_and_never_reposted(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/redirect-loop-307"), send, http_client=FOLLOWING[mode])
    assert isinstance(outcome.error, np6.SendUnexpectedStatusError), repr(outcome.error)
    assert "may have been sent" in str(outcome.error)
    assert len(hostile.server.requests_to("/redirect-loop-307")) == 1
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("call", [read, send], ids=["read", "send"])
def test_a_cut_after_the_headers_is_typed(hostile: Hostile, mode: str, call: object) -> None:
    outcome = run(mode, hostile.url("/cut-after-headers"), call, max_retries=0)  # type: ignore[arg-type]
    expected = np6.SendOutcomeUnknownError if call is send else np6.APIConnectionError
    assert type(outcome.error) is expected, repr(outcome.error)
    assert_no_key(outcome.error, KEY)


def test_the_request_attached_anywhere_in_the_chain_has_no_key(hostile: Hostile) -> None:
    outcome = run("sync", hostile.url("/cut-after-headers"), read, max_retries=0)
    seen = 0
    error: BaseException | None = outcome.error
    while error is not None:
        request = getattr(error, "_request", None) or getattr(
            getattr(error, "response", None), "request", None
        )
        if isinstance(request, httpx.Request):
            seen += 1
            assert "x-key" not in request.headers
        error = error.__cause__ or error.__context__
    assert seen >= 1  # httpx's own error kept its request, scrubbed


def test_arguments_that_cannot_be_encoded_are_refused_before_io(hostile: Hostile) -> None:
    outcome = run("sync", hostile.url("/ok"), lambda c: c.actions.get("x" * 100_000))
    assert isinstance(outcome.error, np6.NP6ValidationError)
    assert hostile.server.requests_to("/ok") == []


@pytest.mark.anyio
async def test_a_cancelled_send_tells_whether_it_may_have_gone(hostile: Hostile) -> None:
    reached = asyncio.Event()
    loop = asyncio.get_running_loop()

    async def hang(request: Request, conn: Conn) -> None:
        loop.call_soon_threadsafe(reached.set)
        await asyncio.sleep(30)

    base = hostile.route("/hang", hang)
    async with np6.AsyncNP6(api_key=KEY, base_url=base, timeout=30) as client:
        task = asyncio.ensure_future(send(client))
        await asyncio.wait_for(reached.wait(), 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as info:
            await task
    assert request_may_have_reached_np6(info.value)


def test_a_send_that_never_left_is_not_maybe_sent() -> None:
    outcome = run("sync", "http://127.0.0.1:9", send, max_retries=0)
    assert type(outcome.error) is np6.APIConnectionError, repr(outcome.error)
    assert not request_may_have_reached_np6(outcome.error)
    assert_no_key(outcome.error, KEY)


def test_credentials_in_the_base_url_are_refused_without_showing_them() -> None:
    with pytest.raises(np6.NP6ValidationError) as info:
        np6.NP6(api_key=KEY, base_url="http://user:s3cr3t-pw@127.0.0.1:9")
    assert "s3cr3t-pw" not in str(info.value) and "api_key" in str(info.value)


def test_a_request_that_cannot_be_written_is_not_retried(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(_base_client, "_sleep", waits.append)

    def bad_header(client: object) -> object:
        http = httpx.Client(headers={"X-Broken": "a\\nb".replace("\\n", "\n")})
        with np6.NP6(api_key=KEY, base_url=hostile.url("/ok"), http_client=http) as inner:
            try:
                return inner.actions.get("000PE4")
            finally:
                http.close()

    outcome = run("sync", hostile.url("/ok"), bad_header)
    assert isinstance(outcome.error, np6.APIConnectionError), repr(outcome.error)
    assert "LocalProtocolError" in str(outcome.error)
    assert hostile.server.requests_to("/ok") == []
    assert waits == []  # a retry cannot fix it
