"""``Contact.id/unicity/hash(value)`` (the short way a bulk send's 100,000 Contacts are made) is exactly
``Contact(id=/unicity=/hash=value)``: the same Contact, or the same refusal with the same words."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from np6 import Contact, NP6ValidationError

ODD: list[Any] = [None, 42, b"bytes", "", "   ", "x" * 321, "a\ud800b", "0123", "g" * 32, "A" * 32, "ok@x.y"]


def _outcome(make: Any) -> tuple[str, Any]:
    try:
        contact = make()
    except NP6ValidationError as exc:
        return "refused", str(exc)
    assert type(contact) is Contact
    return "made", (contact.kind, contact.value, repr(contact), hash(contact))


@pytest.mark.parametrize("kind", ["id", "unicity", "hash"])
@pytest.mark.parametrize("value", ODD, ids=repr)
def test_the_shortcut_is_the_constructor(kind: str, value: Any) -> None:
    assert _outcome(lambda: getattr(Contact, kind)(value)) == _outcome(lambda: Contact(**{kind: value}))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["id", "unicity", "hash"]),
    st.text(max_size=40) | st.text("0123456789abcdefABCDEF", min_size=32, max_size=32),
)
def test_the_shortcut_is_the_constructor_on_any_text(kind: str, value: str) -> None:
    assert _outcome(lambda: getattr(Contact, kind)(value)) == _outcome(lambda: Contact(**{kind: value}))


def test_a_subclass_still_goes_through_its_constructor() -> None:
    class Tagged(Contact):
        __slots__ = ()

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)

    made = Tagged.unicity("a@example.com")
    assert type(made) is Tagged and made == Contact.unicity("a@example.com")


def test_a_contact_made_the_short_way_is_immutable() -> None:
    with pytest.raises(AttributeError):
        Contact.id("000R4M0T")._value = "other"  # type: ignore[misc]
