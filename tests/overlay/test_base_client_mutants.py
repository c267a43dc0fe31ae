"""The error boundary of ``_base_client``, decision by decision, sync and async (issue 16).

respx answers exactly what each decision needs: undocumented statuses (a 3xx is never followed), 5xx on a
send, bodies past each ``np6.Limits`` bound, a connection lost after the headers of a send arrived, the
base URL rules. Each test runs through ``NP6`` and ``AsyncNP6``: both have their own attempt loop.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx

import np6
from np6._base_client import check_base_url, request_may_have_reached_np6
from np6._version import __version__

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"
ITEM = {"type": "push-app", "id": 1}
SENT = {"type": "success", "id": "497a760d-e444-484f-b964-125cf548bb9c"}
KINDS = ["sync", "async"]


def run(kind: str, action: Callable[[Any], Any], **options: Any) -> Any:
    """``action(client)`` with an ``NP6`` (sync) or an ``AsyncNP6`` (its result awaited)."""
    if kind == "sync":
        with np6.NP6(api_key=KEY, base_url=BASE, **options) as client:
            return action(client)

    async def main() -> Any:
        async with np6.AsyncNP6(api_key=KEY, base_url=BASE, **options) as client:
            return await action(client)

    return asyncio.run(main())


def get(client: Any) -> Any:
    return client.notifications.get(1)


def send(client: Any) -> Any:
    return client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")


def stream(kind: str) -> Callable[[Any], Any]:
    if kind == "sync":
        return lambda client: list(client.notifications.reactivities())

    async def collect(client: Any) -> Any:
        return [e async for e in client.notifications.reactivities()]

    return collect


def raises(kind: str, action: Callable[[Any], Any], error: type[BaseException], **options: Any) -> Any:
    with pytest.raises(error) as info:
        run(kind, action, **options)
    return info.value


# ------------------------------------------------------------------------------------------- base URL
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost",
        "http://localhost.",
        "http://api.localhost",
        "http://[::1]:9",
    ],
)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    assert check_base_url(url + "/", allow_insecure=False) == url


@pytest.mark.parametrize("url", ["http://api.example.com", "http://10.0.0.1", "http://localhostx"])
def test_plain_http_elsewhere_needs_allow_insecure(url: str) -> None:
    with pytest.raises(np6.NP6ValidationError, match="plain http"):
        check_base_url(url, allow_insecure=False)
    assert check_base_url(url, allow_insecure=True) == url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com", "http:// or https://"),
        ("https://", "http:// or https://"),
        ("https://user:pw@example.com", "credentials"),
        ("https://example.com/?a=1", "query or fragment"),
        ("https://example.com/#x", "query or fragment"),
        ("https://exa mple.com:x", "is not a URL"),
    ],
)
def test_bad_base_urls(url: str, message: str) -> None:
    with pytest.raises(np6.NP6ValidationError, match=message):
        check_base_url(url, allow_insecure=True)


def test_https_is_kept_as_given_without_trailing_slash() -> None:
    assert check_base_url("https://api-cm.np6.com/v1/", allow_insecure=False) == "https://api-cm.np6.com/v1"


# ---------------------------------------------------------------------------------------- configuration
@pytest.mark.parametrize("bad", [-1, True, 1.0, "2"])
def test_max_retries_must_be_a_non_negative_int(bad: object) -> None:
    with pytest.raises(np6.NP6ValidationError, match="max_retries"):
        np6.NP6(api_key=KEY, base_url=BASE, max_retries=bad)  # type: ignore[arg-type]


def test_limits_must_be_limits() -> None:
    with pytest.raises(np6.NP6ValidationError, match=r"limits must be an np6\.Limits"):
        np6.NP6(api_key=KEY, base_url=BASE, limits={"max_depth": 3})  # type: ignore[arg-type]
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.limits == np6.Limits()


def test_the_deadline_is_the_limit_or_the_largest_timeout_phase() -> None:
    timeout = httpx.Timeout(connect=1.0, read=5.0, write=2.0, pool=3.0)
    with np6.NP6(api_key=KEY, base_url=BASE, timeout=timeout) as client:
        assert client.deadline == 5.0
    with np6.NP6(api_key=KEY, base_url=BASE, timeout=timeout, limits=np6.Limits(deadline=0.5)) as client:
        assert client.deadline == 0.5
    for phases in (
        httpx.Timeout(connect=7.0, read=1.0, write=1.0, pool=1.0),
        httpx.Timeout(connect=1.0, read=1.0, write=7.0, pool=1.0),
        httpx.Timeout(connect=1.0, read=1.0, write=1.0, pool=7.0),
        httpx.Timeout(connect=None, read=7.0, write=None, pool=None),
    ):
        with np6.NP6(api_key=KEY, base_url=BASE, timeout=phases) as client:
            assert client.deadline == 7.0


# ------------------------------------------------------------------------------------ what is sent
@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_the_request_headers_and_the_key_only_while_sent(respx_mock: respx.MockRouter, kind: str) -> None:
    seen: list[httpx.Headers] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(httpx.Headers(request.headers))
        return httpx.Response(200, json=ITEM)

    route = respx_mock.get("/notifications/1").mock(side_effect=answer)
    assert run(kind, get).id == 1
    (headers,) = seen
    assert headers["X-Key"] == KEY
    assert headers["Accept"] == "application/json"
    assert headers["Accept-Encoding"] == "gzip, deflate"
    assert headers["User-Agent"] == f"np6-python/{__version__}"
    assert route.call_count == 1


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_gzip_body_is_decoded_by_the_client(respx_mock: respx.MockRouter, kind: str) -> None:
    body = gzip.compress(json.dumps(ITEM).encode())
    respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})
    )
    assert run(kind, get).id == 1


# ------------------------------------------------------------------------------------------- statuses
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("status", [201, 204, 302, 304, 399])
@respx.mock(base_url=BASE)
def test_an_undocumented_status_is_an_error_never_retried(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str, status: int
) -> None:
    headers = {"Location": "https://elsewhere.example/steal", "x-request-id": "r-7"}
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(status, headers=headers))
    error = raises(kind, get, np6.UnexpectedStatusError)
    assert type(error) is np6.UnexpectedStatusError
    assert error.status_code == status
    assert error.request_id == "r-7"
    assert "does not document for get_notification" in str(error)
    assert ("redirects are not followed" in str(error)) is (300 <= status < 400)
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_undocumented_status_of_a_send_may_have_been_sent(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(return_value=httpx.Response(202))
    error = raises(kind, send, np6.SendUnexpectedStatusError)
    assert isinstance(error, np6.SendOutcomeUnknownError)
    assert "may have been sent" in str(error)
    assert route.call_count == 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("status", [500, 503, 599])
@respx.mock(base_url=BASE)
def test_a_5xx_on_a_send_is_a_send_server_error(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str, status: int
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(return_value=httpx.Response(status))
    error = raises(kind, send, np6.SendServerError, max_retries=3)
    assert type(error) is np6.SendServerError
    assert isinstance(error, np6.InternalServerError)
    assert "NOT retried" in str(error) and "may have been sent" in str(error)
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("status", "cls", "hint"),
    [
        (400, np6.BadRequestError, "rejected the request as malformed"),
        (404, np6.NotFoundError, "not found"),
        (410, np6.APIStatusError, "the resource was removed"),
        (418, np6.APIStatusError, "request refused"),
        (499, np6.APIStatusError, "request refused"),
        (500, np6.InternalServerError, "server error"),
        (599, np6.InternalServerError, "server error"),
    ],
)
@respx.mock(base_url=BASE)
def test_status_errors_and_their_hints(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str, status: int, cls: type[Exception], hint: str
) -> None:
    respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(status, headers={"x-request-id": "r-1"})
    )
    error = raises(kind, get, np6.APIStatusError, max_retries=0)
    assert type(error) is cls
    assert hint in str(error)
    assert f"GET /notifications/1 -> {status}" in str(error)
    assert "(request id r-1)" in str(error)
    assert error.request_id == "r-1"
    assert error.response.status_code == status


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_rate_limit_carries_its_retry_after(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    respx_mock.get("/notifications/1").mock(return_value=httpx.Response(429, headers={"Retry-After": "120"}))
    error = raises(kind, get, np6.RateLimitError)
    assert error.retry_after == 120.0
    assert "rate limit reached" in str(error)


# ----------------------------------------------------------------------------------------- error bodies
@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_error_bodies(respx_mock: respx.MockRouter, kind: str) -> None:
    route = respx_mock.get("/notifications/1")
    route.mock(return_value=httpx.Response(404, json={"error": "gone", "key": KEY}))
    error = raises(kind, get, np6.NotFoundError)
    assert error.body == {"error": "gone", "key": "***"}  # parsed, the key redacted
    route.mock(return_value=httpx.Response(404, content=b"x" * 3000))
    assert raises(kind, get, np6.NotFoundError).body == "x" * 1000  # text, at most 1000 characters
    route.mock(return_value=httpx.Response(404, content=b""))
    assert raises(kind, get, np6.NotFoundError).body is None
    route.mock(return_value=httpx.Response(404, content=b"[[[[1]]]]"))
    too_deep = raises(kind, get, np6.NotFoundError, limits=np6.Limits(max_depth=2))
    assert too_deep.body == "[[[[1]]]]"  # not parsed: deeper than max_depth


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_error_body_is_read_up_to_its_limit(respx_mock: respx.MockRouter, kind: str) -> None:
    route = respx_mock.get("/notifications/1")
    route.mock(return_value=httpx.Response(404, content=b"0123456789"))
    assert (
        raises(kind, get, np6.NotFoundError, limits=np6.Limits(max_error_body_size=10)).body == "0123456789"
    )
    route.mock(return_value=httpx.Response(404, content=b"0123456789abcdef"))
    body = raises(kind, get, np6.NotFoundError, limits=np6.Limits(max_error_body_size=10)).body
    assert body is None or len(body) <= 10


# ------------------------------------------------------------------------------------- success bodies
@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_body_past_max_body_size(respx_mock: respx.MockRouter, sleeps: list[float], kind: str) -> None:
    route = respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(200, json={**ITEM, "pad": "x" * 100}, headers={"x-request-id": "r-2"})
    )
    error = raises(kind, get, np6.ResponseTooLargeError, limits=np6.Limits(max_body_size=50))
    assert (error.limit, error.value, error.status_code, error.request_id) == (
        "max_body_size",
        50,
        200,
        "r-2",
    )
    assert (error.method, error.url) == ("GET", BASE + "/notifications/1")
    assert route.call_count == 1  # a limit is final


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_body_past_max_depth(respx_mock: respx.MockRouter, kind: str) -> None:
    respx_mock.get("/notifications/1").mock(return_value=httpx.Response(200, json={**ITEM, "x": [[[[1]]]]}))
    error = raises(kind, get, np6.ResponseTooDeepError, limits=np6.Limits(max_depth=3))
    assert (error.limit, error.value) == ("max_depth", 3)
    assert "deeper than max_depth=3" in str(error)
    assert run(kind, get, limits=np6.Limits(max_depth=6)).id == 1


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_body_that_does_not_match_the_schema(respx_mock: respx.MockRouter, kind: str) -> None:
    respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(200, content=b"{not json", headers={"x-request-id": "r-3"})
    )
    error = raises(kind, get, np6.APIResponseValidationError)
    assert type(error) is np6.APIResponseValidationError
    assert (error.status_code, error.request_id, error.body) == (200, "r-3", "{not json")
    assert (error.method, error.url) == ("GET", BASE + "/notifications/1")
    assert "does not match the API's schema" in str(error)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_unreadable_answer_to_a_send_says_it_was_sent(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(return_value=httpx.Response(200, content=b"[oops"))
    error = raises(kind, send, np6.SendResponseUnreadableError, max_retries=3)
    assert "do not send it again" in str(error)
    assert type(error.__cause__) is np6.APIResponseValidationError
    assert error.body == "[oops"
    assert route.call_count == 1


class _LostAfterHeaders(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body whose connection drops after the first bytes (the answer had started)."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"type": "succ'
        raise httpx.ConnectError("lost")

    async def __aiter__(self) -> Any:
        yield b'{"type": "succ'
        raise httpx.ConnectError("lost")


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_send_whose_answer_was_cut_is_not_retried(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(
        side_effect=lambda request: httpx.Response(200, stream=_LostAfterHeaders())
    )
    error = raises(kind, send, np6.SendOutcomeUnknownError, max_retries=3)
    assert type(error) is np6.SendOutcomeUnknownError  # a ConnectError, but NP6 had answered: it was sent
    assert "-> 200" in str(error)
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_get_whose_answer_was_cut_is_retried(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.Response(200, stream=_LostAfterHeaders()), httpx.Response(200, json=ITEM)]
    )
    assert run(kind, get).id == 1
    assert route.call_count == 2


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_timeout_past_the_deadline_says_so(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        import time

        time.sleep(0.05)
        raise httpx.ReadTimeout("slow")

    respx_mock.get("/notifications/1").mock(side_effect=slow)
    error = raises(kind, get, np6.APITimeoutError, max_retries=0, limits=np6.Limits(deadline=0.01))
    assert "total deadline (0.01 s) passed" in str(error)
    error = raises(kind, get, np6.APITimeoutError, max_retries=0, limits=np6.Limits(deadline=60.0))
    assert "deadline" not in str(error)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_undocumented_status_on_a_stream(respx_mock: respx.MockRouter, kind: str) -> None:
    respx_mock.get("/notifications/reactivities").mock(return_value=httpx.Response(204))
    assert raises(kind, stream(kind), np6.UnexpectedStatusError).status_code == 204


# -------------------------------------------------------------------------------- interrupts and logs
@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE, assert_all_called=False)  # respx does not count a call that raised an interrupt
def test_an_interrupt_during_a_request_is_marked(respx_mock: respx.MockRouter, kind: str) -> None:
    def interrupt(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    respx_mock.post("/actions/A/execution").mock(side_effect=interrupt)
    error = raises(kind, send, KeyboardInterrupt)
    assert request_may_have_reached_np6(error) is True  # no trace of the transport: assume the worst
    assert request_may_have_reached_np6(KeyboardInterrupt()) is False
    assert request_may_have_reached_np6(np6.APIConnectionError("x")) is False


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_the_final_log_record_of_a_status_error(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    respx_mock.get("/notifications/1").mock(return_value=httpx.Response(503, headers={"x-request-id": KEY}))
    with caplog.at_level(logging.DEBUG, logger="np6"):
        raises(kind, get, np6.InternalServerError, max_retries=1)
    (done,) = [r for r in caplog.records if hasattr(r, "np6_status")]
    assert (done.np6_status, done.np6_retries) == (503, 1)  # type: ignore[attr-defined]
    assert done.np6_request_id == "***"  # type: ignore[attr-defined]
    assert any("status 503; retry 1 in" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_error_without_text_is_named_by_its_type(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ReadError(""))
    error = raises(kind, get, np6.APIConnectionError, max_retries=0)
    assert "connection failed (ReadError)" in str(error)


def test_the_clients_own_http_clients_use_its_timeout() -> None:
    with np6.NP6(api_key=KEY, base_url=BASE, timeout=12.5) as client:
        assert client._http().timeout.read == 12.5
        assert client._http().follow_redirects is False

    async def main() -> None:
        async with np6.AsyncNP6(api_key=KEY, base_url=BASE, timeout=12.5) as client:
            assert client._http().timeout.read == 12.5
            assert client._http().follow_redirects is False

    asyncio.run(main())


# ------------------------------------------------------------- what the error says (survivors of a run)
@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_transport_error_is_named_with_its_text(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused by peer"))
    error = raises(kind, get, np6.APIConnectionError, max_retries=0)
    assert "connection failed (ConnectError: refused by peer)" in str(error)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_body_in_an_encoding_the_client_did_not_ask_for_cannot_be_decoded(
    respx_mock: respx.MockRouter, kind: str
) -> None:
    # (respx decodes gzip itself, so a lying gzip body is tested against a real server in tests/hostile)
    respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(
            200, content=b'{"type": "push-app"}', headers={"Content-Encoding": "compress"}
        )
    )
    error = raises(kind, get, np6.APIResponseValidationError)
    assert "the body cannot be decoded (unsupported Content-Encoding 'compress')" in str(error)
    assert "schema" not in str(error)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_gzip_bomb_in_a_stream_is_a_typed_limit(respx_mock: respx.MockRouter, kind: str) -> None:
    bomb = gzip.compress(b"[" + b" " * (4 * 1024 * 1024) + b"]")  # about 4 KiB: a ratio of about 1000
    respx_mock.get("/notifications/reactivities").mock(
        return_value=httpx.Response(
            200, content=bomb, headers={"Content-Encoding": "gzip", "x-request-id": "r-9"}
        )
    )
    error = raises(kind, stream(kind), np6.ResponseTooLargeError, max_retries=0)
    assert (error.limit, error.value) == ("max_decompression_ratio", 200)
    assert (error.status_code, error.request_id) == (200, "r-9")
    assert "a decompression bomb" in str(error)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_unreadable_answer_to_a_send_keeps_what_is_known(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    respx_mock.post("/actions/A/execution").mock(
        return_value=httpx.Response(200, content=b"[oops", headers={"x-request-id": "r-5"})
    )
    error = raises(kind, send, np6.SendResponseUnreadableError, max_retries=0)
    assert (error.method, error.url) == ("POST", BASE + "/actions/A/execution")
    assert (error.status_code, error.request_id) == (200, "r-5")
    inner = error.__cause__
    assert type(inner) is np6.APIResponseValidationError
    assert isinstance(inner.__cause__, ValueError)  # the parser's own error, at the end of the chain


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_timeouts_name_the_request(respx_mock: respx.MockRouter, sleeps: list[float], kind: str) -> None:
    respx_mock.post("/actions/A/execution").mock(side_effect=httpx.ReadTimeout("slow"))
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ReadTimeout("slow"))
    sent = raises(kind, send, np6.SendOutcomeUnknownError, max_retries=0)
    assert (sent.method, sent.url, sent.timed_out) == ("POST", BASE + "/actions/A/execution", True)
    got = raises(kind, get, np6.APITimeoutError, max_retries=0)
    assert (got.method, got.url) == ("GET", BASE + "/notifications/1")
    assert isinstance(got.__cause__, httpx.ReadTimeout)


class _SlowBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """400 bytes, one every 10 ms (4 s): a transport the client cannot wrap, so only its reader's deadline
    check between chunks can stop reading it."""

    def __iter__(self) -> Iterator[bytes]:
        import time

        for _ in range(400):
            time.sleep(0.01)
            yield b"x"

    async def __aiter__(self) -> Any:
        for _ in range(400):
            await asyncio.sleep(0.01)
            yield b"x"


@pytest.mark.parametrize("kind", KINDS)
def test_an_error_body_is_read_until_the_deadline_only(kind: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, stream=_SlowBody())

    transport = httpx.MockTransport(answer)
    options: dict[str, Any] = {"max_retries": 0, "limits": np6.Limits(deadline=0.2)}
    if kind == "sync":
        with httpx.Client(transport=transport) as http:
            options["http_client"] = http
            error = raises(kind, get, np6.InternalServerError, **options)
    else:

        async def main() -> Any:
            async with (
                httpx.AsyncClient(transport=transport) as http,
                np6.AsyncNP6(api_key=KEY, base_url=BASE, http_client=http, **options) as client,
            ):
                return await get(client)

        with pytest.raises(np6.InternalServerError) as info:
            asyncio.run(main())
        error = info.value
    assert error.status_code == 500
    assert len(error.body or "") < 400  # what came before the deadline, not the whole body


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_an_error_body_that_is_not_utf8_is_kept_with_replacements(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    respx_mock.get("/notifications/1").mock(return_value=httpx.Response(500, content=b"bad \xff\xfe body"))
    error = raises(kind, get, np6.InternalServerError, max_retries=0)
    assert error.body == "bad \ufffd\ufffd body"
    assert error.response.text == "bad \ufffd\ufffd body"


@pytest.mark.parametrize("status", [300, 399])
@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_every_3xx_says_redirects_are_not_followed(
    respx_mock: respx.MockRouter, kind: str, status: int
) -> None:
    respx_mock.get("/notifications/1").mock(return_value=httpx.Response(status, headers={"Location": "/x"}))
    error = raises(kind, get, np6.UnexpectedStatusError)
    assert "redirects are not followed" in str(error)


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_maybe_sent_message_keeps_what_and_where(respx_mock: respx.MockRouter, kind: str) -> None:
    respx_mock.post("/actions/A/execution").mock(
        return_value=httpx.Response(302, headers={"x-request-id": "r-7"})
    )
    error = raises(kind, send, np6.SendUnexpectedStatusError)
    message = str(error)
    assert message.startswith("POST /actions/A/execution -> 302 ")
    assert "(request id r-7). It was NOT retried" in message
    assert message.endswith("before sending it again.")


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_connection_error_names_the_request(
    respx_mock: respx.MockRouter, sleeps: list[float], kind: str
) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    error = raises(kind, get, np6.APIConnectionError, max_retries=0)
    assert type(error) is np6.APIConnectionError
    assert (error.method, error.url) == ("GET", BASE + "/notifications/1")


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_a_send_carries_its_body_and_the_operations_media_type(
    respx_mock: respx.MockRouter, kind: str
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(return_value=httpx.Response(200, json=SENT))
    run(kind, send)
    request = route.calls.last.request
    assert request.headers["content-type"].startswith("application/vnd.np6.cm.email")
    assert "000R4M0T" in json.dumps(json.loads(request.content))


@pytest.mark.parametrize("kind", KINDS)
@respx.mock(base_url=BASE)
def test_the_logged_path_has_no_query(
    respx_mock: respx.MockRouter, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    respx_mock.get("/notifications/reactivities").mock(return_value=httpx.Response(200, json=[]))
    if kind == "sync":

        def action(client: Any) -> Any:
            return list(client.notifications.reactivities(reactivity_start=5))

    else:

        async def action(client: Any) -> Any:  # type: ignore[misc]
            return [e async for e in client.notifications.reactivities(reactivity_start=5)]

    with caplog.at_level(logging.DEBUG, logger="np6"):
        run(kind, action)
    assert respx_mock.calls.last.request.url.query  # there was one
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("np6")]
    assert any("/notifications/reactivities" in m for m in messages), messages
    assert not any("?" in m for m in messages), messages


@pytest.mark.parametrize("kind", KINDS)
def test_arguments_the_operation_cannot_take_are_refused_before_io(kind: str) -> None:
    def bad(client: Any) -> Any:
        return client.request("get_notification", id=1, nonsense=KEY)

    error = raises(kind, bad, np6.NP6ValidationError)
    message = str(error)
    assert message.startswith("get_notification: the arguments cannot be sent to NP6 (TypeError: ")
    assert "nonsense" in message
    assert KEY not in message
