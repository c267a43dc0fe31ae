"""The sandbox's fault injection, rule by rule (issue 16): the fault tests of the client trust it.

Pure tests of ``np6_sandbox.faults``: each bound of a fault's admin JSON tested on both sides, the
first-in first-out consumption of pending faults, and where an unknown enum value is injected.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from np6_sandbox import faults
from np6_sandbox.faults import Fault, Faults

OPS = {"send_action_message", "get_action"}


def parse(**spec: Any) -> Fault:
    return faults.parse(spec, OPS)


def test_defaults() -> None:
    fault = parse()
    assert fault == Fault(operation="*", kind="status", count=1, status=503, retry_after=None, delay=0.0)
    assert fault.after is False
    assert fault.before is True
    assert fault.as_json() == {
        "operation": "*",
        "kind": "status",
        "count": 1,
        "status": 503,
        "retry_after": None,
        "delay": 0.0,
        "after": False,
    }


def test_the_documented_kinds() -> None:
    assert faults.KINDS == ("status", "delay", "drop", "drop_after", "truncate", "malformed", "unknown_enum")
    assert faults.BEFORE_KINDS == ("status", "drop")
    assert faults.UNKNOWN == "teleport"
    with pytest.raises(json.JSONDecodeError):
        json.loads(faults.MALFORMED_BODY)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"operation": "nope"}, "operation"),
        ({"operation": 3}, "operation"),
        ({"kind": "explode"}, "kind"),
        ({"count": 0}, "count"),
        ({"count": -1}, "count"),
        ({"count": True}, "count"),
        ({"count": 1.5}, "count"),
        ({"status": 199}, "status"),
        ({"status": 100}, "status"),
        ({"status": 600}, "status"),
        ({"status": True}, "status"),
        ({"status": "503"}, "status"),
        ({"delay": -0.1}, "delay"),
        ({"delay": 300.5}, "delay"),
        ({"delay": True}, "delay"),
        ({"delay": "1"}, "delay"),
        ({"retry_after": [1]}, "retry_after"),
        ({"retry_after": True}, "retry_after"),
        ({"retry_after": -1}, "retry_after"),
        ({"retry_after": -0.5}, "retry_after"),
        ({"retry_after": float("inf")}, "retry_after"),
        ({"retry_after": float("nan")}, "retry_after"),
        ({"retry_after": "5\r\nX-Evil: 1"}, "retry_after"),
        ({"retry_after": " 5"}, "retry_after"),
        ({"retry_after": "5 "}, "retry_after"),
        ({"retry_after": ""}, "retry_after"),
        ({"retry_after": "é"}, "retry_after"),
        ({"retry_after": "1" * 201}, "retry_after"),
        ({"after": "yes"}, "after"),
        ({"after": 1}, "after"),
    ],
)
def test_a_wrong_field_is_named(spec: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}: ") as info:
        parse(**spec)
    assert info.value.field == message  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("spec", "field", "value"),
    [
        ({"operation": "get_action"}, "operation", "get_action"),
        ({"count": 1}, "count", 1),
        ({"count": 7}, "count", 7),
        ({"status": 200}, "status", 200),
        ({"status": 599}, "status", 599),
        ({"delay": 0}, "delay", 0.0),
        ({"delay": 2}, "delay", 2.0),
        ({"delay": 300}, "delay", 300.0),
        ({"retry_after": 5}, "retry_after", "5"),
        ({"retry_after": 0}, "retry_after", "0"),
        ({"retry_after": 1.5}, "retry_after", "1.5"),
        ({"retry_after": 0.0}, "retry_after", "0.0"),
        ({"retry_after": "1" * 200}, "retry_after", "1" * 200),
        ({"retry_after": "a b"}, "retry_after", "a b"),
        ({"retry_after": "~"}, "retry_after", "~"),
        ({"retry_after": "Wed, 21 Oct 2015 07:28:00 GMT"}, "retry_after", "Wed, 21 Oct 2015 07:28:00 GMT"),
        ({"after": True}, "after", True),
    ],
)
def test_an_accepted_field(spec: dict[str, Any], field: str, value: object) -> None:
    got = getattr(parse(**spec), field)
    assert got == value
    assert type(got) is type(value)


def test_drop_after_is_a_drop_after_the_operation() -> None:
    fault = parse(kind="drop_after")
    assert (fault.kind, fault.after, fault.before) == ("drop", True, False)
    assert parse(kind="drop").before is True


@pytest.mark.parametrize(
    ("kind", "after", "before"),
    [
        ("status", False, True),
        ("status", True, False),
        ("drop", False, True),
        ("delay", False, False),
        ("truncate", False, False),
        ("malformed", False, False),
        ("unknown_enum", False, False),
    ],
)
def test_which_faults_act_before_the_operation(kind: str, after: bool, before: bool) -> None:
    assert parse(kind=kind, after=after).before is before


def test_pending_faults_are_taken_first_in_first_out() -> None:
    pending = Faults()
    pending.add(parse(operation="get_action", kind="status", status=500, count=2))
    pending.add(parse(operation="*", kind="drop"))
    assert pending.take("send_action_message") == parse(kind="drop")  # the first one matching
    assert [f["operation"] for f in pending.as_json()] == ["get_action"]
    first = pending.take("get_action")
    assert first is not None
    assert (first.kind, first.status, first.count) == ("status", 500, 1)
    assert pending.as_json()[0]["count"] == 1
    assert pending.take("get_action") == first
    assert pending.as_json() == []
    assert pending.take("get_action") is None


def test_a_taken_fault_is_a_copy() -> None:
    pending = Faults()
    pending.add(parse(count=3))
    taken = pending.take("get_action")
    assert taken is not None
    taken.count = 99
    assert pending.as_json()[0]["count"] == 2


def test_clear() -> None:
    pending = Faults()
    pending.add(parse())
    pending.add(parse(kind="drop"))
    pending.clear()
    assert pending.as_json() == []
    assert pending.take("get_action") is None


def test_an_unknown_event_type_is_injected_in_the_first_item_only() -> None:
    events = [{"type": "hit", "id": "a"}, {"type": "hit", "id": "b"}]
    got = faults.inject_unknown(events)
    assert got == [{"type": "teleport", "id": "a"}, {"type": "hit", "id": "b"}]
    assert events[0]["type"] == "hit"  # the stored data is not modified
    assert faults.inject_unknown([]) == []
    assert faults.inject_unknown("text") == "text"
    assert faults.inject_unknown(7) == 7


def test_an_action_state_becomes_101() -> None:
    action = {"id": "A", "informations": {"state": 20, "name": "x"}}
    assert faults.inject_unknown(action) == {"id": "A", "informations": {"state": 101, "name": "x"}}
    assert action["informations"]["state"] == 20  # type: ignore[index]
    no_state = {"type": "x", "informations": {"name": "x"}}
    assert faults.inject_unknown(no_state)["type"] == "teleport"


def bounce(analysis: object) -> dict[str, Any]:
    return {"type": "bounce", "source": {"detail": {"bounce": {"analysis": analysis}}}}


def test_a_bounce_verdict_becomes_weird() -> None:
    original = bounce({"verdict": "soft"})
    got = faults.inject_unknown(original)
    assert got == bounce({"verdict": "weird"})
    assert original == bounce({"verdict": "soft"})


@pytest.mark.parametrize(
    "event",
    [
        bounce("soft"),  # no analysis object
        {"type": "bounce", "source": "email"},  # source is not an object
        {"type": "bounce", "source": {"detail": {}}},  # no bounce
        {"type": "hit", **{k: v for k, v in bounce({"verdict": "soft"}).items() if k != "type"}},
    ],
)
def test_anything_else_gets_an_unknown_type(event: dict[str, Any]) -> None:
    got = faults.inject_unknown(event)
    assert got["type"] == "teleport"
    assert {k: v for k, v in got.items() if k != "type"} == {k: v for k, v in event.items() if k != "type"}


def test_inject_unknown_text_is_compact_utf8_json() -> None:
    text = faults.inject_unknown_text('[{"type": "hit", "id": "é"}]')
    assert text == '[{"type":"teleport","id":"é"}]'


def test_every_refusal_has_a_detail() -> None:
    for spec in ({"operation": "nope"}, {"kind": "x"}, {"count": 0}, {"status": 1}, {"delay": -1}):
        with pytest.raises(ValueError) as info:
            parse(**spec)
        detail = info.value.detail  # type: ignore[attr-defined]
        assert isinstance(detail, str) and len(detail) > 5
    for spec in ({"retry_after": -1}, {"after": "x"}):
        with pytest.raises(ValueError) as info:
            parse(**spec)
        assert isinstance(info.value.detail, str) and len(info.value.detail) > 5  # type: ignore[attr-defined]


def test_whole_numbers() -> None:
    assert faults.whole(5) == 5
    assert faults.whole(5.0) == 5
    assert type(faults.whole(5.0)) is int
    assert faults.whole(5.5) is None
    assert faults.whole(True) is None
    assert faults.whole("5") is None
    assert parse(count=2.0).count == 2


def test_retry_after_up_to_the_largest_number() -> None:
    largest = faults.MAX_RETRY_AFTER
    assert parse(retry_after=largest).retry_after == str(largest)
    with pytest.raises(ValueError, match=r"^retry_after: "):
        parse(retry_after=largest + 1)


def test_a_bounce_without_detail_gets_an_unknown_type() -> None:
    assert faults.inject_unknown({"type": "bounce", "source": {}})["type"] == "teleport"
    assert faults.inject_unknown({"type": "bounce", "source": {"detail": {}}})["type"] == "teleport"
