"""Reading a response body within ``np6.Limits``: decoded here, counted, stopped early.

The client asks for ``gzip, deflate`` and decodes the raw bytes itself, a bounded piece at a time, so a
lying ``Content-Encoding`` is a typed error and a decompression bomb is stopped after at most one piece
(``PIECE`` bytes) beyond the limit, never inflated whole. ``json_too_deep`` measures nesting without parsing
(strings removed, then one pass per level), so parsing never recurses past ``max_depth``.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ._deadline import DeadlineExceeded

__all__ = [
    "ACCEPT_ENCODING",
    "BodyReader",
    "LimitExceeded",
    "Undecodable",
    "aiter_decoded",
    "iter_decoded",
    "json_too_deep",
]

ACCEPT_ENCODING = "gzip, deflate"
PIECE = 256 * 1024  # most decoded bytes produced from one call to the decompressor
_RATIO_FLOOR = 1024 * 1024  # small bodies may compress well: the ratio is checked past 1 MiB only


class LimitExceeded(Exception):
    """A bound was crossed (``limit`` names the ``Limits`` field)."""

    def __init__(self, limit: str, value: float, detail: str) -> None:
        super().__init__(detail)
        self.limit = limit
        self.value = value


class Undecodable(Exception):
    """The body is not in the encoding it claims (or in one the client did not ask for)."""


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self._name = "deflate" if encoding == "deflate" else "gzip"  # what the error says the body is not
        self._deflate = encoding == "deflate"
        wbits = zlib.MAX_WBITS | 16 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)
        self._fed = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            while True:
                out = self._zlib.decompress(data, PIECE)
                if out:
                    yield out
                data = self._zlib.unconsumed_tail
                if not data and len(out) < PIECE:
                    break
        except zlib.error as exc:
            if self._deflate and not self._fed:  # some servers send raw deflate without the zlib header
                self._deflate = False
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                yield from self.feed(data)
                return
            raise Undecodable(f"the body is not valid {self._name}: {exc}") from None
        self._fed = True

    def flush(self) -> bytes:
        if self._zlib.eof or not self._fed:
            return b""
        try:
            tail = self._zlib.flush()
        except zlib.error as exc:
            raise Undecodable(f"the compressed body is truncated: {exc}") from None
        if not _ended(self._zlib):  # (a call: flush() may have ended it; mypy keeps the narrowing above)
            raise Undecodable("the compressed body ends before its compressed stream does (truncated)")
        return tail


def _ended(inflater: Any) -> bool:
    return bool(inflater.eof)


class BodyReader:
    """Decodes and counts one body; ``feed`` raw chunks, get decoded pieces (raises ``LimitExceeded``)."""

    def __init__(
        self,
        headers: httpx.Headers,
        *,
        max_size: int,
        max_ratio: float,
        size_limit: str = "max_body_size",
        deadline: float | None = None,
    ) -> None:
        codings = [c.strip().lower() for c in headers.get("content-encoding", "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise Undecodable(f"unsupported Content-Encoding {headers.get('content-encoding')!r}")
        self._inflater = _Inflater(codings[0]) if codings else None
        self._max_size = max_size
        self._max_ratio = max_ratio
        self._size_limit = size_limit
        self._deadline = deadline
        self.raw = 0
        self.size = 0

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self._max_size:
            raise LimitExceeded(
                self._size_limit,
                self._max_size,
                f"the body is larger than {self._size_limit}={self._max_size}",
            )
        if self._inflater is not None and self.size > _RATIO_FLOOR and self.size > self._max_ratio * self.raw:
            raise LimitExceeded(
                "max_decompression_ratio",
                self._max_ratio,
                f"the body inflates more than max_decompression_ratio={self._max_ratio:g} times"
                f" ({self.raw} bytes received gave {self.size} and more): a decompression bomb",
            )
        return piece

    def feed(self, raw: bytes) -> Iterator[bytes]:
        if self._deadline is not None and time.monotonic() >= self._deadline:
            raise DeadlineExceeded("the attempt's total deadline has passed")
        self.raw += len(raw)
        if self._inflater is None:
            if raw:
                yield self._count(raw)
            return
        for piece in self._inflater.feed(raw):
            yield self._count(piece)

    def finish(self) -> Iterator[bytes]:
        if self._inflater is not None:
            tail = self._inflater.flush()
            if tail:
                yield self._count(tail)


def iter_decoded(response: httpx.Response, reader: BodyReader) -> Iterator[bytes]:
    """The decoded body of an open (streamed) response, through ``reader``'s bounds."""
    for raw in response.iter_raw():
        yield from reader.feed(raw)
    yield from reader.finish()


async def aiter_decoded(response: httpx.Response, reader: BodyReader) -> AsyncIterator[bytes]:
    async for raw in response.aiter_raw():
        for piece in reader.feed(raw):
            yield piece
    for piece in reader.finish():
        yield piece


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b"[]{}")
_NOT_QUOTE_OR_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
_NESTING = bytes.maketrans(b"[]{}", b"()()")  # the parser recurses on either kind alike


def _nesting(body: bytes) -> bytes:
    """The ``[]{}`` of ``body`` outside its complete JSON strings, as ``(`` and ``)``.

    With no backslash, a string cannot hold a quote: once everything but quotes and brackets is deleted,
    the text outside strings is every other piece between quotes (C translate and split instead of the
    regex: a 1,000-result send answer of 150 kB, about 5x faster). An odd number of quotes (an unterminated
    string, which the regex keeps) or any backslash goes to the regex.
    """
    if b"\\" not in body:
        pieces = body.translate(None, _NOT_QUOTE_OR_STRUCTURE).split(b'"')
        if len(pieces) % 2:
            return b"".join(pieces[::2]).translate(_NESTING)
    return _STRING.sub(b"", body).translate(_NESTING, _NOT_STRUCTURE)


def json_too_deep(body: bytes, max_depth: int) -> bool:
    """Whether the JSON text nests arrays/objects deeper than ``max_depth`` (strings do not count)."""
    if body.count(b"[") + body.count(b"{") <= max_depth:
        # Nesting never exceeds the number of openers (strings only remove some): the common answer of a
        # few kB, found by two C scans instead of the regex and the passes below.
        return False
    structure = _nesting(body)
    levels = 0  # innermost levels removed so far: one ``replace`` removes exactly one
    while structure and levels <= max_depth:
        inner = structure.replace(b"()", b"")
        if len(inner) == len(structure):
            # Unbalanced (truncated or malformed): what is left can only nest as deep as its openers.
            return levels + structure.count(b"(") > max_depth
        structure = inner
        levels += 1
    return levels > max_depth
