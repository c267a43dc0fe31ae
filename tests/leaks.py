"""Where the API key must never be: one assertion for exceptions, log records, CLI output and files.

``assert_no_key(thing, key)`` searches ``thing`` and everything reachable from it for the key in every form a
careless layer could write it: raw, JSON-escaped (``\\uXXXX``, ``\\/``), Python-escaped (``repr``),
URL-encoded. ``thing`` may be a string, bytes, an exception (its ``str``/``repr``/``args``/attributes, the
formatted traceback and the whole ``__cause__``/``__context__`` chain), an ``httpx.Request``/``Response``
(URL, headers, body if read), a ``LogRecord``, or any container of these.

A short key (``"`"``, ``"a"``) also occurs in honest text, so pass ``baseline=``: the same thing produced with
another key of the same length. The key then leaks when one of its forms occurs MORE often than in the
baseline; redaction that depends on the key's length or encoding fails this test at any length.

``capture_logs()`` records every log record of every logger (root, ``np6``, ``httpx``, ``httpcore``...) at
DEBUG while it is active.
"""

from __future__ import annotations

import contextlib
import json
import logging
import traceback
import urllib.parse
from collections.abc import Iterator
from typing import Any

import httpx

__all__ = ["assert_no_key", "capture_logs", "key_forms", "texts_of"]

_MAX_DEPTH = 8


def key_forms(key: str) -> set[str]:
    """The key as it could appear in text once written by some layer."""
    forms = {
        key,
        json.dumps(key)[1:-1],
        json.dumps(key, ensure_ascii=False)[1:-1],
        json.dumps(key).replace("/", "\\/")[1:-1],
        "".join(f"\\u{ord(c):04x}" for c in key),
        "".join(f"\\u{ord(c):04X}" for c in key),
        repr(key)[1:-1],
        urllib.parse.quote(key, safe="", errors="surrogatepass"),
        urllib.parse.quote(key, errors="surrogatepass"),
        urllib.parse.quote_plus(key, errors="surrogatepass"),
    }
    raw = key.encode("utf-8", "surrogatepass")
    forms.add(repr(raw)[2:-1])
    forms.add(raw.decode("latin-1"))
    return {f for f in forms if f}


def _texts(thing: Any, out: list[str], seen: set[int], depth: int) -> None:
    if depth > _MAX_DEPTH or thing is None or isinstance(thing, bool | int | float):
        return
    if isinstance(thing, str):
        out.append(thing)
        return
    if isinstance(thing, bytes | bytearray | memoryview):
        raw = bytes(thing)
        out += [raw.decode("latin-1"), repr(raw)]
        return
    if id(thing) in seen:
        return
    seen.add(id(thing))
    if isinstance(thing, BaseException):
        out += [str(thing), repr(thing)]
        with contextlib.suppress(Exception):
            out.append("".join(traceback.format_exception(thing)))
        for part in (thing.args, vars(thing), getattr(thing, "__notes__", None)):
            _texts(part, out, seen, depth + 1)
        _texts(thing.__cause__, out, seen, depth + 1)
        _texts(thing.__context__, out, seen, depth + 1)
        return
    if isinstance(thing, httpx.Request):
        out += [thing.method, str(thing.url), repr(thing.url), repr(thing)]
        out += [f"{k}: {v}" for k, v in thing.headers.multi_items()]
        out += [f"{k!r}: {v!r}" for k, v in thing.headers.raw]
        with contextlib.suppress(Exception):
            _texts(thing.content, out, seen, depth + 1)
        return
    if isinstance(thing, httpx.Response):
        out.append(repr(thing))
        out += [f"{k}: {v}" for k, v in thing.headers.multi_items()]
        with contextlib.suppress(Exception):
            _texts(thing.content, out, seen, depth + 1)
        with contextlib.suppress(RuntimeError):
            _texts(thing.request, out, seen, depth + 1)
        _texts(thing.history, out, seen, depth + 1)
        return
    if isinstance(thing, logging.LogRecord):
        with contextlib.suppress(Exception):
            out.append(thing.getMessage())
        with contextlib.suppress(Exception):
            out.append(logging.Formatter().format(thing))
        _texts(vars(thing), out, seen, depth + 1)
        return
    if isinstance(thing, dict):
        for key, value in thing.items():
            _texts(key, out, seen, depth + 1)
            _texts(value, out, seen, depth + 1)
        return
    if isinstance(thing, list | tuple | set | frozenset):
        for item in thing:
            _texts(item, out, seen, depth + 1)
        return
    with contextlib.suppress(Exception):
        out.append(repr(thing))
    with contextlib.suppress(Exception):
        out.append(str(thing))
    with contextlib.suppress(TypeError):
        _texts(vars(thing), out, seen, depth + 1)
    for slot in getattr(type(thing), "__slots__", ()):
        with contextlib.suppress(Exception):
            _texts(getattr(thing, slot), out, seen, depth + 1)


def texts_of(thing: Any) -> list[str]:
    """Every text reachable from ``thing`` (see the module docstring)."""
    out: list[str] = []
    _texts(thing, out, set(), 0)
    return out


def _counts(texts: list[str], forms: set[str]) -> dict[str, int]:
    return {form: sum(text.count(form) for text in texts) for form in forms}


def assert_no_key(thing: Any, key: str, *, baseline: Any = None) -> None:
    """Fail if ``key`` (any form) is reachable from ``thing`` (more often than from ``baseline``)."""
    forms = key_forms(key)
    texts = texts_of(thing)
    found = _counts(texts, forms)
    allowed = _counts(texts_of(baseline), forms) if baseline is not None else dict.fromkeys(forms, 0)
    leaked = {form: n for form, n in found.items() if n > allowed[form]}
    if leaked:
        where = next(t for t in texts if any(f in t for f in leaked))
        form = next(iter(leaked))
        at = where.find(form)
        snippet = where[max(0, at - 80) : at + len(form) + 80]
        raise AssertionError(f"API key leaked as {form!r} ({leaked}) in: ...{snippet}...")


@contextlib.contextmanager
def capture_logs() -> Iterator[list[logging.LogRecord]]:
    """Every record of every logger at DEBUG while active (levels and handlers restored after)."""
    records: list[logging.LogRecord] = []

    class _Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = _Keep(logging.DEBUG)
    root = logging.getLogger()
    loggers = [root] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    levels = {lg: lg.level for lg in loggers}
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        if lg is root or not lg.propagate:
            lg.addHandler(handler)
    try:
        yield records
    finally:
        for lg in loggers:
            lg.setLevel(levels[lg])
            if handler in lg.handlers:
                lg.removeHandler(handler)
