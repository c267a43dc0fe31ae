"""``_reading``'s bounds at their edges (issue 16): each test fails on a mutant that
tests/hostile/test_reading.py lets live (a bound crossed one byte early or late, a documented size changed, a
check that never fires).

Bodies are built so a bound is met exactly: a body of exactly ``max_size`` bytes, a gzip body inflating to
exactly 1 MiB (the size past which the ratio is checked), one inflating exactly ``max_ratio`` times.
"""

from __future__ import annotations

import asyncio
import gzip
import zlib
from types import SimpleNamespace

import httpx
import pytest

from np6 import _reading
from np6._deadline import DeadlineExceeded
from np6._reading import (
    ACCEPT_ENCODING,
    PIECE,
    BodyReader,
    LimitExceeded,
    Undecodable,
    aiter_decoded,
    iter_decoded,
    json_too_deep,
)

MiB = 1024 * 1024


def reader(
    encoding: str | None = None, *, max_size: int = 1 << 40, max_ratio: float = 1000.0, **kw: object
) -> BodyReader:
    headers = httpx.Headers({"content-encoding": encoding} if encoding is not None else {})
    return BodyReader(headers, max_size=max_size, max_ratio=max_ratio, **kw)  # type: ignore[arg-type]


def decode(r: BodyReader, data: bytes, step: int | None = None) -> list[bytes]:
    """The pieces ``r`` yields for ``data`` fed in chunks of ``step`` bytes (whole when None)."""
    step = step or max(len(data), 1)
    pieces = [p for i in range(0, len(data), step) for p in r.feed(data[i : i + step])]
    return pieces + list(r.finish())


def test_the_documented_sizes() -> None:
    assert PIECE == 262_144
    assert _reading._RATIO_FLOOR == 1_048_576
    assert ACCEPT_ENCODING == "gzip, deflate"


def test_a_large_body_is_inflated_one_piece_at_a_time() -> None:
    data = b"a" * (3 * PIECE + 10)
    pieces = decode(reader("gzip"), gzip.compress(data))
    assert b"".join(pieces) == data
    assert [len(p) for p in pieces] == [262_144, 262_144, 262_144, 10]


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "GZIP", " gzip ", "identity, gzip", "gzip,identity"])
def test_gzip_under_each_spelling_is_decoded(encoding: str) -> None:
    r = reader(encoding)
    assert b"".join(decode(r, gzip.compress(b'{"a": 1}'))) == b'{"a": 1}'


@pytest.mark.parametrize("encoding", ["identity", "", "IDENTITY"])
def test_identity_passes_bytes_through(encoding: str) -> None:
    r = reader(encoding, max_ratio=0.5)  # never checked without an encoding, whatever the ratio
    data = b"x" * (2 * MiB)
    assert b"".join(decode(r, data, step=MiB)) == data
    assert (r.raw, r.size) == (2 * MiB, 2 * MiB)


@pytest.mark.parametrize("encoding", ["gzip, gzip", "gzip, deflate", "br", "identity, br"])
def test_more_than_one_coding_or_an_unknown_one_is_refused(encoding: str) -> None:
    with pytest.raises(Undecodable, match="unsupported Content-Encoding"):
        reader(encoding)


def test_empty_chunks_yield_nothing() -> None:
    r = reader()
    assert decode(r, b"") == []
    assert list(r.feed(b"")) == []
    assert list(r.feed(b"ab")) == [b"ab"]


def test_an_empty_gzip_body_is_empty_not_truncated() -> None:
    r = reader("gzip")
    assert decode(r, b"") == []
    assert list(reader("deflate").finish()) == []


def test_a_body_of_exactly_max_size_is_read_one_byte_more_is_not() -> None:
    assert b"".join(decode(reader(max_size=100), b"x" * 100, step=30)) == b"x" * 100
    r = reader(max_size=100)
    with pytest.raises(LimitExceeded) as info:
        decode(r, b"x" * 101, step=30)
    assert (info.value.limit, info.value.value) == ("max_body_size", 100)
    assert str(info.value) == "the body is larger than max_body_size=100"


def test_the_size_limit_is_named_as_given() -> None:
    r = reader(max_size=3, size_limit="max_error_body_size")
    with pytest.raises(LimitExceeded) as info:
        decode(r, b"abcd")
    assert (info.value.limit, info.value.value) == ("max_error_body_size", 3)
    assert "max_error_body_size=3" in str(info.value)


def test_decoded_pieces_count_towards_max_size() -> None:
    data = b"z" * 5000
    assert b"".join(decode(reader("gzip", max_size=5000), gzip.compress(data))) == data
    with pytest.raises(LimitExceeded, match="max_body_size=4999"):
        decode(reader("gzip", max_size=4999), gzip.compress(data))


def test_the_ratio_is_not_checked_up_to_1_mib() -> None:
    r = reader("gzip", max_ratio=1.0)  # 1 MiB of spaces gzips to about a kilobyte
    assert len(b"".join(decode(r, gzip.compress(b" " * MiB)))) == MiB
    with pytest.raises(LimitExceeded) as info:
        decode(reader("gzip", max_ratio=1.0), gzip.compress(b" " * (MiB + 1)))
    assert (info.value.limit, info.value.value) == ("max_decompression_ratio", 1.0)
    assert "max_decompression_ratio=1 times" in str(info.value)


def _gzip_of_length(data: bytes, length: int) -> bytes:
    """``data`` gzipped into exactly ``length`` bytes: the header's extra field (FEXTRA) takes up the rest."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = comp.compress(data) + comp.flush()
    trailer = zlib.crc32(data).to_bytes(4, "little") + (len(data) % 2**32).to_bytes(4, "little")
    xlen = length - (10 + 2 + len(deflated) + len(trailer))
    assert 0 <= xlen < 65536
    header = b"\x1f\x8b\x08\x04" + b"\x00" * 4 + b"\x00\xff" + xlen.to_bytes(2, "little") + b"x" * xlen
    return header + deflated + trailer


def _body_inflating_exactly() -> tuple[bytes, bytes, int]:
    """(data, its gzip, k): 2 MiB that inflate from exactly 1/k of their size (k = 512)."""
    data = b" " * (2 * MiB)
    encoded = _gzip_of_length(data, 4096)
    assert gzip.decompress(encoded) == data
    return data, encoded, len(data) // len(encoded)


def test_a_body_inflating_exactly_max_ratio_times_is_read() -> None:
    data, encoded, k = _body_inflating_exactly()
    assert b"".join(decode(reader("gzip", max_ratio=k), encoded)) == data
    with pytest.raises(LimitExceeded, match="max_decompression_ratio"):
        decode(reader("gzip", max_ratio=k - 0.001), encoded)


def test_the_ratio_compares_decoded_with_received_bytes() -> None:
    data, encoded, k = _body_inflating_exactly()
    r = reader("gzip", max_ratio=k + 0.5)
    assert b"".join(decode(r, encoded, step=1000)) == data
    assert (r.raw, r.size) == (len(encoded), len(data))


class _Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def monotonic(self) -> float:
        return self.now


@pytest.mark.parametrize(("now", "expired"), [(99.0, False), (100.0, True), (101.0, True)])
def test_the_deadline_is_checked_before_each_chunk(
    monkeypatch: pytest.MonkeyPatch, now: float, expired: bool
) -> None:
    clock = _Clock(now)
    monkeypatch.setattr(_reading, "time", SimpleNamespace(monotonic=clock.monotonic))
    r = reader(deadline=100.0)
    if expired:
        with pytest.raises(DeadlineExceeded, match="total deadline has passed"):
            list(r.feed(b"abc"))
        assert r.raw == 0
    else:
        assert list(r.feed(b"abc")) == [b"abc"]


def test_no_deadline_never_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_reading, "time", SimpleNamespace(monotonic=lambda: 1e12))
    assert list(reader().feed(b"abc")) == [b"abc"]


def test_plain_text_claiming_gzip_or_deflate_says_which() -> None:
    with pytest.raises(Undecodable, match="not valid gzip"):
        decode(reader("gzip"), b"\x00\x01 not gzip at all")
    with pytest.raises(Undecodable, match="not valid gzip"):
        decode(reader("x-gzip"), b"\x00\x01 not gzip at all")


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_body_corrupt_after_its_first_chunk_says_which_encoding(encoding: str) -> None:
    data = bytes(range(256)) * 400
    encoded = bytearray(gzip.compress(data) if encoding == "gzip" else zlib.compress(data))
    encoded[200:260] = b"\xff" * 60
    r = reader(encoding)
    with pytest.raises(Undecodable, match=f"the body is not valid {encoding}: "):
        decode(r, bytes(encoded), step=100)


def test_neither_zlib_nor_raw_deflate_is_undecodable_deflate() -> None:
    # 0xff: not a zlib header, and as raw deflate a block of the reserved type 3: both attempts fail once.
    with pytest.raises(Undecodable, match="the body is not valid deflate: "):
        decode(reader("deflate"), b"\xff\xff\xff\xff")


def test_each_feed_yields_all_that_its_bytes_decode() -> None:
    """Nothing decodable is held back for the next chunk (a stream's event would wait for more bytes):
    checked on every cut of a body whose output crosses a piece boundary in the middle of a match."""
    data = b"a" * (PIECE + 5000)
    encoded = gzip.compress(data)
    for cut in range(20, len(encoded)):
        expected = zlib.decompressobj(31).decompress(encoded[:cut])
        got = b"".join(reader("gzip").feed(encoded[:cut]))
        assert len(got) == len(expected), cut


def test_raw_deflate_is_decoded_when_the_zlib_header_is_missing() -> None:
    data = b"raw deflate " * 1000
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    encoded = comp.compress(data) + comp.flush()
    r = reader("deflate")
    assert b"".join(decode(r, encoded, step=7)) == data
    assert (r.raw, r.size) == (len(encoded), len(data))


def test_a_truncated_deflate_body_is_undecodable() -> None:
    encoded = zlib.compress(b"y" * 100_000)
    with pytest.raises(Undecodable, match="truncated"):
        decode(reader("deflate"), encoded[: len(encoded) // 2])


def test_a_gzip_body_cut_after_its_last_byte_of_data_is_truncated() -> None:
    encoded = gzip.compress(b"q" * 1000)
    with pytest.raises(Undecodable, match="truncated"):
        decode(reader("gzip"), encoded[:-4])  # the length trailer missing


def test_limit_exceeded_keeps_what_it_was_given() -> None:
    exc = LimitExceeded("max_depth", 64, "too deep")
    assert (exc.limit, exc.value, str(exc), exc.args) == ("max_depth", 64, "too deep", ("too deep",))


def _response(body: bytes, encoding: str | None) -> httpx.Response:
    headers = {"content-encoding": encoding} if encoding else {}
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_iter_decoded_and_aiter_decoded_give_the_decoded_body(encoding: str | None) -> None:
    data = b"[" + b"1," * 200_000 + b"1]"
    body = gzip.compress(data) if encoding else data
    r = reader(encoding)
    assert b"".join(iter_decoded(_response(body, encoding), r)) == data
    assert (r.raw, r.size) == (len(body), len(data))

    async def collect() -> bytes:
        ra = reader(encoding)
        return b"".join([piece async for piece in aiter_decoded(_response(body, encoding), ra)])

    assert asyncio.run(collect()) == data


@pytest.mark.parametrize("decoder", ["sync", "async"])
def test_iter_decoded_finishes_the_body(decoder: str) -> None:
    encoded = gzip.compress(b"w" * 10_000)[:-4]  # truncated: only finish() can tell
    response = _response(encoded, "gzip")
    with pytest.raises(Undecodable, match="truncated"):
        if decoder == "sync":
            list(iter_decoded(response, reader("gzip")))
        else:

            async def drain() -> None:
                async for _ in aiter_decoded(response, reader("gzip")):
                    pass

            asyncio.run(drain())


@pytest.mark.parametrize(
    ("body", "max_depth", "too_deep"),
    [
        (b"1", 0, False),
        (b'"[[[["', 0, False),
        (b"[1]", 0, True),
        (b"[1]", 1, False),
        (b'{"a":1}', 0, True),
        (b'{"a":1}', 1, False),
        (b"[[]", 1, True),  # unbalanced after one level removed: 1 + 1 opener
        (b"[[]", 2, False),
        (b"[[[]", 2, True),
        (b"[[[]", 3, False),
        (b"[]]", 0, True),  # more closers than openers: not deeper than what was removed
        (b"[]]", 1, False),
        (b"[[]]", 1, True),
        (b"[[]]", 2, False),
        (b"[][][]", 1, False),
        (b"[[],[1]]", 2, False),  # what is not a bracket is dropped before the levels are removed
        (b"[[],[1]]", 1, True),
        (b"[][][[", 3, False),  # unbalanced, more openers than levels: 1 removed + 2 left open
        (b"[][][[", 2, True),
        (b"[[]][[[]]]", 2, True),
        (b"[[]][[[]]]", 3, False),
    ],
)
def test_json_too_deep_at_its_edges(body: bytes, max_depth: int, too_deep: bool) -> None:
    assert json_too_deep(body, max_depth) is too_deep
