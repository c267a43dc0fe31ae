"""Streaming of reactivity events: the JSON array is parsed incrementally (ijson), one event at a time.

Each event is dispatched on its ``type`` to the generated variant class, through a ``type -> class`` map
derived once from the generated code (the endpoint's return annotation gives the variants, each variant's
``type_: Literal[...]`` annotation gives its type): O(1) per event. An unknown type, or a known one that fails
to parse, falls back to the generated ``UnknownEvent`` (kept raw). The response is closed in ``finally``, so
stopping early (``break``, ``close()``, leaving a ``with`` block) frees the connection.

A transport failure or a truncated body after the first byte raises ``StreamInterruptedError`` with the
resume point (``last_timestamp``, ``last_event_id``, ``count``, ``ids_at_last_timestamp``).
"""

from __future__ import annotations

import ast
import functools
import types
import typing
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from ._base_client import _describe
from ._exceptions import APIResponseValidationError, StreamInterruptedError
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


class _Parser:
    """Turns the byte chunks of one response into events, tracking the resume point."""

    def __init__(
        self, operation_id: str, *, sort: str | None, resume: Resume | None, raw: bool = False
    ) -> None:
        import ijson  # type: ignore[import-untyped]

        from np6_api.types import Unset

        self._unset = Unset
        self._raw = raw
        self._known, self._fallback = variant_map(operation_id)
        self._items: Any = ijson.sendable_list()
        self._coro = ijson.items_coro(self._items, "item", use_float=True)
        # What breaks a stream after its first byte (raised as StreamInterruptedError).
        self.stream_errors: tuple[type[BaseException], ...] = (httpx.TransportError, ijson.JSONError)
        self._sort = sort
        self._skip = resume.ids if resume is not None and resume.timestamp is not None else frozenset()
        self.count = 0
        self.last_timestamp: int | None = resume.timestamp if resume is not None else None
        self.last_id: str | None = None
        self._ids_at_last: set[str] = set(self._skip)

    def parse(self, data: Any) -> Any:
        if not isinstance(data, dict):
            raise APIResponseValidationError(f"a reactivity item is not a JSON object: {str(data)[:200]!r}")
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
            raise APIResponseValidationError(
                f"a reactivity item cannot be parsed ({type(exc).__name__}: {exc}): {str(data)[:200]!r}"
            ) from exc

    def accept(self, event: Any) -> bool:
        """Update the resume point for an event about to be yielded; False to skip an already-seen one."""
        if isinstance(event, dict):
            ts, raw_id = event.get("timestamp"), event.get("id")
        else:
            ts, raw_id = getattr(event, "timestamp", None), getattr(event, "id", None)
        event_id = None if raw_id is None or isinstance(raw_id, self._unset) else str(raw_id)
        if isinstance(ts, int) and not isinstance(ts, bool):
            if self._skip and ts == self.last_timestamp and event_id in self._skip:
                return False
            if ts != self.last_timestamp:
                self.last_timestamp = ts
                self._ids_at_last = set()
            if event_id is not None:
                self._ids_at_last.add(event_id)
        self.count += 1
        self.last_id = event_id
        return True

    def feed(self, chunk: bytes) -> list[Any]:
        self._coro.send(chunk)
        return self._drain()

    def finish(self) -> list[Any]:
        self._coro.close()
        return self._drain()

    def _drain(self) -> list[Any]:
        """The raw items completed so far (parsed one by one by the caller, as they are yielded)."""
        if not self._items:
            return []
        out = list(self._items)
        del self._items[:]
        return out

    def interrupted(self, response: httpx.Response, cause: BaseException) -> StreamInterruptedError:
        where = _describe(response.request.method, response.request.url)
        resumable = self._sort == "asc"
        hint = (
            f" Resume with reactivities(..., resume=exc) (reactivity_start={self.last_timestamp})."
            if resumable
            else " Exact resumption needs sort='asc'."
        )
        return StreamInterruptedError(
            f"{where}: the event stream was interrupted after {self.count} event(s)"
            f" (last timestamp {self.last_timestamp}, last id {self.last_id};"
            f" request id {response.headers.get('x-request-id') or '-'}):"
            f" {type(cause).__name__}: {cause}.{hint}",
            method=response.request.method,
            url=str(response.request.url),
            count=self.count,
            last_timestamp=self.last_timestamp,
            last_event_id=self.last_id,
            ids_at_last_timestamp=frozenset(self._ids_at_last),
            resumable=resumable,
        )


class EventStream(Generic[EventT]):
    """An iterator of events over one streamed response; also a context manager.

    The request is sent on the first ``next()``. ``close()`` (or leaving the ``with`` block, or exhausting
    it) closes the connection.
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
    ) -> None:
        self._open = open_response
        self._raw = raw
        self._limits = limits
        self._operation_id = operation_id
        self._sort = sort
        self._resume = resume
        self._gen: Generator[Any, None, None] | None = None
        self._parser: _Parser | None = None

    def _start(self) -> Generator[Any, None, None]:
        self._parser = _Parser(self._operation_id, sort=self._sort, resume=self._resume, raw=self._raw)
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
    ) -> None:
        self._open = open_response
        self._raw = raw
        self._limits = limits
        self._operation_id = operation_id
        self._sort = sort
        self._resume = resume
        self._gen: AsyncGenerator[Any, None] | None = None
        self._parser: _Parser | None = None

    def _start(self) -> AsyncGenerator[Any, None]:
        self._parser = _Parser(self._operation_id, sort=self._sort, resume=self._resume, raw=self._raw)
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


def _sync_events(open_response: Callable[[], httpx.Response], parser: _Parser) -> Generator[Any, None, None]:
    response = open_response()
    try:
        try:
            for chunk in response.iter_bytes():
                for item in parser.feed(chunk):
                    event = parser.parse(item)
                    if parser.accept(event):
                        yield event
            tail = parser.finish()
        except parser.stream_errors as exc:
            raise parser.interrupted(response, exc) from exc
        for item in tail:
            event = parser.parse(item)
            if parser.accept(event):
                yield event
    finally:
        response.close()


async def _async_events(
    open_response: Callable[[], Awaitable[httpx.Response]], parser: _Parser
) -> AsyncGenerator[Any, None]:
    response = await open_response()
    try:
        try:
            async for chunk in response.aiter_bytes():
                for item in parser.feed(chunk):
                    event = parser.parse(item)
                    if parser.accept(event):
                        yield event
            tail = parser.finish()
        except parser.stream_errors as exc:
            raise parser.interrupted(response, exc) from exc
        for item in tail:
            event = parser.parse(item)
            if parser.accept(event):
                yield event
    finally:
        await response.aclose()
