"""The generated client parses NP6 payloads into the right variant, and never fails on what is new.

Payloads go through the generated `*_detailed` functions over a respx transport, so the union parsing
inside each endpoint module is what is exercised, not only the model classes.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
import respx

from np6_api import AuthenticatedClient
from np6_api.api.action_management import get_action, list_actions, send_action_message, send_action_messages
from np6_api.api.notification_management import (
    duplicate_notification,
    execute_notification_batch,
    render_notification_for_contact,
)
from np6_api.api.notification_reactivity import (
    list_bounces_of_all_notifications,
    list_hits_of_all_notifications,
    list_optouts_of_all_notifications,
    list_reactivities_of_all_notifications,
)
from np6_api.models import (
    ActionState,
    BounceEvent,
    BounceVerdict,
    ChannelOptout,
    ContactEnvelope,
    ContactFootprint,
    ExecutionSuccess,
    HitEvent,
    IdentityType,
    LinkType,
    MailMessageAction,
    Notification,
    NotificationEventSource,
    NotificationRenderSuccess,
    NotificationType,
    OptoutEvent,
    UnknownAction,
    UnknownEvent,
    UnknownEventSource,
    UnknownExecutionResult,
)

from support import load_spec

BASE = "https://np6.test"


def example(operation_id: str, name: str, status: str = "200") -> Any:
    """The named response example attached to an operation in the spec."""
    for item in load_spec()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                media = op["responses"][status]["content"]["application/json"]
                value = media["examples"][name]
                if "$ref" in value:
                    value = load_spec()["components"]["examples"][value["$ref"].rsplit("/", 1)[1]]
                return copy.deepcopy(value["value"])
    raise LookupError(operation_id)


@pytest.fixture
def client() -> AuthenticatedClient:
    return AuthenticatedClient(base_url=BASE, token="KEY", prefix="", auth_header_name="X-Key")


def serve(router: respx.MockRouter, method: str, path: str, payload: Any) -> None:
    router.request(method, BASE + path).mock(return_value=httpx.Response(200, json=payload))


@respx.mock
def test_seed_hit_optout_and_bounce_events_parse_into_their_variants(client: AuthenticatedClient) -> None:
    serve(
        respx,
        "GET",
        "/notifications/reactivities/hits",
        example("list_hits_of_all_notifications", "seed-004-hit"),
    )
    serve(
        respx,
        "GET",
        "/notifications/reactivities/optouts",
        example("list_optouts_of_all_notifications", "seed-004-optout"),
    )
    serve(
        respx,
        "GET",
        "/notifications/reactivities/bounces",
        example("list_bounces_of_all_notifications", "seed-004-bounce"),
    )

    (hit,) = list_hits_of_all_notifications.sync_detailed(client=client).parsed
    assert isinstance(hit, HitEvent)
    assert hit.identity.type_ is IdentityType.CUSTOMER and hit.identity.customer == "028"
    assert isinstance(hit.source, NotificationEventSource)
    activation = hit.source.detail.activation
    assert activation.id == 156 and activation.urgent is True
    assert isinstance(activation.receiver, ContactEnvelope)
    assert isinstance(activation.receiver.value, ContactFootprint)
    assert activation.receiver.value.hash_ == "0441619ab4631d18548aa8835dd2c28b"
    assert activation.expiration.year == 1  # .NET DateTime.MinValue: "no expiration"
    assert hit.source.detail.link.type_ is LinkType.REDIRECTION and hit.source.detail.link.label is None

    (optout,) = list_optouts_of_all_notifications.sync_detailed(client=client).parsed
    assert isinstance(optout, OptoutEvent)
    assert isinstance(optout.source.detail.optout, ChannelOptout)

    (bounce,) = list_bounces_of_all_notifications.sync_detailed(client=client).parsed
    assert isinstance(bounce, BounceEvent)
    assert bounce.source.detail.bounce.status is None
    assert bounce.source.detail.bounce.analysis.verdict is BounceVerdict.HARD


@respx.mock
def test_seed_execution_results_and_placeholders_parse(client: AuthenticatedClient) -> None:
    serve(respx, "POST", "/actions/000PE4/executions", example("send_action_messages", "seed-002"))
    serve(respx, "POST", "/actions/000PE4/execution", example("send_action_message", "seed-002"))
    serve(respx, "POST", "/notifications/1/executions", example("execute_notification_batch", "seed-000"))
    serve(respx, "GET", "/actions", example("list_actions", "seed-002"))

    results = send_action_messages.sync_detailed("000PE4", client=client, body=[]).parsed
    assert [type(r) for r in results] == [ExecutionSuccess, ExecutionSuccess]
    assert [r.recipient.id for r in results] == ["00000001", "00000002"]
    single = send_action_message.sync_detailed("000PE4", client=client, body=_email()).parsed
    assert isinstance(single, ExecutionSuccess) and str(single.id) == "497a760d-e444-484f-b964-125cf548bb9c"
    # The reference's placeholder examples ([{"type": "string"}]) are kinds nobody listed: kept raw.
    (placeholder,) = execute_notification_batch.sync_detailed(1, client=client, body=[]).parsed
    assert isinstance(placeholder, UnknownExecutionResult) and placeholder.type_ == "string"
    (action,) = list_actions.sync_detailed(client=client).parsed
    assert isinstance(action, UnknownAction) and action.type_ == "string"


@respx.mock
def test_seed_notification_and_reference_action_and_render_parse(client: AuthenticatedClient) -> None:
    serve(respx, "POST", "/notifications/0/duplication", example("duplicate_notification", "seed-000"))
    serve(respx, "GET", "/actions/000PE4", example("get_action", "reference"))
    render = {
        "type": "success",
        "meta": {"notification": 3, "version": "8b898373-21c7-4028-b85f-cc5068e68df9"},
        "render": {"title": "Hi Ann"},
    }
    respx.get(BASE + "/notifications/3/render/contact", params={"unicity": "a+b@example.com"}).mock(
        return_value=httpx.Response(200, json=render)
    )

    notification = duplicate_notification.sync_detailed(0, client=client).parsed
    assert isinstance(notification, Notification) and notification.type_ is NotificationType.PUSH_APP
    (version,) = notification.versions
    assert version.master is True and version.label == "string" and version.content.type_ == "string"
    action = get_action.sync_detailed("000PE4", client=client).parsed
    assert isinstance(action, MailMessageAction)
    assert action.informations.state is ActionState.VALUE_10
    assert action.content.headers.from_.domain == "string"
    rendered = render_notification_for_contact.sync_detailed(
        3, client=client, unicity="a+b@example.com"
    ).parsed
    assert isinstance(rendered, NotificationRenderSuccess) and rendered.render.title == "Hi Ann"


def _email() -> Any:
    from np6_api.models import ContactById, ExecutionEmailRequest

    return ExecutionEmailRequest(recipient=ContactById(type_="id", value="000R4M0T"))


NEW_THINGS: list[tuple[str, Any]] = [
    # an event kind, an identity kind and a source kind nobody listed, with a field nobody listed
    (
        "event type",
        {
            "type": "teleport",
            "id": "e1",
            "timestamp": 5,
            "identity": {"type": "agency"},
            "source": {"type": "sms", "detail": {"x": 1}},
            "shiny": [1, 2],
        },
    ),
    # a known kind whose enums meet values nobody listed: it must stay a HitEvent, not fall to Unknown
    (
        "enum values",
        {
            "type": "hit",
            "id": "14d3d192-bd40-4c0b-9048-4469ab3a981c",
            "timestamp": 5,
            "identity": {"type": "customer", "agency": "DEMO", "customer": "028", "region": "eu"},
            "source": {
                "type": "email",
                "detail": {
                    "link": {"type": "qr", "label": None, "uri": "u"},
                    "bounce": {"analysis": {"verdict": "blocked"}},
                },
            },
        },
    ),
]


@respx.mock
@pytest.mark.parametrize(("what", "payload"), NEW_THINGS, ids=[w for w, _ in NEW_THINGS])
def test_what_the_spec_does_not_list_parses_and_keeps_its_raw_value(
    client: AuthenticatedClient, what: str, payload: dict[str, Any]
) -> None:
    serve(respx, "GET", "/notifications/reactivities", [payload])
    (event,) = list_reactivities_of_all_notifications.sync_detailed(client=client).parsed
    if what == "event type":
        assert isinstance(event, UnknownEvent) and event.type_ == "teleport"
        assert event.identity.type_.value == "agency"
        assert isinstance(event.source, UnknownEventSource) and event.source.type_ == "sms"
        assert event["shiny"] == [1, 2]
    else:
        assert isinstance(event, HitEvent)
        assert event.source.detail.link.type_.value == "qr"
        assert event.source.detail.bounce.analysis.verdict.value == "blocked"
        assert event.identity["region"] == "eu"
    assert json.loads(json.dumps(event.to_dict())) == payload  # written back exactly as received


@respx.mock
def test_an_unknown_action_state_is_kept_as_its_number(client: AuthenticatedClient) -> None:
    action = {"type": "mailMessage", "id": "000PE4", "informations": {"state": 101, "folder": None}}
    serve(respx, "GET", "/actions/000PE4", action)
    parsed = get_action.sync_detailed("000PE4", client=client).parsed
    assert isinstance(parsed, MailMessageAction)
    assert parsed.informations.state.value == 101 and parsed.informations.state != ActionState.VALUE_100
    assert parsed.to_dict() == action
