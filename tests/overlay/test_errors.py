"""Every error status and transport failure maps to its typed error; a failure is never None."""

from __future__ import annotations

import httpx
import pytest
import respx

import np6

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"  # the key that must never show up (same as conftest.KEY)

STATUS_CLASSES = [
    (400, np6.BadRequestError),
    (401, np6.AuthenticationError),
    (403, np6.PermissionDeniedError),
    (404, np6.NotFoundError),
    (409, np6.ConflictError),
    (429, np6.RateLimitError),
    (500, np6.InternalServerError),
    (502, np6.InternalServerError),
    (503, np6.InternalServerError),
    (410, np6.APIStatusError),
    (411, np6.APIStatusError),
    (415, np6.APIStatusError),
]


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
@respx.mock(base_url=BASE, assert_all_called=True)
def test_status_maps_to_its_error(respx_mock: respx.MockRouter, status: int, cls: type[Exception]) -> None:
    route = respx_mock.get("/actions/000PE4").mock(
        return_value=httpx.Response(status, headers={"x-request-id": "req-123"})
    )
    with np6.NP6(api_key=KEY, base_url=BASE, max_retries=0) as client, pytest.raises(cls) as info:
        client.actions.get("000PE4")
    exc = info.value
    assert type(exc) is cls
    assert isinstance(exc, np6.APIStatusError)
    assert isinstance(exc, np6.NP6Error)
    assert exc.status_code == status
    assert exc.request_id == "req-123"
    assert "req-123" in str(exc)
    assert f"-> {status}" in str(exc)
    assert "GET /actions/000PE4" in str(exc)
    assert exc.response.status_code == status
    assert exc.body is None
    assert route.call_count == 1


@respx.mock(base_url=BASE)
def test_error_body_is_parsed_when_present(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    respx_mock.post("/actions").mock(
        return_value=httpx.Response(400, json={"error": "invalid body", "field": "name"})
    )
    with pytest.raises(np6.BadRequestError) as info:
        client.actions.create({"type": "mailMessage", "name": "x"})
    assert info.value.body == {"error": "invalid body", "field": "name"}
    assert info.value.request_id is None
    assert "request id -" in str(info.value)


@respx.mock(base_url=BASE)
def test_rate_limit_carries_retry_after(respx_mock: respx.MockRouter) -> None:
    respx_mock.get("/notifications").mock(return_value=httpx.Response(429, headers={"Retry-After": "12"}))
    with (
        np6.NP6(api_key=KEY, base_url=BASE, max_retries=0) as client,
        pytest.raises(np6.RateLimitError) as info,
    ):
        client.notifications.list()
    assert info.value.retry_after == 12.0


@respx.mock(base_url=BASE)
def test_connection_error(respx_mock: respx.MockRouter) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ConnectError("refused"))
    with (
        np6.NP6(api_key=KEY, base_url=BASE, max_retries=0) as client,
        pytest.raises(np6.APIConnectionError) as info,
    ):
        client.notifications.get(1)
    assert type(info.value) is np6.APIConnectionError
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert "GET /notifications/1" in str(info.value)


@respx.mock(base_url=BASE)
def test_timeout_error(respx_mock: respx.MockRouter) -> None:
    respx_mock.get("/notifications/1").mock(side_effect=httpx.ReadTimeout("slow"))
    with np6.NP6(api_key=KEY, base_url=BASE, max_retries=0) as client, pytest.raises(np6.APITimeoutError):
        client.notifications.get(1)


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"type": "push-app", "versions": 3}', b"[1, 2]"],
)
@respx.mock(base_url=BASE)
def test_malformed_success_body(respx_mock: respx.MockRouter, client: np6.NP6, content: bytes) -> None:
    respx_mock.get("/notifications/1").mock(
        return_value=httpx.Response(200, content=content, headers={"x-request-id": "r9"})
    )
    with pytest.raises(np6.APIResponseValidationError) as info:
        client.notifications.get(1)
    assert info.value.status_code == 200
    assert info.value.request_id == "r9"
    assert "r9" in str(info.value)


@respx.mock(base_url=BASE)
def test_no_content_returns_none_not_a_failure(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    respx_mock.delete("/notifications/7").mock(return_value=httpx.Response(204))
    assert client.notifications.delete(7) is None


@respx.mock(base_url=BASE)
def test_unknown_kinds_and_extra_fields_stay_raw(respx_mock: respx.MockRouter, client: np6.NP6) -> None:
    respx_mock.get("/actions/X1").mock(
        return_value=httpx.Response(
            200, json={"type": "mailCampaign", "id": "X1", "informations": {"state": 101}, "new": {"a": 1}}
        )
    )
    action = client.actions.get("X1")
    assert type(action).__name__ == "UnknownAction"
    assert action.type_ == "mailCampaign"
    assert action.additional_properties["new"] == {"a": 1}
    assert action.to_dict()["informations"]["state"] == 101


@pytest.mark.anyio
@respx.mock(base_url=BASE)
async def test_async_status_error(respx_mock: respx.MockRouter) -> None:
    respx_mock.get("/actions/A").mock(return_value=httpx.Response(404, headers={"x-request-id": "ar1"}))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.NotFoundError) as info:
            await client.actions.get("A")
    assert info.value.request_id == "ar1"


@pytest.mark.anyio
@respx.mock(base_url=BASE)
async def test_async_connection_error(respx_mock: respx.MockRouter) -> None:
    respx_mock.get("/actions/A").mock(side_effect=httpx.ConnectError("refused"))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE, max_retries=0) as client:
        with pytest.raises(np6.APIConnectionError):
            await client.actions.get("A")
