"""The retry policy pinned to its documented numbers, boundaries tested on both sides (issue 16).

Written to fail on the mutants `make mutation` tries: the expectations are literal numbers, never computed
from the constants under test, and each boundary (attempt count, status range, Retry-After cap) is
checked just inside and just outside.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest
import respx

import np6
from np6 import _retries
from np6._retries import RetryClass

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"
SAFE, SEND = RetryClass.SAFE, RetryClass.SEND
ITEM = {"type": "push-app", "id": 1}
SENT = {"type": "success", "id": "497a760d-e444-484f-b964-125cf548bb9c"}


# --------------------------------------------------------------------------------- documented numbers
def test_documented_constants_are_the_documented_numbers() -> None:
    assert _retries.DEFAULT_MAX_RETRIES == 2
    assert _retries.INITIAL_DELAY == 0.5
    assert _retries.MAX_DELAY == 8.0
    assert _retries.JITTER == 0.25
    assert _retries.MAX_RETRY_AFTER == 60.0
    assert frozenset({408, 429}) == _retries.RETRYABLE_STATUSES


def test_a_client_retries_twice_by_default() -> None:
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.max_retries == 2


@pytest.mark.parametrize(
    ("attempt", "no_jitter", "full_jitter"),
    [
        (0, 0.5, 0.375),
        (1, 1.0, 0.75),
        (2, 2.0, 1.5),
        (3, 4.0, 3.0),
        (4, 8.0, 6.0),
        (5, 8.0, 6.0),
        (9, 8.0, 6.0),
    ],
)
def test_backoff_in_literal_seconds(attempt: int, no_jitter: float, full_jitter: float) -> None:
    assert _retries.backoff(attempt, rand=lambda: 0.0) == no_jitter
    assert _retries.backoff(attempt, rand=lambda: 1.0) == full_jitter
    assert _retries.backoff(attempt, rand=lambda: 0.5) == pytest.approx((no_jitter + full_jitter) / 2)


def test_backoff_default_randomness_stays_within_the_jitter_band() -> None:
    delays = [_retries.backoff(0) for _ in range(200)]
    assert all(0.375 <= d <= 0.5 for d in delays)
    assert len(set(delays)) > 1  # really random


# ------------------------------------------------------------------------------------------ should_retry
@pytest.mark.parametrize(("attempt", "max_retries", "expected"), [(0, 1, True), (1, 2, True), (2, 2, False)])
def test_attempt_boundary(attempt: int, max_retries: int, expected: bool) -> None:
    assert _retries.should_retry(SAFE, attempt=attempt, max_retries=max_retries, status=503) is expected
    error = httpx.ConnectError("refused")
    assert _retries.should_retry(SEND, attempt=attempt, max_retries=max_retries, error=error) is expected


def test_no_retry_at_all_with_max_retries_0() -> None:
    assert not _retries.should_retry(SAFE, attempt=0, max_retries=0, status=503)
    assert not _retries.should_retry(SAFE, attempt=0, max_retries=0, error=httpx.ConnectError("x"))


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (407, False),
        (408, True),
        (409, False),
        (428, False),
        (429, True),
        (430, False),
        (499, False),
        (500, True),
        (501, True),
        (599, True),
        (600, False),
    ],
)
def test_status_boundaries(status: int, expected: bool) -> None:
    assert _retries.should_retry(SAFE, attempt=0, max_retries=2, status=status) is expected


def test_an_error_that_is_not_a_transport_error_is_never_retried() -> None:
    for retry_class in (SAFE, SEND):
        assert not _retries.should_retry(retry_class, attempt=0, max_retries=2, error=ValueError("x"))
        assert not _retries.should_retry(retry_class, attempt=0, max_retries=2, error=httpx.InvalidURL("x"))


def test_no_status_and_no_error_is_not_retried() -> None:
    assert not _retries.should_retry(SAFE, attempt=0, max_retries=2)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.ConnectError("x"), True),
        (httpx.ConnectTimeout("x"), True),
        (httpx.PoolTimeout("x"), True),
        (httpx.ReadTimeout("x"), False),
        (httpx.WriteTimeout("x"), False),
        (httpx.ReadError("x"), False),
        (httpx.WriteError("x"), False),
        (httpx.RemoteProtocolError("x"), False),
        (ValueError("x"), False),
    ],
)
def test_nothing_sent_is_exactly_the_failures_before_the_request_left(
    error: BaseException, expected: bool
) -> None:
    assert _retries.nothing_sent(error) is expected


# ---------------------------------------------------------------------------------------- Retry-After
def test_retry_after_forms() -> None:
    assert _retries.retry_after({"retry-after": " 5 "}) == 5.0
    assert _retries.retry_after({"retry-after": "0"}) == 0.0
    assert _retries.retry_after({"retry-after-ms": "1500"}) == 1.5
    assert _retries.retry_after({"retry-after-ms": "-5"}) == 0.0
    # an unparseable ms hint falls back to Retry-After; a parseable one wins over it
    assert _retries.retry_after({"retry-after-ms": "soon", "retry-after": "3"}) == 3.0
    assert _retries.retry_after({"retry-after-ms": "250", "retry-after": "3"}) == 0.25
    assert _retries.retry_after({"retry-after-ms": "soon"}) is None


def test_retry_after_date_relative_to_now() -> None:
    date = "Wed, 21 Oct 2015 07:28:00 GMT"  # 1445412480
    assert _retries.retry_after({"retry-after": date}, now=1445412470.0) == 10.0
    assert _retries.retry_after({"retry-after": date}, now=1445412480.0) == 0.0
    assert _retries.retry_after({"retry-after": date}, now=1445412490.0) == 0.0  # past: no wait


def test_retry_after_date_in_the_past_against_the_clock() -> None:
    assert _retries.retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0


def test_retry_after_date_in_the_future_against_the_clock() -> None:
    soon = format_datetime(datetime.fromtimestamp(datetime.now(UTC).timestamp() + 30, UTC), usegmt=True)
    wait = _retries.retry_after({"retry-after": soon})
    assert wait is not None
    assert 25.0 < wait <= 30.0


@pytest.mark.parametrize(("hint", "expected"), [("0", 0.0), ("59.5", 59.5), ("60", 60.0), ("60.5", None)])
def test_retry_delay_cap_is_60_seconds_inclusive(hint: str, expected: float | None) -> None:
    assert _retries.retry_delay(0, {"retry-after": hint}) == expected


def test_retry_delay_without_hint_is_the_backoff() -> None:
    assert 0.375 <= (_retries.retry_delay(0, None) or 0.0) <= 0.5
    assert 0.375 <= (_retries.retry_delay(0, {}) or 0.0) <= 0.5
    assert 6.0 <= (_retries.retry_delay(7) or 0.0) <= 8.0


# -------------------------------------------------------------------------------- through the sync client
@respx.mock(base_url=BASE)
def test_default_retries_of_a_get_on_503(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(503))
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.InternalServerError):
        client.notifications.get(1)
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


@respx.mock(base_url=BASE)
def test_connection_errors_of_a_get_are_retried_with_backoff(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.ReadError("reset"), httpx.Response(200, json=ITEM)]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.get(1).id == 1
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


@respx.mock(base_url=BASE)
def test_connection_errors_exhaust_the_retries(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.APIConnectionError) as info:
        client.notifications.get(1)
    assert type(info.value) is np6.APIConnectionError
    assert route.call_count == 3
    assert len(sleeps) == 2


@respx.mock(base_url=BASE)
def test_read_timeouts_of_a_get_end_in_a_timeout_error(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(side_effect=httpx.ReadTimeout("slow"))
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.APITimeoutError) as info:
        client.notifications.get(1)
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
def test_a_send_that_never_connected_is_not_may_have_been_sent(
    respx_mock: respx.MockRouter, sleeps: list[float], failure: Exception, error: type[Exception]
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(side_effect=failure)
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.APIConnectionError) as info:
        client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
    assert type(info.value) is error  # not SendOutcomeUnknownError: nothing reached NP6
    assert "may have been sent" not in str(info.value)
    assert route.call_count == 3  # and so it was retried, like any request that never left


@respx.mock(base_url=BASE)
def test_a_send_that_may_have_arrived_is_reported_as_unknown(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.post("/actions/A/execution").mock(side_effect=httpx.ReadError("reset"))
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.SendOutcomeUnknownError) as info:
        client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
    assert type(info.value) is np6.SendOutcomeUnknownError
    assert info.value.timed_out is False
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
def test_status_499_is_not_retried(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(499))
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.APIStatusError) as info:
        client.notifications.get(1)
    assert type(info.value) is np6.APIStatusError
    assert info.value.status_code == 499
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
def test_status_500_is_retried(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.Response(500), httpx.Response(200, json=ITEM)]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.get(1).id == 1
    assert route.call_count == 2


@respx.mock(base_url=BASE)
def test_a_400_is_a_bad_request_at_once(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(400, json={"error": "bad"}))
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.BadRequestError) as info:
        client.notifications.get(1)
    assert info.value.body == {"error": "bad"}
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
def test_a_400_on_a_stream_is_a_bad_request(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/reactivities").mock(
        return_value=httpx.Response(400, json={"error": "bad filter"})
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.BadRequestError) as info:
        list(client.notifications.reactivities())
    assert info.value.body == {"error": "bad filter"}
    assert route.call_count == 1


@respx.mock(base_url=BASE)
def test_a_503_on_a_stream_is_retried(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/reactivities").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=[])]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert list(client.notifications.reactivities()) == []
    assert route.call_count == 2
    assert len(sleeps) == 1


@respx.mock(base_url=BASE)
def test_retry_after_exactly_at_the_cap_is_waited(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": "60"}), httpx.Response(200, json=ITEM)]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.get(1).id == 1
    assert sleeps == [60.0]
    assert route.call_count == 2


@respx.mock(base_url=BASE)
def test_retry_after_past_the_cap_raises_the_rate_limit(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(429, headers={"Retry-After": "61"})
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.RateLimitError) as info:
        client.notifications.get(1)
    assert info.value.retry_after == 61.0
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
def test_retry_after_date_in_the_past_retries_at_once(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
            httpx.Response(200, json=ITEM),
        ]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.get(1).id == 1
    assert sleeps == [0.0]
    assert route.call_count == 2


@respx.mock(base_url=BASE)
def test_retries_are_logged_with_their_number(
    respx_mock: respx.MockRouter, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    respx_mock.get("/notifications/1").mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.Response(503, headers={"Retry-After": "2"}),
            httpx.Response(200, json=ITEM, headers={"x-request-id": "req-9"}),
        ]
    )
    with caplog.at_level(logging.DEBUG, logger="np6"), np6.NP6(api_key=KEY, base_url=BASE) as client:
        client.notifications.get(1)
    messages = [r.getMessage() for r in caplog.records if r.name == "np6"]
    assert any("ConnectError; retry 1 in" in m for m in messages)
    assert "GET /notifications/1: status 503; retry 2 in 2.00 s" in messages
    (done,) = [r for r in caplog.records if getattr(r, "np6_status", None) == 200]
    assert done.np6_retries == 2  # type: ignore[attr-defined]
    assert done.np6_request_id == "req-9"  # type: ignore[attr-defined]
    assert done.np6_method == "GET"  # type: ignore[attr-defined]
    assert done.np6_path == "/notifications/1"  # type: ignore[attr-defined]


@respx.mock(base_url=BASE)
def test_a_failure_is_logged_with_its_retries(
    respx_mock: respx.MockRouter, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    with (
        caplog.at_level(logging.DEBUG, logger="np6"),
        np6.NP6(api_key=KEY, base_url=BASE, max_retries=1) as client,
        pytest.raises(np6.APIConnectionError),
    ):
        client.notifications.get(1)
    (done,) = [r for r in caplog.records if hasattr(r, "np6_status")]
    assert done.np6_status == "ConnectError"  # type: ignore[attr-defined]
    assert done.np6_retries == 1  # type: ignore[attr-defined]
    assert done.np6_request_id is None  # type: ignore[attr-defined]
