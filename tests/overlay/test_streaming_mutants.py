"""The resume point of a stream, event by event (issue 16): what each event does to it, across a resume.

respx serves exact bodies, cut where a test needs it (a truncated JSON array is what a dropped connection
leaves), so each rule of ``_Parser.accept`` is pinned: an event without a timestamp (or with a boolean one)
leaves the resume point alone, an event without an id is never taken for one already seen, a skip needs the
same timestamp AND a seen id, and leaving a stream (sync or async) closes its connection.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

import np6

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)
KEY = "sk-unit-9f8e7d6c5b4a"
PATH = "/actions/reactivities"


def hit(event_id: str | None, timestamp: object) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "hit"}
    if event_id is not None:
        event["id"] = event_id
    if timestamp is not None:
        event["timestamp"] = timestamp
    return event


def body(*events: dict[str, Any], cut: bool = False) -> bytes:
    """The JSON array of `events`; with `cut`, followed by half an event and no closing bracket."""
    text = json.dumps(list(events))
    if cut:
        text = text[:-1] + (", " if events else "") + '{"type": "hit", "id": "half", "times'
    return text.encode()


def interrupted(respx_mock: respx.MockRouter, *events: dict[str, Any]) -> tuple[list[Any], Any]:
    """The events a cut stream yields and its StreamInterruptedError."""
    respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(*events, cut=True)))
    got: list[Any] = []
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.StreamInterruptedError) as info:
        for event in client.actions.reactivities(sort="asc", raw=True):
            got.append(event)
    return got, info.value


def resumed(
    respx_mock: respx.MockRouter, exc: Any, *events: dict[str, Any]
) -> tuple[list[Any], httpx.Request]:
    route = respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(*events)))
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        got = list(client.actions.reactivities(sort="asc", raw=True, resume=exc))
    return got, route.calls.last.request


@respx.mock(base_url=BASE)
def test_an_event_without_timestamp_keeps_the_resume_point(respx_mock: respx.MockRouter) -> None:
    a, b, c = hit("a", 5), hit("b", None), hit("c", 6)
    got, exc = interrupted(respx_mock, a, b)
    assert got == [a, b]
    assert (exc.count, exc.last_timestamp, exc.last_event_id) == (2, 5, "b")
    assert exc.ids_at_last_timestamp == frozenset({"a"})
    again, request = resumed(respx_mock, exc, a, b, c)
    assert request.url.params["reactivityStart"] == "5"
    assert again == [b, c]  # a is not repeated; b (no timestamp) cannot be told apart, so it is kept


@respx.mock(base_url=BASE)
def test_a_boolean_timestamp_is_no_timestamp(respx_mock: respx.MockRouter) -> None:
    got, exc = interrupted(respx_mock, hit("a", 5), hit("t", True), hit("f", False))
    assert len(got) == 3
    assert exc.last_timestamp == 5
    assert exc.ids_at_last_timestamp == frozenset({"a"})


@respx.mock(base_url=BASE)
def test_an_event_without_id_is_never_skipped_after_a_resume(respx_mock: respx.MockRouter) -> None:
    a, x, c = hit("a", 5), hit(None, 5), hit("c", 6)
    got, exc = interrupted(respx_mock, a, x)
    assert got == [a, x]
    assert exc.last_event_id is None
    assert exc.ids_at_last_timestamp == frozenset({"a"})
    again, _ = resumed(respx_mock, exc, a, x, c)
    assert again == [x, c]


@respx.mock(base_url=BASE)
def test_an_id_equal_to_the_text_none_is_an_id(respx_mock: respx.MockRouter) -> None:
    _got, exc = interrupted(respx_mock, hit("None", 5), hit(None, 5))
    assert exc.ids_at_last_timestamp == frozenset({"None"})
    again, _ = resumed(respx_mock, exc, hit("None", 5), hit(None, 5))
    assert again == [hit(None, 5)]


@respx.mock(base_url=BASE)
def test_a_numeric_id_is_compared_as_text(respx_mock: respx.MockRouter) -> None:
    _got, exc = interrupted(respx_mock, hit(7, 5))  # type: ignore[arg-type]
    assert exc.last_event_id == "7"
    assert exc.ids_at_last_timestamp == frozenset({"7"})
    again, _ = resumed(respx_mock, exc, hit(7, 5), hit(8, 5))  # type: ignore[arg-type]
    assert again == [hit(8, 5)]  # type: ignore[arg-type]


@respx.mock(base_url=BASE)
def test_a_seen_id_at_another_timestamp_is_not_skipped(respx_mock: respx.MockRouter) -> None:
    _got, exc = interrupted(respx_mock, hit("a", 5))
    again, _ = resumed(respx_mock, exc, hit("a", 5), hit("b", 5), hit("a", 6))
    assert again == [hit("b", 5), hit("a", 6)]


@respx.mock(base_url=BASE)
def test_a_new_timestamp_starts_a_new_set_of_seen_ids(respx_mock: respx.MockRouter) -> None:
    _got, exc = interrupted(respx_mock, hit("a", 5), hit("b", 5), hit("c", 6), hit("d", 6))
    assert (exc.last_timestamp, exc.last_event_id, exc.count) == (6, "d", 4)
    assert exc.ids_at_last_timestamp == frozenset({"c", "d"})
    again, _ = resumed(respx_mock, exc, hit("c", 6), hit("d", 6), hit("e", 6), hit("f", 7))
    assert again == [hit("e", 6), hit("f", 7)]


@respx.mock(base_url=BASE)
def test_a_resumed_stream_that_breaks_again_keeps_the_earlier_ids(respx_mock: respx.MockRouter) -> None:
    _, first = interrupted(respx_mock, hit("a", 5), hit("b", 5))
    respx_mock.get(PATH).mock(
        return_value=httpx.Response(200, content=body(hit("a", 5), hit("c", 5), cut=True))
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.StreamInterruptedError) as info:
        got = []
        for event in client.actions.reactivities(sort="asc", raw=True, resume=first):
            got.append(event)
    assert got == [hit("c", 5)]
    second = info.value
    assert second.last_timestamp == 5
    assert second.ids_at_last_timestamp == frozenset({"a", "b", "c"})
    again, _ = resumed(respx_mock, second, hit("a", 5), hit("b", 5), hit("c", 5), hit("d", 6))
    assert again == [hit("d", 6)]


@respx.mock(base_url=BASE)
def test_a_stream_cut_before_any_event_resumes_from_the_start(respx_mock: respx.MockRouter) -> None:
    got, exc = interrupted(respx_mock)
    assert got == []
    assert (exc.count, exc.last_timestamp, exc.last_event_id) == (0, None, None)
    again, request = resumed(respx_mock, exc, hit("a", 5))
    assert again == [hit("a", 5)]
    assert "reactivityStart" not in request.url.params


@respx.mock(base_url=BASE)
def test_the_interruption_message_says_how_to_resume(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(
        return_value=httpx.Response(200, content=body(hit("a", 5), cut=True), headers={"x-request-id": "r-1"})
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.StreamInterruptedError) as asc:
            list(client.actions.reactivities(sort="asc", raw=True))
        with pytest.raises(np6.StreamInterruptedError) as unsorted:
            list(client.actions.reactivities(raw=True))
    assert asc.value.resumable is True
    assert "(reactivity_start=5)" in str(asc.value)
    assert "after 1 event(s)" in str(asc.value)
    assert "request id r-1" in str(asc.value)
    assert "GET /actions/reactivities" in str(asc.value)
    assert unsorted.value.resumable is False
    assert "Exact resumption needs sort='asc'" in str(unsorted.value)


@respx.mock(base_url=BASE)
def test_parsed_events_without_id_or_timestamp(respx_mock: respx.MockRouter) -> None:
    teleport = {"type": "teleport"}  # an unknown kind: kept as UnknownEvent, id and timestamp UNSET
    respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(hit("a", 5), teleport, cut=True)))
    got: list[str] = []
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.StreamInterruptedError) as info:
        for event in client.actions.reactivities(sort="asc"):
            got.append(type(event).__name__)
    assert got == ["UnknownEvent", "UnknownEvent"]  # "a" is not a UUID: the hit is kept raw too
    assert info.value.last_event_id is None
    assert info.value.last_timestamp == 5
    assert info.value.count == 2


@respx.mock(base_url=BASE)
def test_unhashable_or_unparseable_items(respx_mock: respx.MockRouter) -> None:
    odd = {"type": ["hit"], "id": "q", "timestamp": 1}  # a list is not a kind: the fallback keeps it
    respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(odd, {"id": "no-type"})))
    with np6.NP6(api_key=KEY, base_url=BASE) as client:
        stream = client.actions.reactivities()
        first = next(stream)
        assert type(first).__name__ == "UnknownEvent"
        with pytest.raises(np6.APIResponseValidationError, match="cannot be parsed"):
            next(stream)


@respx.mock(base_url=BASE)
def test_leaving_a_sync_stream_closes_its_response(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(hit("a", 5), hit("b", 6))))
    responses: list[httpx.Response] = []
    with (
        httpx.Client(event_hooks={"response": [responses.append]}) as http,
        np6.NP6(api_key=KEY, base_url=BASE, http_client=http) as client,
    ):
        stream = client.actions.reactivities(raw=True)
        assert stream.count == 0
        stream.close()  # before the first next(): nothing to close, nothing sent
        assert responses == []
        with client.actions.reactivities(raw=True) as stream:
            assert next(stream) == hit("a", 5)
            assert stream.count == 1
            assert not responses[-1].is_closed
        assert responses[-1].is_closed


@pytest.mark.anyio
@respx.mock(base_url=BASE)
async def test_leaving_an_async_stream_closes_its_response(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(hit("a", 5), hit("b", 6))))
    responses: list[httpx.Response] = []

    async def record(response: httpx.Response) -> None:
        responses.append(response)

    async with (
        httpx.AsyncClient(event_hooks={"response": [record]}) as http,
        np6.AsyncNP6(api_key=KEY, base_url=BASE, http_client=http) as client,
    ):
        stream = client.actions.reactivities(raw=True)
        assert stream.count == 0
        await stream.aclose()
        assert responses == []
        async with client.actions.reactivities(raw=True) as stream:
            assert await stream.__anext__() == hit("a", 5)
            assert stream.count == 1
            assert not responses[-1].is_closed
        assert responses[-1].is_closed


@pytest.mark.anyio
@respx.mock(base_url=BASE)
async def test_async_resume_rules(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(
        return_value=httpx.Response(200, content=body(hit("a", 5), hit(None, 5), hit("b", None), cut=True))
    )
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        got = []
        with pytest.raises(np6.StreamInterruptedError) as info:
            async for event in client.actions.reactivities(sort="asc", raw=True):
                got.append(event)
        exc = info.value
        assert got == [hit("a", 5), hit(None, 5), hit("b", None)]
        assert (exc.last_timestamp, exc.last_event_id) == (5, "b")
        assert exc.ids_at_last_timestamp == frozenset({"a"})
        respx_mock.get(PATH).mock(
            return_value=httpx.Response(200, content=body(hit("a", 5), hit(None, 5), hit("a", 6)))
        )
        again = [e async for e in client.actions.reactivities(sort="asc", raw=True, resume=exc)]
    assert again == [hit(None, 5), hit("a", 6)]


# ------------------------------------------------------------------------- the variant map, the defaults
def test_literal_value_of_string_annotations() -> None:
    """Models written with postponed annotations give ``type_`` as text: the same values come out."""
    from np6._streaming import _literal_value

    assert _literal_value("Literal['hit']") == "hit"
    assert _literal_value('Literal["bounce"]') == "bounce"
    assert _literal_value("Literal[3]") is None
    assert _literal_value("Literal[x]") is None
    assert _literal_value("List['hit']") is None
    assert _literal_value("typing.Literal['hit']") is None
    assert _literal_value("Literal") is None
    assert _literal_value("str") is None


def test_literal_value_of_real_annotations() -> None:
    from typing import Literal

    from np6._streaming import _literal_value

    assert _literal_value(Literal["hit"]) == "hit"
    assert _literal_value(Literal[3]) is None
    assert _literal_value(str) is None


def _opener(*events: dict[str, Any]) -> Any:
    request = httpx.Request("GET", BASE + PATH)
    return lambda: httpx.Response(200, content=body(*events), request=request)


def test_a_stream_parses_events_unless_raw_is_asked() -> None:
    from np6._streaming import EventStream

    event = {"type": "teleport", "id": "x", "timestamp": 5}
    (parsed,) = list(EventStream(_opener(event), "list_reactivities_of_all_actions", sort=None, resume=None))
    assert type(parsed).__name__ == "UnknownEvent"


@pytest.mark.anyio
async def test_an_async_stream_parses_events_unless_raw_is_asked() -> None:
    from np6._streaming import AsyncEventStream

    event = {"type": "teleport", "id": "x", "timestamp": 5}
    request = httpx.Request("GET", BASE + PATH)

    async def open_response() -> httpx.Response:
        return httpx.Response(200, content=body(event), request=request)

    stream = AsyncEventStream(open_response, "list_reactivities_of_all_actions", sort=None, resume=None)
    assert [type(e).__name__ async for e in stream] == ["UnknownEvent"]


@pytest.mark.anyio
@respx.mock(base_url=BASE)
async def test_an_async_interruption_says_how_to_resume(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(return_value=httpx.Response(200, content=body(hit("a", 5), cut=True)))
    async with np6.AsyncNP6(api_key=KEY, base_url=BASE) as client:
        with pytest.raises(np6.StreamInterruptedError) as asc:
            async for _ in client.actions.reactivities(sort="asc", raw=True):
                pass
        with pytest.raises(np6.StreamInterruptedError) as unsorted:
            async for _ in client.actions.reactivities(raw=True):
                pass
    assert asc.value.resumable is True
    assert "(reactivity_start=5)" in str(asc.value)
    assert "the body ended before the JSON array was closed" in str(asc.value)  # the cause is said
    assert asc.value.__cause__ is not None
    assert unsorted.value.resumable is False
    assert "Exact resumption needs sort='asc'" in str(unsorted.value)


@respx.mock(base_url=BASE)
def test_a_sync_interruption_names_its_cause(respx_mock: respx.MockRouter) -> None:
    _, exc = interrupted(respx_mock, hit("a", 5))
    assert "the body ended before the JSON array was closed" in str(exc)
    assert exc.__cause__ is not None


def test_union_members() -> None:
    from typing import Optional, Union

    from np6._streaming import _union_members

    assert _union_members(int | str) == (int, str)
    assert _union_members(Union[int, str]) == (int, str)  # noqa: UP007 - the typing.Union spelling too
    assert _union_members(Optional[int]) == (int, type(None))  # noqa: UP045
    assert _union_members(int) == (int,)
    assert _union_members(list[int]) == (list[int],)


def test_the_variant_map_derived_afresh() -> None:
    """variant_map is cached per process: derive it again from the generated code, as a new process would."""
    from np6._streaming import variant_map

    variant_map.cache_clear()
    try:
        known, fallback = variant_map("list_reactivities_of_all_actions")
        assert fallback.__name__ == "UnknownEvent"
        assert {"hit", "bounce"} <= set(known)
        assert known["hit"].__name__ == "HitEvent"
        assert variant_map("list_hits_of_notification")[0]["hit"] is known["hit"]
    finally:
        variant_map.cache_clear()


@respx.mock(base_url=BASE)
def test_the_interruption_names_the_request(respx_mock: respx.MockRouter) -> None:
    _, exc = interrupted(respx_mock, hit("a", 5))
    assert exc.method == "GET"
    assert exc.url == BASE + PATH + "?sort=asc"


def test_one_line_parser_messages() -> None:
    from np6._streaming import _one_line

    assert _one_line(ValueError(b"parse error: bad\n   [1, x]\n      ^")) == "parse error: bad [1, x] ^"
    assert _one_line(ValueError("a\nb")) == "a b"
    assert _one_line(ValueError("x", 2)) == "('x', 2)"
    assert _one_line(ValueError()) == ""
    assert _one_line(ValueError("y" * 400)) == "y" * 300 + "..."
    assert _one_line(ValueError("y" * 300)) == "y" * 300
    assert _one_line(ValueError(b"\xff")) == "\\xff"


@respx.mock(base_url=BASE)
def test_a_body_that_is_not_an_array_is_a_validation_error(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(
        return_value=httpx.Response(200, content=b'{"type": "hit"}', headers={"x-request-id": "r-5"})
    )
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.APIResponseValidationError) as info:
        list(client.actions.reactivities(raw=True))
    error = info.value
    assert not isinstance(error, np6.StreamInterruptedError)
    assert "GET /actions/reactivities" in str(error)
    assert "not a JSON array of events" in str(error)
    assert (error.method, error.url) == ("GET", BASE + PATH)


class _DropsAfterOneEvent(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __iter__(self) -> Any:
        yield b'[{"type": "hit", "id": "a", "timestamp": 5}, '
        raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> Any:
        yield b'[{"type": "hit", "id": "a", "timestamp": 5}, '
        raise httpx.ReadError("connection reset")


@respx.mock(base_url=BASE)
def test_a_dropped_connection_names_the_transport_error(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(PATH).mock(side_effect=lambda request: httpx.Response(200, stream=_DropsAfterOneEvent()))
    got: list[Any] = []
    with np6.NP6(api_key=KEY, base_url=BASE) as client, pytest.raises(np6.StreamInterruptedError) as info:
        for event in client.actions.reactivities(sort="asc", raw=True):
            got.append(event)
    assert got == [hit("a", 5)]
    assert "ReadError: connection reset" in str(info.value)
    assert info.value.last_timestamp == 5


@pytest.mark.anyio
async def test_both_streams_hand_their_deadline_and_limits_to_the_parser() -> None:
    """The per-event deadline is the parser's (tests/hostile/test_stream_time.py shows it cutting)."""
    from np6._streaming import AsyncEventStream, EventStream

    event = {"type": "hit", "id": "x", "timestamp": 5}
    request = httpx.Request("GET", BASE + PATH)
    limits = np6.Limits(max_depth=7)

    async def open_response() -> httpx.Response:
        return httpx.Response(200, content=body(event), request=request)

    stream = AsyncEventStream(
        open_response, "list_reactivities_of_all_actions", sort=None, resume=None, limits=limits, deadline=2.5
    )
    assert [e async for e in stream] and stream._parser is not None
    assert (stream._parser._deadline, stream._parser._max_depth) == (2.5, 7)
    sync = EventStream(
        _opener(event),
        "list_reactivities_of_all_actions",
        sort=None,
        resume=None,
        limits=limits,
        deadline=2.5,
    )
    assert list(sync) and sync._parser is not None
    assert (sync._parser._deadline, sync._parser._max_depth) == (2.5, 7)
