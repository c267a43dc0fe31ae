"""Issue 10 items 6 and 7 (non-streamed): no redirect is followed, and an undocumented status is an error.

A user's ``httpx`` client that follows redirects must not carry ``X-Key`` (or a send's body) to another
origin; ``actions.get()`` answered 201, 204, 302 or 304 raises with the request id instead of returning None.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml

import np6
from leaks import assert_no_key
from np6._operations import OPERATIONS

from .clients import KEY, MODES, read, run, send
from .conftest import Hostile

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "np6-8.1.0.yaml"


def _following(mode: str) -> object:
    return (
        (lambda: httpx.Client(follow_redirects=True))
        if mode == "sync"
        else (lambda: httpx.AsyncClient(follow_redirects=True))
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [302, 307])
def test_the_key_never_follows_a_redirect_to_another_origin(hostile: Hostile, mode: str, status: int) -> None:
    prefix = "/redirect-other" if status == 302 else "/redirect-other-307"
    outcome = run(mode, hostile.url(prefix), read, http_client=_following(mode), max_retries=0)  # type: ignore[arg-type]
    assert isinstance(outcome.error, np6.UnexpectedStatusError), repr(outcome.error)
    assert outcome.error.status_code == status
    assert hostile.other.requests == []
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
def test_a_307_never_reposts_a_send_body_to_another_origin(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/redirect-other-307"), send, http_client=_following(mode))  # type: ignore[arg-type]
    assert isinstance(outcome.error, np6.SendUnexpectedStatusError), repr(outcome.error)
    assert np6.SendOutcomeUnknownError in type(outcome.error).__mro__
    assert hostile.other.requests == []
    assert len(hostile.server.requests_to("/redirect-other-307")) == 1


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [201, 204, 302, 304])
def test_an_undocumented_status_on_a_read_raises_with_the_request_id(
    hostile: Hostile, mode: str, status: int
) -> None:
    outcome = run(mode, hostile.url(f"/status/{status}"), read)
    assert type(outcome.error) is np6.UnexpectedStatusError, repr(outcome.error)
    assert outcome.error.status_code == status
    assert outcome.error.request_id == "hostile-req-1"
    assert "does not document" in str(outcome.error) and "hostile-req-1" in str(outcome.error)
    assert len(hostile.server.requests_to("/status")) == 1  # not retried
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [201, 200])
def test_an_undocumented_status_on_a_send_is_maybe_sent(hostile: Hostile, mode: str, status: int) -> None:
    def validate(client: object) -> object:
        return client.actions.validate("000PE4")  # type: ignore[attr-defined]  # documents 204 only

    outcome = run(mode, hostile.url(f"/status/{status}"), validate)
    assert type(outcome.error) is np6.SendUnexpectedStatusError, repr(outcome.error)
    assert outcome.error.request_id == "hostile-req-1"
    assert len(hostile.server.requests_to("/status")) == 1


def test_the_documented_success_status_of_every_operation_matches_the_spec() -> None:
    spec = yaml.safe_load(SPEC.read_text())
    documented = {
        op["operationId"]: {int(code) for code in op["responses"] if str(code)[0] in "123"}
        for path in spec["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert documented.keys() == OPERATIONS.keys()
    assert {op: {OPERATIONS[op].status} for op in OPERATIONS} == documented
