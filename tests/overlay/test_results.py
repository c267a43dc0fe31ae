"""Result kinds a real sandbox does not produce (respx): an unknown render kind becomes a typed RenderError
carrying the raw body; an unknown execution kind is kept raw and a single send raises on it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import np6
from np6 import Contact

BASE = "http://127.0.0.1:9"

FUTURE_RENDER = {"type": "queued", "eta": 5, "note": "rendered later"}
FUTURE_RESULT = {"type": "deferred", "id": "m-1", "when": "tonight"}
SUCCESS = {"type": "success", "id": "6f1c1a52-2b0e-4f6f-9b45-1f0c2b3a4d5e"}
ERROR = {"type": "error", "value": {"type": "recipient not found"}}


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock


def _answer(api: respx.MockRouter, body: Any) -> None:
    api.route().mock(return_value=httpx.Response(200, json=body))


def test_unknown_notification_render_kind_is_a_render_error(api: respx.MockRouter, client: np6.NP6) -> None:
    _answer(api, FUTURE_RENDER)
    with pytest.raises(np6.RenderError, match="'queued'") as info:
        client.notifications.render(1, contact=Contact.id("x"))
    assert info.value.raw == FUTURE_RENDER  # nothing of NP6's answer is lost
    assert isinstance(info.value, np6.ResultError) and isinstance(info.value, np6.NP6Error)


def test_render_success_without_render_still_has_one(api: respx.MockRouter, client: np6.NP6) -> None:
    _answer(api, {"type": "success"})
    result = client.notifications.render(1)
    assert result.meta is None
    assert result.render.to_dict() == {}  # an empty RenderedNotification, never Unset


def test_unknown_action_render_kind_is_a_render_error(api: respx.MockRouter, client: np6.NP6) -> None:
    _answer(api, FUTURE_RENDER)
    with pytest.raises(np6.RenderError) as info:
        client.actions.render("A", Contact.id("x"), channel="email")
    assert info.value.raw == FUTURE_RENDER


def test_render_many_raises_on_the_first_non_success(api: respx.MockRouter, client: np6.NP6) -> None:
    _answer(api, [{"type": "success", "subject": "S"}, FUTURE_RENDER])
    with pytest.raises(np6.RenderError) as info:
        client.actions.render_many("A", [Contact.id("x"), Contact.id("y")], channel="email")
    assert info.value.raw == FUTURE_RENDER


def test_unknown_execution_kind_comes_through_raw(api: respx.MockRouter, client: np6.NP6) -> None:
    _answer(api, [SUCCESS, ERROR, FUTURE_RESULT])
    results = client.actions.send("A", [Contact.id(c) for c in "xyz"], channel="email")
    assert (len(results.succeeded), len(results.failed), len(results.unknown)) == (1, 1, 1)
    assert results.unknown[0].to_dict() == FUTURE_RESULT
    with pytest.raises(np6.RecipientError, match=r"2 of 3.*'deferred' unknown to this SDK") as info:
        results.check()
    assert [i for i, _ in info.value.failures] == [1, 2]


def test_single_send_raises_on_an_unknown_kind(api: respx.MockRouter, client: np6.NP6) -> None:
    _answer(api, FUTURE_RESULT)
    with pytest.raises(np6.RecipientError, match="may have been sent") as info:
        client.notifications.execute_one(1, Contact.id("x"))
    assert info.value.raw == FUTURE_RESULT


def test_a_415_without_channel_names_the_other(api: respx.MockRouter, client: np6.NP6) -> None:
    api.get("/actions/A").mock(return_value=httpx.Response(200, json={"type": "mailMessage", "id": "A"}))
    api.post("/actions/A/execution").mock(return_value=httpx.Response(415))
    with pytest.raises(
        np6.WrongChannelError, match="does not take email messages; pass channel='sms'"
    ) as info:
        client.actions.send_one("A", Contact.id("x"))
    assert (info.value.channel, info.value.expected) == ("email", "sms")


def test_other_statuses_are_left_alone(api: respx.MockRouter, client: np6.NP6) -> None:
    api.post("/actions/A/execution").mock(return_value=httpx.Response(409))
    with pytest.raises(np6.ConflictError):
        client.actions.send_one("A", Contact.id("x"), channel="sms")


def test_an_unknown_action_kind_is_sent_as_email(api: respx.MockRouter, client: np6.NP6) -> None:
    api.get("/actions/A").mock(return_value=httpx.Response(200, json={"type": "mailCampaign", "id": "A"}))
    sent = api.post("/actions/A/execution").mock(return_value=httpx.Response(200, json=SUCCESS))
    client.actions.send_one("A", Contact.id("x"))
    assert sent.calls.last.request.headers["content-type"].startswith("application/vnd.np6.cm.email")
