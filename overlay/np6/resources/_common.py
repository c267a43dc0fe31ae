"""Argument checks and request plans shared by the sync and async resources (no I/O here)."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .._bodies import JsonBatch, check_json
from .._contacts import Contact
from .._dates import to_millis
from .._exceptions import (
    APIResponseValidationError,
    BatchOutcome,
    BatchProgress,
    NP6ValidationError,
    StreamInterruptedError,
)
from .._results import ExecutionResults
from .._streaming import Resume
from .._types import CHANNELS, SORTS, Channel

if TYPE_CHECKING:
    import asyncio

DEFAULT_BATCH_SIZE = 1000
"""Messages per request in ``actions.send`` and ``notifications.execute`` (per call: ``batch_size=``)."""

T = TypeVar("T")


class Plan(NamedTuple):
    """One generated call: the operationId and its keyword arguments."""

    operation_id: str
    kwargs: dict[str, Any]


_INT32 = (-(2**31), 2**31 - 1)  # the spec's NotificationId: integer, format int32
MAX_ID_LENGTH = 256
"""Longest text id accepted (NP6's are 6-8 characters); a longer one is refused before any request."""


def notification_id(value: object, name: str = "id") -> int:
    """A notification id: an ``int`` within the spec's int32 range."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise NP6ValidationError(
            f"notification {name} must be an int, got {type(value).__name__} ({_short(value)})"
        )
    low, high = _INT32
    if not low <= value <= high:
        raise NP6ValidationError(
            f"notification {name} must be within the API's int32 range [{low}, {high}], got {_short(value)}"
        )
    return value


def _short(value: object) -> str:
    """A ``repr`` cut to 60 characters: an error message must not carry a 100 kB argument back."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}... ({len(text)} characters)"


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise NP6ValidationError(f"{what} must be a str, got {type(value).__name__} ({_short(value)})")
    if not value.strip():
        raise NP6ValidationError(f"{what} must not be empty")
    if len(value) > MAX_ID_LENGTH:
        raise NP6ValidationError(f"{what} is {len(value)} characters long (at most {MAX_ID_LENGTH})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NP6ValidationError(
            f"{what} contains a lone surrogate ({_short(value)}): not valid text"
        ) from None
    return value


def action_id(value: object, name: str = "id") -> str:
    """An action id: a non-empty ``str`` (``"000PE4"``) of reasonable length."""
    return _text(value, f"action {name}")


def text_id(value: object, name: str) -> str:
    return _text(value, name)


def version_id(value: object) -> uuid.UUID | None:
    """None for the master version, else the version's UUID (from a str, a UUID or a version object)."""
    if isinstance(value, str) and value == "master":
        return None
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            raise NP6ValidationError(
                f"version must be 'master', a version UUID or a version object, got {_short(value)}"
            ) from None
    inner = getattr(value, "id", None)
    if isinstance(inner, uuid.UUID | str) and type(value).__name__ == "NotificationVersion":
        return version_id(inner if isinstance(inner, uuid.UUID) else str(inner))
    raise NP6ValidationError(
        f"version must be 'master', a version UUID (str or uuid.UUID) or a NotificationVersion with an id,"
        f" got {type(value).__name__}"
    )


def check_batch_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NP6ValidationError(f"batch_size must be an int >= 1, got {_short(value)}")
    return value


def check_concurrency(value: object, *, is_async: bool) -> int:
    """``concurrency=`` of the batched sends: how many batches may be in flight at once.

    Above 1 on ``AsyncNP6`` only: the sync client would need threads, and Ctrl-C cannot stop a batch in
    another thread (the call would either wait for every batch in flight or return while they still send).
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NP6ValidationError(f"concurrency must be an int >= 1, got {_short(value)}")
    if value > 1 and not is_async:
        raise NP6ValidationError(
            f"concurrency={value} needs AsyncNP6: NP6 (the sync client) sends one batch at a time;"
            " leave concurrency at 1, or send with AsyncNP6"
        )
    return value


def int32(value: object, name: str) -> int:
    """An ``int`` argument the spec types as int32 (e.g. ``duplicate(type=, folder=)``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise NP6ValidationError(f"{name} must be an int, got {_short(value)}")
    low, high = _INT32
    if not low <= value <= high:
        raise NP6ValidationError(f"{name} must be within the API's int32 range [{low}, {high}], got {value}")
    return value


def as_list(value: object, name: str) -> list[Any]:
    """Any iterable (list, tuple, generator, ...) as a list; a str, bytes or mapping is refused."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise NP6ValidationError(f"{name} must be a list (or another iterable), got {type(value).__name__}")
    return list(value)


def check_channel(value: object) -> Channel:
    if value not in CHANNELS:
        raise NP6ValidationError(f"channel must be 'email' or 'sms', got {_short(value)}")
    return value


def check_raw(value: object) -> bool:
    """``raw=`` of the reactivity streams: the events as NP6 sent them (dicts), or the generated models."""
    if not isinstance(value, bool):
        raise NP6ValidationError(f"raw must be True or False, got {value!r}")
    return value


def millis_kwargs(**dates: object) -> dict[str, Any]:
    """The date filters given, as milliseconds (``_dates.to_millis``), leaving out those that are None."""
    kwargs: dict[str, Any] = {}
    for name, value in dates.items():
        millis = to_millis(value, name=name)
        if millis is not None:
            kwargs[name] = millis
    return kwargs


def event_filters(
    *,
    activation_start: object,
    activation_end: object,
    reactivity_start: object,
    reactivity_end: object,
    sort: object,
    resume: StreamInterruptedError | None,
) -> tuple[dict[str, Any], str | None, Resume | None]:
    """The generated keyword arguments of a reactivity operation, the sort, and the resume point."""
    from np6_api.models.sort_order import SortOrder

    sort_text: str | None = None
    if sort is not None:
        sort_text = str(sort.value if isinstance(sort, SortOrder) else sort)
        if sort_text not in SORTS:
            raise NP6ValidationError(f"sort must be 'asc', 'desc' or None, got {sort!r}")
    resume_point: Resume | None = None
    if resume is not None:
        if not isinstance(resume, StreamInterruptedError):
            raise NP6ValidationError("resume must be the StreamInterruptedError of an earlier stream")
        if sort_text != "asc":
            raise NP6ValidationError("resume=... needs sort='asc' (events are resumed by timestamp)")
        if reactivity_start is not None:
            raise NP6ValidationError("give either resume=... or reactivity_start=..., not both")
        reactivity_start = resume.last_timestamp
        resume_point = Resume(resume.last_timestamp, resume.ids_at_last_timestamp)
    kwargs = millis_kwargs(
        activation_start=activation_start,
        activation_end=activation_end,
        reactivity_start=reactivity_start,
        reactivity_end=reactivity_end,
    )
    if sort_text is not None:
        kwargs["sort"] = SortOrder(sort_text)
    return kwargs, sort_text, resume_point


def reactivity_operation(
    kind: object, kinds: Sequence[str], scope_all: str, scope_one: str, one: bool
) -> str:
    if kind is None:
        kind = "reactivities"
    elif kind not in kinds:
        valid = ", ".join(repr(k) for k in kinds)
        raise NP6ValidationError(
            f"unknown reactivity kind {_short(kind)}: use None (all events) or one of {valid}"
        )
    return f"list_{kind}_of_{scope_one if one else scope_all}"


class BatchedMessages:
    """The messages of a batched send, all checked before any I/O, and how each batch is written and shown.

    Any message but a bare ``Contact`` becomes its request model (``model_of(index, item)``, checked as
    always). A bare ``Contact`` stays as it is: its text was checked when it was made, and its identifier is
    valid wherever a recipient goes (``tests/overlay/test_send_bodies.py`` checks every kind against the
    spec). The first one is checked in full in its place (``model_of(index, as_item(contact))``: shared
    data or overrides included); every other bare ``Contact``'s message differs from it only by that valid
    recipient, so it has the same verdict and needs no schema pass. Its JSON, written when its batch goes,
    is the first one's model's ``to_dict()`` with its own recipient (``recipient(contact)`` under
    ``key``): what its own model would give, without a model per message.
    """

    def __init__(
        self,
        items: list[Any],
        model_of: Callable[[int, Any], Any],
        as_item: Callable[[Contact], Any],
        key: str,
        recipient: Callable[[Contact], Any],
    ) -> None:
        self._key = key
        self._recipient = recipient
        self._template: dict[str, Any] | None = None  # the first bare Contact's model, as JSON
        self._cls: Any = None
        self.items: list[Any] = []
        for index, item in enumerate(items):
            if type(item) is Contact:
                if self._template is None:
                    first = model_of(index, as_item(item))
                    self._template, self._cls = first.to_dict(), type(first)
            else:
                item = model_of(index, item)
            self.items.append(item)

    def _json(self, contact: Contact) -> dict[str, Any]:
        return {**(self._template or {}), self._key: self._recipient(contact)}

    def batch(self, chunk: list[Any]) -> JsonBatch:
        """The JSON of one batch (any other message's from its model, as the generated code would)."""
        wire = [self._json(m) if type(m) is Contact else m.to_dict() for m in chunk]
        return JsonBatch(wire, self.models(chunk[:1])[0])

    def models(self, chunk: list[Any]) -> list[Any]:
        """The messages as request models (what ``batch_progress`` shows, as before). Each has its own copy
        of the shared fields, as when each message had its own model."""
        shared = self._template is not None and len(self._template) > 1
        return [
            (self._cls.from_dict(json.loads(json.dumps(self._json(m))) if shared else self._json(m)))
            if type(m) is Contact
            else m
            for m in chunk
        ]


def check_results(results: object, sent: list[Any], what: str) -> list[Any]:
    if not isinstance(results, list) or len(results) != len(sent):
        got = len(results) if isinstance(results, list) else type(results).__name__
        raise APIResponseValidationError(f"{what}: sent {len(sent)} message(s), got {got} result(s)")
    return results


Shown = Callable[[list[Any]], list[Any]]
"""How the items of a batched send appear in its ``BatchProgress`` (the messages as the caller reads them)."""


def _as_given(items: list[Any]) -> list[Any]:
    return items


def _attach(
    exc: BaseException, results: list[Any], chunk: list[Any], rest: list[Any], shown: Shown = _as_given
) -> None:
    """Record where the batched send stood on ``exc`` (``batch_progress``), unless an inner call did."""
    if getattr(exc, "batch_progress", None) is None:
        _attach_progress(exc, BatchProgress(ExecutionResults(results), shown(chunk), shown(rest)))


def run_batches(
    call: Callable[[list[Any]], list[Any]],
    items: list[Any],
    size: int,
    what: str,
    shown: Shown = _as_given,
) -> ExecutionResults:
    """Send ``items`` ``size`` per call; on ANY exception (an API error, ``KeyboardInterrupt``, ...) attach
    ``batch_progress``: the results so far, the batch in flight (outcome unknown unless the error says it
    was refused) and the items never tried, each through ``shown``; then re-raise the same exception."""
    results: list[Any] = []
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        try:
            results.extend(check_results(call(chunk), chunk, what))
        except BaseException as exc:
            _attach(exc, results, chunk, items[start + size :], shown)
            raise
    return ExecutionResults(results)


async def arun_batches(
    call: Callable[[list[Any]], Awaitable[list[Any]]],
    items: list[Any],
    size: int,
    what: str,
    concurrency: int = 1,
    shown: Shown = _as_given,
) -> ExecutionResults:
    """The async twin of ``run_batches``: ``asyncio.CancelledError`` (a cancelled task, ``wait_for``
    expiring) carries ``batch_progress`` too; ``batch_progress_of()`` finds it through ``wait_for``'s
    ``TimeoutError``. With ``concurrency`` > 1, ``_concurrent_batches``."""
    if concurrency > 1:
        return await _concurrent_batches(call, items, size, what, concurrency, shown)
    results: list[Any] = []
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        try:
            results.extend(check_results(await call(chunk), chunk, what))
        except BaseException as exc:
            _attach(exc, results, chunk, items[start + size :], shown)
            raise
    return ExecutionResults(results)


async def _concurrent_batches(
    call: Callable[[list[Any]], Awaitable[list[Any]]],
    items: list[Any],
    size: int,
    what: str,
    concurrency: int,
    shown: Shown = _as_given,
) -> ExecutionResults:
    """Up to ``concurrency`` batches in flight (each its own task), started in input order, results in
    input order whatever order the answers come in.

    A batch that fails stops the send: no new batch starts, the batches in flight are NOT cancelled (a
    cancelled batch that reached NP6 would turn a known answer into an unknown outcome) but awaited and
    reported, then the error of the FIRST failed batch in input order is raised with the ``BatchProgress``
    of them all (``later`` holds the batches after it). Cancelling the send (``task.cancel()``,
    ``wait_for``, Ctrl-C under ``asyncio.run``) cancels the batches in flight: their outcome is unknown
    unless they had already been answered.
    """
    import asyncio  # here: a sync client never loads asyncio (start-up, issue 13)

    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    answers: list[list[Any] | None] = [None] * len(chunks)
    errors: dict[int, BaseException] = {}
    running: dict[asyncio.Task[list[Any]], int] = {}
    started = 0

    def collect(task: asyncio.Task[list[Any]]) -> None:
        index = running.pop(task)
        if task.cancelled():
            errors[index] = _cancelled_error(task)
        elif (error := task.exception()) is not None:
            errors[index] = error
        else:
            try:
                answers[index] = check_results(task.result(), chunks[index], what)
            except Exception as exc:
                errors[index] = exc

    try:
        while True:
            while not errors and started < len(chunks) and len(running) < concurrency:
                running[asyncio.ensure_future(call(chunks[started]))] = started
                started += 1
            if not running:
                break
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                collect(task)
    except BaseException as stop:  # this task cancelled (wait_for, Ctrl-C under asyncio.run), or worse
        for task in running:
            task.cancel()
        try:
            if running:
                await asyncio.wait(running)
        finally:
            for task in [t for t in running if t.done()]:
                collect(task)
            for index in running.values():  # still not done (cancelled again while waiting)
                errors[index] = stop
            if getattr(stop, "batch_progress", None) is None:
                _attach_progress(stop, _progress(chunks, answers, errors, started, shown))
        raise
    if errors:
        first = min(errors)
        if getattr(errors[first], "batch_progress", None) is None:
            _attach_progress(errors[first], _progress(chunks, answers, errors, started, shown))
        raise errors[first]
    return ExecutionResults([result for answer in answers if answer is not None for result in answer])


def _cancelled_error(task: asyncio.Task[Any]) -> BaseException:
    """The ``CancelledError`` a cancelled batch ended with (the one its request marked as sent or not)."""
    import asyncio

    try:
        task.result()
    except asyncio.CancelledError as exc:
        return exc
    return asyncio.CancelledError()  # pragma: no cover - a cancelled task always raises


def _progress(
    chunks: list[list[Any]],
    answers: list[list[Any] | None],
    errors: dict[int, BaseException],
    started: int,
    shown: Shown = _as_given,
) -> BatchProgress:
    """Where a concurrent send stands: the answered batches up to the first that was not answered, that
    batch (``failed``), the batches started after it (``later``) and those never started (``unsent``)."""
    first = next((i for i in range(started) if answers[i] is None), started)
    results = [result for answer in answers[:first] for result in answer or ()]
    later = [
        BatchOutcome(
            shown(chunks[i]),
            None if answers[i] is None else ExecutionResults(answers[i] or ()),
            errors.get(i),
        )
        for i in range(first + 1, started)
    ]
    unsent = [item for chunk in chunks[started:] for item in chunk]
    failed = chunks[first] if first < started else []
    return BatchProgress(ExecutionResults(results), shown(failed), shown(unsent), later)


def _attach_progress(exc: BaseException, progress: BatchProgress) -> None:
    """Set ``exc.batch_progress`` unless an inner call did (nested batched sends keep the innermost)."""
    if getattr(exc, "batch_progress", None) is None:
        with contextlib.suppress(AttributeError):  # an exception class with __slots__: nothing to attach to
            exc.batch_progress = progress  # type: ignore[attr-defined]  # documented on every interruption


def batch_progress_of(exc: BaseException) -> BatchProgress | None:
    """The ``BatchProgress`` attached to ``exc`` or to an exception in its cause/context chain.

    ``asyncio.wait_for`` raises ``TimeoutError`` from the ``CancelledError`` that stopped the send, so the
    progress is one link down the chain; this finds it wherever it is.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        progress = getattr(current, "batch_progress", None)
        if isinstance(progress, BatchProgress):
            return progress
        current = current.__cause__ or current.__context__
    return None


def given(**fields: object) -> dict[str, Any]:
    """The keyword arguments that were given (not None), under the API's JSON field names as passed."""
    return {key: value for key, value in fields.items() if value is not None}


def merged(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied: nested objects are merged key by key, anything else (lists
    included) is replaced. What a partial update writes back."""
    out = dict(base)
    for key, value in changes.items():
        current = out.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            out[key] = merged(current, value)
        else:
            out[key] = value
    return out


def as_json(value: object, name: str) -> dict[str, Any]:
    """A body given as a generated model or a mapping, as a JSON-shaped dict (to merge with keywords)."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and type(value).__module__.startswith("np6_api.models."):
        data = to_dict()
        if isinstance(data, dict):
            return data
    raise NP6ValidationError(
        f"{name} must be a dict in the API's JSON shape or a generated model, got {type(value).__name__}"
    )


def changes_of(changes: object, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The patch of a partial update (``changes`` with the keywords over it), checked before any request."""
    patch = merged(as_json(changes, "changes"), fields)
    if not patch:
        raise NP6ValidationError("update() needs at least one change (a dict or a keyword such as name=)")
    check_json(patch, "changes")
    return patch
