"""Bad arguments are refused with NP6ValidationError before any request (respx would see any request)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

import np6
from np6 import Contact

BASE = "http://127.0.0.1:9"  # respx only: never reached (same as conftest.BASE)


@pytest.fixture
def no_request() -> Any:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock
    assert not mock.calls, "a request was sent for invalid arguments"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Contact(id="000R4M0T", unicity="a@example.com"), "exactly one"),
        (lambda: Contact(), "exactly one"),
        (lambda: Contact.unicity(""), "empty"),
        (lambda: Contact.unicity("   "), "empty"),
        (lambda: Contact.id(""), "empty"),
        (lambda: Contact.id(12345678), "must be a str"),
        (lambda: Contact.hash("abc"), "32 hexadecimal"),
        (lambda: Contact.hash("z" * 32), "32 hexadecimal"),
    ],
)
def test_contact_validation(make: Callable[[], Contact], message: str) -> None:
    with pytest.raises(np6.NP6ValidationError, match=message):
        make()


def test_contact_wire_forms() -> None:
    assert Contact.unicity("a+b@example.com").to_dict() == {"type": "unicity", "value": ["a+b@example.com"]}
    assert Contact.id("000R4M0T").to_dict() == {"type": "id", "value": "000R4M0T"}
    assert Contact.unicity("a@b.c").to_target() == {"type": "unicity", "value": "a@b.c"}
    h = "0441619ab4631d18548aa8835dd2c28b"
    assert Contact.hash(h).to_identifier().to_dict() == {"type": "hash", "value": h}
    assert Contact(id="x") == Contact.id("x")
    assert repr(Contact.id("x")) == "Contact.id('x')"
    with pytest.raises(AttributeError):
        Contact.id("x").value = "y"  # type: ignore[misc]


CALLS: list[tuple[str, Callable[[np6.NP6], object], str]] = [
    ("notification id as str", lambda c: c.notifications.get("156"), "must be an int"),  # type: ignore[arg-type]
    ("notification id as bool", lambda c: c.notifications.delete(True), "must be an int"),
    ("action id as int", lambda c: c.actions.get(42), "must be a str"),  # type: ignore[arg-type]
    ("empty action id", lambda c: c.actions.get(""), "empty"),
    ("bad version", lambda c: c.notifications.render(1, version="v2"), "version"),
    ("version of wrong type", lambda c: c.notifications.render(1, version=3), "version"),  # type: ignore[arg-type]
    ("contact not a Contact", lambda c: c.notifications.render(1, contact="000R4M0T"), "Contact"),  # type: ignore[arg-type]
    ("data not a dict", lambda c: c.notifications.render(1, data=[1]), "data"),  # type: ignore[arg-type]
    ("unknown notification kind", lambda c: c.notifications.reactivities("clicks"), "'impressions', 'hits'"),  # type: ignore[call-overload]
    ("unknown action kind", lambda c: c.actions.reactivities("opens"), "'open_hits'"),  # type: ignore[call-overload]
    ("date not ISO", lambda c: c.actions.list(creation_start="next tuesday"), "creation_start.*ISO 8601"),
    ("date of 5000 digits", lambda c: c.actions.list(creation_end="9" * 5000), "creation_end"),
    ("date before 1970", lambda c: c.actions.list(creation_end="1969-12-31"), "before 1970"),
    ("date as float", lambda c: c.actions.list(creation_end=1.5), "creation_end must be"),  # type: ignore[arg-type]
    ("negative millis", lambda c: c.actions.reactivities(activation_end=-1), "between 0"),
    ("millis beyond int64", lambda c: c.actions.reactivities(activation_end=2**63), "between 0"),
    ("bad sort", lambda c: c.actions.reactivities(sort="up"), "sort"),  # type: ignore[call-overload]
    ("resume without asc", lambda c: c.actions.reactivities(resume=_interrupted()), "asc"),
    ("bad channel", lambda c: c.actions.send("A", [Contact.id("x")], channel="push"), "channel"),  # type: ignore[arg-type]
    ("batch size 0", lambda c: c.actions.send("A", [Contact.id("x")], batch_size=0), "batch_size"),
    ("messages not a list", lambda c: c.actions.send("A", Contact.id("x")), "must be a list"),  # type: ignore[arg-type]
    ("dict body bad field", lambda c: c.notifications.create({"type": "push-app", "name": 3}), r"body\.name"),
    (
        "nested bad field",
        lambda c: c.notifications.create({"type": "push-app", "versions": [{"master": "yes"}]}),
        r"body\.versions\[0\]\.master",
    ),
    ("missing required", lambda c: c.notifications.test(1, body={}), "recipient"),
    (
        "unicity as a string in a send",
        lambda c: c.actions.send_one("A", {"recipient": {"type": "unicity", "value": "a@b.c"}}),
        r"message\.recipient",
    ),
    ("body of wrong type", lambda c: c.actions.create("mailMessage"), "dict"),  # type: ignore[arg-type]
    (
        "sms body on email channel",
        lambda c: c.actions.send_one("A", _sms_request(), channel="email"),
        "ExecutionSmsRequest",
    ),
    ("for_test not bool", lambda c: c.actions.validate("A", for_test="yes"), "for_test"),  # type: ignore[arg-type]
    ("segments not ints", lambda c: c.actions.validate("A", test_segments=["a"]), "test_segments"),  # type: ignore[list-item]
    ("empty target", lambda c: c.actions.send_to_target("A", ""), "target_id"),
    # issue 10 item 8: what cannot be sent is refused before I/O, naming the argument
    ("NaN in data", lambda c: c.notifications.render(1, data={"price": float("nan")}), r"data\.price.*NaN"),
    (
        "Infinity in an execution",
        lambda c: c.notifications.execute(1, [{"recipient": Contact.id("x"), "data": {"p": float("inf")}}]),
        r"executions\[0\]\.data\.p.*Infinity",
    ),
    (
        "Infinity in a send",
        lambda c: c.actions.send("A", [{"recipient": Contact.id("x"), "data": {"p": float("-inf")}}]),
        r"messages\[0\]\.data\.p",
    ),
    ("a set in data", lambda c: c.notifications.render(1, data={"tags": {"a", "b"}}), r"data\.tags: a set"),
    ("bytes in a body", lambda c: c.notifications.create(name=b"x"), r"body\.name: a bytes"),  # type: ignore[arg-type]
    ("non-str key", lambda c: c.notifications.render(1, data={1: "x"}), "key 1"),  # type: ignore[dict-item]
    (
        "lone surrogate in data",
        lambda c: c.notifications.render(1, data={"t": "a\ud800"}),
        r"data\.t.*surrogate",
    ),
    ("lone surrogate in a name", lambda c: c.notifications.create(name="\udfff"), r"body\.name.*surrogate"),
    ("lone surrogate in an action id", lambda c: c.actions.get("A\ud800"), "action id.*surrogate"),
    ("lone surrogate in a contact", lambda c: Contact.unicity("a\ud800@b.c"), "surrogate"),
    ("notification id beyond int32", lambda c: c.notifications.get(2**70), "int32"),
    ("notification id below int32", lambda c: c.notifications.get(-(2**31) - 1), "int32"),
    ("100k-character action id", lambda c: c.actions.get("A" * 100_000), "100000 characters"),
    (
        "100k-character target id",
        lambda c: c.actions.send_to_target("A", "7" * 100_000),
        "target_id is 100000",
    ),
    ("100k-character contact id", lambda c: Contact.id("7" * 100_000), "100000 characters"),
    ("deeply nested data", lambda c: c.notifications.render(1, data=_nested(200)), "nested more than"),
    ("iterable of the wrong thing", lambda c: c.actions.send("A", "000R4M0T"), "must be a list"),  # type: ignore[arg-type]
    (
        "a Contact where none fits",
        lambda c: c.notifications.execute_one(
            1, {"recipient": Contact.id("x"), "data": {"who": Contact.id("y")}}
        ),
        r"execution\.data\.who: a Contact is not accepted",
    ),
    ("update without changes", lambda c: c.notifications.update(1), "at least one change"),
    ("duplicate folder beyond int32", lambda c: c.actions.duplicate("A", folder=2**40), "folder.*int32"),
    (
        "100k-character version",
        lambda c: c.notifications.render(1, version="v" * 100_000),
        r"100002 characters\)$",
    ),
    (
        "target by unicity",
        lambda c: c.actions.send_to_target("A", Contact.unicity("a@b.c")),
        "contact by unicity",
    ),
]


def _nested(depth: int) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for _ in range(depth):
        data = {"a": data}
    return data


def _interrupted() -> np6.StreamInterruptedError:
    return np6.StreamInterruptedError(
        "x",
        count=1,
        last_timestamp=5,
        last_event_id="e",
        ids_at_last_timestamp=frozenset({"e"}),
        resumable=False,
    )


def _sms_request() -> Any:
    from np6_api.models.execution_sms_request import ExecutionSmsRequest

    return ExecutionSmsRequest(recipient=Contact.id("000R4M0T").to_identifier())


@pytest.mark.parametrize(("what", "call", "message"), CALLS, ids=[c[0] for c in CALLS])
def test_refused_before_any_request(
    no_request: respx.MockRouter, client: np6.NP6, what: str, call: Callable[[np6.NP6], object], message: str
) -> None:
    with pytest.raises(np6.NP6ValidationError, match=message) as info:
        call(client)
    assert isinstance(info.value, ValueError)


def test_version_accepts_uuid_forms(no_request: respx.MockRouter, client: np6.NP6) -> None:
    from np6.resources.notifications import _render_plan
    from np6_api.models.notification_version import NotificationVersion

    vid = uuid.uuid4()
    for version in (vid, str(vid), NotificationVersion(id=vid)):
        plan = _render_plan(1, version, Contact.id("000R4M0T"), None)
        assert plan.operation_id == "render_notification_version_for_contact_id"
        assert plan.kwargs["version"] == vid


def test_render_accepts_a_generated_contact_identifier() -> None:
    from np6.resources.notifications import _render_plan
    from np6_api.models.contact_by_unicity import ContactByUnicity

    plan = _render_plan(1, "master", ContactByUnicity(type_="unicity", value=["a@b.c"]), None)
    assert plan == ("render_notification_for_contact", {"id": 1, "unicity": "a@b.c"})
    with pytest.raises(np6.NP6ValidationError, match="must be a Contact"):
        _render_plan(1, "master", ContactByUnicity(type_="unicity", value=["a@b.c", "d@e.f"]), None)


@pytest.mark.parametrize(
    ("version", "contact", "data", "operation"),
    [
        ("master", None, None, "render_notification"),
        ("master", None, {"a": 1}, "render_notification"),
        ("master", Contact.id("000R4M0T"), None, "render_notification_for_contact_id"),
        ("master", Contact.unicity("a@b.c"), None, "render_notification_for_contact"),
        ("master", Contact.hash("0" * 32), None, "render_notification_for_contact"),
        ("master", Contact.id("000R4M0T"), {"a": 1}, "render_notification"),
        (uuid.UUID(int=1), None, None, "render_notification_version"),
        (uuid.UUID(int=1), Contact.id("000R4M0T"), None, "render_notification_version_for_contact_id"),
        (uuid.UUID(int=1), Contact.unicity("a@b.c"), None, "render_notification_version_for_contact"),
        (uuid.UUID(int=1), Contact.hash("0" * 32), None, "render_notification_version_for_contact"),
    ],
)
def test_render_picks_the_operation(
    version: object, contact: Contact | None, data: Any, operation: str
) -> None:
    from np6.resources.notifications import _render_plan

    plan = _render_plan(1, version, contact, data)
    assert plan.operation_id == operation
    if contact is not None and contact.kind == "hash" and data is None:
        assert plan.kwargs["hash_"] == contact.value


def test_timezone_aware_datetime_becomes_millis() -> None:
    from np6._dates import to_millis

    paris = dt.timezone(dt.timedelta(hours=1))
    assert to_millis(dt.datetime(2021, 2, 23, 15, 13, 13, tzinfo=paris), name="x") == 1614089593000
    assert to_millis(1614089593000, name="x") == 1614089593000
    assert to_millis(None, name="x") is None


def test_path_and_query_encoding(client: np6.NP6) -> None:
    with respx.mock(base_url=BASE) as mock:
        route = mock.route().mock(return_value=httpx.Response(200, json={"type": "success"}))
        client.notifications.render(1, contact=Contact.id("0/R+ 4%?#"))
        client.notifications.render(1, contact=Contact.unicity("a+b@example.com"))
        client.actions.get("000/PE4")
    urls = [call.request.url.raw_path.decode() for call in route.calls]
    assert urls == [
        "/notifications/1/render/contact/0%2FR%2B%204%25%3F%23",
        "/notifications/1/render/contact?unicity=a%2Bb%40example.com",
        "/actions/000%2FPE4",
    ]
