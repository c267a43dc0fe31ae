"""The API key never shows: reprs, exceptions (str, repr, traceback), log records, exposed requests."""

from __future__ import annotations

import logging
import pickle
import traceback

import httpx
import pytest
import respx

import np6

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"  # the key that must never show up (same as conftest.KEY)


def _everything_about(exc: BaseException) -> str:
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    cause = exc.__cause__
    while cause is not None:
        parts += [str(cause), repr(cause)]
        request = getattr(cause, "_request", None)
        if request is not None:
            parts.append(repr(dict(request.headers)))
        cause = cause.__cause__
    for attr in ("response",):
        value = getattr(exc, attr, None)
        if isinstance(value, httpx.Response):
            parts += [repr(value), repr(dict(value.request.headers)), repr(value.headers)]
    return "\n".join(parts)


def test_repr_hides_the_key() -> None:
    client = np6.NP6(api_key=KEY, base_url=BASE)
    text = repr(client) + str(client) + repr(vars(client))
    assert KEY not in text
    assert "api_key='***'" in repr(client)
    aclient = np6.AsyncNP6(api_key=KEY, base_url=BASE)
    assert KEY not in repr(aclient) + repr(vars(aclient))
    with pytest.raises(TypeError):
        pickle.dumps(client)


def test_key_is_sent(client: np6.NP6) -> None:
    with respx.mock(base_url=BASE) as mock:
        route = mock.get("/notifications").mock(return_value=httpx.Response(200, json=[]))
        client.notifications.list()
    assert route.calls.last.request.headers["X-Key"] == KEY


@pytest.mark.parametrize(
    "outcome",
    [
        httpx.Response(401),
        httpx.Response(500, json={"echo": "bad"}),
        httpx.Response(200, content=b"{broken"),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
    ],
)
def test_errors_never_carry_the_key(outcome: object, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="np6")
    with respx.mock(base_url=BASE) as mock, np6.NP6(api_key=KEY, base_url=BASE, max_retries=1) as client:
        if isinstance(outcome, Exception):
            mock.get("/notifications/1").mock(side_effect=outcome)
        else:
            mock.get("/notifications/1").mock(return_value=outcome)
        with pytest.raises(np6.NP6Error) as info:
            client.notifications.get(1)
    assert KEY not in _everything_about(info.value)
    assert KEY not in caplog.text
    for record in caplog.records:
        assert KEY not in repr(vars(record))


def test_send_outcome_unknown_has_no_key() -> None:
    with respx.mock(base_url=BASE) as mock, np6.NP6(api_key=KEY, base_url=BASE) as client:
        mock.post("/actions/A/execution").mock(side_effect=httpx.ReadTimeout("slow"))
        with pytest.raises(np6.SendOutcomeUnknownError) as info:
            client.actions.send_one("A", np6.Contact.id("000R4M0T"), channel="email")
    assert KEY not in _everything_about(info.value)


def test_logging_records_the_request(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="np6")
    with respx.mock(base_url=BASE) as mock, np6.NP6(api_key=KEY, base_url=BASE) as client:
        mock.get("/notifications/1").mock(
            side_effect=[
                httpx.Response(503),
                httpx.Response(200, json={"type": "push-app"}, headers={"x-request-id": "L1"}),
            ]
        )
        client.notifications.get(1)
    (record,) = [r for r in caplog.records if r.levelno == logging.INFO]
    assert record.name == "np6"
    assert record.np6_method == "GET"  # type: ignore[attr-defined]
    assert record.np6_path == "/notifications/1"  # type: ignore[attr-defined]
    assert record.np6_status == 200  # type: ignore[attr-defined]
    assert record.np6_request_id == "L1"  # type: ignore[attr-defined]
    assert record.np6_retries == 1  # type: ignore[attr-defined]
    assert record.np6_duration >= 0  # type: ignore[attr-defined]
    assert "GET /notifications/1 -> 200" in record.getMessage()


def test_logger_is_silent_by_default() -> None:
    logger = logging.getLogger("np6")
    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)


@pytest.mark.parametrize(
    "url",
    ["http://api-cm.np6.com", "http://10.0.0.8:8080", "http://example.com/", "ftp://127.0.0.1", "not a url"],
)
def test_insecure_base_urls_are_refused(url: str) -> None:
    with pytest.raises(np6.NP6ValidationError):
        np6.NP6(api_key=KEY, base_url=url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080", "https://api-cm.np6.com"]
)
def test_loopback_and_https_are_accepted(url: str) -> None:
    np6.NP6(api_key=KEY, base_url=url).close()


def test_allow_insecure() -> None:
    client = np6.NP6(api_key=KEY, base_url="http://example.com", allow_insecure=True)
    assert client.base_url == "http://example.com"


def test_config_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NP6_API_KEY", KEY)
    monkeypatch.delenv("NP6_BASE_URL", raising=False)
    client = np6.NP6()
    assert client.base_url == "https://api-cm.np6.com"
    assert client.timeout.read == np6.DEFAULT_TIMEOUT
    assert client.max_retries == 2
    monkeypatch.setenv("NP6_BASE_URL", "http://127.0.0.1:5555/")
    assert np6.NP6().base_url == "http://127.0.0.1:5555"
    monkeypatch.delenv("NP6_API_KEY")
    with pytest.raises(np6.NP6ValidationError, match="NP6_API_KEY"):
        np6.NP6()
