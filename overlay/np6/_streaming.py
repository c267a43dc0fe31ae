"""Streaming of reactivity events: the JSON array is parsed incrementally (ijson), one event at a time.

Each event is dispatched on its ``type`` to the generated variant class, through a ``type -> class`` map
derived once from the generated code (the endpoint's return annotation gives the variants, each variant's
``type_: Literal[...]`` annotation gives its type): O(1) per event. An unknown type, or a known one that fails
to parse, falls back to the generated ``UnknownEvent`` (kept raw). The response is closed in ``finally``, so
stopping early (``break``, ``close()``, leaving a ``with`` block) frees the connection.

A cut connection (a transport failure, or a body that ends inside the array) raises ``StreamInterruptedError``
with the resume point (``last_timestamp``, ``last_event_id``, ``count``, ``ids_at_last_timestamp``). Data that
resuming would only read again raises a non-resumable ``APIResponseValidationError`` naming what was wrong: a
body that is not a JSON array (``{}``, ``null``, empty), malformed JSON, an item that is not an object, and,
as its subclasses, a value nested deeper than ``Limits.max_depth`` (``ResponseTooDeepError``) or an event
bigger than ``Limits.max_event_size`` (``ResponseTooLargeError``). Memory stays bounded by those limits.

Time is bounded by progress, not in total (an export of a million events may rightly take an hour): each
event, and the first one after the headers, must complete within the attempt's deadline (``client.deadline``:
``Limits.deadline``, else derived from ``timeout``), counting only the time spent waiting for the server, not
the time the caller spends on the events yielded. The clock is read where bytes arrive, once per chunk; a
server dripping bytes that complete no event is cut when the next bytes arrive past the deadline, with a
resumable ``StreamInterruptedError`` (a transport problem: resume picks up after the last complete event).
"""

from __future__ import annotations

import ast
import codecs
import functools
import json
import re
import time
import types
import typing
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from types import TracebackType
from typing import Any, Generic, Self, TypeVar
from uuid import UUID

import httpx

from ._base_client import _describe
from ._exceptions import (
    APIError,
    APIResponseValidationError,
    ResponseTooDeepError,
    ResponseTooLargeError,
    StreamInterruptedError,
)
from ._limits import DEFAULT_LIMITS, Limits
from ._operations import endpoint

__all__ = ["AsyncEventStream", "EventStream", "Resume", "variant_map"]

EventT = TypeVar("EventT", covariant=True)
"""What a stream yields: the typed event union, or ``dict[str, Any]`` with ``raw=True``."""


def _literal_value(annotation: object) -> str | None:
    """``'hit'`` from ``Literal['hit']`` (a string in models using postponed annotations)."""
    if isinstance(annotation, str):
        node = ast.parse(annotation, mode="eval").body
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            return node.slice.value
        return None
    if typing.get_origin(annotation) is typing.Literal:
        (value,) = typing.get_args(annotation)
        return value if isinstance(value, str) else None
    return None


def _union_members(annotation: object) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


@functools.cache
def variant_map(operation_id: str) -> tuple[dict[str, type[Any]], type[Any]]:
    """``({type: variant class}, fallback class)`` for the items of a list-of-events operation."""
    module = endpoint(operation_id)
    returns = module._parse_response.__annotations__["return"]
    items: tuple[Any, ...] = ()
    for member in _union_members(returns):
        if typing.get_origin(member) is list:
            items = _union_members(typing.get_args(member)[0])
    known: dict[str, type[Any]] = {}
    fallback: type[Any] | None = None
    for cls in items:
        annotation = cls.__annotations__.get("type_")
        value = _literal_value(annotation)
        if value is not None:
            known[value] = cls
        elif annotation in ("str", str):
            fallback = cls
    if not known or fallback is None:
        raise RuntimeError(f"{operation_id}: cannot derive the event variants from the generated code")
    return known, fallback


class Resume:
    """Where a previous stream stopped (built from a ``StreamInterruptedError``)."""

    __slots__ = ("ids", "timestamp")

    def __init__(self, timestamp: int | None, ids: frozenset[str]) -> None:
        self.timestamp = timestamp
        self.ids = ids


# The most bytes handed to the JSON parser at once: ``Limits.max_event_size`` is checked this often (a 16th of
# the limit when that is smaller), so an oversized event costs at most the limit plus two pieces.
_PIECE = 64 * 1024
_JSON_KINDS = {
    "start_map": "a JSON object",
    "string": "a JSON string",
    "number": "a JSON number",
    "boolean": "a JSON boolean",
    "null": "JSON null",
}


# The fast path (``_Parser._scan``): each item of the array is decoded by the C scanner of ``json`` in one
# call; whatever it cannot vouch for goes to ijson (the exact path), which then reads the rest of the body.
_SPACE = " \t\n\r"
_SKIP = re.compile(r"[ \t\n\r]*")
# Escapes of UTF-16 surrogates: yajl reads unpaired ones its own way ("?", or an error), json keeps them.
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
# Before the array, inside it (expecting the first item or "]"), after an item (expecting "," or "]"), closed.
_BEFORE, _OPENED, _AFTER, _CLOSED = range(4)
# What the exact path is fed first when it takes over in each state, to stand where the fast path stood
# (its one synthetic item, ``{}``, is dropped).
_RESUME_AT = {_BEFORE: b"", _OPENED: b"[", _AFTER: b"[{}", _CLOSED: b"[]"}


def _skip(text: str, pos: int) -> int:
    """Past the JSON whitespace at ``pos``."""
    match = _SKIP.match(text, pos)
    return match.end() if match is not None else pos


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: yajl refuses them


# ``scan_once(text, index)``: the value at ``index`` and where it ends (the C scanner; not in the stubs)
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(parse_constant=_no_constant).scan_once  # type: ignore[attr-defined]


class _BadStream(Exception):
    """Raised inside the parser; turned into a typed error with the response's details by the generator."""

    def __init__(self, reason: str, *, limit: str | None = None, value: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit
        self.value = value


class _Truncated(Exception):
    """The body ended inside the array: a cut connection, resumable like a transport error."""


class _Stalled(_Truncated):
    """No event completed within the deadline: the client cuts the connection, resumable like a cut."""


class _Parser:
    """Turns the byte chunks of one response into events, tracking the resume point.

    Two paths. The fast one (``_scan``) decodes each item of the array with ``json``'s C scanner, one call
    per item (about twice as fast as ijson's events, built in Python), for as long as it can vouch for the
    result: an array of objects, each with at most ``max_depth - 1`` containers, no escaped surrogate, read
    the same way by both. Anything else (and an unfinished item past ``_hold``) goes, from the end of the
    last complete item, to the exact one for the rest of the body: ijson's ``basic_parse`` (events without
    paths: ``parse``/``items`` build a path string per nesting level, which costs memory quadratic in the
    depth), with the items of the top-level array built here, counting the depth as they go: a value nested
    deeper than ``Limits.max_depth`` stops the stream at the first level too many. Its errors and bounds
    are the stream's. Numbers are read exactly (integers of any size; decimals become floats, as
    ``json.loads`` makes them), so a big integer is data, not an interruption.
    """

    def __init__(
        self,
        operation_id: str,
        *,
        sort: str | None,
        resume: Resume | None,
        raw: bool = False,
        limits: Limits = DEFAULT_LIMITS,
        deadline: float | None = None,
    ) -> None:
        import ijson  # type: ignore[import-untyped]

        from np6_api.types import Unset

        self._unset = Unset
        self._ijson = ijson
        self._raw = raw
        self._known, self._fallback = variant_map(operation_id)
        self._json_error: type[Exception] = ijson.JSONError
        self._events: Any = ijson.sendable_list()
        self._coro = ijson.basic_parse_coro(self._events, use_float=False)
        self._max_depth = limits.max_depth
        self._max_event = limits.max_event_size
        self._piece = max(1, min(_PIECE, limits.max_event_size // 16))
        # The fast path, while it lasts (``max_depth`` of 2 at least: the array and its objects): the text
        # after the last complete item (at most ``_hold`` characters, then the exact path bounds it by
        # max_event_size), and where it stands in the array.
        self._fast = limits.max_depth >= 2
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._text = ""
        self._state = _BEFORE
        self._hold = 4 * self._piece
        self._containers = limits.max_depth - 1  # in one item: at most this many, it is not too deep
        self._operation_id = operation_id
        self._limits = limits
        # the item under construction: its containers from the outermost (``None``: the top-level array)
        self._depth = 0
        self._stack: list[Any] = []
        self._current: Any = None
        self._key: Any = None
        self._items: list[Any] = []
        self._started = False  # the top-level array opened
        self._done = False  # ... and closed
        self._received = 0
        self._pending = 0  # bytes fed since the last piece that completed an item
        # Seconds each event may take to arrive (``None``: unbounded), and when the next one is due: set by
        # ``arm`` once the headers came and again once the caller is done with the events of a chunk.
        self._deadline = deadline
        self._due: float | None = None
        self.failure: _BadStream | _Truncated | None = None  # raised by the caller after the items before it
        # What breaks a stream after its first byte (turned into a typed error by ``error``).
        self.stream_errors: tuple[type[BaseException], ...] = (
            httpx.TransportError,
            httpx.DecodingError,
            _BadStream,
            _Truncated,
        )
        self._sort = sort
        self._skip = resume.ids if resume is not None and resume.timestamp is not None else frozenset()
        self.count = 0
        self.last_timestamp: int | None = resume.timestamp if resume is not None else None
        self._last_key: str | UUID | None = None
        self._ids_at_last: set[str | UUID] = set(self._skip)

    def parse(self, data: Any) -> Any:
        if not isinstance(data, dict):
            raise _BadStream(f"a reactivity item is not a JSON object: {str(data)[:200]!r}")
        if self._raw:
            return data
        kind = data.get("type")
        cls = self._known.get(kind) if isinstance(kind, str) else None  # a list or dict is not hashable
        if cls is not None:
            try:
                return cls.from_dict(data)
            except (KeyError, ValueError, TypeError, AttributeError):
                pass
        try:
            return self._fallback.from_dict(data)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise _BadStream(
                f"a reactivity item cannot be parsed ({type(exc).__name__}: {exc}): {str(data)[:200]!r}"
            ) from exc

    def accept(self, event: Any) -> bool:
        """Update the resume point for an event about to be yielded; False to skip an already-seen one."""
        if type(event) is dict:
            ts, raw_id = event.get("timestamp"), event.get("id")
        else:
            ts, raw_id = getattr(event, "timestamp", None), getattr(event, "id", None)
        # The id as a string, or as a str or UUID that becomes one only when asked (``_text``): str() of a
        # UUID costs more than the rest of this method.
        if raw_id is None or isinstance(raw_id, self._unset):
            key = None
        elif type(raw_id) is str or type(raw_id) is UUID:
            key = raw_id
        else:
            key = str(raw_id)
        if isinstance(ts, int) and not isinstance(ts, bool):
            if self._skip and ts == self.last_timestamp and _text(key) in self._skip:
                return False
            if ts != self.last_timestamp:
                self.last_timestamp = ts
                self._ids_at_last = set() if key is None else {key}
            elif key is not None:
                self._ids_at_last.add(key)
        self.count += 1
        self._last_key = key
        return True

    @property
    def last_id(self) -> str | None:
        """The id of the last event yielded."""
        return _text(self._last_key)

    def arm(self) -> None:
        """Start the clock of the next event (after the headers, and after the caller took the events)."""
        if self._deadline is not None:
            self._due = time.monotonic() + self._deadline

    def feed(self, chunk: bytes) -> list[Any]:
        """The raw items completed by ``chunk`` (parsed one by one by the caller, as they are yielded).

        What makes the stream unusable is kept in ``failure``, for the caller to raise once it has yielded
        the items completed before it. Bytes arriving after the next event was due are not parsed: the
        stream has stalled.
        """
        due = self._due
        if due is not None and not self._done and time.monotonic() >= due:
            self.failure = _Stalled(f"no event completed within {self._deadline:g} s (the deadline)")
            return []
        try:
            piece = self._piece
            if len(chunk) <= piece:
                if not chunk:  # an empty send would tell the parser the body ended
                    pass
                elif self._fast:
                    self._scan(chunk)
                else:
                    self._feed(chunk)
            else:
                for start in range(0, len(chunk), piece):
                    if self._fast:
                        self._scan(chunk[start : start + piece])
                    else:
                        self._feed(chunk[start : start + piece])
        except _BadStream as exc:
            self.failure = exc
        items = self._items
        self._items = []
        return items

    def _scan(self, data: bytes) -> None:
        """The fast path: decode the complete items of the text so far, one ``scan_once`` each.

        What it cannot vouch for goes to the exact path from the end of the last complete item: a body that
        is not an array of objects, bytes that are not UTF-8, an item ``json`` refuses or that is unfinished
        but already invalid (per yajl), or unfinished for more than ``_hold`` characters.
        """
        pending = self._decoder.getstate()[0]
        try:
            text = self._text + self._decoder.decode(data)
        except UnicodeDecodeError:
            self._depart(self._text.encode() + pending + data, self._state)
            return
        state, pos, end = self._state, 0, len(text)
        if state in (_CLOSED, _BEFORE):
            at = _skip(text, 0)
            if at == end:
                if state == _CLOSED:
                    return
                if end > self._hold:
                    self._depart(text.encode(), state)
                else:
                    self._text = text
                return
            if state == _CLOSED or text[at] != "[":  # the exact path says what the body is instead
                self._depart(text.encode(), state)
                return
            pos, state = at + 1, _OPENED
        items, scan = self._items, _SCAN
        surrogates = _SURROGATE.search(text, pos) is not None
        while True:
            at = _skip(text, pos) if pos < end and text[pos] in _SPACE else pos
            if at == end:
                break
            char = text[at]
            if char == "]":
                self._state, self._done, self._text = _CLOSED, True, ""
                if _skip(text, at + 1) < end:
                    self._depart(text[at + 1 :].encode(), _CLOSED)
                return
            if state == _AFTER:
                if char != ",":
                    self._depart(text[pos:].encode(), state)
                    return
                at += 1
                if at < end and text[at] in _SPACE:
                    at = _skip(text, at)
                if at == end:
                    break
                char = text[at]
            if char != "{":
                self._depart(text[pos:].encode(), state)
                return
            try:
                item, stop = scan(text, at)
            except (ValueError, StopIteration, RecursionError):
                if self._unfinished(text, at):
                    break
                self._depart(text[pos:].encode(), state)
                return
            if text.count("{", at, stop) + text.count("[", at, stop) > self._containers or (
                surrogates and _SURROGATE.search(text, at, stop) is not None
            ):
                item = self._exactly(text[at:stop])
                if item is None:
                    self._depart(text[pos:].encode(), state)
                    return
            items.append(item)
            pos, state = stop, _AFTER
        self._state = state
        if end - pos > self._hold:
            self._depart(text[pos:].encode(), state)
        else:
            self._text = text[pos:]

    def _unfinished(self, text: str, at: int) -> bool:
        """True if the item at ``at``, which ``json`` could not read, is valid so far (per yajl)."""
        if text.count("{", at) + text.count("[", at) > self._containers:
            return False  # maybe too deep: the exact path counts
        events: Any = self._ijson.sendable_list()
        try:
            self._ijson.basic_parse_coro(events, use_float=False).send(b"[" + text[at:].encode())
        except (self._json_error, ValueError, SystemError):
            return False
        return True

    def _exactly(self, item: str) -> Any:
        """One complete item read by the exact path (surrogate escapes, or many containers), or None."""
        exact = _Parser(self._operation_id, sort=None, resume=None, raw=True, limits=self._limits)
        exact._fast = False
        items = exact.feed(b"[" + item.encode() + b"]") + exact.finish()
        return items[0] if exact.failure is None and len(items) == 1 else None

    def _depart(self, rest: bytes, state: int) -> None:
        """Hand ``rest`` to the exact path, first fed what puts it where the fast path stood."""
        self._fast = False
        self._text = ""
        prefix = _RESUME_AT[state]
        if prefix:
            self._coro.send(prefix)
            kept = len(self._items)
            self._build()
            del self._items[kept:]  # the synthetic item
        for start in range(0, len(rest), self._piece):
            self._feed(rest[start : start + self._piece])

    def _feed(self, data: bytes) -> None:
        failure: _BadStream | None = None
        try:
            self._coro.send(data)
        except self._json_error as exc:
            failure = _BadStream(f"the body is not valid JSON ({_one_line(exc)})")
            failure.__cause__ = exc
        except (ValueError, SystemError) as exc:
            # ijson's C backend, on a number of more than 4300 digits: its last event holds a NULL that
            # must never be read, so the piece's events are dropped unread.
            del self._events[:]
            raise _BadStream(f"the body holds a value that cannot be read ({_one_line(exc)})") from exc
        completed = self._build()  # the events before a syntax error still count
        if failure is not None:
            raise failure
        self._received += len(data)
        if completed:
            self._pending = 0
        elif not self._done:
            self._pending += len(data)
            if self._pending > self._max_event:
                raise _BadStream(
                    f"more than max_event_size ({self._max_event} bytes) without a complete event",
                    limit="max_event_size",
                    value=self._max_event,
                )

    def finish(self) -> list[Any]:
        """The last items, once the body has ended; ``failure`` says if it ended inside the array."""
        cause: Exception | None = None
        try:
            if self._fast:
                if self._state == _CLOSED:
                    return self._flush()
                self._depart(self._text.encode() + self._decoder.getstate()[0], self._state)
            try:
                self._coro.close()
            except self._json_error as exc:
                cause = exc
            except (ValueError, SystemError) as exc:
                cause = exc
                raise _BadStream(f"the body holds a value that cannot be read ({_one_line(exc)})") from exc
            self._build()
            if not self._started:
                if self._received == 0:
                    raise _BadStream("the body is empty, not a JSON array of events") from cause
                detail = f" ({_one_line(cause)})" if cause is not None else ""
                raise _BadStream(f"the body is not a JSON array of events{detail}") from cause
            if not self._done:
                raise _Truncated("the body ended before the JSON array was closed") from cause
            if cause is not None:
                raise _BadStream(f"the body is not valid JSON ({_one_line(cause)})") from cause
        except (_BadStream, _Truncated) as exc:
            self.failure = exc
        return self._flush()

    def _flush(self) -> list[Any]:
        items = self._items
        self._items = []
        return items

    def _build(self) -> bool:
        """Build items from the parser's pending events; True if one was completed.

        The hot loop of the stream: locals only, the commonest events first.
        """
        depth, stack, current, key = self._depth, self._stack, self._current, self._key
        items = self._items
        completed = False
        try:
            for event, value in self._events:
                if event == "map_key":
                    key = value
                elif event == "start_map" or event == "start_array":
                    depth += 1
                    if depth > self._max_depth:
                        raise _BadStream(
                            f"the body nests deeper than max_depth ({self._max_depth} levels)",
                            limit="max_depth",
                            value=self._max_depth,
                        )
                    container: Any = {} if event == "start_map" else []
                    if current is None:
                        if depth == 1:  # the top-level array itself: its items are yielded, never kept
                            if event == "start_map":
                                raise _BadStream("the body is a JSON object, not a JSON array of events")
                            self._started = True
                            continue
                    elif type(current) is dict:
                        current[key] = container
                    else:
                        current.append(container)
                    stack.append(current)
                    current = container
                elif event == "end_map" or event == "end_array":
                    depth -= 1
                    if depth == 0:
                        self._done = True
                        continue
                    finished = current
                    current = stack.pop()
                    if current is None:
                        items.append(finished)
                        completed = True
                else:
                    if event == "number" and type(value) is not int:
                        value = float(value)  # a Decimal, as json.loads would read it
                    if current is None:
                        if depth == 0:
                            raise _BadStream(f"the body is {_JSON_KINDS[event]}, not a JSON array of events")
                        items.append(value)
                        completed = True
                    elif type(current) is dict:
                        current[key] = value
                    else:
                        current.append(value)
        finally:
            del self._events[:]
            self._depth, self._current, self._key = depth, current, key
        return completed

    def error(self, response: httpx.Response, cause: BaseException) -> APIError:
        """The typed error for what broke the stream: only a cut connection is resumable."""
        if isinstance(cause, (httpx.TransportError, _Truncated)):
            return self.interrupted(response, cause)
        where = _describe(response.request.method, response.request.url)
        request_id = response.headers.get("x-request-id")
        if isinstance(cause, _BadStream):
            reason, limit, value = cause.reason, cause.limit, cause.value
        else:  # httpx.DecodingError: a lying Content-Encoding (the client decodes: _base_client)
            reason, limit, value = f"the body cannot be decoded ({_one_line(cause)})", None, 0
        message = (
            f"{where}: the event stream is unusable after {self.count} event(s) (request id"
            f" {request_id or '-'}): {reason}. Not resumable: the server would send the same data again."
        )
        context: dict[str, Any] = {
            "method": response.request.method,
            "url": str(response.request.url),
            "status_code": response.status_code,
            "request_id": request_id,
        }
        if limit == "max_depth":
            return ResponseTooDeepError(message, limit=limit, value=value, **context)
        if limit is not None:
            return ResponseTooLargeError(message, limit=limit, value=value, **context)
        return APIResponseValidationError(message, **context)

    def interrupted(self, response: httpx.Response, cause: BaseException) -> StreamInterruptedError:
        where = _describe(response.request.method, response.request.url)
        resumable = self._sort == "asc"
        detail = str(cause) if isinstance(cause, _Truncated) else f"{type(cause).__name__}: {cause}"
        hint = (
            f" Resume with reactivities(..., resume=exc) (reactivity_start={self.last_timestamp})."
            if resumable
            else " Exact resumption needs sort='asc'."
        )
        return StreamInterruptedError(
            f"{where}: the event stream was interrupted after {self.count} event(s)"
            f" (last timestamp {self.last_timestamp}, last id {self.last_id};"
            f" request id {response.headers.get('x-request-id') or '-'}):"
            f" {detail}.{hint}",
            method=response.request.method,
            url=str(response.request.url),
            count=self.count,
            last_timestamp=self.last_timestamp,
            last_event_id=self.last_id,
            ids_at_last_timestamp=frozenset(str(key) for key in self._ids_at_last),
            resumable=resumable,
        )


def _text(key: str | UUID | None) -> str | None:
    return None if key is None else str(key)


def _one_line(exc: BaseException) -> str:
    """ijson's messages span lines (with a caret under the data): one line, bounded."""
    detail = exc.args[0] if len(exc.args) == 1 else str(exc)
    if isinstance(detail, bytes):  # the C backend's messages are bytes, quoting the data as it came
        detail = detail.decode("utf-8", "backslashreplace")
    text = " ".join(str(detail).split())
    return text if len(text) <= 300 else text[:300] + "..."


class EventStream(Generic[EventT]):
    """An iterator of events over one streamed response; also a context manager.

    The request is sent on the first ``next()``. ``close()`` (or leaving the ``with`` block, or exhausting
    it) closes the connection. ``deadline``: the seconds each event may take to arrive (``client.deadline``;
    ``None``: unbounded).
    """

    def __init__(
        self,
        open_response: Callable[[], httpx.Response],
        operation_id: str,
        *,
        sort: str | None,
        resume: Resume | None,
        raw: bool = False,
        limits: Limits = DEFAULT_LIMITS,
        deadline: float | None = None,
    ) -> None:
        self._open = open_response
        self._raw = raw
        self._limits = limits
        self._deadline = deadline
        self._operation_id = operation_id
        self._sort = sort
        self._resume = resume
        self._gen: Generator[Any, None, None] | None = None
        self._parser: _Parser | None = None

    def _start(self) -> Generator[Any, None, None]:
        self._parser = _Parser(
            self._operation_id,
            sort=self._sort,
            resume=self._resume,
            raw=self._raw,
            limits=self._limits,
            deadline=self._deadline,
        )
        # A module-level generator: it must not hold ``self``, or dropping the stream after ``break`` would
        # leave a reference cycle and the connection open until the cyclic GC runs.
        return _sync_events(self._open, self._parser)

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> EventT:
        if self._gen is None:
            self._gen = self._start()
        event: EventT = next(self._gen)
        return event

    @property
    def count(self) -> int:
        """Events yielded so far."""
        return self._parser.count if self._parser is not None else 0

    def close(self) -> None:
        """Stop the stream and release its connection (also done by ``with`` and at the end)."""
        if self._gen is not None:
            self._gen.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncEventStream(Generic[EventT]):
    """The async twin of ``EventStream`` (``async for``; ``await aclose()`` or ``async with`` to stop)."""

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx.Response]],
        operation_id: str,
        *,
        sort: str | None,
        resume: Resume | None,
        raw: bool = False,
        limits: Limits = DEFAULT_LIMITS,
        deadline: float | None = None,
    ) -> None:
        self._open = open_response
        self._raw = raw
        self._limits = limits
        self._deadline = deadline
        self._operation_id = operation_id
        self._sort = sort
        self._resume = resume
        self._gen: AsyncGenerator[Any, None] | None = None
        self._parser: _Parser | None = None

    def _start(self) -> AsyncGenerator[Any, None]:
        self._parser = _Parser(
            self._operation_id,
            sort=self._sort,
            resume=self._resume,
            raw=self._raw,
            limits=self._limits,
            deadline=self._deadline,
        )
        return _async_events(self._open, self._parser)

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> EventT:
        if self._gen is None:
            self._gen = self._start()
        event: EventT = await self._gen.__anext__()
        return event

    @property
    def count(self) -> int:
        """Events yielded so far."""
        return self._parser.count if self._parser is not None else 0

    async def aclose(self) -> None:
        """Stop the stream and release its connection (also done by ``async with`` and at the end)."""
        if self._gen is not None:
            await self._gen.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _origin(exc: BaseException) -> BaseException | None:
    """What to chain a stream error from: the library's error, not the parser's internal signal."""
    return exc.__cause__ if isinstance(exc, (_BadStream, _Truncated)) else exc


def _sync_events(open_response: Callable[[], httpx.Response], parser: _Parser) -> Generator[Any, None, None]:
    response = open_response()
    try:
        try:
            parser.arm()
            for chunk in response.iter_bytes():
                items = parser.feed(chunk)
                if items:
                    for item in items:
                        event = parser.parse(item)
                        if parser.accept(event):
                            yield event
                    parser.arm()
                if parser.failure is not None:
                    raise parser.failure
            for item in parser.finish():
                event = parser.parse(item)
                if parser.accept(event):
                    yield event
            if parser.failure is not None:
                raise parser.failure
        except parser.stream_errors as exc:
            raise parser.error(response, exc) from _origin(exc)
    finally:
        response.close()


async def _async_events(
    open_response: Callable[[], Awaitable[httpx.Response]], parser: _Parser
) -> AsyncGenerator[Any, None]:
    response = await open_response()
    try:
        try:
            parser.arm()
            async for chunk in response.aiter_bytes():
                items = parser.feed(chunk)
                if items:
                    for item in items:
                        event = parser.parse(item)
                        if parser.accept(event):
                            yield event
                    parser.arm()
                if parser.failure is not None:
                    raise parser.failure
            for item in parser.finish():
                event = parser.parse(item)
                if parser.accept(event):
                    yield event
            if parser.failure is not None:
                raise parser.failure
        except parser.stream_errors as exc:
            raise parser.error(response, exc) from _origin(exc)
    finally:
        await response.aclose()
