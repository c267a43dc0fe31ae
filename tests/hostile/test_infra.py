"""The shared hostile infrastructure does what other tests rely on (server, leak search, memory limit)."""

from __future__ import annotations

import logging
import zlib

import httpx
import pytest

from leaks import assert_no_key, capture_logs, key_forms

from .behaviours import key_echo_forms
from .conftest import Hostile
from .memlimit import run_limited
from .server import Conn, Request


def test_routes_by_prefix_and_records_requests(hostile: Hostile) -> None:
    async def teapot(request: Request, conn: Conn) -> None:
        await conn.respond(418, request.body)

    base = hostile.route("/teapot", teapot)
    response = httpx.post(base + "/a/b?x=1", content=b"tea", headers={"X-Key": "k"})
    assert (response.status_code, response.content) == (418, b"tea")
    (seen,) = hostile.server.requests_to("/teapot")
    assert (seen.method, seen.path, seen.header("x-key"), seen.body) == ("POST", "/teapot/a/b", "k", b"tea")


def test_lying_gzip_and_bomb_are_what_they_claim(hostile: Hostile) -> None:
    with pytest.raises(httpx.DecodingError):
        httpx.get(hostile.url("/gzip-lie") + "/x")
    with httpx.stream("GET", hostile.url("/gzip-bomb") + "/x") as response:
        compressed = b"".join(response.iter_raw())
    assert len(compressed) < 1024 * 1024
    inflater, size = zlib.decompressobj(31), 0
    for start in range(0, len(compressed), 4096):
        data = compressed[start : start + 4096]
        while data:
            size += len(inflater.decompress(data, 1 << 20))
            data = inflater.unconsumed_tail
    assert inflater.eof and size == 512 * 1024 * 1024


def test_redirect_to_other_origin_and_statuses(hostile: Hostile) -> None:
    response = httpx.get(hostile.url("/redirect-other") + "/actions/1")
    assert response.status_code == 302
    assert response.headers["location"] == hostile.other.url + "/record/redirect-other/actions/1"
    assert httpx.get(hostile.url("/status/204") + "/x").status_code == 204
    with pytest.raises(httpx.TooManyRedirects):
        httpx.post(hostile.url("/redirect-loop-307") + "/x", json={}, follow_redirects=True)


def test_cut_after_headers_breaks_the_body(hostile: Hostile) -> None:
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        httpx.get(hostile.url("/cut-after-headers") + "/x")


def test_echo_key_echoes_every_form(hostile: Hostile) -> None:
    key = 'a"b\\c/%'
    response = httpx.get(hostile.url("/echo-key") + "/x", headers={"X-Key": key})
    assert response.status_code == 400
    for form in key_echo_forms(key):
        assert form in response.text
    with pytest.raises(AssertionError):
        assert_no_key(response, key)


def test_assert_no_key_finds_every_form_in_chains_requests_and_records() -> None:
    key = 'k"e/y\\%'
    for form in key_forms(key):
        with pytest.raises(AssertionError):
            assert_no_key(ValueError(f"x {form} y"), key)
    request = httpx.Request("GET", "http://h/x", headers={"X-Key": key})
    inner = httpx.ConnectError("refused", request=request)
    try:
        try:
            raise inner
        except httpx.ConnectError as exc:
            raise RuntimeError("clean") from exc
    except RuntimeError as outer:
        with pytest.raises(AssertionError):
            assert_no_key(outer, key)
    assert_no_key(RuntimeError("clean"), key)
    with capture_logs() as records:
        logging.getLogger("some.library").debug("header %s", key)
    with pytest.raises(AssertionError):
        assert_no_key(records, key)


def test_baseline_tolerates_a_short_key_in_honest_text() -> None:
    honest = "GET /actions/1 -> 400"
    assert_no_key(ValueError(honest), "/", baseline=ValueError(honest))
    with pytest.raises(AssertionError):
        assert_no_key(ValueError(honest + " key=/"), "/", baseline=ValueError(honest + " key=~"))


def test_memory_limit_is_enforced_and_peak_reported() -> None:
    fine = run_limited("x = bytearray(50 * 1024 * 1024)\nprint('ok')", address_space_mb=1024).check()
    assert fine.stdout.strip() == "ok"
    assert fine.peak_rss_mb >= 50
    over = run_limited("x = bytearray(2000 * 1024 * 1024)", address_space_mb=1024)
    assert over.returncode != 0
    assert "MemoryError" in over.stderr
