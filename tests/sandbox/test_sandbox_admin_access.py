"""Who may call the /_sandbox/ admin surface (issue 10, item 12): loopback clients only, unless the sandbox
was started with an admin token, which every admin call must then carry (X-Sandbox-Admin-Token).

Non-loopback clients are simulated at the ASGI level (httpx's ASGITransport sets the client address):
tests never listen beyond 127.0.0.1.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from np6_sandbox import Sandbox, serve
from np6_sandbox.admin import TOKEN_HEADER, is_loopback

KEY = "access-key"
TOKEN = "admin-token-0123"
ADMIN_CALLS = [
    ("GET", "/_sandbox/outbox"),
    ("DELETE", "/_sandbox/outbox"),
    ("POST", "/_sandbox/reset"),
    ("GET", "/_sandbox/contacts"),
    ("GET", "/_sandbox/faults"),
    ("DELETE", "/_sandbox/events"),
]


@pytest.fixture(scope="module")
def open_sandbox() -> Iterator[Sandbox]:
    sandbox = Sandbox(api_keys=[KEY])
    yield sandbox
    sandbox.close()


@pytest.fixture(scope="module")
def locked_sandbox() -> Iterator[Sandbox]:
    sandbox = Sandbox(api_keys=[KEY], admin_token=TOKEN)
    yield sandbox
    sandbox.close()


def _call(
    sandbox: Sandbox, host: str, method: str, path: str, headers: dict[str, str] | None = None
) -> httpx.Response:
    raw = [(name.encode(), value.encode()) for name, value in (headers or {}).items()]  # utf-8 bytes too
    """One request to the app as if from `host` (httpx's ASGITransport sets the ASGI client address)."""

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(sandbox, client=(host, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://sb") as client:
            return await client.request(method, path, headers=raw)

    return asyncio.run(call())


@pytest.mark.parametrize("host", ["192.0.2.10", "10.0.0.1", "::ffff:192.0.2.10", "2001:db8::1", "testclient"])
@pytest.mark.parametrize(("method", "path"), ADMIN_CALLS)
def test_a_remote_client_is_refused_without_a_token(
    open_sandbox: Sandbox, host: str, method: str, path: str
) -> None:
    open_sandbox.store.record({"kind": "email", "secret": "outbox content"})
    response = _call(open_sandbox, host, method, path)
    assert response.status_code == 403
    assert "loopback" in response.json()["detail"]
    assert "outbox content" not in response.text
    assert len(open_sandbox.store.outbox) >= 1  # the DELETE/reset did not happen


def test_a_remote_client_still_reaches_the_api_with_a_key(open_sandbox: Sandbox) -> None:
    assert _call(open_sandbox, "192.0.2.10", "GET", "/actions", {"X-Key": KEY}).status_code == 200
    assert _call(open_sandbox, "192.0.2.10", "GET", "/actions").status_code == 401


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
def test_loopback_clients_need_no_token_when_none_was_set(open_sandbox: Sandbox, host: str) -> None:
    assert _call(open_sandbox, host, "GET", "/_sandbox/faults").status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "192.0.2.10"])
@pytest.mark.parametrize("given", [None, "", "wrong", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "é"])
def test_with_a_token_every_client_must_give_it(
    locked_sandbox: Sandbox, host: str, given: str | None
) -> None:
    headers = {} if given is None else {TOKEN_HEADER: given}
    response = _call(locked_sandbox, host, "GET", "/_sandbox/outbox", headers)
    assert response.status_code == 401
    assert TOKEN_HEADER in response.json()["detail"]
    assert TOKEN not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1", "192.0.2.10", "2001:db8::1"])
@pytest.mark.parametrize(("method", "path"), ADMIN_CALLS)
def test_with_the_token_any_client_is_served(
    locked_sandbox: Sandbox, host: str, method: str, path: str
) -> None:
    response = _call(locked_sandbox, host, method, path, {TOKEN_HEADER: TOKEN})
    assert response.status_code in (200, 204), response.text


def test_over_a_real_loopback_connection() -> None:
    with serve(api_keys=[KEY]) as url:
        assert httpx.get(f"{url}/_sandbox/faults").status_code == 200
    with serve(api_keys=[KEY], admin_token=TOKEN) as url:
        assert httpx.get(f"{url}/_sandbox/faults").status_code == 401
        assert httpx.get(f"{url}/_sandbox/faults", headers={TOKEN_HEADER: TOKEN}).status_code == 200
        assert httpx.get(f"{url}/actions", headers={"X-Key": KEY}).status_code == 200


@pytest.mark.parametrize("token", ["", "two words", "tab\there", "é", "line\nbreak"])
def test_a_token_that_cannot_be_a_header_value_is_refused(token: str) -> None:
    with pytest.raises(ValueError, match="admin token"):
        Sandbox(api_keys=[KEY], admin_token=token)


def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("::ffff:127.0.0.2")
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.0.2.1", "localhost", "", None))


def test_the_admin_description_is_behind_the_same_door(
    open_sandbox: Sandbox, locked_sandbox: Sandbox
) -> None:
    assert _call(open_sandbox, "192.0.2.10", "GET", "/_sandbox/openapi.yaml").status_code == 403
    assert _call(locked_sandbox, "127.0.0.1", "GET", "/_sandbox/openapi.yaml").status_code == 401
    served = _call(locked_sandbox, "192.0.2.10", "GET", "/_sandbox/openapi.yaml", {TOKEN_HEADER: TOKEN})
    assert served.status_code == 200
    assert "X-Sandbox-Admin-Token" in served.text
