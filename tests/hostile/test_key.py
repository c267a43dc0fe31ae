"""Issue 10 item 3 and the key-leak sweep: the key is checked at construction and shows up nowhere.

The sweep runs keys of every length from 1 to 64, made of the characters that break naive redaction (quotes,
backslash, ``%``, ``/``, ``+``, ``&``, ``<``, spaces inside), through every error path of the hostile server,
sync and async, reads and sends. For each case it searches the exception (str, repr, args, attributes, the
whole cause chain, every request/response reachable) and every log record of every logger at DEBUG, for the
key raw, JSON-escaped, Python-escaped and URL-encoded. A key shorter than 12 characters can occur in honest
text by chance, so the same case is run again with another key of the same length as the baseline
(``leaks.assert_no_key(..., baseline=)``): the key's forms must not occur more often than the baseline's.
"""

from __future__ import annotations

import itertools
import ssl
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import np6
from leaks import assert_no_key, capture_logs

from . import behaviours
from .clients import read, run, send
from .conftest import Hostile

_TLS = ssl.create_default_context()
ODD = "\"\\%/'+&<{}~^`|;=?#@$!*()[],:"
ALNUM = "aZ9qW3xK7m"


def sweep_key(length: int) -> str:
    """A key of ``length`` printable ASCII characters, mostly the awkward ones, spaces only inside."""
    chars = "".join(itertools.islice(itertools.cycle(ODD[length % len(ODD) :] + ODD + ALNUM), length))
    if length >= 3:
        chars = chars[: length // 2] + " " + chars[length // 2 + 1 :]
    return chars


def baseline_of(key: str) -> str:
    """Another key of the same length sharing no character with ``key`` at any position."""
    pool = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in key]
    return "".join(pool[i % len(pool)] for i in range(len(key)))


KEYS = [sweep_key(n) for n in range(1, 65)]


def _following() -> None:
    """Marks a path run with an http_client that follows redirects (built in ``_case``)."""


def _validate(client: Any) -> Any:
    return client.actions.validate("000PE4")


# (name, base path or "refused", call, extra client options)
PATHS: list[tuple[str, str, Callable[[Any], Any], dict[str, Any]]] = [
    ("lying gzip read", "/gzip-lie", read, {}),
    ("lying gzip send", "/gzip-lie", send, {}),
    ("deep read", "/deep", read, {}),
    ("undocumented 201", "/status/201", read, {}),
    ("undocumented 304", "/status/304", read, {}),
    ("undocumented status on a send", "/status/200", _validate, {}),
    ("redirect to another origin", "/redirect-other", read, {"http_client": _following}),
    ("307 loop on a send", "/redirect-loop-307", send, {"http_client": _following}),
    ("cut after headers", "/cut-after-headers", read, {"max_retries": 0}),
    ("5xx after the send was read", "/fail-after-read", send, {}),
    ("cut after the send was read", "/cut-after-read", send, {}),
    ("server echoes the key (400 read)", "/echo-key", read, {}),
    ("server echoes the key (500 send)", "/echo-key-500", send, {}),
    ("schema mismatch", "/ok", read, {}),
    ("too large", "/huge", read, {"limits": np6.Limits(max_body_size=64 * 1024)}),
    ("connection refused read", "refused", read, {"max_retries": 0}),
    ("connection refused send", "refused", send, {"max_retries": 0}),
]


def _case(hostile: Hostile, mode: str, key: str, path: str, call: Callable[[Any], Any], options: Any) -> Any:
    base = "http://127.0.0.1:9" if path == "refused" else hostile.url(path)
    # One TLS context for the whole sweep: building one per client (httpx's default) costs 130 ms each.
    follow = "http_client" in options
    if mode == "async":
        options = {**options, "http_client": lambda: httpx.AsyncClient(verify=_TLS, follow_redirects=follow)}
    else:
        options = {**options, "http_client": lambda: httpx.Client(verify=_TLS, follow_redirects=follow)}
    with capture_logs() as records:
        outcome = run(mode, base, call, key=key, **options)
    assert isinstance(outcome.error, np6.NP6Error), repr(outcome.error)
    return [outcome.error, records, outcome.result]


@pytest.fixture(scope="module", autouse=True)
def _echo_500(_hostile_pair: tuple) -> None:  # type: ignore[type-arg]
    server, _ = _hostile_pair
    server.route("/echo-key-500", behaviours.echo_key(500))


SLOW = {"deep read", "too large"}  # the same error path as others, but 0.5 s a case: a sample of lengths
SAMPLE = (1, 2, 3, 5, 8, 13, 21, 34, 55, 64)
CASES = [
    pytest.param(mode, length, name, id=f"{mode}-{length}-{name.replace(' ', '_')}")
    for length in range(1, 65)
    for mode in (("sync", "async") if length in (1, 2, 3, 7, 13, 64) else ("sync",))
    for name, *_ in PATHS
    if name not in SLOW or length in SAMPLE
]


@pytest.mark.parametrize(("mode", "length", "name"), CASES)
def test_the_key_leaks_nowhere(hostile: Hostile, mode: str, length: int, name: str) -> None:
    path, call, options = next((p, c, o) for n, p, c, o in PATHS if n == name)
    key = KEYS[length - 1]
    found = _case(hostile, mode, key, path, call, options)
    baseline = _case(hostile, mode, baseline_of(key), path, call, options) if length < 12 else None
    assert_no_key(found, key, baseline=baseline)


REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("sk-live-abc\n", "whitespace"),
    (" sk-live-abc", "whitespace"),
    ("sk-live-abc\t", "whitespace"),
    ("sk-l\u00efve-abc", "printable ASCII"),
    ("sk-live-\ud800abc", "printable ASCII"),
    ("sk-live\x00abc", "printable ASCII"),
    ("sk-live-abc\u2028", "whitespace"),
    ("sk-\u0440ive-abc", "printable ASCII"),
]


@pytest.mark.parametrize(("key", "why"), REFUSED)
@pytest.mark.parametrize("source", ["argument", "environment"])
def test_a_key_that_cannot_travel_is_refused_at_construction_without_showing_it(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch, key: str, why: str, source: str
) -> None:
    base = hostile.url("/ok")
    with capture_logs() as records, pytest.raises(np6.NP6ValidationError) as info:
        if source == "argument":
            np6.NP6(api_key=key, base_url=base)
        else:
            if "\x00" in key or "\ud800" in key:
                pytest.skip("the OS refuses this in an environment variable")
            monkeypatch.setenv("NP6_API_KEY", key)
            np6.AsyncNP6(base_url=base)
    assert why in str(info.value)
    assert ("NP6_API_KEY" if source == "environment" else "api_key") in str(info.value)
    if key.strip():
        assert_no_key([info.value, records], key.strip())
    assert hostile.server.requests == []  # nothing sent, nothing retried


def test_the_sweep_covers_every_length_and_the_awkward_characters() -> None:
    assert [len(k) for k in KEYS] == list(range(1, 65))
    assert all(k == k.strip() and all(" " <= c <= "~" for c in k) for k in KEYS)
    joined = "".join(KEYS)
    assert all(c in joined for c in "\"\\%/' +&<")
    assert len(set(KEYS)) == 64
