"""Async twins of the sync retry and send tests (issue 16): the async client has its own loop to get wrong.

Each test mirrors one of tests/overlay/test_retries_mutants.py through ``AsyncNP6``: the backoff, the
(recorded) sleep, continuing after a retry instead of giving up, the attempt count starting at 0, the
status boundaries, a 400 and a send that never connected.
"""

from __future__ import annotations

import logging

import httpx
import pytest
import respx

import np6

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"
ITEM = {"type": "push-app", "id": 1}

pytestmark = pytest.mark.anyio


@respx.mock(base_url=BASE)
async def test_default_retries_of_a_get_on_503(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(503))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        assert client.max_retries == 2
        with pytest.raises(np6.InternalServerError):
            await client.notifications.get(1)
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


@respx.mock(base_url=BASE)
async def test_connection_errors_of_a_get_are_retried_with_backoff(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.ReadError("reset"), httpx.Response(200, json=ITEM)]
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        assert (await client.notifications.get(1)).id == 1
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


@respx.mock(base_url=BASE)
async def test_connection_errors_exhaust_the_retries(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.APIConnectionError) as info:
            await client.notifications.get(1)
    assert type(info.value) is np6.APIConnectionError
    assert route.call_count == 3
    assert len(sleeps) == 2


@respx.mock(base_url=BASE)
async def test_max_retries_bounds_the_attempts(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE, max_retries=1) as client:
        with pytest.raises(np6.APIConnectionError):
            await client.notifications.get(1)
    assert route.call_count == 2
    assert len(sleeps) == 1


@respx.mock(base_url=BASE)
async def test_read_timeouts_of_a_get_end_in_a_timeout_error(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(side_effect=httpx.ReadTimeout("slow"))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.APITimeoutError) as info:
            await client.notifications.get(1)
    assert type(info.value) is np6.APITimeoutError
    assert route.call_count == 3


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.ConnectError("refused"), np6.APIConnectionError),
        (httpx.ConnectTimeout("syn"), np6.APITimeoutError),
    ],
)
@respx.mock(base_url=BASE)
async def test_a_send_that_never_connected_is_not_may_have_been_sent(
    respx_mock: respx.MockRouter, sleeps: list[float], failure: Exception, error: type[Exception]
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(side_effect=failure)
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.APIConnectionError) as info:
            await client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
    assert type(info.value) is error
    assert "may have been sent" not in str(info.value)
    assert route.call_count == 3


@respx.mock(base_url=BASE)
async def test_a_send_retried_after_a_refused_connection_succeeds(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    ok = httpx.Response(200, json={"type": "success", "id": "497a760d-e444-484f-b964-125cf548bb9c"})
    route = respx_mock.post("/actions/A/execution").mock(side_effect=[httpx.ConnectError("refused"), ok])
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        assert (
            await client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
        ).type_ == "success"
    assert route.call_count == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("failure", [httpx.ReadError("reset"), httpx.WriteTimeout("slow")])
@respx.mock(base_url=BASE)
async def test_a_send_that_may_have_arrived_is_reported_as_unknown(
    respx_mock: respx.MockRouter, sleeps: list[float], failure: Exception
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(side_effect=failure)
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.SendOutcomeUnknownError) as info:
            await client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
    assert info.value.timed_out is isinstance(failure, httpx.TimeoutException)
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize(("status", "calls"), [(499, 1), (500, 3), (599, 3)])
@respx.mock(base_url=BASE)
async def test_status_boundaries(
    respx_mock: respx.MockRouter, sleeps: list[float], status: int, calls: int
) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(status))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.APIStatusError) as info:
            await client.notifications.get(1)
    assert info.value.status_code == status
    assert route.call_count == calls


@respx.mock(base_url=BASE)
async def test_a_400_is_a_bad_request_at_once(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(400, json={"error": "bad"}))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.BadRequestError) as info:
            await client.notifications.get(1)
    assert info.value.body == {"error": "bad"}
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
async def test_a_400_on_a_stream_is_a_bad_request(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/reactivities").mock(
        return_value=httpx.Response(400, json={"error": "bad filter"})
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.BadRequestError) as info:
            async for _ in client.notifications.reactivities():
                pass
    assert info.value.body == {"error": "bad filter"}
    assert route.call_count == 1


@respx.mock(base_url=BASE)
async def test_a_503_on_a_stream_is_retried(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/reactivities").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=[])]
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        assert [e async for e in client.notifications.reactivities()] == []
    assert route.call_count == 2
    assert len(sleeps) == 1


@respx.mock(base_url=BASE)
async def test_retry_after_exactly_at_the_cap_is_waited(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "60"}), httpx.Response(200, json=ITEM)]
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        assert (await client.notifications.get(1)).id == 1
    assert sleeps == [60.0]
    assert route.call_count == 2


@respx.mock(base_url=BASE)
async def test_retry_after_past_the_cap_is_not_waited(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(503, headers={"Retry-After": "61"})
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.InternalServerError):
            await client.notifications.get(1)
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
async def test_retry_after_date_in_the_past_retries_at_once(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
            httpx.Response(200, json=ITEM),
        ]
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        assert (await client.notifications.get(1)).id == 1
    assert sleeps == [0.0]
    assert route.call_count == 2


@respx.mock(base_url=BASE)
async def test_retries_are_logged_with_their_number(
    respx_mock: respx.MockRouter, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    respx_mock.get("/notifications/1").mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.Response(503, headers={"Retry-After": "2"}),
            httpx.Response(200, json=ITEM, headers={"x-request-id": "req-9"}),
        ]
    )
    with caplog.at_level(logging.DEBUG, logger="np6"):
        async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
            await client.notifications.get(1)
    messages = [r.getMessage() for r in caplog.records if r.name == "np6"]
    assert any("ConnectError; retry 1 in" in m for m in messages)
    assert "GET /notifications/1: status 503; retry 2 in 2.00 s" in messages
    (done,) = [r for r in caplog.records if getattr(r, "np6_status", None) == 200]
    assert done.np6_retries == 2  # type: ignore[attr-defined]
    assert done.np6_request_id == "req-9"  # type: ignore[attr-defined]
    assert done.np6_path == "/notifications/1"  # type: ignore[attr-defined]


@respx.mock(base_url=BASE)
async def test_a_failure_is_logged_with_its_retries(
    respx_mock: respx.MockRouter, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    with caplog.at_level(logging.DEBUG, logger="np6"):
        async with np6.AsyncNP6(api_key=KEY, base_url=BASE, max_retries=1) as client:
            with pytest.raises(np6.APIConnectionError):
                await client.notifications.get(1)
    (done,) = [r for r in caplog.records if hasattr(r, "np6_status")]
    assert done.np6_status == "ConnectError"  # type: ignore[attr-defined]
    assert done.np6_retries == 1  # type: ignore[attr-defined]
