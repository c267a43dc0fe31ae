"""A loopback HTTP/1.1 server that lies, written on raw asyncio streams so nothing in it plays by the rules.

One behaviour per path prefix: a client pointed at ``f"{server.url}/gzip-lie"`` as its ``base_url`` gets that
behaviour on every operation (``/gzip-lie/actions/x`` matches the prefix ``/gzip-lie``). The server runs its
own event loop in a background thread, so sync tests and async tests (on their own loop) use it alike.
Tests register their own behaviours with ``server.route(prefix, handler)``; ``behaviours`` holds the shipped
ones. Every request is recorded in ``server.requests`` (method, path, headers, body, bytes answered).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["Conn", "Handler", "HostileServer", "Request"]

_MAX_HEAD = 64 * 1024


@dataclass
class Request:
    """One request as received (the body read by Content-Length)."""

    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes
    sent: int = 0  # bytes of answer the handler managed to write (0 if cut before)
    done: bool = False  # the handler finished

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


class Conn:
    """The handler's side of one connection: write whatever you like, in any order."""

    def __init__(self, request: Request, writer: asyncio.StreamWriter) -> None:
        self.request = request
        self.writer = writer

    async def write(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()
        self.request.sent += len(data)

    async def head(self, status: int, headers: Iterable[tuple[str, str]] = (), reason: str = "X") -> None:
        """The status line and headers (add Content-Length yourself if you want one)."""
        lines = [f"HTTP/1.1 {status} {reason}"]
        lines += [f"{k}: {v}" for k, v in headers]
        lines += ["Connection: close", "x-request-id: hostile-req-1"]
        await self.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    async def respond(
        self, status: int, body: bytes = b"", headers: Iterable[tuple[str, str]] = (), reason: str = "X"
    ) -> None:
        """A complete, honest response (Content-Length set)."""
        given = list(headers)
        if not any(k.lower() == "content-length" for k, _ in given):
            given.append(("Content-Length", str(len(body))))
        await self.head(status, given, reason)
        if body:
            await self.write(body)

    def cut(self) -> None:
        """Drop the connection now (RST, no clean close)."""
        transport = self.writer.transport
        with contextlib.suppress(Exception):
            sock = transport.get_extra_info("socket")
            if sock is not None:
                import socket
                import struct

                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()


Handler = Callable[[Request, Conn], Awaitable[None]]


@dataclass
class HostileServer:
    """``with HostileServer() as server:``; ``server.url``, ``server.route(prefix, handler)``."""

    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def route(self, prefix: str, handler: Handler) -> str:
        """Serve ``handler`` for ``prefix`` and below; returns the base URL to give a client."""
        if not prefix.startswith("/") or prefix.endswith("/"):
            raise ValueError(f"prefix must start and not end with '/': {prefix!r}")
        self.routes[prefix] = handler
        return self.url + prefix

    def requests_to(self, prefix: str) -> list[Request]:
        return [r for r in self.requests if r.path == prefix or r.path.startswith(prefix + "/")]

    def _handler_for(self, path: str) -> Handler | None:
        best: str | None = None
        for prefix in self.routes:
            if (path == prefix or path.startswith(prefix + "/")) and (
                best is None or len(prefix) > len(best)
            ):
                best = prefix
        return None if best is None else self.routes[best]

    # -- lifecycle
    def start(self) -> HostileServer:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            self._server = loop.run_until_complete(
                asyncio.start_server(self._serve, self.host, 0, limit=_MAX_HEAD)
            )
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            loop.run_forever()
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            loop.run_until_complete(asyncio.gather(*self._tasks, return_exceptions=True))
            loop.run_until_complete(self._server.wait_closed())
            loop.close()

        self._thread = threading.Thread(target=run, name="hostile-server", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("hostile server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop = None

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- one connection
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)  # type: ignore[arg-type]
        try:
            request = await self._read_request(reader)
            if request is None:
                return
            self.requests.append(request)
            handler = self._handler_for(request.path)
            conn = Conn(request, writer)
            if handler is None:
                await conn.respond(599, b"no hostile route for " + request.path.encode())
            else:
                with contextlib.suppress(ConnectionError):
                    await handler(request, conn)
            request.done = True
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:  # the server is stopping
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()
                await writer.wait_closed()
            self._tasks.discard(task)  # type: ignore[arg-type]

    @staticmethod
    async def _read_request(reader: asyncio.StreamReader) -> Request | None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            return None
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers: list[tuple[str, str]] = []
        for line in lines[1:]:
            if line:
                key, _, value = line.partition(":")
                headers.append((key.strip(), value.strip()))
        request = Request(method, target, headers, b"")
        length = request.header("content-length")
        if length:
            request.body = await reader.readexactly(int(length))
        elif (request.header("transfer-encoding") or "").lower() == "chunked":
            chunks = []
            while True:
                size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
                chunk = await reader.readexactly(size + 2)
                if size == 0:
                    break
                chunks.append(chunk[:-2])
            request.body = b"".join(chunks)
        return request
