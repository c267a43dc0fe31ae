"""The depth check of a large answer (a send's 1,000 results) strips strings without the regex when it can,
and gives exactly what the regex gave, on any bytes: malformed, unterminated, escaped or not."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from np6._reading import _NESTING, _NOT_STRUCTURE, _STRING, _nesting, json_too_deep


def regex_nesting(body: bytes) -> bytes:
    """What ``json_too_deep`` scanned before the fast path: the regex removes complete strings."""
    return _STRING.sub(b"", body).translate(_NESTING, _NOT_STRUCTURE)


@settings(max_examples=400, deadline=None)
@given(
    st.binary(max_size=60)
    | st.lists(st.sampled_from([b'"', b"\\", b"[", b"]", b"{", b"}", b"a", b"\n"])).map(b"".join)
)
@example(b'["abc')  # an unterminated string: the regex keeps it, brackets and all
@example(b'["[[[["')
@example(b'["a\\"[[", "]"]')  # an escaped quote: the regex path
@example(b'""""')
@example(b'"a" "[[')  # three quotes, then brackets: the regex keeps them, every other piece not
def test_the_fast_strip_gives_what_the_regex_gave(body: bytes) -> None:
    assert _nesting(body) == regex_nesting(body)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.integers() | st.text('[]{}"\\ab', max_size=6),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text("[{ab", max_size=3), inner, max_size=4)
        ),
        max_leaves=60,
    ),
    st.integers(min_value=0, max_value=8),
)
def test_json_too_deep_agrees_with_the_regex_scan_on_json(value: object, max_depth: int) -> None:
    body = json.dumps(value, ensure_ascii=False).encode()
    structure, levels = regex_nesting(body), 0
    while structure and levels <= max_depth:
        structure, levels = structure.replace(b"()", b""), levels + 1
    assert json_too_deep(body, max_depth) == (levels > max_depth)


def test_a_send_answer_of_1000_results_is_scanned_by_the_fast_path() -> None:
    results = [
        {
            "type": "success",
            "id": f"00000000-0000-0000-0000-{i:012d}",
            "recipient": {"type": "footprint", "unicity": f"a{i}@x.y"},
        }
        for i in range(1000)
    ]
    body = json.dumps(results).encode()
    assert b"\\" not in body and body.count(b'"') % 2 == 0  # the fast path's conditions
    assert _nesting(body) == regex_nesting(body) == b"(" + b"(())" * 1000 + b")"
    assert not json_too_deep(body, 3) and json_too_deep(body, 2)
