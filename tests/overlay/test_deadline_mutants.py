"""``_deadline``: the per-attempt deadline handed to every connect, read and write (issue 16).

The wrappers are checked against a recording network backend (what each call passes on, the time left at
an instant fixed by a clock under test, the timeout class raised once the deadline has passed), then
``install`` and ``active`` against httpx's own clients and a real server on loopback.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpcore
import httpx
import pytest

from np6 import _deadline, _deadline_backends
from np6._deadline import DeadlineExceeded, active, install, passed

NOW = 100.0
EXPIRED = "the attempt's total deadline has passed"


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """``_deadline``'s clock, stopped at NOW (tests move it by setting ``clock.now``)."""
    state = SimpleNamespace(now=NOW)
    monkeypatch.setattr(_deadline, "time", SimpleNamespace(monotonic=lambda: state.now))
    return state


class Stream(httpcore.NetworkStream):
    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        self.calls = calls

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.calls.append(("read", max_bytes, timeout))
        return b"read"

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.calls.append(("write", buffer, timeout))

    def close(self) -> None:
        self.calls.append(("close",))

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        self.calls.append(("start_tls", ssl_context, server_hostname, timeout))
        return Stream(self.calls)

    def get_extra_info(self, info: str) -> Any:
        self.calls.append(("info", info))
        return f"extra {info}"


class Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        self.calls.append(("tcp", host, port, timeout, local_address, socket_options))
        return Stream(self.calls)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        self.calls.append(("unix", path, timeout, socket_options))
        return Stream(self.calls)

    def sleep(self, seconds: float) -> None:
        self.calls.append(("sleep", seconds))


class AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        self.calls = calls

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.calls.append(("read", max_bytes, timeout))
        return b"read"

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.calls.append(("write", buffer, timeout))

    async def aclose(self) -> None:
        self.calls.append(("close",))

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        self.calls.append(("start_tls", ssl_context, server_hostname, timeout))
        return AsyncStream(self.calls)

    def get_extra_info(self, info: str) -> Any:
        self.calls.append(("info", info))
        return f"extra {info}"


class AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        self.calls.append(("tcp", host, port, timeout, local_address, socket_options))
        return AsyncStream(self.calls)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        self.calls.append(("unix", path, timeout, socket_options))
        return AsyncStream(self.calls)

    async def sleep(self, seconds: float) -> None:
        self.calls.append(("sleep", seconds))


# (deadline, timeout given by httpx) -> timeout passed on: the smaller of the two, the time left when
# only the deadline is set, httpx's own when no deadline is active.
BOUNDS = [
    (None, None, None),
    (None, 5.0, 5.0),
    (103.0, None, 3.0),
    (103.0, 5.0, 3.0),
    (103.0, 2.0, 2.0),
    (100.5, 5.0, 0.5),
    (100.5, None, 0.5),
]
PAST = [100.0, 99.0]  # the deadline's very instant counts as passed


def _sync_calls(at: float | None, timeout: float | None) -> list[tuple[Any, ...]]:
    backend = _deadline_backends._Backend(Backend())
    with active(at):
        stream = backend.connect_tcp("127.0.0.1", 8080, timeout, "127.0.0.2", [(1, 2, 3)])
        unix = backend.connect_unix_socket("/tmp/np6.sock", timeout, [(4, 5, 6)])
        assert stream.read(17, timeout) == b"read"
        stream.write(b"abc", timeout)
        tls = stream.start_tls("ctx", "np6.example", timeout)
        assert isinstance(tls, _deadline_backends._Stream)
        assert tls.read(3, timeout) == b"read"
        assert stream.get_extra_info("peer") == "extra peer"
        stream.close()
        unix.close()
        backend.sleep(0.25)
    return backend._inner.calls  # type: ignore[attr-defined, no-any-return]


def _async_calls(at: float | None, timeout: float | None) -> list[tuple[Any, ...]]:
    async def main() -> list[tuple[Any, ...]]:
        backend = _deadline_backends._AsyncBackend(AsyncBackend())
        with active(at):
            stream = await backend.connect_tcp("127.0.0.1", 8080, timeout, "127.0.0.2", [(1, 2, 3)])
            unix = await backend.connect_unix_socket("/tmp/np6.sock", timeout, [(4, 5, 6)])
            assert await stream.read(17, timeout) == b"read"
            await stream.write(b"abc", timeout)
            tls = await stream.start_tls("ctx", "np6.example", timeout)
            assert isinstance(tls, _deadline_backends._AsyncStream)
            assert await tls.read(3, timeout) == b"read"
            assert stream.get_extra_info("peer") == "extra peer"
            await stream.aclose()
            await unix.aclose()
            await backend.sleep(0.25)
        return backend._inner.calls  # type: ignore[attr-defined, no-any-return]

    return asyncio.run(main())


@pytest.mark.parametrize("calls", [_sync_calls, _async_calls], ids=["sync", "async"])
@pytest.mark.parametrize(("at", "timeout", "bounded"), BOUNDS)
def test_every_network_call_gets_the_smaller_of_its_timeout_and_the_time_left(
    calls: Any, at: float | None, timeout: float | None, bounded: float | None
) -> None:
    assert calls(at, timeout) == [
        ("tcp", "127.0.0.1", 8080, bounded, "127.0.0.2", [(1, 2, 3)]),
        ("unix", "/tmp/np6.sock", bounded, [(4, 5, 6)]),
        ("read", 17, bounded),
        ("write", b"abc", bounded),
        ("start_tls", "ctx", "np6.example", bounded),
        ("read", 3, bounded),
        ("info", "peer"),
        ("close",),
        ("close",),
        ("sleep", 0.25),
    ]


def _sync_step(step: str, backend: Any, stream: Any) -> None:
    if step == "tcp":
        backend.connect_tcp("127.0.0.1", 8080, 5.0)
    elif step == "unix":
        backend.connect_unix_socket("/tmp/np6.sock", 5.0)
    elif step == "read":
        stream.read(10, 5.0)
    elif step == "write":
        stream.write(b"x", 5.0)
    else:
        stream.start_tls("ctx", "np6.example", 5.0)


async def _async_step(step: str, backend: Any, stream: Any) -> None:
    if step == "tcp":
        await backend.connect_tcp("127.0.0.1", 8080, 5.0)
    elif step == "unix":
        await backend.connect_unix_socket("/tmp/np6.sock", 5.0)
    elif step == "read":
        await stream.read(10, 5.0)
    elif step == "write":
        await stream.write(b"x", 5.0)
    else:
        await stream.start_tls("ctx", "np6.example", 5.0)


STEPS = {
    "tcp": httpcore.ConnectTimeout,
    "unix": httpcore.ConnectTimeout,
    "read": httpcore.ReadTimeout,
    "write": httpcore.WriteTimeout,
    "start_tls": httpcore.ConnectTimeout,
}


@pytest.mark.parametrize("at", PAST)
@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_once_the_deadline_has_passed_each_call_fails_with_its_own_timeout(
    kind: str, step: str, at: float
) -> None:
    if kind == "sync":
        inner: Any = Backend()
        backend: Any = _deadline_backends._Backend(inner)
        stream: Any = _deadline_backends._Stream(Stream(inner.calls))
        with active(at), pytest.raises(httpcore.TimeoutException) as info:
            _sync_step(step, backend, stream)
    else:
        inner = AsyncBackend()
        backend = _deadline_backends._AsyncBackend(inner)
        stream = _deadline_backends._AsyncStream(AsyncStream(inner.calls))

        async def main() -> None:
            with active(at):
                await _async_step(step, backend, stream)

        with pytest.raises(httpcore.TimeoutException) as info:
            asyncio.run(main())
    assert type(info.value) is STEPS[step]
    assert str(info.value) == EXPIRED
    assert inner.calls == []  # the network was not touched


@pytest.mark.parametrize(
    ("at", "now", "expected"),
    [(None, 1e12, False), (100.0, 99.9, False), (100.0, 100.0, True), (100.0, 100.1, True)],
)
def test_passed(clock: SimpleNamespace, at: float | None, now: float, expected: bool) -> None:
    clock.now = now
    assert passed(at) is expected


def test_active_sets_the_deadline_for_its_block_only() -> None:
    assert _deadline._DEADLINE.get() is None
    with active(103.0):
        assert _deadline._DEADLINE.get() == 103.0
        with active(None):
            assert _deadline._DEADLINE.get() is None
        assert _deadline._DEADLINE.get() == 103.0
        with pytest.raises(RuntimeError), active(101.0):
            raise RuntimeError
        assert _deadline._DEADLINE.get() == 103.0
    assert _deadline._DEADLINE.get() is None


def test_deadline_exceeded_is_a_read_timeout() -> None:
    assert issubclass(DeadlineExceeded, httpx.ReadTimeout)


# -- install ---------------------------------------------------------------------------------------------


def _backend_of(http: httpx.Client | httpx.AsyncClient) -> Any:
    return http._transport._pool._network_backend  # type: ignore[attr-defined]


def test_install_wraps_the_default_sync_backend_once() -> None:
    with httpx.Client() as http:
        original = _backend_of(http)
        assert install(http) is True
        wrapped = _backend_of(http)
        assert type(wrapped) is _deadline_backends._Backend
        assert wrapped._inner is original
        assert install(http) is True
        assert _backend_of(http) is wrapped


def test_install_wraps_the_default_async_backend_once() -> None:
    http = httpx.AsyncClient()
    original = _backend_of(http)
    assert install(http) is True
    wrapped = _backend_of(http)
    assert type(wrapped) is _deadline_backends._AsyncBackend
    assert wrapped._inner is original
    assert install(http) is True
    assert _backend_of(http) is wrapped
    asyncio.run(http.aclose())


def test_install_leaves_other_transports_alone() -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(200))
    with httpx.Client(transport=mock) as http:
        assert install(http) is False
        assert http._transport is mock  # type: ignore[attr-defined]
    # A transport of the other kind (a sync client on an async pool and the reverse) is not wrapped either.
    async_transport = httpx.AsyncHTTPTransport()
    http = httpx.Client(transport=async_transport)  # type: ignore[arg-type]
    backend = async_transport._pool._network_backend
    assert install(http) is False
    assert async_transport._pool._network_backend is backend
    sync_transport = httpx.HTTPTransport()
    http_async = httpx.AsyncClient(transport=sync_transport)  # type: ignore[arg-type]
    backend = sync_transport._pool._network_backend
    assert install(http_async) is False
    assert sync_transport._pool._network_backend is backend
    sync_transport.close()


# -- against a real server -------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[str]:
    """A loopback HTTP server answering every request with 200 "ok"."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    stop.set()
    thread.join()
    sock.close()


def test_an_installed_client_cannot_connect_past_the_deadline(server: str) -> None:
    with httpx.Client() as http:
        install(http)
        with active(99.0), pytest.raises(httpx.ConnectTimeout, match="total deadline"):
            http.get(server)
        with active(None):
            assert http.get(server).text == "ok"
        with active(1e12):  # far away: reads and writes bounded by it, not cut
            assert http.get(server).text == "ok"


def test_an_installed_async_client_cannot_connect_past_the_deadline(server: str) -> None:
    async def main() -> None:
        async with httpx.AsyncClient() as http:
            install(http)
            with active(99.0), pytest.raises(httpx.ConnectTimeout, match="total deadline"):
                await http.get(server)
            with active(None):
                assert (await http.get(server)).text == "ok"
            with active(1e12):
                assert (await http.get(server)).text == "ok"

    asyncio.run(main())
