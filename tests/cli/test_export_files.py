"""The export file formats and the resume point, on files written by the export writer itself."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from np6.cli._columns import COLUMNS, row
from np6.cli._export import (
    SIDECAR_SUFFIX,
    ExportFile,
    ExportRefused,
    Format,
    Query,
    line,
    plan,
    skip_written,
)

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


QUERY = {
    "jsonl": Query("notifications", None, "hits", "jsonl"),
    "csv": Query("notifications", None, "hits", "csv"),
}


def export(path: Path, fmt: Format, batch: list[dict[str, Any]], *, resume: bool = False) -> ExportFile:
    """What `np6 reactivities export` does with its file: plan, open, write, checkpoint."""
    planned = plan(path, QUERY[fmt], resume=resume)
    out = ExportFile(planned, since=None, until=None)
    for event in skip_written(batch, planned.point):
        out.write(line(event, fmt))
    out.checkpoint()
    out.close()
    return out


def ids(path: Path, fmt: Format) -> list[str]:
    text = path.read_text()
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in text.splitlines()]
    return [r["id"] for r in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_a_kill_mid_record_loses_and_repeats_nothing(tmp_path: Path, fmt: Format) -> None:
    everything = events(20)
    path = tmp_path / f"out.{fmt}"
    export(path, fmt, everything[:8])
    with path.open("ab") as f:  # two more records reached the file after the last checkpoint...
        f.write(line(everything[8], fmt) + line(everything[9], fmt))
        f.write(b'{"type": "hit", "id": "e10", "times' if fmt == "jsonl" else b"e10,hi")  # ...then killed

    planned = plan(path, QUERY[fmt], resume=True)
    point = planned.point
    assert point is not None
    assert (point.timestamp, point.seen, point.written) == (1003, frozenset({"e9"}), 10)
    assert planned.keep < planned.size  # only the unfinished record will be cut

    again = [e for e in everything if e["timestamp"] >= planned.point.timestamp]  # asked again, inclusive
    export(path, fmt, again, resume=True)
    assert ids(path, fmt) == [e["id"] for e in everything]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_partial_first_record_or_an_empty_file_starts_over(tmp_path: Path, fmt: Format) -> None:
    path = tmp_path / f"out.{fmt}"
    export(path, fmt, [])
    with path.open("ab") as f:
        f.write(b'{"type": "hi' if fmt == "jsonl" else b"e0,h")
    planned = plan(path, QUERY[fmt], resume=True)
    assert planned.point is None and planned.records == 0
    export(path, fmt, events(2), resume=True)
    assert ids(path, fmt) == ["e0", "e1"]

    empty = tmp_path / f"empty.{fmt}"
    empty.touch()  # no sidecar, no byte: nothing to lose
    assert plan(empty, QUERY[fmt], resume=True).point is None


def refusal(path: Path, query: Query, *, resume: bool = True) -> str:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ExportRefused) as caught:
        plan(path, query, resume=resume)
    if before is not None:
        assert path.read_bytes() == before  # byte-identical
    return str(caught.value)


def test_resume_refuses_another_query_or_format(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    export(path, "jsonl", events(5))
    other_kind = Query("notifications", None, "bounces", "jsonl")
    assert "--kind hits" in refusal(path, other_kind) and "--kind bounces" in refusal(path, other_kind)
    assert "--scope actions" in refusal(path, Query("actions", None, "hits", "jsonl"))
    assert "--id 156" in refusal(path, Query("notifications", "156", "hits", "jsonl"))
    assert "--format csv" in refusal(path, Query("notifications", None, "hits", "csv"))
    assert "exists" in refusal(path, QUERY["jsonl"], resume=False)


def append(path: Path, data: bytes) -> None:
    with path.open("ab") as f:
        f.write(data)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[:-30]), "changed since np6 wrote it"),  # cut
        (lambda p: p.write_bytes(b"X" + p.read_bytes()[1:]), "content differs"),  # edited
        (lambda p: append(p, b"not a record\n"), "is not a jsonl record"),  # appended by someone
        (lambda p: append(p, b"x" * (65 << 20)), "or more"),  # a giant unfinished line
        (lambda p: Path(str(p) + SIDECAR_SUFFIX).write_text("{"), "cannot be read"),
        (lambda p: Path(str(p) + SIDECAR_SUFFIX).write_text('{"np6_export": 99}'), "cannot be read"),
        (lambda p: Path(str(p) + SIDECAR_SUFFIX).unlink(), "nothing shows np6 wrote"),
    ],
)
def test_resume_refuses_a_file_it_cannot_prove_it_wrote(tmp_path: Path, damage: Any, message: str) -> None:
    path = tmp_path / "out.jsonl"
    export(path, "jsonl", events(5))
    damage(path)
    assert message in refusal(path, QUERY["jsonl"])


def test_a_text_file_or_a_one_line_json_file_is_never_touched(tmp_path: Path) -> None:
    for name, content in (("notes.txt", b"line 1\nline 2 without newline"), ("one.json", b'{"a": 1}')):
        path = tmp_path / name
        path.write_bytes(content)
        assert "nothing shows np6 wrote" in refusal(path, QUERY["jsonl"])


def test_no_resume_point_for_a_missing_or_header_only_export(tmp_path: Path) -> None:
    assert plan(tmp_path / "none.jsonl", QUERY["jsonl"], resume=True).point is None
    header_only = tmp_path / "h.csv"
    export(header_only, "csv", [])
    assert header_only.read_text().splitlines() == [",".join(COLUMNS)]
    assert plan(header_only, QUERY["csv"], resume=True).point is None
