"""The API key, kept out of everything the client hands out or writes.

``Secret`` holds the key (its ``repr`` is ``'***'``) and ``redact`` replaces it in a text in every form a
layer could have written it (raw, JSON-escaped with ``\\uXXXX`` or ``\\/``, Python-escaped, URL-encoded),
whatever its length. ``scrub_request`` strips a request of the key header and URL userinfo, in place, so
every exception or response still pointing at that request is clean; ``scrub_chain`` does it for a whole
``__cause__``/``__context__`` chain, redacts the texts of its exceptions and clears the local variables of
the lower layers' frames in their tracebacks (httpcore keeps the request headers, X-Key included, in locals
that frame-reporting tools such as Sentry or ``rich.traceback(show_locals=True)`` would show).
"""

from __future__ import annotations

import contextlib
import json
import os
import urllib.parse
from types import TracebackType
from typing import Any

import httpx

__all__ = ["KEY_HEADER", "Secret", "key_forms", "redact", "scrub_chain", "scrub_request"]

KEY_HEADER = "X-Key"
MASK = "***"


def key_forms(key: str) -> list[str]:
    """The key as any layer could have written it, longest first (so no fragment survives)."""
    forms = {
        key,
        json.dumps(key)[1:-1],
        json.dumps(key, ensure_ascii=False)[1:-1],
        json.dumps(key).replace("/", "\\/")[1:-1],
        "".join(f"\\u{ord(c):04x}" for c in key),
        "".join(f"\\u{ord(c):04X}" for c in key),
        repr(key)[1:-1],
        urllib.parse.quote(key, safe=""),
        urllib.parse.quote(key),
        urllib.parse.quote_plus(key),
    }
    return sorted((f for f in forms if f), key=len, reverse=True)


def redact(text: str, key: str) -> str:
    """``text`` with every form of ``key`` replaced by ``***``."""
    for form in key_forms(key):
        if form in text:
            text = text.replace(form, MASK)
    return text


class Secret:
    """Holds the API key; never shows it."""

    __slots__ = ("__weakref__", "_forms", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        self._forms = key_forms(value)

    def get(self) -> str:
        return self._value

    def redact(self, text: str) -> str:
        for form in self._forms:
            if form in text:
                text = text.replace(form, MASK)
        return text

    def __repr__(self) -> str:
        return "'***'"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("the API key cannot be pickled")


def scrub_request(request: httpx.Request) -> None:
    """Remove the key header and URL userinfo from ``request`` itself (every holder of it sees the change)."""
    if KEY_HEADER in request.headers:
        del request.headers[KEY_HEADER]
    if request.url.userinfo:
        request.url = request.url.copy_with(username=None, password=None)


def _request_of(thing: object) -> httpx.Request | None:
    with contextlib.suppress(Exception):
        request = thing.request  # type: ignore[attr-defined]
        if isinstance(request, httpx.Request):
            return request
    return None


def scrub_chain(exc: BaseException, secret: Secret) -> None:
    """Scrub the requests reachable from ``exc`` and its causes, and redact their string arguments."""
    seen: set[int] = set()
    current: BaseException | None = exc
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        request = _request_of(current)
        if request is not None:
            scrub_request(request)
        response = getattr(current, "response", None)
        if isinstance(response, httpx.Response):
            with contextlib.suppress(RuntimeError):
                scrub_request(response.request)
        with contextlib.suppress(Exception):
            current.args = tuple(secret.redact(a) if isinstance(a, str) else a for a in current.args)
        clear_lower_frames(current.__traceback__)
        stack += [c for c in (current.__cause__, current.__context__) if c is not None]


_OWN = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clear_lower_frames(tb: TracebackType | None) -> None:
    """Drop the locals of the frames an exception left behind in other packages (httpx, httpcore, h11...).

    The first entry is the frame that caught the exception, which may still be running (or be a suspended
    generator, which ``frame.clear()`` would close), and np6's own frames hold no key: both are kept. Every
    other entry is a frame the exception propagated out of, finished, so clearing it changes no behaviour;
    the traceback still prints its file, line and function.
    """
    if tb is None:
        return
    tb = tb.tb_next
    while tb is not None:
        frame = tb.tb_frame
        if not frame.f_code.co_filename.startswith(_OWN):
            with contextlib.suppress(RuntimeError):  # still executing: nothing to clear
                frame.clear()
        tb = tb.tb_next
