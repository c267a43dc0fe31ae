"""The stream parser's fast path (``json``'s C scanner, one call per item) against its exact path (ijson):
the same items and the same failure for every body and chunking, including the bodies the fast path hands
over (not an array of objects, bad JSON, NaN, unpaired surrogate escapes, deep or container-heavy items,
numbers too long to read, trailing data) at every point of the array."""

from __future__ import annotations

import json
from typing import Any

import httpx
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


def parser_for(limits: np6.Limits = np6.DEFAULT_LIMITS) -> _Parser:
    return _Parser(OPERATION, sort=None, resume=None, raw=True, limits=limits)


def test_the_hold_is_four_pieces_of_unfinished_text() -> None:
    limits = np6.Limits(max_event_size=16 * 1024)  # pieces of 1 KiB: a hold of 4096 characters
    for unfinished, fast in ((4096, True), (4097, False)):
        parser = parser_for(limits)
        head = b'[{"a": "'
        parser.feed(head + b"x" * (unfinished - len(head) + 1))  # the "[" is not held
        assert parser._fast is fast, unfinished
        assert parser.failure is None


def test_unfinished_whitespace_before_the_array_is_held_up_to_the_hold() -> None:
    limits = np6.Limits(max_event_size=16 * 1024)
    for blanks, fast in ((4096, True), (4097, False)):
        parser = parser_for(limits)
        parser.feed(b" " * blanks)
        assert parser._fast is fast, blanks
        assert parser.feed(b"[" + EVENT + b"]") == [json.loads(EVENT)]
        assert parser.finish() == [] and parser.failure is None


def test_items_with_max_depth_minus_one_containers_stay_on_the_fast_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exact: list[str] = []
    original = _Parser._exactly

    def spy(self: _Parser, item: str) -> Any:
        exact.append(item)
        return original(self, item)

    monkeypatch.setattr(_Parser, "_exactly", spy)
    limits = np6.Limits(max_depth=5)
    four = b'{"a": [{}, []]}'  # 4 containers, 4 levels with the array
    five = b'{"a": [{}, []], "b": {}}'  # 5 containers, still 4 levels
    too_deep = b'{"a": [[[[]]]]}'  # 5 containers, 6 levels
    parser = parser_for(limits)
    items = parser.feed(b"[" + four + b", " + five + b", " + too_deep + b"]")
    assert items == [json.loads(four), json.loads(five)]
    assert exact == [five.decode(), too_deep.decode()]
    assert isinstance(parser.failure, _BadStream) and parser.failure.limit == "max_depth"


def test_only_items_escaping_surrogates_take_the_exact_path(monkeypatch: pytest.MonkeyPatch) -> None:
    exact: list[str] = []
    original = _Parser._exactly

    def spy(self: _Parser, item: str) -> Any:
        exact.append(item)
        return original(self, item)

    monkeypatch.setattr(_Parser, "_exactly", spy)
    pair = b'{"a": "\\ud83d\\ude00"}'
    parser = parser_for()
    items = parser.feed(b"[" + EVENT + b", " + pair + b", " + EVENT + b"]")
    assert items == [json.loads(EVENT), {"a": "\U0001f600"}, json.loads(EVENT)]
    assert exact == [pair.decode()] and parser._fast


def test_bad_data_is_reported_when_it_arrives_not_when_the_body_ends() -> None:
    for bad, before in ((b'{"a": tru}, ', []), (b'{"a": NaN, ', []), (b'{"a": 1} {', [{"a": 1}])):
        parser = parser_for()
        assert parser.feed(b"[" + EVENT + b", " + bad) == [json.loads(EVENT), *before]
        assert isinstance(parser.failure, _BadStream), bad


def test_an_unfinished_item_waits_on_the_fast_path() -> None:
    for cut in (b'{"a": tr', b'{"a": "x', b'{"a": -', b'{"a": [1, {"b": 2', b'{"a": 1.'):
        parser = parser_for()
        assert parser.feed(b"[" + EVENT + b", " + cut) == [json.loads(EVENT)]
        assert parser._fast and parser.failure is None, cut


def test_an_unfinished_item_with_too_many_containers_goes_to_the_exact_path_at_once() -> None:
    limits = np6.Limits(max_depth=5)
    parser = parser_for(limits)
    assert parser.feed(b'[{"a": [{}, {}, {}, {}, ') == []  # 6 containers, 4 levels: the exact path counts
    assert not parser._fast and parser.failure is None
    assert parser.feed(b"{}]}]") == [{"a": [{}] * 5}]
    assert parser.finish() == [] and parser.failure is None


def test_a_max_depth_below_two_reads_everything_on_the_exact_path() -> None:
    parser = parser_for(np6.Limits(max_depth=1))
    assert not parser._fast
    assert parser.feed(b"[]") == [] and parser.finish() == [] and parser.failure is None
    assert parser_for(np6.Limits(max_depth=2))._fast


def test_bytes_split_inside_a_utf8_character_are_decoded_whole() -> None:
    body = '[{"a": "é☃😀"}]'.encode()
    parser = parser_for()
    items = [item for byte in range(len(body)) for item in parser.feed(body[byte : byte + 1])]
    assert items + parser.finish() == [{"a": "é☃😀"}] and parser._fast
    parser = parser_for()
    assert parser.feed(body[:10]) == []  # ends inside "é"... then the stream is cut
    assert parser.finish() == [] and isinstance(parser.failure, _Truncated)


# ------------------------------------------------------------------ the exact path's own rules, fed directly
def exact_parser(limits: np6.Limits = np6.DEFAULT_LIMITS) -> _Parser:
    parser = parser_for(limits)
    parser._fast = False
    return parser


def test_the_exact_path_allows_exactly_max_event_size_bytes_without_a_complete_event() -> None:
    limits = np6.Limits(max_event_size=1024)  # pieces of 64 bytes
    for extra, failed in ((0, False), (1, True)):
        parser = exact_parser(limits)
        assert parser.feed(b"[{},") == [{}]  # a piece that completes an item: nothing pending
        text = b'{"a": "' + b"x" * (1024 + extra - 7)  # 1024 (+1) bytes that complete nothing
        for start in range(0, len(text), 64):
            parser.feed(text[start : start + 64])
        assert (parser.failure is not None) is failed, extra
        if not failed:
            assert parser.feed(b'"}]') == [{"a": "x" * 1017}]
            assert parser.finish() == [] and parser.failure is None


def test_bad_json_on_the_exact_path_keeps_ijsons_error_as_the_cause() -> None:
    import ijson  # type: ignore[import-untyped]

    parser = exact_parser()
    parser.feed(b'[{"a": tru}]')
    assert isinstance(parser.failure, _BadStream)
    assert isinstance(parser.failure.__cause__, ijson.JSONError)


def test_a_cut_body_is_named_as_such_not_by_its_class() -> None:
    parser = parser_for()
    parser.feed(b"[" + EVENT)
    parser.finish()
    assert isinstance(parser.failure, _Truncated)
    request = httpx.Request("GET", "https://np6.test/notifications/reactivities")
    error = parser.interrupted(httpx.Response(200, request=request), parser.failure)
    assert "): the body ended before the JSON array was closed." in str(error)
    assert "_Truncated" not in str(error)


def test_one_line_keeps_300_characters_and_cuts_the_301st() -> None:
    from np6._streaming import _one_line

    assert _one_line(ValueError("x" * 300)) == "x" * 300
    assert _one_line(ValueError("x" * 301)) == "x" * 300 + "..."


def test_a_number_too_long_to_read_at_the_end_of_the_body_is_bad_data() -> None:
    parser = exact_parser()
    assert parser.feed(b'[{"a": 1' + b"7" * 5000) == []  # yajl reads the number only when the body ends
    assert parser.finish() == []
    failure = parser.failure
    assert isinstance(failure, _BadStream) and failure.limit is None
    assert failure.reason.startswith("the body holds a value that cannot be read (")
    assert isinstance(failure.__cause__, (ValueError, SystemError))  # as the C backend raises it
