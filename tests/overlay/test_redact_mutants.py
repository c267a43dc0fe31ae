"""``_redact``: every form of the key, the order they are masked in, and the whole exception chain (issue 16).

Unit tests of the pieces the error boundary relies on: each fails on a mutant that the end-to-end key tests
(tests/overlay/test_secrets.py, tests/hostile/test_key.py) let live because their keys are plain ASCII
words with no character that an encoding changes.
"""

from __future__ import annotations

import itertools
import json
import pickle
import urllib.parse
import weakref

import httpx
import pytest

from np6._redact import KEY_HEADER, MASK, Secret, key_forms, redact, scrub_chain, scrub_request

# A quote, a slash, a backslash, a percent, a plus, a space and a non-ASCII letter: every form differs.
KEY = 'k"e/y\\%+ é'


def test_the_names() -> None:
    assert (KEY_HEADER, MASK) == ("X-Key", "***")


def test_every_form_of_the_key_longest_first() -> None:
    expected = {
        KEY,
        'k\\"e/y\\\\%+ \\u00e9',  # JSON
        'k\\"e/y\\\\%+ é',  # JSON, ensure_ascii=False
        'k\\"e\\/y\\\\%+ \\u00e9',  # JSON with \/
        "".join(f"\\u{ord(c):04x}" for c in KEY),
        "".join(f"\\u{ord(c):04X}" for c in KEY),
        'k"e/y\\\\%+ é',  # repr
        "k%22e%2Fy%5C%25%2B%20%C3%A9",  # quote(safe="")
        "k%22e/y%5C%25%2B%20%C3%A9",  # quote
        "k%22e%2Fy%5C%25%2B+%C3%A9",  # quote_plus
    }
    forms = key_forms(KEY)
    assert set(forms) == expected
    assert len(forms) == len(expected)
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    # spelled by the libraries too (the literals above are what they give today)
    assert json.dumps(KEY, ensure_ascii=False)[1:-1] in forms
    assert urllib.parse.quote_plus(KEY) in forms


def test_no_form_of_an_empty_key() -> None:
    assert key_forms("") == []
    assert redact("nothing to hide", "") == "nothing to hide"


def test_each_form_is_masked_whole() -> None:
    for form in key_forms(KEY):
        assert redact(f"<{form}>", KEY) == "<***>", form
        assert Secret(KEY).redact(f"<{form}>") == "<***>", form


def test_a_longer_form_is_masked_before_a_form_inside_it() -> None:
    # The raw key `k\` is inside its JSON form `k\\`: masking the raw one first would leave `***\`.
    key = "k\\"
    text = 'body {"key": "k\\\\"} and k\\ raw'
    assert redact(text, key) == 'body {"key": "***"} and *** raw'
    assert Secret(key).redact(text) == 'body {"key": "***"} and *** raw'


def test_text_without_the_key_is_unchanged() -> None:
    text = 'k"e/y and é but not the key'
    assert redact(text, KEY) == text
    assert Secret(KEY).redact(text) == text


def test_secret_holds_and_hides_the_key() -> None:
    secret = Secret(KEY)
    assert secret.get() == KEY
    assert repr(secret) == str(secret) == f"{secret}" == "'***'"
    assert KEY not in repr([secret])
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(secret)
    assert weakref.ref(secret)() is secret  # the logging filter keeps the live keys in a WeakSet


# -- scrub_request ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("userinfo", ["user:pw@", "user@", ":pw@"])
def test_scrub_request_removes_the_header_and_userinfo(userinfo: str) -> None:
    request = httpx.Request("GET", f"http://{userinfo}127.0.0.1:9/x?q=1", headers={"x-key": "sk-1", "A": "b"})
    holder = httpx.ConnectError("boom", request=request)
    scrub_request(request)
    assert KEY_HEADER not in holder.request.headers
    assert holder.request.headers["A"] == "b"
    assert holder.request.url.userinfo == b""
    assert str(holder.request.url) == "http://127.0.0.1:9/x?q=1"


def test_scrub_request_leaves_a_clean_request_alone() -> None:
    request = httpx.Request("POST", "https://api.example/x", headers={"A": "b"}, content=b"{}")
    scrub_request(request)
    assert str(request.url) == "https://api.example/x"
    assert request.headers["A"] == "b"


# -- scrub_chain ------------------------------------------------------------------------------------------


def _request() -> httpx.Request:
    return httpx.Request("GET", "http://user:pw@127.0.0.1:9/x", headers={KEY_HEADER: "sk-header-9f8e"})


def test_scrub_chain_follows_causes_and_contexts() -> None:
    top = RuntimeError(f"top {KEY}", 7, b"bytes")
    cause = httpx.ConnectError(f"cause {KEY}", request=_request())
    context = ValueError(f"context {json.dumps(KEY)}")
    deeper = httpx.ReadError("deeper", request=_request())
    top.__cause__ = cause
    top.__context__ = context
    context.__context__ = deeper
    scrub_chain(top, Secret(KEY))
    assert top.args == ("top ***", 7, b"bytes")  # strings redacted, the rest kept as it was
    assert cause.args == ("cause ***",)
    assert context.args == ('context "***"',)
    for exc in (cause, deeper):
        assert KEY_HEADER not in exc.request.headers
        assert exc.request.url.userinfo == b""


def test_scrub_chain_scrubs_the_request_of_a_response() -> None:
    request = _request()
    response = httpx.Response(500, request=request)
    exc = httpx.HTTPStatusError(
        "failed", request=httpx.Request("GET", "http://127.0.0.1:9/"), response=response
    )
    scrub_chain(exc, Secret(KEY))
    assert KEY_HEADER not in request.headers
    assert request.url.userinfo == b""


class _Holder(Exception):
    """An exception with a `response` that has no request (httpx raises RuntimeError reading it)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.response = httpx.Response(502)


class _NoRequest(Exception):
    @property
    def request(self) -> httpx.Request:
        raise RuntimeError("no request set")


class _NotARequest(Exception):
    request = "GET http://user:pw@host/"


class _FixedArgs(Exception):
    """`args` cannot be set: scrubbing goes on with the rest of the chain."""

    @property  # type: ignore[override]
    def args(self) -> tuple[str, ...]:
        return ("fixed",)


def test_scrub_chain_goes_past_what_it_cannot_scrub() -> None:
    last = httpx.ConnectError("last", request=_request())
    chain = [_Holder(f"holder {KEY}"), _NoRequest(f"no request {KEY}"), _NotARequest(KEY), _FixedArgs(), last]
    for outer, inner in itertools.pairwise(chain):
        outer.__context__ = inner
    scrub_chain(chain[0], Secret(KEY))
    assert [c.args for c in chain[:4]] == [("holder ***",), ("no request ***",), ("***",), ("fixed",)]
    assert KEY_HEADER not in last.request.headers


class _Counted(Exception):
    """Counts how many times the chain's walk rewrites its args."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.__dict__.update(_args=(message,), rewrites=0)

    @property  # type: ignore[override]
    def args(self) -> tuple[object, ...]:
        return self.__dict__.get("_args", ())

    @args.setter
    def args(self, value: tuple[object, ...]) -> None:
        self.__dict__["_args"] = value
        self.__dict__["rewrites"] = self.__dict__.get("rewrites", 0) + 1


def test_scrub_chain_visits_each_exception_once_and_ends_on_a_cycle() -> None:
    shared = _Counted(f"shared {KEY}")
    a, b = RuntimeError("a"), RuntimeError("b")
    a.__cause__, a.__context__ = shared, b
    b.__context__ = shared  # reached twice
    shared.__context__ = a  # and back to the top
    scrub_chain(a, Secret(KEY))
    assert shared.args == ("shared ***",)
    assert shared.rewrites == 1


def test_scrub_chain_goes_on_past_an_exception_it_has_seen() -> None:
    a, b, x = RuntimeError("a"), RuntimeError("b"), ValueError(f"x {KEY}")
    a.__cause__, a.__context__ = x, b
    b.__context__ = a  # walked before x: seen already, the walk must still reach x
    scrub_chain(a, Secret(KEY))
    assert x.args == ("x ***",)
