"""Unit tests of the pieces under the boundary: bounded decoding, the depth measure, redaction."""

from __future__ import annotations

import json
import zlib

import httpx
import pytest

from leaks import assert_no_key
from np6._reading import PIECE, BodyReader, LimitExceeded, Undecodable, json_too_deep
from np6._redact import Secret, redact, scrub_request


@pytest.mark.parametrize(
    ("body", "max_depth", "too_deep"),
    [
        (b"1", 0, False),
        (b"[]", 0, True),
        (b"[]", 1, False),
        (b'{"a": {}}', 1, True),
        (b'{"a": {}}', 2, False),
        (b'["[[[[", "{{{{"]', 1, False),  # brackets inside strings do not count
        (b'["\\"[[[["]', 1, False),  # nor after an escaped quote
        (b"[[],[[]]]", 2, True),
        (b"[[],[[]]]", 3, False),
        (b'[{"a": [1, {"b": "]]]"}]}]', 4, False),
        (b'[{"a": [1, {"b": "]]]"}]}]', 3, True),
        (b"[[[", 2, True),  # truncated: its openers count
        (b"[[[", 3, False),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, 64, True),
        (b'{"a":' * 64 + b"1" + b"}" * 64, 64, False),
        (b'{"a":' * 65 + b"1" + b"}" * 65, 64, True),
    ],
)
def test_json_too_deep(body: bytes, max_depth: int, too_deep: bool) -> None:
    assert json_too_deep(body, max_depth) is too_deep


def _reader(encoding: str | None, **kwargs: object) -> BodyReader:
    headers = httpx.Headers({"content-encoding": encoding} if encoding else {})
    options: dict = {"max_size": 10 * 1024 * 1024, "max_ratio": 200, **kwargs}  # type: ignore[type-arg]
    return BodyReader(headers, **options)


def _decode(reader: BodyReader, data: bytes, step: int = 1000) -> bytes:
    out = b"".join(piece for i in range(0, len(data), step) for piece in reader.feed(data[i : i + step]))
    return out + b"".join(reader.finish())


@pytest.mark.parametrize("wbits", [31, 15, -15], ids=["gzip", "zlib deflate", "raw deflate"])
def test_gzip_and_both_deflates_decode(wbits: int) -> None:
    data = json.dumps([{"i": i} for i in range(5000)]).encode()
    comp = zlib.compressobj(6, zlib.DEFLATED, wbits)
    encoded = comp.compress(data) + comp.flush()
    reader = _reader("gzip" if wbits == 31 else "deflate")
    assert _decode(reader, encoded) == data
    assert (reader.raw, reader.size) == (len(encoded), len(data))


def test_identity_counts_and_stops_at_max_size() -> None:
    reader = _reader(None, max_size=2500)
    with pytest.raises(LimitExceeded) as info:
        _decode(reader, b"x" * 5000)
    assert info.value.limit == "max_body_size"
    assert reader.size <= 3000  # stopped at the chunk that crossed


def test_a_bomb_stops_after_one_piece_beyond_the_ratio() -> None:
    bomb = zlib.compress(b" " * (64 * 1024 * 1024), wbits=31)
    reader = _reader("gzip", max_size=1 << 40)
    with pytest.raises(LimitExceeded) as info:
        _decode(reader, bomb, step=64 * 1024)
    assert info.value.limit == "max_decompression_ratio"
    # stopped within one piece of ratio x bytes received, not at the 64 MiB it inflates to
    assert reader.size <= 200 * reader.raw + PIECE < 64 * 1024 * 1024


@pytest.mark.parametrize("encoding", ["br", "gzip, gzip", "compress", "zstd"])
def test_encodings_the_client_did_not_ask_for_are_refused(encoding: str) -> None:
    with pytest.raises(Undecodable):
        _reader(encoding)


def test_plain_text_claiming_gzip_is_undecodable() -> None:
    with pytest.raises(Undecodable):
        _decode(_reader("gzip"), b'{"not": "gzip"}')


def test_a_truncated_gzip_body_is_undecodable() -> None:
    encoded = zlib.compress(b"x" * 100_000, wbits=31)
    with pytest.raises(Undecodable):
        _decode(_reader("gzip"), encoded[: len(encoded) // 2])


@pytest.mark.parametrize("key", ["a", "/", '"', "\\", "%", 'k"e/y\\%+ &<', "x" * 64])
def test_redact_removes_every_form_of_any_key(key: str) -> None:
    forms = [
        key,
        json.dumps(key)[1:-1],
        json.dumps(key).replace("/", "\\/")[1:-1],
        "".join(f"\\u{ord(c):04x}" for c in key),
        repr(key)[1:-1],
    ]
    text = "start " + " | ".join(forms) + " end"
    cleaned = redact(text, key)
    assert_no_key(cleaned, key, baseline=redact(text.replace(key, "Q" * len(key)), "Q" * len(key)))
    assert Secret(key).redact(text) == cleaned
    assert repr(Secret(key)) == str(Secret(key)) == "'***'"


def test_scrub_request_removes_the_key_header_and_userinfo_in_place() -> None:
    request = httpx.Request("GET", "http://user:pw@127.0.0.1:9/x", headers={"X-Key": "sk-1"})
    scrub_request(request)
    assert "x-key" not in request.headers
    assert request.url.userinfo == b""
