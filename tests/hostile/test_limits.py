"""Issue 10 items 1 (non-streamed) and 9: bounded memory and time whatever the server sends.

In-process tests use small ``np6.Limits``; the memory tests run the client with the DEFAULT limits in a child
process under ``RLIMIT_AS`` (``memlimit``), so a regression fails the test instead of freezing the machine.
"""

from __future__ import annotations

import zlib
from typing import Any

import pytest

import np6
from leaks import assert_no_key

from . import behaviours
from .behaviours import MiB
from .clients import KEY, MODES, Outcome, read, run, send
from .conftest import Hostile
from .memlimit import run_limited


@pytest.fixture(scope="module")
def drip_url(_hostile_pair: tuple) -> str:  # type: ignore[type-arg]
    server, _ = _hostile_pair
    return server.route("/drip-fast", behaviours.drip(interval=0.1, total=200))


@pytest.mark.parametrize("mode", MODES)
def test_a_drip_cannot_outlive_the_timeout(drip_url: str, mode: str) -> None:
    # a byte every 0.1 s never trips a 0.5 s read timeout; the attempt's deadline (0.5 s) does
    outcome = run(mode, drip_url, read, timeout=0.5, max_retries=0)
    assert type(outcome.error) is np6.APITimeoutError, repr(outcome.error)
    assert "deadline" in str(outcome.error)
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
def test_a_drip_on_a_send_is_a_timed_out_maybe_sent(drip_url: str, mode: str) -> None:
    outcome = run(mode, drip_url, send, timeout=0.5)
    assert type(outcome.error) is np6.SendOutcomeUnknownError, repr(outcome.error)
    assert outcome.error.timed_out


@pytest.mark.parametrize("mode", MODES)
def test_an_explicit_deadline_bounds_the_attempt(drip_url: str, mode: str) -> None:
    outcome = run(mode, drip_url, read, timeout=30, max_retries=0, limits=np6.Limits(deadline=0.3))
    assert type(outcome.error) is np6.APITimeoutError, repr(outcome.error)


def test_the_default_deadline_is_the_largest_phase_of_the_timeout() -> None:
    import httpx

    with np6.NP6(api_key=KEY, base_url="http://127.0.0.1:9", timeout=httpx.Timeout(2, connect=7)) as client:
        assert client.deadline == 7
    with np6.NP6(api_key=KEY, base_url="http://127.0.0.1:9", limits=np6.Limits(deadline=1.5)) as client:
        assert client.deadline == 1.5


@pytest.mark.parametrize("mode", MODES)
def test_a_body_beyond_max_body_size_stops_early(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/huge"), read, limits=np6.Limits(max_body_size=MiB))
    assert type(outcome.error) is np6.ResponseTooLargeError, repr(outcome.error)
    assert (outcome.error.limit, outcome.error.value) == ("max_body_size", MiB)
    (request,) = hostile.server.requests_to("/huge")  # not retried
    assert request.sent < 64 * MiB  # of 300 MiB: the client stopped reading (socket buffers aside)


@pytest.mark.parametrize("mode", MODES)
def test_a_huge_error_body_is_never_read_whole_even_when_retried(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/error-huge"), read, max_retries=2)
    assert type(outcome.error) is np6.InternalServerError, repr(outcome.error)
    requests = hostile.server.requests_to("/error-huge")
    assert len(requests) == 3
    assert sum(r.sent for r in requests) < 3 * 64 * MiB  # of 3 x 200 MiB
    assert isinstance(outcome.error.body, str) and len(outcome.error.body) <= 1000


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_bomb_is_stopped_by_the_decompression_ratio(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/gzip-bomb"), read)
    assert type(outcome.error) is np6.ResponseTooLargeError, repr(outcome.error)
    assert outcome.error.limit == "max_decompression_ratio"
    assert "decompression bomb" in str(outcome.error)


@pytest.mark.parametrize("mode", MODES)
def test_a_deeply_nested_body_is_refused_before_parsing(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/deep"), read)
    assert type(outcome.error) is np6.ResponseTooDeepError, repr(outcome.error)
    assert outcome.error.limit == "max_depth"
    chain: BaseException | None = outcome.error
    while chain is not None:
        assert not isinstance(chain, RecursionError)
        chain = chain.__cause__ or chain.__context__


@pytest.mark.parametrize("mode", MODES)
def test_a_deep_body_on_a_send_says_it_was_sent(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/deep"), send)
    assert type(outcome.error) is np6.SendResponseUnreadableError, repr(outcome.error)
    assert isinstance(outcome.error.__cause__, np6.ResponseTooDeepError)


def test_a_deep_error_body_is_kept_as_text(hostile: Hostile) -> None:
    body = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
    base = hostile.route("/deep-400", behaviours._with_headers(body, [], status=400))
    outcome = run("sync", base, read)
    assert type(outcome.error) is np6.BadRequestError, repr(outcome.error)
    assert isinstance(outcome.error.body, str)


# -- memory, in a child under RLIMIT_AS, with the default limits
_CHILD = """
import sys
import np6
base, retries = sys.argv[1], int(sys.argv[2])
try:
    np6.NP6(api_key="sk-memory-test", base_url=base, timeout=60, max_retries=retries).actions.get("000PE4")
except np6.NP6Error as exc:
    print(type(exc).__name__, getattr(exc, "limit", "-"))
"""
AS_LIMIT_MB = 1024  # the old client needed ~1 GB for the 300 MB body and 1.6 GB for the bomb


@pytest.mark.parametrize(
    ("prefix", "retries", "expected"),
    [
        ("/huge", 0, "ResponseTooLargeError max_body_size"),
        ("/error-huge", 2, "InternalServerError -"),
        ("/gzip-bomb", 0, "ResponseTooLargeError max_decompression_ratio"),
    ],
)
def test_memory_stays_bounded(hostile: Hostile, prefix: str, retries: int, expected: str) -> None:
    child = run_limited(
        _CHILD, address_space_mb=AS_LIMIT_MB, args=[hostile.url(prefix), str(retries)], timeout=120
    ).check()
    assert child.stdout.strip() == expected, child.stderr
    assert child.peak_rss_mb < 400, child.peak_rss_mb


def _events(mode: str, base: str) -> Outcome:
    def iterate(client: Any) -> Any:
        if mode == "sync":
            return list(client.notifications.reactivities())

        async def collect() -> list[Any]:
            return [event async for event in client.notifications.reactivities()]

        return collect()

    return run(mode, base, iterate, max_retries=0)


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_bomb_in_a_stream_is_stopped_by_the_ratio(hostile: Hostile, mode: str) -> None:
    outcome = _events(mode, hostile.url("/gzip-bomb"))
    assert type(outcome.error) is np6.ResponseTooLargeError, repr(outcome.error)
    assert outcome.error.limit == "max_decompression_ratio"
    assert_no_key(outcome.error, KEY)


@pytest.mark.parametrize("mode", MODES)
def test_a_lying_gzip_stream_is_a_non_resumable_typed_error(hostile: Hostile, mode: str) -> None:
    outcome = _events(mode, hostile.url("/gzip-lie"))
    assert isinstance(outcome.error, np6.APIResponseValidationError), repr(outcome.error)
    assert not isinstance(outcome.error, np6.StreamInterruptedError)


@pytest.mark.parametrize("mode", MODES)
def test_an_honest_gzip_stream_is_read(hostile: Hostile, mode: str) -> None:
    body = zlib.compress(b'[{"type": "hit", "id": "e1", "timestamp": 1}]', wbits=31)
    base = hostile.route("/gzip-stream", behaviours._with_headers(body, [("Content-Encoding", "gzip")]))
    outcome = _events(mode, base)
    assert outcome.error is None, repr(outcome.error)
    assert len(outcome.result) == 1


@pytest.mark.parametrize("mode", MODES)
def test_headers_dripped_a_byte_a_second_cannot_outlive_the_timeout(hostile: Hostile, mode: str) -> None:
    outcome = run(mode, hostile.url("/drip-headers"), read, timeout=0.5, max_retries=0)
    assert type(outcome.error) is np6.APITimeoutError, repr(outcome.error)
    assert "deadline" in str(outcome.error)
