"""The retry policy: pure functions, then every rule through respx with the sleep patched."""

from __future__ import annotations

import httpx
import pytest
import respx

import np6
from np6 import _retries
from np6._operations import OPERATIONS
from np6._retries import RetryClass

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"  # the key that must never show up (same as conftest.KEY)

SAFE, SEND = RetryClass.SAFE, RetryClass.SEND


# ------------------------------------------------------------------------------------------- pure policy
@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 599])
def test_safe_retries_retryable_statuses(status: int) -> None:
    assert _retries.should_retry(SAFE, attempt=0, max_retries=2, status=status)
    assert not _retries.should_retry(SAFE, attempt=2, max_retries=2, status=status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 410, 411, 415])
def test_client_errors_are_not_retried(status: int) -> None:
    assert not _retries.should_retry(SAFE, attempt=0, max_retries=5, status=status)


@pytest.mark.parametrize("status", [408, 429, 500, 503])
def test_send_never_retries_a_status(status: int) -> None:
    assert not _retries.should_retry(SEND, attempt=0, max_retries=5, status=status)


@pytest.mark.parametrize(
    ("error", "send_retried"),
    [
        (httpx.ConnectError("x"), True),
        (httpx.ConnectTimeout("x"), True),
        (httpx.PoolTimeout("x"), True),
        (httpx.ReadTimeout("x"), False),
        (httpx.WriteTimeout("x"), False),
        (httpx.ReadError("x"), False),
        (httpx.WriteError("x"), False),
        (httpx.RemoteProtocolError("x"), False),
    ],
)
def test_transport_errors(error: Exception, send_retried: bool) -> None:
    assert _retries.should_retry(SAFE, attempt=0, max_retries=1, error=error)
    assert _retries.should_retry(SEND, attempt=0, max_retries=1, error=error) is send_retried
    assert not _retries.should_retry(SAFE, attempt=1, max_retries=1, error=error)


def test_retry_after_parsing() -> None:
    assert _retries.retry_after({"retry-after": "7"}) == 7.0
    assert _retries.retry_after({"retry-after": "1.5"}) == 1.5
    assert _retries.retry_after({"retry-after-ms": "250"}) == 0.25
    assert _retries.retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, now=1445412470.0) == 10.0
    assert _retries.retry_after({"retry-after": "soon"}) is None
    assert _retries.retry_after({}) is None
    assert _retries.retry_after({"retry-after": "-3"}) == 0.0


def test_backoff_is_capped_exponential_with_jitter() -> None:
    for attempt in range(12):
        base = min(_retries.INITIAL_DELAY * 2**attempt, _retries.MAX_DELAY)
        assert _retries.backoff(attempt, rand=lambda: 0.0) == base
        assert _retries.backoff(attempt, rand=lambda: 1.0) == pytest.approx(base * (1 - _retries.JITTER))
    assert _retries.backoff(1, rand=lambda: 0.0) == 2 * _retries.backoff(0, rand=lambda: 0.0)


def test_retry_delay_prefers_retry_after_and_gives_up_past_the_cap() -> None:
    assert _retries.retry_delay(0, {"retry-after": "3"}) == 3.0
    assert _retries.retry_delay(0, {"retry-after": str(_retries.MAX_RETRY_AFTER + 1)}) is None
    assert 0 < (_retries.retry_delay(3, {}) or 0) <= _retries.MAX_DELAY


def test_classification_table_covers_every_generated_operation() -> None:
    import importlib
    import pkgutil

    import np6_api.api

    generated = {
        name
        for pkg in pkgutil.iter_modules(np6_api.api.__path__)
        for _, name, _ in pkgutil.iter_modules(importlib.import_module(f"np6_api.api.{pkg.name}").__path__)
    }
    assert set(OPERATIONS) == generated
    assert len(OPERATIONS) == 61
    sends = {op for op, o in OPERATIONS.items() if o.retry is SEND}
    assert sends == {
        "create_notification",
        "test_notification",
        "test_notification_version",
        "execute_notification",
        "execute_notification_batch",
        "duplicate_notification",
        "create_action",
        "duplicate_action",
        "validate_action",
        "send_action_messages",
        "send_action_message",
        "send_action_message_to_target",
    }


# ---------------------------------------------------------------------------------- through the client
@respx.mock(base_url=BASE)
def test_get_retried_on_503_then_succeeds(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json={"type": "push-app", "id": 1})]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.get(1).id == 1
    assert route.call_count == 2
    assert len(sleeps) == 1
    assert 0 < sleeps[0] <= _retries.INITIAL_DELAY


@respx.mock(base_url=BASE)
def test_retries_stop_at_max_retries(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(500))
    with np6.NP6(api_key=KEY, base_url=BASE, max_retries=3) as client, pytest.raises(np6.InternalServerError):
        client.notifications.get(1)
    assert route.call_count == 4
    assert len(sleeps) == 3
    assert sleeps[2] > sleeps[0]  # exponential (jitter is at most 25%)


@respx.mock(base_url=BASE)
def test_max_retries_per_call_with_options(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications/1").mock(return_value=httpx.Response(502))
    with np6.NP6(api_key=KEY, base_url=BASE, max_retries=5) as client:
        with pytest.raises(np6.InternalServerError):
            client.with_options(max_retries=0).notifications.get(1)
        assert route.call_count == 1
        with pytest.raises(np6.InternalServerError):
            client.with_options(max_retries=1).notifications.get(1)
        assert route.call_count == 3
        assert client.max_retries == 5


def test_with_options_changes_the_timeout_only_on_the_copy() -> None:
    with np6.NP6(api_key=KEY, base_url=BASE, timeout=30.0) as client:
        quick = client.with_options(timeout=2.5)
        assert quick.timeout.read == 2.5
        assert quick.max_retries == client.max_retries
        assert client.timeout.read == 30.0
        assert quick._http() is client._http()  # the same connection pool
        with pytest.raises(np6.NP6ValidationError, match="timeout"):
            client.with_options(timeout=0)


@pytest.mark.anyio
async def test_async_with_options(sleeps: list[float]) -> None:
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE, max_retries=5) as client:
        other = client.with_options(timeout=httpx.Timeout(1.0), max_retries=0)
        assert (other.timeout.read, other.max_retries) == (1.0, 0)
        assert (client.timeout.read, client.max_retries) == (np6.DEFAULT_TIMEOUT, 5)
        with respx.mock(base_url=BASE) as mock:
            route = mock.get("/notifications/1").mock(return_value=httpx.Response(503))
            with pytest.raises(np6.InternalServerError):
                await other.notifications.get(1)
        assert route.call_count == 1
        with pytest.raises(np6.NP6ValidationError, match="max_retries"):
            client.with_options(max_retries=-1)


@respx.mock(base_url=BASE)
def test_retry_after_is_honoured(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    respx_mock.get("/notifications").mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json=[])]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.list() == []
    assert sleeps == [7.0]


@respx.mock(base_url=BASE)
def test_too_long_retry_after_is_not_waited(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.get("/notifications").mock(
        return_value=httpx.Response(503, headers={"Retry-After": "3600"})
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.InternalServerError):
        client.notifications.list()
    assert route.call_count == 1
    assert sleeps == []


@respx.mock(base_url=BASE)
def test_put_and_delete_retried_on_connection_errors(
    respx_mock: respx.MockRouter, sleeps: list[float]
) -> None:
    put = respx_mock.put("/notifications/3").mock(
        side_effect=[httpx.ReadError("reset"), httpx.Response(200, json={"type": "push-app", "id": 3})]
    )
    delete = respx_mock.delete("/actions/A").mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.Response(204)]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.replace(3, {"type": "push-app"}).id == 3
        client.actions.delete("A")
    assert put.call_count == 2
    assert delete.call_count == 2


@respx.mock(base_url=BASE)
def test_render_post_is_retried(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = respx_mock.post("/notifications/1/render").mock(
        side_effect=[httpx.Response(500), httpx.Response(200, json={"type": "success"})]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.notifications.render(1, data={"x": 1}).result.type_ == "success"
    assert route.call_count == 2


TO = np6.Contact.id("000R4M0T")
SEND_CALLS = [
    ("post", "/actions/A/execution", lambda c: c.actions.send_one("A", TO, channel="email")),
    ("post", "/actions/A/executions", lambda c: c.actions.send("A", [TO], channel="email")),
    ("post", "/actions/A/validation", lambda c: c.actions.validate("A")),
    ("post", "/actions/A/targets/T", lambda c: c.actions.send_to_target("A", "T")),
    ("post", "/notifications/1/execution", lambda c: c.notifications.execute_one(1, np6.Contact.id("0001"))),
    ("post", "/notifications/1/executions", lambda c: c.notifications.execute(1, [np6.Contact.id("0001")])),
    (
        "post",
        "/notifications/1/test",
        lambda c: c.notifications.test(1, body={"recipient": {"type": "device", "value": 5}}),
    ),
    ("post", "/notifications", lambda c: c.notifications.create({"type": "push-app"})),
    ("post", "/actions/A/duplication", lambda c: c.actions.duplicate("A")),
]


@pytest.mark.parametrize(("method", "path", "call"), SEND_CALLS)
@pytest.mark.parametrize(
    "failure", [httpx.ReadTimeout("slow"), httpx.ReadError("reset"), httpx.RemoteProtocolError("dropped")]
)
@respx.mock(base_url=BASE)
def test_a_send_is_not_retried_once_it_may_have_reached_the_server(
    respx_mock: respx.MockRouter,
    sleeps: list[float],
    method: str,
    path: str,
    call: object,
    failure: Exception,
) -> None:
    route = respx_mock.route(method=method.upper(), path=path).mock(side_effect=failure)
    client = np6.NP6(api_key=KEY, base_url=BASE, max_retries=5)
    with client, pytest.raises(np6.SendOutcomeUnknownError) as info:
        call(client)  # type: ignore[operator]
    assert route.call_count == 1
    assert sleeps == []
    assert "NOT retried" in str(info.value)
    assert "may have been sent" in str(info.value)
    assert isinstance(info.value, np6.APIConnectionError)
    assert info.value.timed_out is isinstance(failure, httpx.TimeoutException)


@pytest.mark.parametrize(("method", "path", "call"), SEND_CALLS)
@respx.mock(base_url=BASE)
def test_a_send_is_not_retried_on_a_status(
    respx_mock: respx.MockRouter, sleeps: list[float], method: str, path: str, call: object
) -> None:
    route = respx_mock.route(method=method.upper(), path=path).mock(return_value=httpx.Response(503))
    with np6.NP6(api_key=KEY, base_url=BASE, max_retries=5) as client, pytest.raises(np6.InternalServerError):
        call(client)  # type: ignore[operator]
    assert route.call_count == 1


@respx.mock(base_url=BASE)
def test_a_send_is_retried_when_nothing_was_sent(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    ok = httpx.Response(200, json={"type": "success", "id": "497a760d-e444-484f-b964-125cf548bb9c"})
    route = respx_mock.post("/actions/A/execution").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.ConnectTimeout("syn"), ok]
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        assert client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email").type_ == "success"
    assert route.call_count == 3
    assert len(sleeps) == 2


@pytest.mark.anyio
@respx.mock(base_url=BASE)
async def test_async_retries_and_send_rule(respx_mock: respx.MockRouter, sleeps: list[float]) -> None:
    get = respx_mock.get("/notifications/1").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "2"}),
            httpx.Response(200, json={"type": "push-app"}),
        ]
    )
    send = respx_mock.post("/actions/A/execution").mock(side_effect=httpx.ReadTimeout("slow"))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        await client.notifications.get(1)
        with pytest.raises(np6.SendOutcomeUnknownError):
            await client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
    assert get.call_count == 2
    assert send.call_count == 1
    assert sleeps == [2.0]
