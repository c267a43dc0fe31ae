"""The concurrent batch runner alone (``arun_batches`` with ``concurrency`` > 1), with a call whose every
batch waits for the test's say-so: which batches start, and when, without any network timing.

The sandbox tests (``test_concurrent_send.py``) prove the same rules end to end; here the order of events is
chosen exactly: a batch that fails while others are in flight, two failing in the reverse of input order.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import np6
from np6.resources._common import arun_batches

pytestmark = pytest.mark.anyio

SIZE = 2
ITEMS = list(range(20))  # ten batches: batch i holds items 2i and 2i+1


class Batches:
    """A fake send: each batch records that it started, then waits until the test answers or fails it."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self._outcomes: dict[int, asyncio.Future[BaseException | None]] = {}

    def _outcome(self, index: int) -> asyncio.Future[BaseException | None]:
        return self._outcomes.setdefault(index, asyncio.get_running_loop().create_future())

    async def call(self, chunk: list[Any]) -> list[Any]:
        index = chunk[0] // SIZE
        self.started.append(index)
        error = await self._outcome(index)
        if error is not None:
            raise error
        return [f"result {item}" for item in chunk]

    def answer(self, index: int) -> None:
        self._outcome(index).set_result(None)

    def fail(self, index: int, error: BaseException) -> None:
        self._outcome(index).set_result(error)


async def settle() -> None:
    """Let every task run until it waits on something the test controls."""
    for _ in range(20):
        await asyncio.sleep(0)


async def test_answers_out_of_order_give_results_in_order() -> None:
    batches = Batches()
    send = asyncio.ensure_future(arun_batches(batches.call, ITEMS, SIZE, "op", 3))
    await settle()
    assert batches.started == [0, 1, 2]
    for index in (2, 1):  # later batches answer first; a freed slot starts the next batch in input order
        batches.answer(index)
        await settle()
    assert batches.started == [0, 1, 2, 3, 4]
    for index in (4, 3, 0, 7, 6, 5, 9, 8):
        await settle()
        batches.answer(index)
    assert await send == [f"result {item}" for item in ITEMS]


async def test_no_batch_starts_after_a_failure_and_those_in_flight_are_reported() -> None:
    batches = Batches()
    send = asyncio.ensure_future(arun_batches(batches.call, ITEMS, SIZE, "op", 4))
    await settle()
    error = np6.APIError("batch 1 refused")
    batches.fail(1, error)
    await settle()
    assert batches.started == [0, 1, 2, 3]  # its slot is free, but no new batch starts
    for index in (3, 0, 2):
        batches.answer(index)
        await settle()
    assert batches.started == [0, 1, 2, 3]
    with pytest.raises(np6.APIError) as info:
        await send
    assert info.value is error
    progress = info.value.batch_progress
    assert progress is not None
    assert progress.results == ["result 0", "result 1"]
    assert progress.failed == [2, 3]
    assert [(b.messages, b.results, b.error) for b in progress.later] == [
        ([4, 5], ["result 4", "result 5"], None),
        ([6, 7], ["result 6", "result 7"], None),
    ]
    assert progress.unsent == ITEMS[8:]


async def test_the_first_failure_in_input_order_is_raised() -> None:
    batches = Batches()
    send = asyncio.ensure_future(arun_batches(batches.call, ITEMS, SIZE, "op", 4))
    await settle()
    first_in_time, first_in_order = np6.APIConnectionError("batch 2"), np6.APIError("batch 1")
    batches.fail(2, first_in_time)
    await settle()
    batches.answer(0)
    batches.answer(3)
    await settle()
    batches.fail(1, first_in_order)
    with pytest.raises(np6.APIError) as info:
        await send
    assert info.value is first_in_order
    progress = np6.batch_progress_of(info.value)
    assert progress is not None and progress.results == ["result 0", "result 1"] and progress.failed == [2, 3]
    assert [(b.messages, b.error) for b in progress.later] == [([4, 5], first_in_time), ([6, 7], None)]
    assert progress.later[1].results == ["result 6", "result 7"] and progress.unsent == ITEMS[8:]


async def test_a_wrong_number_of_results_fails_that_batch() -> None:
    async def call(chunk: list[Any]) -> list[Any]:
        return chunk[:1] if chunk[0] == 4 else chunk

    with pytest.raises(np6.APIResponseValidationError, match="op: sent 2 message") as info:
        await arun_batches(call, ITEMS, SIZE, "op", 4)
    progress = info.value.batch_progress
    assert progress is not None and progress.results == ITEMS[:4] and progress.failed == [4, 5]
    assert [item for b in progress.later for item in b.messages] + progress.unsent == ITEMS[6:]


async def test_cancelled_while_batches_are_in_flight() -> None:
    batches = Batches()
    send = asyncio.ensure_future(arun_batches(batches.call, ITEMS, SIZE, "op", 4))
    await settle()
    batches.answer(0)
    batches.answer(2)
    await settle()
    assert batches.started == [0, 1, 2, 3, 4, 5]
    send.cancel()
    with pytest.raises(asyncio.CancelledError) as info:
        await send
    progress = np6.batch_progress_of(info.value)
    assert progress is not None
    assert progress.results == ["result 0", "result 1"] and progress.failed == [2, 3]
    assert [(b.messages, b.results) for b in progress.later] == [
        ([4, 5], ["result 4", "result 5"]),  # answered before the cancel: known
        ([6, 7], None),
        ([8, 9], None),
        ([10, 11], None),
    ]
    assert all(isinstance(b.error, asyncio.CancelledError) for b in progress.later[1:])
    assert progress.unsent == ITEMS[12:]
    assert repr(progress) == "BatchProgress(results=2, failed=2, unsent=8, later=4 batch(es))"
