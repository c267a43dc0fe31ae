"""The export file formats and the resume point, on files written by the export writer itself."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from np6.cli._columns import COLUMNS, row
from np6.cli._export import EventWriter, Format, resume_point, skip_written

HIT = {
    "type": "hit",
    "id": "14d3d192-bd40-4c0b-9048-4469ab3a981c",
    "timestamp": 1614089593000,
    "identity": {"type": "customer", "agency": "DEMO", "customer": "028"},
    "source": {
        "type": "notification",
        "detail": {
            "activation": {
                "id": 156,
                "version": "ecce4585-1627-4495-90fc-7bbc27d2ae26",
                "kind": "application",
                "receiver": {
                    "type": "contact",
                    "value": {
                        "type": "footprint",
                        "id": "000R4M0T",
                        "unicity": "example@np6.com",
                        "hash": "0441",
                    },
                },
                "channel": "notification_channel",
            },
            "link": {"type": "redirection", "label": None, "uri": "deeplink://product?id=594"},
        },
    },
}
BOUNCE = {
    "type": "bounce",
    "id": "b1",
    "timestamp": 1614089594000,
    "source": {
        "type": "email",
        "detail": {
            "activation": {
                "id": "000PE4",
                "kind": "message",
                "recipient": "example@np6.com",
                "receiver": {"type": "id", "value": "000R4M0T"},
            },
            "bounce": {
                "status": {"code": {"enhanced": "5.4.4"}, "diagnostic": "unable to route:\nno hosts"},
                "analysis": {"verdict": "soft", "subject": {"type": "other"}},
            },
        },
    },
}


def test_a_row_flattens_contact_activation_link_and_bounce() -> None:
    hit = dict(zip(COLUMNS, row(HIT), strict=True))
    assert hit["contact_id"] == "000R4M0T" and hit["contact_unicity"] == "example@np6.com"
    assert hit["activation_id"] == "156" and hit["link_type"] == "redirection"
    assert hit["time"] == "2021-02-23T14:13:13.000Z" and hit["identity_customer"] == "028"
    bounce = dict(zip(COLUMNS, row(BOUNCE), strict=True))
    assert bounce["bounce_verdict"] == "soft" and bounce["bounce_code"] == "5.4.4"
    assert bounce["recipient"] == "example@np6.com" and bounce["contact_id"] == "000R4M0T"
    assert bounce["bounce_diagnostic"] == "unable to route: no hosts"  # one record, one line


def test_an_unknown_kind_still_exports_its_envelope() -> None:
    cells = dict(
        zip(
            COLUMNS,
            row({"type": "teleport", "id": "x", "timestamp": 5, "source": {"type": "sms"}}),
            strict=True,
        )
    )
    assert (cells["type"], cells["id"], cells["source"], cells["link_type"]) == ("teleport", "x", "sms", "")


def events(n: int, per_timestamp: int = 3) -> list[dict[str, Any]]:
    return [{"type": "hit", "id": f"e{i}", "timestamp": 1000 + i // per_timestamp} for i in range(n)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_a_kill_mid_record_loses_and_repeats_nothing(tmp_path: Path, fmt: Format) -> None:
    everything = events(20)
    path = tmp_path / f"out.{fmt}"
    with path.open("w") as out:
        writer = EventWriter(out, fmt, header=True)
        for event in everything[:10]:
            writer.write(event)
        out.write('{"type": "hit", "id": "e10", "times' if fmt == "jsonl" else "e10,hi")  # killed here

    point = resume_point(path, fmt)
    assert point is not None
    assert (point.timestamp, point.seen, point.written) == (1003, frozenset({"e9"}), 10)

    # The server answers again from the resume timestamp, inclusive.
    again = [e for e in everything if e["timestamp"] >= point.timestamp]
    with path.open("a") as out:
        writer = EventWriter(out, fmt, header=False)
        for event in skip_written(again, point):
            writer.write(event)

    text = path.read_text()
    ids = (
        [json.loads(line)["id"] for line in text.splitlines()]
        if fmt == "jsonl"
        else [r["id"] for r in csv.DictReader(io.StringIO(text))]
    )
    assert ids == [e["id"] for e in everything]


def test_no_resume_point_for_a_missing_or_empty_export(tmp_path: Path) -> None:
    assert resume_point(tmp_path / "none.jsonl", "jsonl") is None
    header_only = tmp_path / "h.csv"
    with header_only.open("w") as out:
        EventWriter(out, "csv", header=True)
    assert resume_point(header_only, "csv") is None
