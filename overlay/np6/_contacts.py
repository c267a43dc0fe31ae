"""``Contact``: how a call names a contact (by id, unicity or hash), checked before any request."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from ._exceptions import NP6ValidationError

if TYPE_CHECKING:
    from np6_api.models.contact_by_hash import ContactByHash
    from np6_api.models.contact_by_id import ContactById
    from np6_api.models.contact_by_unicity import ContactByUnicity

__all__ = ["Contact", "ContactKind"]

ContactKind = Literal["id", "unicity", "hash"]
_HASH = re.compile(r"[0-9a-fA-F]{32}")
_MAX_LENGTH = 320  # an e-mail address is at most 254 characters; ids and hashes are far shorter


def _text(kind: str, value: object) -> str:
    if not isinstance(value, str):
        raise NP6ValidationError(f"contact {kind} must be a str, got {type(value).__name__} ({value!r})")
    if not value.strip():
        raise NP6ValidationError(f"contact {kind} must not be empty")
    if len(value) > _MAX_LENGTH:
        raise NP6ValidationError(f"contact {kind} is {len(value)} characters long (at most {_MAX_LENGTH})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NP6ValidationError(f"contact {kind} contains a lone surrogate: not valid text") from None
    return value


class Contact:
    """A contact selector: exactly one of ``id``, ``unicity`` (usually the e-mail address) or ``hash``.

    ``Contact.id("000R4M0T")``, ``Contact.unicity("a@example.com")``, ``Contact.hash("0441...2c28b")``, or
    ``Contact(id=...)``. Giving two selectors, an empty value, a value that is not a ``str`` or a hash that
    is not 32 hexadecimal characters raises ``NP6ValidationError``.
    """

    __slots__ = ("_kind", "_value")
    _kind: ContactKind
    _value: str

    def __init__(self, *, id: str | None = None, unicity: str | None = None, hash: str | None = None) -> None:
        given = {k: v for k, v in (("id", id), ("unicity", unicity), ("hash", hash)) if v is not None}
        if len(given) != 1:
            names = ", ".join(given) or "none"
            raise NP6ValidationError(f"a Contact needs exactly one of id, unicity or hash (got {names})")
        ((kind, value),) = given.items()
        self._set(kind, value)

    def _set(self, kind: str, value: object) -> None:
        text = _text(kind, value)
        if kind == "hash" and not _HASH.fullmatch(text):
            raise NP6ValidationError(f"contact hash must be 32 hexadecimal characters, got {text!r}")
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_value", text)

    @classmethod
    def _one(cls, kind: str, value: object) -> Contact:
        """``cls(**{kind: value})`` without sorting out which keyword was given (a bulk send makes 100,000):
        the same checks and errors; a subclass or a ``None`` takes the constructor itself."""
        if cls is not Contact or value is None:
            return cls(**{kind: value})  # type: ignore[arg-type]  # the keyword is one of the three
        contact: Contact = object.__new__(Contact)
        contact._set(kind, value)
        return contact

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Contact is immutable")

    # Shortcuts (class-level names; an instance exposes .kind and .value).
    @classmethod
    def id(cls, value: str) -> Contact:
        """The contact with this NP6 contact id (e.g. ``"000R4M0T"``)."""
        return cls._one("id", value)

    @classmethod
    def unicity(cls, value: str) -> Contact:
        """The contact whose unicity field (usually the e-mail address) has this value."""
        return cls._one("unicity", value)

    @classmethod
    def hash(cls, value: str) -> Contact:
        """The contact with this hash (32 hexadecimal characters)."""
        return cls._one("hash", value)

    @property
    def kind(self) -> ContactKind:
        """How the contact is named: ``"id"``, ``"unicity"`` or ``"hash"``."""
        return self._kind

    @property
    def value(self) -> str:
        """The id, unicity or hash itself."""
        return self._value

    def __repr__(self) -> str:
        return f"Contact.{self._kind}({self._value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Contact) and (self._kind, self._value) == (other._kind, other._value)

    def __hash__(self) -> int:
        return hash((self._kind, self._value))

    # -- wire forms
    def to_identifier(self) -> ContactById | ContactByUnicity | ContactByHash:
        """The ``ContactIdentifier`` model (unicity as an array of strings, as NP6 wants)."""
        by_id, by_unicity, by_hash = _identifier_classes()
        if self._kind == "id":
            return by_id(type_="id", value=self._value)
        if self._kind == "unicity":
            return by_unicity(type_="unicity", value=[self._value])
        return by_hash(type_="hash", value=self._value)

    def to_dict(self) -> dict[str, Any]:
        """The ``ContactIdentifier`` JSON shape."""
        value: Any = [self._value] if self._kind == "unicity" else self._value
        return {"type": self._kind, "value": value}

    def to_target(self) -> dict[str, str]:
        """The ``TargetReference`` JSON shape (render bodies: ``value`` is a plain string)."""
        return {"type": self._kind, "value": self._value}


@functools.cache
def _identifier_classes() -> tuple[type[ContactById], type[ContactByUnicity], type[ContactByHash]]:
    """The three identifier models, imported on first use and once (an ``import`` statement in
    ``to_identifier`` took most of its time in a bulk send)."""
    from np6_api.models.contact_by_hash import ContactByHash
    from np6_api.models.contact_by_id import ContactById
    from np6_api.models.contact_by_unicity import ContactByUnicity

    return ContactById, ContactByUnicity, ContactByHash


def as_contact(value: object, *, name: str = "contact") -> Contact:
    """A ``Contact`` from a ``Contact`` or a generated identifier model; anything else is refused."""
    if isinstance(value, Contact):
        return value
    type_ = getattr(value, "type_", None)
    raw = getattr(value, "value", None)
    if type_ in ("id", "hash") and isinstance(raw, str):
        return Contact(**{type_: raw})
    if type_ == "unicity" and isinstance(raw, list) and len(raw) == 1:
        return Contact(unicity=raw[0])
    raise NP6ValidationError(
        f"{name} must be a Contact (Contact.id(...), Contact.unicity(...) or Contact.hash(...)),"
        f" got {type(value).__name__}"
    )


# -- a Contact inside a dict body: each body field that names a contact has its own wire form
def _identifier(contact: Contact) -> Any:
    return contact.to_dict()


def _target(contact: Contact) -> Any:
    return contact.to_target()


def notification_recipient(contact: Contact) -> Any:
    """The ``NotificationRecipient`` JSON shape: the identifier in a ``contact`` envelope."""
    return {"type": "contact", "value": contact.to_dict()}


def _recipient_envelope(value: Any) -> Any:
    """``{"type": "contact", "value": <Contact>}``: the Contact inside written as an identifier."""
    inner = value.get("value")
    if isinstance(inner, Contact) or _is_identifier_model(inner):
        return {**value, "value": as_contact(inner, name="recipient.value").to_dict()}
    return value


def _is_identifier_model(value: object) -> bool:
    return hasattr(value, "type_") and type(value).__name__.startswith("ContactBy")


def _render_contact(contact: Contact) -> Any:
    return {contact.kind: contact.value}


def as_test_recipient(value: object, *, name: str = "recipient") -> Any:
    """A notification test's recipient: NP6 documents ``{"type", "value": <int>}``, so a ``Contact.id`` with
    a numeric id (or a plain ``int``) becomes ``{"type": "contact", "value": <int>}``; a dict passes as is."""
    if isinstance(value, bool):
        raise NP6ValidationError(f"{name} must be a Contact, an int contact id or a dict, got bool")
    if isinstance(value, int):
        return {"type": "contact", "value": value}
    if isinstance(value, Contact):
        if value.kind == "id" and value.value.isascii() and value.value.isdigit() and len(value.value) < 11:
            return {"type": "contact", "value": int(value.value)}
        raise NP6ValidationError(
            f"{name}: NP6 documents a test recipient as an integer contact id; {value!r} is not one"
            " (give Contact.id('<digits>'), an int, or the dict NP6 expects)"
        )
    return value


FORMS: dict[str, dict[str, Any]] = {
    # schema of the body -> {field: how a Contact in that field is written}
    "ExecutionEmailRequest": {"recipient": _identifier, "related": _identifier},
    "ExecutionSmsRequest": {"recipient": _identifier, "related": _identifier},
    "RenderEmailRequest": {"receiver": _target, "related": _target},
    "RenderSmsRequest": {"receiver": _target, "related": _target},
    "RenderLinksRequest": {"receiver": _target, "related": _target},
    "NotificationExecutionRequest": {"recipient": notification_recipient},
    "NotificationRenderRequest": {"receiver": _render_contact, "related": _render_contact},
    "NotificationTestRequest": {"recipient": as_test_recipient},
}


def with_contacts(data: Any, schema_name: str) -> Any:
    """``data`` with every ``Contact`` (or generated identifier model) in a contact field of ``schema_name``
    written in that field's wire form; anything else is returned unchanged."""
    forms = FORMS.get(schema_name)
    if not forms or not isinstance(data, Mapping):
        return data
    out = dict(data)
    for key, form in forms.items():
        value = out.get(key)
        if isinstance(value, Contact):
            out[key] = form(value)
        elif _is_identifier_model(value):
            out[key] = form(as_contact(value, name=key))
        elif isinstance(value, Mapping) and form is notification_recipient:
            out[key] = _recipient_envelope(value)
    return out
