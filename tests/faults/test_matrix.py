"""The fault matrix: every fault kind of the sandbox times every class of call (read, write, send).

For each case: the outcome (a result, or the typed error), the time it took (never more than
timeout x (retries + 1) + the retry waits: no hang), the sandbox outbox (a send is never duplicated and never
silently lost), and the API key (in no exception, log record or repr). Transient faults hit once; persistent
ones outlast the retries. Retry waits are recorded, not slept, except in the one real-time case at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

import np6
from np6 import Contact

from .conftest import SECRET
from .secrets import assert_no_secret

ACTION = "000PE4"
NOTIFICATION = 156
ADDRESS = "example@np6.com"
TIMEOUT = 0.25  # seconds: the client's timeout in every case
DELAY = 0.6  # seconds: a `delay` fault, well beyond TIMEOUT
RETRIES = np6.DEFAULT_MAX_RETRIES
SLACK = 1.5  # seconds of local work allowed on top of the bound (loopback, 2 cores, CI noise)

OPERATION = {"read": "get_action", "write": "update_notification", "send": "send_action_messages"}
FAULTS: dict[str, dict[str, Any]] = {
    "429": {"kind": "status", "status": 429, "retry_after": "1"},
    "503": {"kind": "status", "status": 503},
    "delay": {"kind": "delay", "delay": DELAY},
    "drop": {"kind": "drop"},
    "drop_after": {"kind": "drop_after"},
    "truncate": {"kind": "truncate"},
    "malformed": {"kind": "malformed"},
    "unknown_enum": {"kind": "unknown_enum"},
}

OK = None  # the call succeeds


@dataclass(frozen=True)
class Expect:
    error: type[np6.NP6Error] | None
    sent: int = 0  # messages in the outbox afterwards (sends only)


# A single fault (count 1): what each class of call must do.
TRANSIENT: dict[tuple[str, str], Expect] = {
    **{(f, c): Expect(OK) for f in FAULTS for c in ("read", "write")},
    ("malformed", "read"): Expect(np6.APIResponseValidationError),
    ("malformed", "write"): Expect(np6.APIResponseValidationError),
    # A send is never retried once it may have reached NP6: a refusal (status before any side effect) is
    # raised as such, anything else after the request left is SendOutcomeUnknownError.
    ("429", "send"): Expect(np6.RateLimitError, sent=0),
    # A 5xx may come before or after NP6 acted (here before): the client cannot tell, so "may have been sent".
    ("503", "send"): Expect(np6.SendServerError, sent=0),
    # Timed out after the server processed it (the sandbox answers late): sent once, never twice.
    ("delay", "send"): Expect(np6.SendOutcomeUnknownError, sent=1),
    ("drop", "send"): Expect(np6.SendOutcomeUnknownError, sent=0),
    ("drop_after", "send"): Expect(np6.SendOutcomeUnknownError, sent=1),
    ("truncate", "send"): Expect(np6.SendOutcomeUnknownError, sent=1),
    ("malformed", "send"): Expect(np6.SendResponseUnreadableError, sent=1),
    ("unknown_enum", "send"): Expect(OK, sent=1),
}

# The same faults outlasting the retries (count 5): reads and writes give up with the typed error.
PERSISTENT: dict[str, type[np6.NP6Error]] = {
    "429": np6.RateLimitError,
    "503": np6.InternalServerError,
    "delay": np6.APITimeoutError,
    "drop": np6.APIConnectionError,
    "drop_after": np6.APIConnectionError,
    "truncate": np6.APIConnectionError,
}


def outbox(admin: httpx.Client) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = admin.get("/outbox").raise_for_status().json()
    return [e for e in entries if e.get("address") == ADDRESS]


def call_for(client: np6.NP6, kind: str) -> Callable[[], Any]:
    if kind == "read":
        return lambda: client.actions.get(ACTION)
    if kind == "write":
        body = client.notifications.get(NOTIFICATION).to_dict()
        body["name"] = "Renamed under fire"
        return lambda: client.notifications.update(NOTIFICATION, body)
    return lambda: client.actions.send(ACTION, [Contact.unicity(ADDRESS)])


def check_result(kind: str, fault: str, result: Any) -> None:
    if kind == "read":
        assert result.id == ACTION
        if fault == "unknown_enum":
            # a state this client does not know is kept, raw, instead of failing the call
            assert result.informations.state.value == 101
    elif kind == "write":
        assert result.name == "Renamed under fire"
    else:
        assert len(result) == 1


def run_case(
    sandbox_url: str, admin: httpx.Client, kind: str, fault: str, count: int
) -> tuple[Any, BaseException | None, float, np6.NP6]:
    client = np6.NP6(api_key=SECRET, base_url=sandbox_url, timeout=TIMEOUT)
    call = call_for(client, kind)  # any setup request (write: fetch the body) runs before the fault
    admin.post(
        "/faults", json={"operation": OPERATION[kind], "count": count, **FAULTS[fault]}
    ).raise_for_status()
    result: Any = None
    error: BaseException | None = None
    began = time.monotonic()
    try:
        result = call()
    except Exception as exc:
        error = exc
    elapsed = time.monotonic() - began
    client.close()
    return result, error, elapsed, client


def settle(fault: str, elapsed: float) -> None:
    """Let a delayed request finish server-side (its side effect lands late) before looking or resetting."""
    if fault == "delay":
        time.sleep(max(DELAY - elapsed, 0.0) + 0.3)


@pytest.mark.parametrize("kind", ["read", "write", "send"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_transient_fault(
    sandbox_url: str,
    admin: httpx.Client,
    sleeps: list[float],
    np6_logs: pytest.LogCaptureFixture,
    fault: str,
    kind: str,
) -> None:
    expect = TRANSIENT[(fault, kind)]
    result, error, elapsed, client = run_case(sandbox_url, admin, kind, fault, count=1)
    # No hang: one timeout per attempt at most, retry waits are not slept here.
    assert elapsed <= TIMEOUT * (RETRIES + 1) + SLACK, elapsed
    if expect.error is None:
        assert error is None, repr(error)
        check_result(kind, fault, result)
    else:
        assert type(error) is expect.error, repr(error)
    if fault == "429" and kind != "send":
        assert sleeps == [1.0]  # the server's Retry-After, honoured
    settle(fault, elapsed)
    if kind == "send":
        sent = outbox(admin)
        assert len(sent) == expect.sent, sent  # never twice; none when NP6 refused before sending
        if isinstance(error, np6.APIError):
            progress = error.batch_progress
            assert progress is not None and len(progress.failed) == 1 and not progress.results
        if isinstance(error, np6.SendOutcomeUnknownError | np6.APIResponseValidationError):
            assert "may have been sent" in str(error) or "was sent" in str(error), str(error)
    assert_no_secret(SECRET, error=error, records=np6_logs.records, objects=[result, client])


@pytest.mark.parametrize("kind", ["read", "write"])
@pytest.mark.parametrize("fault", list(PERSISTENT))
def test_persistent_fault_gives_up_typed_and_in_time(
    sandbox_url: str,
    admin: httpx.Client,
    sleeps: list[float],
    np6_logs: pytest.LogCaptureFixture,
    fault: str,
    kind: str,
) -> None:
    result, error, elapsed, client = run_case(sandbox_url, admin, kind, fault, count=5)
    assert result is None
    assert type(error) is PERSISTENT[fault], repr(error)
    assert elapsed <= TIMEOUT * (RETRIES + 1) + SLACK, elapsed
    assert len(sleeps) == RETRIES  # RETRIES + 1 attempts, then the error
    left = admin.get("/faults").raise_for_status().json()
    assert [f["count"] for f in left] == [5 - (RETRIES + 1)]  # exactly RETRIES + 1 requests reached NP6
    settle(fault, elapsed)
    assert_no_secret(SECRET, error=error, records=np6_logs.records, objects=[result, client])


def test_real_time_bound_with_real_backoff(sandbox_url: str, admin: httpx.Client) -> None:
    """No patched sleep: a read that times out on every attempt ends within timeout x 3 + the backoff."""
    admin.post("/faults", json={"operation": "get_action", "count": 5, **FAULTS["delay"]}).raise_for_status()
    began = time.monotonic()
    with (
        np6.NP6(api_key=SECRET, base_url=sandbox_url, timeout=TIMEOUT) as client,
        pytest.raises(np6.APITimeoutError),
    ):
        client.actions.get(ACTION)
    elapsed = time.monotonic() - began
    from np6._retries import INITIAL_DELAY, JITTER

    longest_backoff = sum(INITIAL_DELAY * 2**i for i in range(RETRIES))
    shortest_backoff = longest_backoff * (1 - JITTER)
    assert TIMEOUT * (RETRIES + 1) + shortest_backoff <= elapsed  # it really waited between attempts
    assert elapsed <= TIMEOUT * (RETRIES + 1) + longest_backoff + SLACK  # and no more
    settle("delay", 0.0)
