"""The stream parser's fast path (``json``'s C scanner, one call per item) against its exact path (ijson):
the same items and the same failure for every body and chunking, including the bodies the fast path hands
over (not an array of objects, bad JSON, NaN, unpaired surrogate escapes, deep or container-heavy items,
numbers too long to read, trailing data) at every point of the array."""

from __future__ import annotations

import json
from typing import Any

import pytest

import np6
from np6._streaming import _BadStream, _Parser, _Stalled, _Truncated

OPERATION = "list_reactivities_of_all_notifications"
EVENT = b'{"type": "hit", "id": "a", "timestamp": 1, "x": [1, {"y": "z \\" ] } ["}]}'
DEEP = b'{"a": ' + b"[" * 70 + b"]" * 70 + b"}"
WIDE = b'{"a": [' + b",".join([b"[]"] * 80) + b"]}"  # 81 containers, 3 levels
BODIES = [
    b"[" + EVENT + b"," + EVENT + b"]",
    b" \n[ " + EVENT + b" ,\r\n\t" + EVENT + b" ] \n",
    b"[]",
    b"[ ]  ",
    b"",
    b"   ",
    b"{}",
    b"null",
    b"nul",
    b"[1]",
    b"[" + EVENT + b", [2]]",
    b"[" + EVENT + b", 3, " + EVENT + b"]",
    b"[" + EVENT + b",, " + EVENT + b"]",
    b"[" + EVENT + b" " + EVENT + b"]",
    b"[, " + EVENT + b"]",
    b"[" + EVENT + b",]",
    b"[" + EVENT + b"] trailing",
    b"[" + EVENT + b"]]",
    b"[" + EVENT + b", <html>]",
    b"[" + EVENT + b', {"a": NaN}]',
    b"[" + EVENT + b', {"a": -Infinity}]',
    b"[" + EVENT + b', {"a": tru}]',
    b"[" + EVENT + b', {"a": "\xff"}]',
    b"[" + EVENT + b', {"a": "\xed\xa0\x80"}]',
    b"[" + EVENT + b', {"a": "\x01"}]',
    b"[" + EVENT + b', {"a": "\\ud800"}, ' + EVENT + b"]",
    b"[" + EVENT + b', {"a": "\\ud800\\u0041"}, ' + EVENT + b"]",
    b"[" + EVENT + b', {"a": "\\udc00"}, ' + EVENT + b"]",
    b"[" + EVENT + b', {"a": "\\ud83d\\ude00 \\\\ud800"}, ' + EVENT + b"]",
    b"[" + EVENT + b', {"a": 1' + b"7" * 5000 + b"}]",
    b"[" + EVENT + b', {"a": 1.5, "b": 1e400, "c": -0, "d": ' + b"9" * 40 + b"}]",
    b"[" + EVENT + b", " + DEEP + b", " + EVENT + b"]",
    b"[" + EVENT + b", " + WIDE + b", " + EVENT + b"]",
    b"[" + EVENT + b", " + EVENT[:30],
    b"[" + EVENT + b",",
    b"[" + EVENT,
    b"[",
    b"[" + EVENT + b', {"a": "unterminated',
    b"[" + EVENT + b', {"a": "x\\',
]


def run(chunks: list[bytes], *, fast: bool, limits: np6.Limits = np6.DEFAULT_LIMITS) -> tuple[Any, ...]:
    parser = _Parser(OPERATION, sort=None, resume=None, raw=True, limits=limits)
    parser._fast = parser._fast and fast
    items: list[Any] = []
    for chunk in chunks:
        items += parser.feed(chunk)
        if parser.failure is not None:
            break
    else:
        items += parser.finish()
    failure = parser.failure
    if failure is None:
        return (items, None)
    # yajl's messages quote the bytes around the error from the piece it was fed: compare up to the quote
    reason = str(failure).split("\n")[0].split(" (")[0]
    limit = failure.limit if isinstance(failure, _BadStream) else None
    return (items, type(failure), reason, limit)


@pytest.mark.parametrize("size", [1, 3, 16, 10_000])
@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_the_fast_path_reads_as_the_exact_path(body: bytes, size: int) -> None:
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    fast, exact = run(chunks, fast=True), run(chunks, fast=False)
    if exact[1:] == (_BadStream, "the body holds a value that cannot be read", None):
        # the exact path drops the items of the piece that holds such a value; the fast path keeps them
        assert fast[1:] == exact[1:] and fast[0][: len(exact[0])] == exact[0]
    else:
        assert fast == exact


def test_the_fast_path_keeps_the_fast_path_for_valid_events_and_decodes_like_json() -> None:
    events = [
        {"type": "hit", "id": str(n), "timestamp": n, "s": 'é☃😀 \\ " ]}', "n": [1.5, 2**70]}
        for n in range(50)
    ]
    body = json.dumps(events).encode()
    parser = _Parser(OPERATION, sort=None, resume=None, raw=True)
    items = [item for start in range(0, len(body), 1000) for item in parser.feed(body[start : start + 1000])]
    assert parser._fast and parser.failure is None
    assert items + parser.finish() == events


def test_unfinished_items_past_the_hold_go_to_the_exact_path_bounded_by_max_event_size() -> None:
    limits = np6.Limits(max_event_size=16 * 1024)
    big = b'{"a": "' + b"x" * 40_000 + b'"}'
    parser = _Parser(OPERATION, sort=None, resume=None, raw=True, limits=limits)
    parser.feed(b"[" + EVENT + b", " + big[:5000])
    assert not parser._fast  # 5000 bytes unfinished > 4 pieces of 1 KiB
    parser.feed(big[5000:])
    assert isinstance(parser.failure, _BadStream) and parser.failure.limit == "max_event_size"


def test_a_cut_inside_an_item_is_truncation_not_bad_data() -> None:
    body = b"[" + EVENT + b", " + EVENT[:-3]
    items, kind, *_ = run([body], fast=True)
    assert kind is _Truncated and kind is not _Stalled
    assert items == [json.loads(EVENT)]
