"""The shipped behaviours of the hostile server: factories returning handlers (``server.route(prefix, h)``).

Each one does a single wrong thing a broken proxy or an attacker could do; ``install`` registers them all
under their usual prefixes.
"""

from __future__ import annotations

import asyncio
import functools
import json
import struct
import urllib.parse
import zlib
from collections.abc import Callable

from .server import Conn, Handler, HostileServer, Request

__all__ = ["MiB", "install"]

MiB = 1024 * 1024
_CHUNK = 256 * 1024


async def _stream(conn: Conn, size: int, fill: bytes = b" ") -> None:
    """``size`` bytes of ``fill`` without holding them: a huge body costs the server nothing."""
    block = fill * (_CHUNK // len(fill))
    left = size
    while left > 0:
        part = block[: min(left, len(block))]
        await conn.write(part)
        left -= len(part)


def ok(body: object = None, status: int = 200) -> Handler:
    """An honest JSON answer (``{}`` by default)."""
    data = json.dumps({} if body is None else body).encode()

    async def handler(request: Request, conn: Conn) -> None:
        await conn.respond(status, data, [("Content-Type", "application/json")])

    return handler


def gzip_lie() -> Handler:
    """Says ``Content-Encoding: gzip``; the body is plain JSON."""
    return _with_headers(b'{"id": "not gzip at all"}', [("Content-Encoding", "gzip")])


def _with_headers(body: bytes, headers: list[tuple[str, str]], status: int = 200) -> Handler:
    async def handler(request: Request, conn: Conn) -> None:
        await conn.respond(status, body, [("Content-Type", "application/json"), *headers])

    return handler


@functools.cache
def bomb_bytes(decompressed: int) -> bytes:
    """gzip of ``decompressed`` spaces (valid JSON whitespace), about 1 kB per MB, built in well under 1 s.

    One MB is deflated once with a full flush (a unit that decompresses the same wherever it sits) and the
    unit repeated; the gzip header and trailer (CRC-32 and size) are written here.
    """
    block = b" " * MiB
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp.compress(block)
    first = comp.flush(zlib.Z_FULL_FLUSH)
    comp.compress(block)
    unit = comp.flush(zlib.Z_FULL_FLUSH)
    count = decompressed // MiB
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    end = b"\x03\x00"  # an empty final stored block
    trailer = struct.pack("<II", crc, (count * MiB) & 0xFFFFFFFF)
    return header + first + unit * (count - 1) + end + trailer


def gzip_bomb(decompressed: int = 512 * MiB) -> Handler:
    """A small gzip body that inflates to ``decompressed`` bytes."""

    async def handler(request: Request, conn: Conn) -> None:
        body = bomb_bytes(decompressed)
        await conn.respond(200, body, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])

    return handler


def drip(interval: float = 1.0, total: int = 100_000, status: int = 200) -> Handler:
    """Announces ``total`` bytes, then one every ``interval`` s (a per-read timeout never fires)."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.head(status, [("Content-Type", "application/json"), ("Content-Length", str(total))])
        for _ in range(total):
            await conn.write(b" ")
            await asyncio.sleep(interval)

    return handler


def drip_headers(interval: float = 1.0) -> Handler:
    """The status line and headers themselves, one byte every ``interval`` seconds (never complete)."""

    async def handler(request: Request, conn: Conn) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + b"X-Pad: " + b"a" * 10_000
        for byte in head:
            await conn.write(bytes([byte]))
            await asyncio.sleep(interval)

    return handler


def deep(levels: int = 100_000) -> Handler:
    """One JSON object nested ``levels`` deep (about 6 bytes a level)."""
    body = b'{"a":' * levels + b"1" + b"}" * levels
    return _with_headers(body, [])


def huge(size: int = 300 * MiB, status: int = 200) -> Handler:
    """A well-formed JSON string of ``size`` bytes, announced with its Content-Length."""

    async def handler(request: Request, conn: Conn) -> None:
        head, tail = b'{"id": "', b'"}'
        headers = [("Content-Type", "application/json"), ("Content-Length", str(size)), ("Retry-After", "0")]
        await conn.head(status, headers)
        await conn.write(head)
        await _stream(conn, size - len(head) - len(tail), b"a")
        await conn.write(tail)

    return handler


def redirect(location: Callable[[Request], str], status: int = 302) -> Handler:
    """``status`` with ``Location: location(request)``."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.respond(status, b"", [("Location", location(request))])

    return handler


def status_from_path() -> Handler:
    """``/status/<code>/...``: that status, with ``{}`` when it may carry a body (302 to ``/record``)."""

    async def handler(request: Request, conn: Conn) -> None:
        code = int(request.path.split("/")[2])
        if code in (204, 304):
            await conn.respond(code, b"", [("Content-Length", "0")])
        elif 300 <= code < 400:
            await conn.respond(code, b"", [("Location", "/record/elsewhere")])
        else:
            await conn.respond(code, b"{}", [("Content-Type", "application/json")])

    return handler


def fail_after_read(status: int = 500) -> Handler:
    """Reads the whole request (NP6 may have acted on it), then answers ``status``."""
    return _with_headers(b'{"message": "boom after acting"}', [], status)


def cut_after_read() -> Handler:
    """Reads the whole request, then drops the connection without a word."""

    async def handler(request: Request, conn: Conn) -> None:
        conn.cut()

    return handler


def cut_after_headers() -> Handler:
    """A 200 announcing 1000 bytes, 10 of them, then the connection drops."""

    async def handler(request: Request, conn: Conn) -> None:
        await conn.head(200, [("Content-Type", "application/json"), ("Content-Length", "1000")])
        await conn.write(b'{"id": "ab')
        await asyncio.sleep(0.05)
        conn.cut()

    return handler


def key_echo_forms(key: str) -> list[str]:
    """The key as a careless server might echo it."""
    return [
        key,
        json.dumps(key)[1:-1],
        json.dumps(key, ensure_ascii=True).replace("/", "\\/")[1:-1],
        "".join(f"\\u{ord(c):04x}" for c in key),
        urllib.parse.quote(key, safe=""),
        urllib.parse.quote_plus(key),
    ]


def echo_key(status: int = 400) -> Handler:
    """Echoes the X-Key it received in every form, in the body and in a header (a server bug to survive)."""

    async def handler(request: Request, conn: Conn) -> None:
        key = request.header("x-key") or ""
        body = "bad key:\n" + "\n".join(key_echo_forms(key))
        safe = urllib.parse.quote(key, safe="")
        await conn.respond(status, body.encode(), [("Content-Type", "text/plain"), ("X-Echo", safe)])

    return handler


def install(server: HostileServer, other: HostileServer) -> None:
    """Register every shipped behaviour on ``server``; redirects to another origin go to ``other``."""

    def elsewhere(request: Request) -> str:
        return other.url + "/record" + request.target

    def same(request: Request) -> str:
        return request.target

    other.route("/record", ok())
    server.route("/record", ok())
    server.route("/ok", ok())
    server.route("/gzip-lie", gzip_lie())
    server.route("/gzip-bomb", gzip_bomb())
    server.route("/drip", drip())
    server.route("/drip-headers", drip_headers())
    server.route("/deep", deep())
    server.route("/huge", huge())
    server.route("/error-huge", huge(200 * MiB, status=503))
    server.route("/redirect-other", redirect(elsewhere, 302))
    server.route("/redirect-other-307", redirect(elsewhere, 307))
    server.route("/redirect-loop", redirect(same, 302))
    server.route("/redirect-loop-307", redirect(same, 307))
    server.route("/status", status_from_path())
    server.route("/fail-after-read", fail_after_read())
    server.route("/cut-after-read", cut_after_read())
    server.route("/cut-after-headers", cut_after_headers())
    server.route("/echo-key", echo_key())
