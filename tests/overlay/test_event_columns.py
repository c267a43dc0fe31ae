"""The shared event columns (np6._event_columns): one definition typed for Parquet and SQL, text for CSV."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from np6._event_columns import COLUMNS, NAMES, as_int64, as_text, found, raw_json, time_of, typed
from np6.cli._columns import row

NOTIFICATION_HIT: dict[str, Any] = {
    "type": "hit",
    "id": "a4f5bc0e-6d8d-4c43-8e2c-6b2c1d2c3a4f",
    "timestamp": 1614089593123,
    "identity": {"type": "customer", "agency": "AG", "customer": "028"},
    "source": {
        "type": "notification",
        "detail": {
            "activation": {
                "id": 156,
                "version": "9a1f3c2e-0000-4000-8000-000000000001",
                "kind": "application",
                "receiver": {
                    "type": "contact",
                    "value": {"type": "footprint", "id": "000R4M0T", "unicity": "a@np6.com", "hash": "h1"},
                },
                "channel": "notification_channel",
            },
            "link": {"type": "redirection", "label": None, "uri": "deeplink://product?id=594"},
        },
    },
}


def by_name(event: dict[str, Any]) -> dict[str, Any]:
    return dict(zip(NAMES, typed(event), strict=True))


def test_each_column_has_one_type_and_the_list_is_stable() -> None:
    assert NAMES[:4] == ("id", "type", "timestamp", "time") and len(NAMES) == len(set(NAMES)) == 24
    typed_columns = {c.name: c.type for c in COLUMNS if c.type != "text"}
    assert typed_columns == {"timestamp": "int64", "time": "timestamp"}


def test_typed_values_of_a_notification_hit() -> None:
    values = by_name(NOTIFICATION_HIT)
    assert values["timestamp"] == 1614089593123 and type(values["timestamp"]) is int
    assert values["time"] == dt.datetime(2021, 2, 23, 14, 13, 13, 123000, tzinfo=dt.UTC)
    assert values["time"].utcoffset() == dt.timedelta(0)
    assert values["activation_id"] == "156"  # a notification id in the same column as action ids
    assert values["contact_id"] == "000R4M0T" and values["contact_hash"] == "h1"
    assert values["link_label"] is None and values["link_uri"] == "deeplink://product?id=594"
    assert values["identity_agency"] == "AG" and values["bounce_code"] is None
    # The CSV spells the same values as text.
    assert dict(zip(NAMES, row(NOTIFICATION_HIT), strict=True))["time"] == "2021-02-23T14:13:13.123Z"


def test_an_unknown_kind_gives_its_envelope_and_none_elsewhere() -> None:
    values = by_name({"type": "teleport", "id": "x", "timestamp": 5, "source": {"type": "sms"}})
    envelope = (values["type"], values["id"], values["timestamp"], values["source"])
    assert envelope == ("teleport", "x", 5, "sms")
    assert values["time"] == dt.datetime(1970, 1, 1, 0, 0, 0, 5000, tzinfo=dt.UTC)
    assert [name for name, value in values.items() if value is None] == list(NAMES[5:])


def test_values_not_of_the_column_type_become_none_or_text() -> None:
    assert as_int64(True) is None and as_int64("12") is None and as_int64(2**63) is None
    assert as_int64(-(2**63)) == -(2**63) and as_int64(2**63 - 1) == 2**63 - 1
    assert time_of(2**62) is None and time_of(None) is None and time_of(False) is None
    assert time_of(-1) == dt.datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=dt.UTC)
    assert as_text(None) is None and as_text("line\nbreak") == "line\nbreak"  # only the CSV flattens lines
    assert (as_text(True), as_text(7), as_text(1.5), as_text(2**70)) == ("true", "7", "1.5", str(2**70))
    assert as_text(["a", "b", None]) == "a b" and as_text({"k": [1, "é"]}) == '{"k":[1,"é"]}'
    assert as_text("\ud800x") == "\\ud800x"  # valid UTF-8, spelled as the CSV spells it
    assert as_text(10**5000) is None  # past Python's digit limit: the raw JSON keeps it


def test_a_timestamp_that_is_not_a_64_bit_integer_leaves_both_time_columns_empty() -> None:
    for stamp in (2**70, "1614089593123", 1.5e12, True):
        values = by_name({"type": "hit", "id": "e", "timestamp": stamp})
        assert values["timestamp"] is None and values["time"] is None, stamp
    assert found({"timestamp": 2**70})[2] == 2**70  # the CSV still writes it exactly


def test_raw_json_is_the_event_as_sent_and_always_valid_utf8() -> None:
    assert json.loads(raw_json(NOTIFICATION_HIT)) == NOTIFICATION_HIT
    assert raw_json({"b": 1, "a": "é"}) == '{"b":1,"a":"é"}'  # key order and text kept
    surrogate = raw_json({"s": "\ud800"})
    assert surrogate == '{"s":"\\ud800"}' and json.loads(surrogate) == {"s": "\ud800"}
    surrogate.encode("utf-8")
