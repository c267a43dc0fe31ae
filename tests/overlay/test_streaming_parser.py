"""The stream parser without a server: items built from ijson's events equal ``json.loads``, whatever the
chunking, and its bounds count what they say."""

from __future__ import annotations

import json
from typing import Any

import pytest

import np6
from np6._streaming import _BadStream, _Parser

OPERATION = "list_reactivities_of_all_notifications"

TRICKY = [
    {"type": "hit", "id": "a", "timestamp": 1, "nested": {"l": [[], {}, [{}], [[1, 2], {"x": None}]]}},
    {"type": "hit", "s": 'brackets [{ in "strings" }] \\ \u00e9\u2603 \U0001f600', "t": True, "f": False},
    {"type": "hit", "n": [1.5, -0.0, 2**70, -(2**64), 1e300, 0], "e": {}, "a": []},
    {},
]


def run(chunks: list[bytes], *, limits: np6.Limits = np6.DEFAULT_LIMITS) -> tuple[list[Any], Any]:
    """Every raw item, and the parser's failure (None if the body was fine)."""
    parser = _Parser(OPERATION, sort=None, resume=None, raw=True, limits=limits)
    items: list[Any] = []
    for chunk in chunks:
        items += parser.feed(chunk)
        if parser.failure is not None:
            return items, parser.failure
    items += parser.finish()
    return items, parser.failure


@pytest.mark.parametrize("ascii", [True, False], ids=["escaped", "utf8"])
@pytest.mark.parametrize("size", [1, 2, 7, 64, 10_000])
def test_items_equal_json_loads_whatever_the_chunking(size: int, ascii: bool) -> None:
    body = json.dumps(TRICKY, ensure_ascii=ascii).encode()
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    items, failure = run(chunks)
    assert failure is None
    assert items == json.loads(body)
    assert [type(v) for v in items[2]["n"]] == [float, float, int, int, float, int]


def test_an_empty_chunk_is_not_the_end_of_the_body() -> None:
    body = json.dumps(TRICKY).encode()
    items, failure = run([b"", body[:10], b"", body[10:], b""])
    assert (items, failure) == (json.loads(body), None)


def test_a_chunk_larger_than_a_piece_yields_every_item() -> None:
    events = [{"type": "hit", "n": n, "pad": "p" * 200} for n in range(5000)]  # ~1 MB in one chunk
    items, failure = run([json.dumps(events).encode()])
    assert (items, failure) == (events, None)


def test_space_between_events_counts_but_not_after_the_array() -> None:
    limits = np6.Limits(max_event_size=16 * 1024)
    items, failure = run([b"[{}," + b" " * 20_000 + b"{}]"], limits=limits)
    assert items == [{}]
    assert isinstance(failure, _BadStream) and failure.limit == "max_event_size"
    items, failure = run([b"[{}, {}]", b" " * 40_000, b"\n"], limits=limits)
    assert (items, failure) == ([{}, {}], None)


def test_the_depth_is_counted_back_down() -> None:
    """Many shallow items in a row never add up to a deep one."""
    limits = np6.Limits(max_depth=3)
    body = json.dumps([{"a": [1]}] * 1000).encode()
    items, failure = run([body], limits=limits)
    assert failure is None and len(items) == 1000
    items, failure = run([b'[{"a": [1]}, {"a": [[1]]}]'], limits=limits)
    assert items == [{"a": [1]}]
    assert isinstance(failure, _BadStream) and (failure.limit, failure.value) == ("max_depth", 3)
