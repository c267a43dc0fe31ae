"""A bare ``Contact`` in a send is built straight into its request model (the hot path of a bulk send, with no
JSON check: a Contact's text is checked when it is made); the model is the one its dict form gives."""

from __future__ import annotations

import pytest

from np6 import Contact
from np6._bodies import coerce_body
from np6.resources.actions import _messages

CONTACTS = [Contact.unicity("a+b@example.com"), Contact.id("000R4M0T"), Contact.hash("0123456789abcdef" * 2)]


@pytest.mark.parametrize("schema", ["ExecutionEmailRequest", "ExecutionSmsRequest"])
def test_bare_contacts_build_what_their_dict_form_builds(schema: str) -> None:
    built = _messages(CONTACTS, schema, "messages", "recipient")
    expected = [coerce_body({"recipient": c.to_dict()}, schema) for c in CONTACTS]
    assert [type(m) for m in built] == [type(m) for m in expected]
    assert [type(m.recipient) for m in built] == [type(m.recipient) for m in expected]
    assert [m.to_dict() for m in built] == [m.to_dict() for m in expected]


@pytest.mark.parametrize("schema", ["RenderEmailRequest", "RenderSmsRequest"])
def test_bare_contacts_as_render_receivers(schema: str) -> None:
    built = _messages(CONTACTS, schema, "messages", "receiver")
    expected = [coerce_body({"receiver": c.to_target()}, schema) for c in CONTACTS]
    assert [m.to_dict() for m in built] == [m.to_dict() for m in expected]
