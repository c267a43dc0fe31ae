"""bodies.parse skips its full walk only when the text cannot hold what the walk refuses.

The reference is what parse did before: `json.loads(raw, parse_constant=_Constant)`, then `check()` on
every value. For any text (hostile ones included: NaN, Infinity, 1e999, escaped and raw surrogates, nesting
around the 64-level limit, BOMs and UTF-16/32), parse must return the same value or refuse with the same
field and detail.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from np6_sandbox import bodies
from np6_sandbox.replies import FieldError


def reference(raw: bytes) -> Any:
    try:
        value = json.loads(raw, parse_constant=bodies._Constant)
    except RecursionError:
        return ("refused", "(body)", "recursion")
    except ValueError as error:
        return ("refused", "(body)", f"not JSON: {error}"[:200])
    try:
        bodies.check(value)
    except FieldError as error:
        return ("refused", error.field, error.detail)
    return ("parsed", value)


def parsed(raw: bytes) -> Any:
    try:
        return ("parsed", bodies.parse(raw))
    except FieldError as error:
        detail = "recursion" if "nested deeper" in error.detail and error.field == "(body)" else error.detail
        return ("refused", error.field, detail)


def same(raw: bytes) -> None:
    got, want = parsed(raw), reference(raw)
    assert repr(got) == repr(want), raw[:200]  # repr: NaN != NaN, and 1 == 1.0 == True would hide a change


def nested(depth: int, inner: str = "1", opener: str = "[", closer: str = "]") -> bytes:
    return (opener * depth + inner + closer * depth).encode()


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": "\\ud800"}',
        b'{"\\udfff": 1}',
        b'["\\ud83d\\ude00", "\\uD83D\\uDE00", "\\\\ud800"]',
        '["\ud800"]'.encode("utf-8", "surrogatepass"),
        b"[NaN]",
        b'{"x": [1, -Infinity]}',
        b"[1e999, 2]",
        b"[-1e999]",
        b"[1.5e308, 1e-999]",
        b'[NaN, "\\ud800"]',
        "\ufeff[1]".encode("utf-8"),
        "\ufeff\ufeff[1]".encode("utf-8"),
        '["é", "\ud800"]'.encode("utf-16", "surrogatepass"),
        '{"k": ["x"]}'.encode("utf-32"),
        b"",
        b"   ",
        b"[1,]",
        b"\xff\xfe",
        b"1" * 5000,
        nested(63),
        nested(64),
        nested(65),
        nested(64, "[]"),
        nested(64, "{}"),
        nested(200),
        nested(5000),
        nested(64, '{"a": 1}'),
        b"[" + b",".join([nested(10)] * 3 + [nested(66)]) + b"]",
        b'{"a": {"b": {"c": "\\udc00"}}, "d": NaN}',
        # around orjson's integers (past 64 bits it makes floats) and the 2**62 bound of its fast path
        *(f'[{n}, {{"n": {-n}}}]'.encode() for n in (2**62, 2**62 + 1, 2**63 - 1, 2**63, 2**64 - 1)),
        *(f"[{n}]".encode() for n in (2**64, -(2**63) - 1, -(2**64), 10**300)),
        b"[4611686018427387904.5, 1e300, -1e300, 1e-400, 5.0, -0, -0.0, 1E2, 0.1, 1e-05]",
        b'{"a": 1, "b": 2, "a": [3]}',
        b'["\\u0000", "\\u001f", "\x7f", "\xe2\x80\xa8", "\\"\\\\\\/"]',
        b"[01]",
        b"[1.]",
        b"\t[\r\n1\n]\n",
    ],
)
def test_hostile_texts_parse_as_before(raw: bytes) -> None:
    same(raw)


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(),
        st.text(alphabet=st.characters(codec=None), max_size=8),  # lone surrogates included
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans(), st.sampled_from(["utf-8", "utf-16", "utf-32"]), st.integers(0, 70))
def test_random_json_parses_as_before(value: Any, ascii_only: bool, encoding: str, depth: int) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)  # NaN, Infinity, surrogates escaped or raw
    same(text.encode("utf-8", "surrogatepass"))
    same(text.encode(encoding, "surrogatepass"))
    same(("[" * depth + text + "]" * depth).encode("utf-8", "surrogatepass"))


def test_ordinary_bodies_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """An event batch is parsed by orjson alone (the speed of `POST /_sandbox/events` depends on it)."""
    event = {"type": "hit", "id": "9d4a2136-02af-4dbb-bd16-e0dcf39ee2c1", "timestamp": 1623673176622}
    raw = json.dumps([event, {**event, "label": "é \U0001f600", "n": [None, True, 2**62, 1.5]}]).encode()
    expected = json.loads(raw)

    def refuse(raw: bytes) -> Any:
        raise AssertionError("json's path taken")

    monkeypatch.setattr(bodies, "_parse_exactly", refuse)
    assert repr(bodies.parse(raw)) == repr(expected)
    with pytest.raises(AssertionError, match="json's path"):
        bodies.parse(f"[{2**62 + 1}]".encode())
