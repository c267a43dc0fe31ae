"""Each action send/render body goes out with its own vendor Content-Type and the X-Key header.

NP6 answers 415 to `application/json` on these four operations, so the media type is part of the contract.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from np6_api import AuthenticatedClient
from np6_api.api.action_management import (
    render_action_message,
    render_action_messages,
    send_action_message,
    send_action_messages,
)
from np6_api.models import (
    ContactByHash,
    ContactByUnicity,
    ExecutionEmailRequest,
    ExecutionSmsRequest,
    RenderEmailRequest,
    RenderSmsRequest,
    SmsContentOverride,
    TargetReference,
    TargetReferenceType,
)

BASE = "https://np6.test"
EMAIL = "application/vnd.np6.cm.email"
SMS = "application/vnd.np6.cm.sms"

unicity = ContactByUnicity(type_="unicity", value=["a+b@example.com"])
by_hash = ContactByHash(type_="hash", value="0441619ab4631d18548aa8835dd2c28b")
receiver = TargetReference(type_=TargetReferenceType.ID, value="000R4M0T")

CASES: list[tuple[str, Callable[..., Any], str, Any, str, Any]] = [
    (
        "send many email",
        send_action_messages.sync_detailed,
        "executions",
        [ExecutionEmailRequest(recipient=unicity, subject="Hi"), ExecutionEmailRequest(recipient=by_hash)],
        EMAIL,
        [
            {"recipient": {"type": "unicity", "value": ["a+b@example.com"]}, "subject": "Hi"},
            {"recipient": {"type": "hash", "value": "0441619ab4631d18548aa8835dd2c28b"}},
        ],
    ),
    (
        "send many sms",
        send_action_messages.sync_detailed,
        "executions",
        [ExecutionSmsRequest(recipient=unicity, content=SmsContentOverride(text_content="Sale!"))],
        SMS,
        [
            {
                "recipient": {"type": "unicity", "value": ["a+b@example.com"]},
                "content": {"textContent": "Sale!"},
            }
        ],
    ),
    (
        "send one email",
        send_action_message.sync_detailed,
        "execution",
        ExecutionEmailRequest(recipient=by_hash),
        EMAIL,
        {"recipient": {"type": "hash", "value": "0441619ab4631d18548aa8835dd2c28b"}},
    ),
    (
        "send one sms",
        send_action_message.sync_detailed,
        "execution",
        ExecutionSmsRequest(recipient=by_hash),
        SMS,
        {"recipient": {"type": "hash", "value": "0441619ab4631d18548aa8835dd2c28b"}},
    ),
    (
        "render many email",
        render_action_messages.sync_detailed,
        "renders",
        [RenderEmailRequest(receiver=receiver, subject="S")],
        EMAIL,
        [{"receiver": {"type": "id", "value": "000R4M0T"}, "subject": "S"}],
    ),
    (
        "render many sms",
        render_action_messages.sync_detailed,
        "renders",
        [RenderSmsRequest(receiver=receiver)],
        SMS,
        [{"receiver": {"type": "id", "value": "000R4M0T"}}],
    ),
    (
        "render one email",
        render_action_message.sync_detailed,
        "render",
        RenderEmailRequest(receiver=receiver),
        EMAIL,
        {"receiver": {"type": "id", "value": "000R4M0T"}},
    ),
    (
        "render one sms",
        render_action_message.sync_detailed,
        "render",
        RenderSmsRequest(receiver=receiver),
        SMS,
        {"receiver": {"type": "id", "value": "000R4M0T"}},
    ),
]


@respx.mock
@pytest.mark.parametrize(
    ("name", "call", "suffix", "body", "media_type", "wire"), CASES, ids=[c[0] for c in CASES]
)
def test_vendor_body_is_sent_with_its_own_content_type_and_the_key(
    name: str, call: Callable[..., Any], suffix: str, body: Any, media_type: str, wire: Any
) -> None:
    answer: Any = [] if isinstance(body, list) else {"type": "success"}
    route = respx.post(f"{BASE}/actions/000PE4/{suffix}").mock(return_value=httpx.Response(200, json=answer))
    client = AuthenticatedClient(base_url=BASE, token="s3cret", prefix="", auth_header_name="X-Key")

    call("000PE4", client=client, body=body)

    request = route.calls.last.request
    assert request.headers["Content-Type"] == media_type
    assert request.headers["X-Key"] == "s3cret"
    assert json.loads(request.content) == wire


def test_a_body_of_the_wrong_type_is_refused_before_any_request() -> None:
    client = AuthenticatedClient(base_url=BASE, token="k", prefix="", auth_header_name="X-Key")
    with respx.mock(assert_all_called=False) as router, pytest.raises(TypeError, match="body"):
        route = router.post(f"{BASE}/actions/000PE4/execution")
        send_action_message.sync_detailed("000PE4", client=client, body={"recipient": {}})
    assert not route.called
