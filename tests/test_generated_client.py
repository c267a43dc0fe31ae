"""The generated client used alone, against the sandbox: the obvious setup authenticates (X-Key), and what
it returns prints readably (only the fields that are set, enums by value, no `type_`)."""

from __future__ import annotations

import re

import httpx

from leaks import assert_no_key
from np6_api import AuthenticatedClient
from np6_api.api.action_management import get_action, list_actions
from np6_api.api.notification_management import get_notification
from np6_api.models import MailMessageAction, Notification, SmsMessageAction
from np6_sandbox.testing import TEST_API_KEY


def test_the_obvious_setup_authenticates(np6_sandbox_url: str) -> None:
    with AuthenticatedClient(base_url=np6_sandbox_url, token=TEST_API_KEY) as client:
        notification = get_notification.sync(156, client=client)
    assert isinstance(notification, Notification)
    assert notification.name == "Spring sale"


def test_a_wrong_key_is_a_401_not_a_silent_none_in_detailed(np6_sandbox_url: str) -> None:
    with AuthenticatedClient(base_url=np6_sandbox_url, token="not-the-key") as client:
        response = get_notification.sync_detailed(156, client=client)
    assert response.status_code == 401


def test_the_key_stays_out_of_the_client_repr_after_requests(np6_sandbox_url: str) -> None:
    client = AuthenticatedClient(base_url=np6_sandbox_url, token=TEST_API_KEY, timeout=httpx.Timeout(10.0))
    with client:
        assert get_notification.sync(156, client=client) is not None
        assert_no_key([repr(client), str(client)], TEST_API_KEY)


def test_returned_models_print_only_what_is_set(np6_sandbox_url: str) -> None:
    with AuthenticatedClient(base_url=np6_sandbox_url, token=TEST_API_KEY) as client:
        actions = list_actions.sync(client=client)
        sms = get_action.sync("000PE5", client=client)
    assert isinstance(actions, list) and actions
    assert isinstance(sms, SmsMessageAction)
    text = repr(sms)
    assert text.startswith("SmsMessageAction(type='smsMessage', id='000PE5', ")
    assert "state=ActionState(50)" in text
    assert "content=SmsContent(text_content=" in text
    for model in [sms, *actions]:
        printed = repr(model)
        assert "UNSET" not in printed and "Unset" not in printed, printed
        assert not re.search(r"\b\w+_=", printed), printed  # `type_`, `hash_`, `from_` print without the `_`
        assert " object at 0x" not in printed, printed
    mail = next(a for a in actions if isinstance(a, MailMessageAction))
    assert "subject=" in repr(mail)
