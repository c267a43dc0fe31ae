"""The stable columns of a reactivity event: one flat record per event for CSV, Parquet and SQL tables.

Each column is defined once here (name, type, where its value comes from), so the CSV export, the Parquet
export and the database sync cannot drift apart. The list is part of their contract (the README documents
it): new columns are only ever added at the end. Values come from the event as NP6 sent it (the raw dict),
so kinds and fields this version does not know still give their envelope, and `raw_json` keeps the rest.

Three views of one event:

- `found(event)`: each column's value as it stands in the event (JSON values; `time` already a datetime),
  which the CSV export renders as text cells;
- `typed(event)`: the same values converted to the column's type (`int64` -> int, `timestamp` -> an aware
  UTC datetime, `text` -> str), None when absent or not of that type (the raw JSON still holds it);
- `raw_json(event)`: the event as compact JSON text, valid UTF-8 whatever the event holds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

ColumnType = Literal["text", "int64", "timestamp"]

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_INT64 = (-(2**63), 2**63 - 1)


@dataclass(frozen=True)
class Column:
    """One column: its name, its type, and what it holds."""

    name: str
    type: ColumnType
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("id", "text", "the event id"),
    Column("type", "text", "the kind: hit, bounce, optout, impression... (unknown kinds as sent)"),
    Column("timestamp", "int64", "when it happened, milliseconds since the epoch, as NP6 sent it"),
    Column("time", "timestamp", "the same instant in UTC (millisecond precision)"),
    Column("source", "text", "source.type: notification, email..."),
    Column("activation_id", "text", "the notification id (a number) or the action id"),
    Column("activation_version", "text", "the notification version sent"),
    Column("activation_kind", "text", "e.g. application, message"),
    Column("contact_id", "text", "the contact's id"),
    Column("contact_unicity", "text", "the contact's unicity key (values joined by spaces)"),
    Column("contact_hash", "text", "the contact's hash"),
    Column("recipient", "text", "the address used (e-mail events)"),
    Column("channel", "text", "the resolved display channel (notification events)"),
    Column("link_type", "text", "hits: open, redirection, unsubscribe, mirror, form"),
    Column("link_uri", "text", "hits: the link's URI"),
    Column("link_label", "text", "hits: the link's label"),
    Column("bounce_verdict", "text", "bounces: hard or soft"),
    Column("bounce_subject", "text", "bounces: the analysis subject type"),
    Column("bounce_code", "text", "bounces: the enhanced SMTP status code, e.g. 5.4.4"),
    Column("bounce_diagnostic", "text", "bounces: the diagnostic message"),
    Column("optout_type", "text", "opt-outs: channel, global..."),
    Column("optout_channel", "text", "opt-outs: the channel"),
    Column("identity_agency", "text", "the agency the event belongs to"),
    Column("identity_customer", "text", "the customer the event belongs to"),
)
NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)


def _get(node: Any, *path: str) -> Any:
    for key in path:
        if type(node) is not dict and not isinstance(node, Mapping):  # the exact type first: it is cheap
            return None
        node = node.get(key)
    return node


def contact_columns(receiver: Any) -> tuple[Any, Any, Any]:
    """(id, unicity, hash) of a contact identification, unwrapping a `contact` envelope."""
    if _get(receiver, "type") == "contact":
        receiver = _get(receiver, "value")
    kind = _get(receiver, "type")
    if kind == "footprint":
        return _get(receiver, "id"), _get(receiver, "unicity"), _get(receiver, "hash")
    value = _get(receiver, "value")
    return (
        value if kind == "id" else None,
        value if kind == "unicity" else None,
        value if kind == "hash" else None,
    )


def as_int64(value: Any) -> int | None:
    """A JSON integer that fits 64 bits (booleans are not integers; bigger ones stay in the raw JSON)."""
    if isinstance(value, int) and not isinstance(value, bool) and _INT64[0] <= value <= _INT64[1]:
        return value
    return None


def time_of(timestamp: Any) -> dt.datetime | None:
    """The aware UTC datetime of a millisecond timestamp; None when it is not one a datetime can hold."""
    milliseconds = as_int64(timestamp)
    if milliseconds is None:
        return None
    try:
        return EPOCH + dt.timedelta(milliseconds=milliseconds)
    except OverflowError:
        return None


_NOTHING: Mapping[str, Any] = {}


def _node(value: Any) -> Mapping[str, Any]:
    """`value` if it is an object, else an empty one (a field of the wrong type holds no columns)."""
    if type(value) is dict or isinstance(value, Mapping):  # the exact type first: it is cheap
        return value
    return _NOTHING


def found(event: Mapping[str, Any]) -> tuple[Any, ...]:
    """Each column's value as it stands in the event (None when absent), in COLUMNS order."""
    source = _node(event.get("source"))
    detail = _node(source.get("detail"))
    activation = _node(detail.get("activation") or detail.get("execution"))
    receiver = activation.get("receiver") or activation.get("recipient")
    contact_id, unicity, contact_hash = contact_columns(receiver if isinstance(receiver, Mapping) else None)
    recipient = activation.get("recipient")
    link = _node(detail.get("link"))
    bounce = _node(detail.get("bounce"))
    analysis = _node(bounce.get("analysis"))
    status = _node(bounce.get("status"))
    optout = _node(detail.get("optout"))
    identity = _node(event.get("identity"))
    timestamp = event.get("timestamp")
    return (
        event.get("id"),
        event.get("type"),
        timestamp,
        time_of(timestamp),
        source.get("type"),
        activation.get("id"),
        activation.get("version"),
        activation.get("kind"),
        contact_id,
        unicity,
        contact_hash,
        recipient if isinstance(recipient, str) else None,
        activation.get("channel"),
        link.get("type"),
        link.get("uri"),
        link.get("label"),
        analysis.get("verdict"),
        _node(analysis.get("subject")).get("type"),
        _node(status.get("code")).get("enhanced"),
        status.get("diagnostic"),
        optout.get("type"),
        optout.get("channel"),
        identity.get("agency"),
        identity.get("customer"),
    )


def valid_text(text: str) -> str:
    """`text` as valid Unicode: a lone surrogate (JSON allows one) becomes its escape, as in the CSV."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def as_text(value: Any) -> str | None:
    """A text cell: strings as sent, numbers and booleans as JSON spells them, a list's items joined by
    spaces (as in the CSV), an object as its JSON text; None when absent."""
    if value is None:
        return None
    if type(value) is str:
        return value if value.isascii() else valid_text(value)
    if isinstance(value, str):
        return valid_text(str(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        parts = (as_text(item) for item in value)
        return " ".join(part for part in parts if part is not None)
    try:
        if type(value) is int:
            return str(value)
        return valid_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    except ValueError:  # an integer past Python's digit limit, a NaN...: the raw JSON keeps it
        return None


def typed(event: Mapping[str, Any]) -> tuple[str | int | dt.datetime | None, ...]:
    """Each column's value converted to its type (None when absent or not of that type), COLUMNS order."""
    values = found(event)
    # Most values are short ASCII strings: kept as they are without a call (a text column's conversion).
    out = [
        as_text(v) if text and (type(v) is not str or not v.isascii()) else v
        for text, v in zip(_IS_TEXT, values, strict=True)
    ]
    for index, convert in _NOT_TEXT:
        out[index] = convert(values[index])
    return tuple(out)


def _as_timestamp(value: Any) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


_CONVERT: dict[ColumnType, Any] = {"text": as_text, "int64": as_int64, "timestamp": _as_timestamp}
_IS_TEXT = tuple(column.type == "text" for column in COLUMNS)
_NOT_TEXT = tuple((i, _CONVERT[column.type]) for i, column in enumerate(COLUMNS) if column.type != "text")


def raw_json(event: Mapping[str, Any]) -> str:
    """The event as NP6 sent it, compact JSON (a lone surrogate kept as its JSON escape, not broken text)."""
    text = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(event, separators=(",", ":"))
    return text
