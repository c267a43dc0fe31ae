"""The CSV columns of `np6 reactivities export`: one flat row per event, stable across releases.

The column list is part of the command's contract (the README documents it): new columns are only ever
added at the end. Values come from the event as NP6 sent it (`event.to_dict()`), so kinds and fields this
version does not know still export their envelope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "timestamp",
    "time",
    "source",
    "activation_id",
    "activation_version",
    "activation_kind",
    "contact_id",
    "contact_unicity",
    "contact_hash",
    "recipient",
    "channel",
    "link_type",
    "link_uri",
    "link_label",
    "bounce_verdict",
    "bounce_subject",
    "bounce_code",
    "bounce_diagnostic",
    "optout_type",
    "optout_channel",
    "identity_agency",
    "identity_customer",
)


def _get(node: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _text(value: Any) -> str:
    """One CSV cell on one line: resuming an export reads the file back line by line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " ".join(_text(v) for v in value)
    return " ".join(str(value).splitlines())


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


def iso_time(timestamp: Any) -> str | None:
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        return None
    moment = dt.datetime.fromtimestamp(timestamp / 1000, tz=dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def row(event: Mapping[str, Any]) -> list[str]:
    """The CSV cells of one event, in COLUMNS order."""
    detail = _get(event, "source", "detail")
    activation = _get(detail, "activation") or _get(detail, "execution")
    receiver = _get(activation, "receiver") or _get(activation, "recipient")
    contact_id, unicity, contact_hash = contact_columns(receiver if isinstance(receiver, Mapping) else None)
    recipient = _get(activation, "recipient")
    bounce = _get(detail, "bounce")
    values = {
        "id": event.get("id"),
        "type": event.get("type"),
        "timestamp": event.get("timestamp"),
        "time": iso_time(event.get("timestamp")),
        "source": _get(event, "source", "type"),
        "activation_id": _get(activation, "id"),
        "activation_version": _get(activation, "version"),
        "activation_kind": _get(activation, "kind"),
        "contact_id": contact_id,
        "contact_unicity": unicity,
        "contact_hash": contact_hash,
        "recipient": recipient if isinstance(recipient, str) else None,
        "channel": _get(activation, "channel"),
        "link_type": _get(detail, "link", "type"),
        "link_uri": _get(detail, "link", "uri"),
        "link_label": _get(detail, "link", "label"),
        "bounce_verdict": _get(bounce, "analysis", "verdict"),
        "bounce_subject": _get(bounce, "analysis", "subject", "type"),
        "bounce_code": _get(bounce, "status", "code", "enhanced"),
        "bounce_diagnostic": _get(bounce, "status", "diagnostic"),
        "optout_type": _get(detail, "optout", "type"),
        "optout_channel": _get(detail, "optout", "channel"),
        "identity_agency": _get(event, "identity", "agency"),
        "identity_customer": _get(event, "identity", "customer"),
    }
    return [_text(values[name]) for name in COLUMNS]
