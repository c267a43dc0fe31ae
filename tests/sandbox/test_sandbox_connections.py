"""Connections that never finish their headers, or sit idle, are closed (issue 10, item 16).

Raw sockets on loopback, a short header deadline; each test waits for the server to close the connection
(recv() returning b"") with a generous socket timeout as the safety net, so no timing is asserted.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from np6_sandbox import serve

KEY = "conn-key"
SAFETY = 30.0  # seconds: only reached when the server never closes (the defect)


@pytest.fixture(scope="module")
def address() -> Iterator[tuple[str, int]]:
    with serve(api_keys=[KEY], header_timeout=0.5, keep_alive_timeout=1) as url:
        host, port = url.removeprefix("http://").split(":")
        yield host, int(port)


def _connect(address: tuple[str, int]) -> socket.socket:
    sock = socket.create_connection(address, timeout=SAFETY)
    return sock


def _closed_by_server(sock: socket.socket) -> bool:
    """Read until the server closes (True) or the safety timeout expires (False)."""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def _response(sock: socket.socket) -> bytes:
    """One full HTTP response (headers plus Content-Length bytes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "closed before a response"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head


REQUEST = f"GET /actions HTTP/1.1\r\nHost: sandbox\r\nX-Key: {KEY}\r\n\r\n".encode()


def test_half_a_request_line_is_closed(address: tuple[str, int]) -> None:
    with _connect(address) as sock:
        sock.sendall(b"GET /acti")
        assert _closed_by_server(sock)


def test_headers_without_their_end_are_closed(address: tuple[str, int]) -> None:
    with _connect(address) as sock:
        sock.sendall(b"GET /actions HTTP/1.1\r\nHost: sandbox\r\n")
        assert _closed_by_server(sock)


def test_a_connection_that_sends_nothing_is_closed(address: tuple[str, int]) -> None:
    with _connect(address) as sock:
        assert _closed_by_server(sock)


def test_dripping_header_bytes_does_not_extend_the_deadline(address: tuple[str, int]) -> None:
    """One byte every 20 ms would keep a per-read timeout alive forever; the deadline is per request."""
    with _connect(address) as sock:
        sock.sendall(b"GET /actions HTTP/1.1\r\nX-Pad: ")
        closed = False
        for _ in range(int(SAFETY / 0.02)):
            try:
                sock.sendall(b"a")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            time.sleep(0.02)
        assert closed or _closed_by_server(sock)


def test_an_idle_kept_alive_connection_is_closed(address: tuple[str, int]) -> None:
    with _connect(address) as sock:
        sock.sendall(REQUEST)
        assert _response(sock).startswith(b"HTTP/1.1 200")
        assert _closed_by_server(sock)


def test_half_a_second_request_on_a_kept_alive_connection_is_closed(address: tuple[str, int]) -> None:
    with _connect(address) as sock:
        sock.sendall(REQUEST)
        assert _response(sock).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /act")
        assert _closed_by_server(sock)


def test_complete_requests_are_still_served_on_one_connection(address: tuple[str, int]) -> None:
    with _connect(address) as sock:
        for _ in range(3):
            sock.sendall(REQUEST)
            assert _response(sock).startswith(b"HTTP/1.1 200")


def test_a_slow_handler_is_not_cut_by_the_header_deadline() -> None:
    """The deadline covers headers only: a response that takes longer than it still arrives."""
    with serve(api_keys=[KEY], header_timeout=0.2) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=SAFETY) as admin:
            fault = b'{"operation": "list_actions", "kind": "delay", "delay": 1}'
            admin.sendall(
                b"POST /_sandbox/faults HTTP/1.1\r\nHost: s\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(fault)}\r\n\r\n".encode()
                + fault
            )
            assert _response(admin).startswith(b"HTTP/1.1 201")
        with socket.create_connection((host, int(port)), timeout=SAFETY) as sock:
            sock.sendall(REQUEST)
            assert _response(sock).startswith(b"HTTP/1.1 200")
