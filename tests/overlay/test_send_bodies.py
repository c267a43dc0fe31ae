"""A send of bare ``Contact``s writes each message's JSON straight from the ``Contact`` (no request model per
message); every body that reaches the server is, as JSON values, exactly what the model-per-message path sent
before: for ``Contact``s of each kind, dicts, ``TypedDict``s, generated models, ``Contact``s inside dicts,
shared ``data=`` and any mix, sync and async, one batch at a time or several in flight. ``batch_progress``
still shows the request models.

The reference is the previous path itself: ``_messages`` (still the render path) gives each message's
model, and the generated client sent ``model.to_dict()`` of each. The bodies are read on the server side, from
the sandbox's ASGI app, before the sandbox sees them.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import np6
from np6 import Contact, _bodies
from np6._contacts import notification_recipient
from np6.resources.actions import _EXECUTION, _messages, _send, _shared
from np6.resources.notifications import _execution, _executions, _overrides
from np6.types import ContactIdentifierDict
from np6_api.models.contact_by_id import ContactById
from np6_api.models.execution_email_request import ExecutionEmailRequest
from np6_api.models.execution_sms_request import ExecutionSmsRequest
from np6_sandbox import faults as sandbox_faults
from np6_sandbox.app import Sandbox
from np6_sandbox.testing import TEST_API_KEY

T, U, V = "000R4M0T", "000R4M0U", "000R4M0V"  # the demo contacts
HASH_T = "0441619ab4631d18548aa8835dd2c28b"


class Bodies:
    """ASGI middleware over the sandbox's app: the JSON body of every send request, in arrival order."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.app = sandbox.app
        self.sent: list[Any] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/executions"):
            await self.app(scope, receive, send)
            return
        messages = []
        while True:
            message = await receive()
            messages.append(message)
            if not message.get("more_body"):
                break
        self.sent.append(json.loads(b"".join(m.get("body", b"") for m in messages)))
        replay = iter(messages)

        async def again() -> Any:
            return next(replay)

        await self.app(scope, again, send)


@pytest.fixture
def bodies(np6_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Bodies:
    seen = Bodies(np6_sandbox)
    monkeypatch.setattr(np6_sandbox, "app", seen)
    return seen


def _typed(value: str) -> ContactIdentifierDict:
    return {"type": "id", "value": value}


# Each case: the messages, the shared data (or None). Every message names a demo contact.
CASES: dict[str, tuple[list[Any], dict[str, Any] | None]] = {
    "contacts of each kind": (
        [Contact.id(T), Contact.unicity("a+b@example.com"), Contact.hash(HASH_T), Contact.id(V)] * 2,
        None,
    ),
    "dicts": (
        [
            {"recipient": {"type": "id", "value": U}, "data": {"code": "1"}},
            {
                "recipient": {"type": "unicity", "value": ["bounce@example.com"]},
                "subject": "Hi",
                "urgent": True,
            },
            {"recipient": {"type": "hash", "value": HASH_T}, "copies": ["x@example.com"]},
        ],
        None,
    ),
    "typed dicts": ([{"recipient": _typed(T)}, {"recipient": _typed(U), "data": {"n": 2}}], None),
    "models": (
        [
            ExecutionEmailRequest(recipient=ContactById(type_="id", value=T)),
            ExecutionEmailRequest.from_dict({"recipient": {"type": "id", "value": U}, "subject": "S"}),
        ],
        None,
    ),
    "contacts inside dicts": (
        [{"recipient": Contact.id(T)}, {"recipient": Contact.unicity("a+b@example.com"), "data": {"a": [1]}}],
        None,
    ),
    "mixed": (
        [
            Contact.id(T),
            {"recipient": {"type": "id", "value": U}, "data": {"k": "v"}},
            Contact.unicity("bounce@example.com"),
            ExecutionEmailRequest(recipient=ContactById(type_="id", value=V)),
            {"recipient": Contact.hash(HASH_T)},
            Contact.id(U),
        ],
        None,
    ),
    "shared data": ([Contact.id(T), {"recipient": {"type": "id", "value": U}}, Contact.id(V)], {"code": "S"}),
    "shared data, contacts of each kind": (
        [
            Contact.hash(HASH_T),
            Contact.unicity("a+b@example.com"),
            Contact.id(V),
            {"recipient": Contact.id(U)},
        ]
        * 2,
        {"code": "S", "pair": (1, 2), "nested": {"a": [1, {"b": None}], "n": 1.5}},
    ),
    "shared data, a message with its own": (
        [Contact.id(T), {"recipient": {"type": "id", "value": U}, "data": {"own": True}}, Contact.id(V)],
        {"shared": "yes"},
    ),
}


def _before(messages: list[Any], data: dict[str, Any] | None, size: int, schema: str) -> list[Any]:
    """The batches the model-per-message path sent: each message's model, ``to_dict()`` as the generated
    ``_get_kwargs`` wrote it."""
    models = _messages(_shared(list(messages), data), schema, "messages", "recipient")
    wire = [m.to_dict() for m in models]
    return [wire[i : i + size] for i in range(0, len(wire), size)]


@pytest.mark.parametrize("case", sorted(CASES))
def test_sync_bodies_are_what_the_model_path_sent(
    case: str, bodies: Bodies, sandbox_client: np6.NP6, admin: httpx.Client
) -> None:
    messages, data = CASES[case]
    results = sandbox_client.actions.send("000PE4", messages, batch_size=3, data=data)
    assert bodies.sent == _before(messages, data, 3, "ExecutionEmailRequest")
    assert len(results) == len(messages) and results.ok
    outbox = admin.get("/outbox").json()
    assert [e["message"] for e in outbox] == [str(r.id) for r in results.succeeded]  # in input order


@pytest.mark.parametrize("concurrency", [1, 3])
@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.anyio
async def test_async_bodies_are_what_the_model_path_sent(
    case: str, concurrency: int, bodies: Bodies, np6_sandbox_url: str, admin: httpx.Client
) -> None:
    messages, data = CASES[case]
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, timeout=30.0) as client:
        results = await client.actions.send(
            "000PE4", messages, batch_size=2, data=data, concurrency=concurrency
        )
    expected = _before(messages, data, 2, "ExecutionEmailRequest")
    assert sorted(map(json.dumps, bodies.sent)) == sorted(map(json.dumps, expected))  # any arrival order
    if concurrency == 1:
        assert bodies.sent == expected
    assert len(results) == len(messages) and results.ok
    by_id = {e["message"]: e["recipient"]["id"] for e in admin.get("/outbox").json()}
    assert [by_id[str(r.id)] for r in results.succeeded] == [r.recipient.id for r in results.succeeded]


def test_sms_bodies_are_what_the_model_path_sent(bodies: Bodies, sandbox_client: np6.NP6) -> None:
    messages = [Contact.id(T), {"recipient": {"type": "id", "value": U}, "data": {"c": 1}}, Contact.id(V)]
    results = sandbox_client.actions.send("000PE5", messages, batch_size=2, channel="sms")
    assert bodies.sent == _before(messages, None, 2, "ExecutionSmsRequest") and results.ok


_CONTACTS = st.one_of(
    st.builds(Contact.id, st.text(min_size=1, max_size=12).filter(str.strip)),
    st.builds(Contact.unicity, st.text(min_size=1, max_size=12).filter(str.strip)),
    st.builds(Contact.hash, st.text("0123456789abcdefABCDEF", min_size=32, max_size=32)),
)


_DATA = st.none() | st.dictionaries(
    st.text(max_size=4),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=4),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
        max_leaves=8,
    ),
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CONTACTS, min_size=1, max_size=6), st.sampled_from(sorted(_EXECUTION.values())), _DATA)
def test_a_contact_batch_is_its_models_json(contacts: list[Contact], schema: str, data: Any) -> None:
    models = _messages(_shared(list(contacts), data), schema, "messages", "recipient")
    send = _send(_shared(list(contacts), data, contacts=False), schema, data)
    batch = send.batch(send.items)
    assert json.loads(json.dumps(batch)) == [m.to_dict() for m in models]
    assert type(batch.sample) is type(models[0]) and batch.sample.to_dict() == models[0].to_dict()
    shown = send.models(send.items)
    assert [type(m) for m in shown] == [type(m) for m in models]
    assert [m.to_dict() for m in shown] == [m.to_dict() for m in models]


@settings(max_examples=150, deadline=None)
@given(_CONTACTS, st.sampled_from(sorted(_EXECUTION.values())))
def test_every_contact_is_a_valid_recipient(contact: Contact, schema: str) -> None:
    """Why a bare Contact's message needs no schema pass: its identifier is valid wherever it goes."""
    assert not list(_bodies._validator(schema).iter_errors({"recipient": contact.to_dict()}))


@pytest.mark.anyio
async def test_progress_still_shows_the_request_models(
    np6_sandbox: Sandbox, np6_sandbox_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch refused mid-send: ``failed`` and ``unsent`` are the models the old path put there."""
    contacts = [Contact.id(T), Contact.id(U), Contact.id(V), Contact.unicity("a+b@example.com")] * 2
    calls = 0
    app = np6_sandbox.app

    async def second_fails(scope: Any, receive: Any, send: Any) -> None:
        nonlocal calls
        if scope["type"] == "http" and scope["path"].endswith("/executions"):
            calls += 1
            if calls == 2:  # the sandbox takes a fault on entry: this batch's
                spec = {"operation": "send_action_messages", "kind": "status", "status": 400}
                np6_sandbox.faults.add(sandbox_faults.parse(spec, np6_sandbox.operation_ids))
        await app(scope, receive, send)

    monkeypatch.setattr(np6_sandbox, "app", second_fails)
    async with np6.AsyncNP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url, timeout=30.0) as client:
        with pytest.raises(np6.BadRequestError) as caught:
            await client.actions.send("000PE4", contacts, batch_size=3)
    progress = np6.batch_progress_of(caught.value)
    assert progress is not None
    old = _messages(contacts, "ExecutionEmailRequest", "messages", "recipient")
    assert len(progress.results) == 3
    for shown, expected in ((progress.failed, old[3:6]), (progress.unsent, old[6:])):
        assert all(type(m) is ExecutionEmailRequest for m in shown)
        assert [m.to_dict() for m in shown] == [m.to_dict() for m in expected]


def test_sms_models_keep_their_type_in_a_batch() -> None:
    sms = [ExecutionSmsRequest(recipient=ContactById(type_="id", value=T)), Contact.id(U)]
    send = _send(sms, "ExecutionSmsRequest", None)
    batch = send.batch(send.items)
    assert batch.sample is sms[0] and list(batch) == [
        sms[0].to_dict(),
        {"recipient": {"type": "id", "value": U}},
    ]


@pytest.mark.parametrize(
    ("messages", "data"),
    [
        (
            [Contact.id(T), {"recipient": {"type": "id"}}, Contact.id(U)],
            {"k": 1},
        ),  # a bad dict after a Contact
        ([{"recipient": {"type": "nope", "value": 1}}, Contact.id(T)], {"k": 1}),
        ([Contact.id(T), ExecutionSmsRequest(recipient=ContactById(type_="id", value=U))], None),
        ([Contact.id(T), {"recipient": Contact.id(U), "urgent": "yes"}], None),
    ],
)
def test_refusals_are_the_model_paths(messages: list[Any], data: Any) -> None:
    schema = "ExecutionEmailRequest"
    with pytest.raises(np6.NP6ValidationError) as before:
        _messages(_shared(list(messages), data), schema, "messages", "recipient")
    with pytest.raises(np6.NP6ValidationError) as now:
        _send(_shared(list(messages), data, contacts=False), schema, data)
    assert str(now.value) == str(before.value)


# -- notifications.execute: the same batching, a Contact in its ``contact`` envelope, shared overrides
def _executions_before(items: list[Any], overrides: dict[str, Any], size: int) -> list[Any]:
    wire = [_execution(item, f"executions[{i}]", overrides).to_dict() for i, item in enumerate(items)]
    return [wire[i : i + size] for i in range(0, len(wire), size)]


def _shared_overrides(keywords: dict[str, Any]) -> dict[str, Any]:
    return _overrides(**{"variables": None, **keywords})


OVERRIDES: dict[str, dict[str, Any]] = {
    "none": {},
    "title and data": {"title": "Sale", "data": {"code": "N", "list": [1, {"a": None}]}},
    "every kind": {
        "title": "T",
        "body": "B",
        "icon": "https://example.com/i.png",
        "variables": [{"name": "v", "value": "1"}],
        "redirection": {"type": "url", "value": "https://example.com"},
        "urgent": True,
    },
}
EXECUTIONS = [
    Contact.id(T),
    Contact.unicity("a+b@example.com"),
    {"recipient": {"type": "contact", "value": {"type": "id", "value": U}}, "title": "own"},
    Contact.hash(HASH_T),
    {"recipient": Contact.id(V)},
    Contact.id(U),
]


@pytest.mark.parametrize("overrides", sorted(OVERRIDES))
def test_execute_bodies_are_what_the_model_path_sent(
    overrides: str, bodies: Bodies, sandbox_client: np6.NP6
) -> None:
    given_overrides = OVERRIDES[overrides]
    results = sandbox_client.notifications.execute(156, EXECUTIONS, batch_size=4, **given_overrides)
    assert bodies.sent == _executions_before(EXECUTIONS, _shared_overrides(given_overrides), 4)
    assert len(results) == len(EXECUTIONS)


@settings(max_examples=150, deadline=None)
@given(_CONTACTS)
def test_every_contact_is_a_valid_notification_recipient(contact: Contact) -> None:
    body = {"recipient": notification_recipient(contact)}
    assert not list(_bodies._validator("NotificationExecutionRequest").iter_errors(body))


@settings(max_examples=100, deadline=None)
@given(st.lists(_CONTACTS, min_size=1, max_size=5), st.sampled_from(sorted(OVERRIDES)))
def test_an_execution_batch_is_its_models_json(contacts: list[Contact], overrides: str) -> None:
    given_overrides = _shared_overrides(OVERRIDES[overrides])
    models = [_execution(c, f"executions[{i}]", given_overrides) for i, c in enumerate(contacts)]
    sends = _executions(contacts, given_overrides)
    assert json.loads(json.dumps(sends.batch(sends.items))) == [m.to_dict() for m in models]
    shown = sends.models(sends.items)
    assert [type(m) for m in shown] == [type(m) for m in models]
    assert [m.to_dict() for m in shown] == [m.to_dict() for m in models]
