"""Helpers shared by the handlers: contact resolution, timestamps, outcome events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from np6_sandbox.replies import Problem
from np6_sandbox.spec import parse_date_time
from np6_sandbox.store import Contact, Store


def obj(value: Any) -> Mapping[str, Any]:
    """The value if it is a JSON object, else an empty one (optional fields may be absent)."""
    return value if isinstance(value, Mapping) else {}


def iso_now(store: Store) -> str:
    return (
        dt.datetime.fromtimestamp(store.now_ms() / 1000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    )


def resolve(store: Store, ident: Any) -> Contact | None:
    """A contact named by `{type: id|unicity|hash|footprint, value...}` (any unicity item may match)."""
    if not isinstance(ident, Mapping):
        return None
    kind, value = ident.get("type"), ident.get("value")
    if kind == "id" and isinstance(value, str):
        return store.find_contact(id=value)
    if kind == "hash" and isinstance(value, str):
        return store.find_contact(hash=value)
    if kind == "unicity":
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and (contact := store.find_contact(unicity=item)):
                return contact
        return None
    if kind == "footprint":
        return resolve_plain(store, ident)
    return None


def resolve_plain(store: Store, ref: Any) -> Contact | None:
    """A contact named like a footprint without type: `{id?, unicity?, hash?}` (notification renders)."""
    if not isinstance(ref, Mapping):
        return None
    keys = {k: ref[k] for k in ("id", "unicity", "hash") if isinstance(ref.get(k), str)}
    return store.find_contact(**keys) if keys else None


def contact_from_query(store: Store, query: Mapping[str, Any]) -> Contact:
    """`?unicity=` or `?hash=`, exactly one of them (the spec merges NP6's two operations into one)."""
    given = [name for name in ("unicity", "hash") if query.get(name) is not None]
    if len(given) != 1:
        raise Problem(
            400,
            field="unicity",
            detail="give exactly one of the query parameters unicity and hash",
            error="invalid query",
        )
    contact = store.find_contact(**{given[0]: query[given[0]]})
    if contact is None:
        raise Problem(404)
    return contact


def contact_by_id(store: Store, contact_id: str) -> Contact:
    contact = store.find_contact(id=contact_id)
    if contact is None:
        raise Problem(404)
    return contact


def error_result(kind: str, recipient: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"type": kind}
    if recipient is not None:
        value["recipient"] = recipient
    return {"type": "error", "value": value}


MAX_MS = 2**63 - 1  # the spec's DateFilter: int64, minimum 0


def to_ms(value: Any, field: str) -> int:
    """A DateFilter (ISO 8601 date-time or milliseconds since the epoch) as milliseconds; 400 otherwise."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_MS:
        return value
    if isinstance(value, str):
        if value.isascii() and value.isdigit() and len(value) <= 19 and int(value) <= MAX_MS:
            return int(value)
        parsed = parse_date_time(value)
        if parsed is not None:
            return int(parsed.timestamp() * 1000)
    raise Problem(
        400,
        field=field,
        detail="expected an ISO 8601 date-time or a millisecond timestamp",
        error="invalid query",
    )
