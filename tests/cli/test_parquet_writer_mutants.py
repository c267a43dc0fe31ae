"""`np6.cli._parquet.ParquetExport` and `check_output` in-process, each decision at its edge (issue 16).

The command-level tests run the console script (tests/cli/test_export_parquet.py) or mock the stream
(test_export_parquet_mutants.py); these pin the writer itself so that `make mutation` sees every branch:
row groups flushed at exactly `row_group` events or `ROW_GROUP_BYTES` of JSON, one file per run of a day and
a new part when a day comes back, the footer's metadata, which columns get a dictionary, and a commit or a
discard that only ever touches what the export created.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from np6._event_columns import COLUMNS
from np6.cli import _parquet
from np6.cli._export import ExportRefused
from np6.cli._parquet import NULL_DAY, ParquetExport, check_output, schema

DAY = 86_400_000
T0 = 1_764_547_200_000  # 2025-12-01T00:00:00Z
META = {"scope": "notifications", "id": None, "kind": "hits"}


def hit(i: int, timestamp: int | None = T0) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "hit", "id": f"e{i}"}
    if timestamp is not None:
        event["timestamp"] = timestamp
    return event


def partials(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".np6-partial"))


def row_groups(path: Path) -> list[int]:
    meta = pq.ParquetFile(path).metadata
    return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


# --- schema and check_output ---


def test_schema_types_every_column_and_records_the_query() -> None:
    made = schema(META)
    types = {"text": pa.string(), "int64": pa.int64(), "timestamp": pa.timestamp("ms", tz="UTC")}
    assert [(f.name, f.type) for f in made] == [(c.name, types[c.type]) for c in COLUMNS] + [
        ("raw", pa.string())
    ]
    assert made.metadata == {b"np6_export": json.dumps(META, separators=(",", ":")).encode()}


def test_check_output_accepts_what_does_not_exist_or_is_empty(tmp_path: Path) -> None:
    check_output(tmp_path / "new.parquet", partition=False)
    check_output(tmp_path / "new-dir", partition=True)
    (tmp_path / "empty.parquet").write_bytes(b"")
    check_output(tmp_path / "empty.parquet", partition=False)
    (tmp_path / "empty-dir").mkdir()
    check_output(tmp_path / "empty-dir", partition=True)


@pytest.mark.parametrize(
    ("make", "partition", "message"),
    [
        (lambda p: p.write_bytes(b"x"), False, "exists; remove it or choose another --output"),
        (lambda p: p.mkdir(), False, "is a directory; give a file name (or --partition day)"),
        (lambda p: os.symlink("/dev/null", p), False, "is not a regular file; Parquet is written to a file"),
        (lambda p: p.write_bytes(b""), True, "exists and is not a directory (--partition day writes one)"),
        (
            lambda p: (p.mkdir(), (p / "f").write_bytes(b"")),
            True,
            "is not empty; choose a new or empty directory",
        ),
    ],
    ids=["non-empty file", "directory", "device", "file for partitions", "non-empty directory"],
)
def test_check_output_refuses_anything_holding_data(
    tmp_path: Path, make: Any, partition: bool, message: str
) -> None:
    target = tmp_path / "out"
    make(target)
    with pytest.raises(ExportRefused) as info:
        check_output(target, partition=partition)
    assert str(info.value) == f"--output: {target} {message}"


# --- row groups ---


@pytest.mark.parametrize(
    ("events", "groups"), [(0, []), (1, [1]), (3, [3]), (4, [3, 1]), (6, [3, 3]), (7, [3, 3, 1])]
)
def test_a_row_group_is_flushed_at_exactly_row_group_events(
    tmp_path: Path, events: int, groups: list[int]
) -> None:
    out = tmp_path / "out.parquet"
    export = ParquetExport(out, partition=False, metadata=META, row_group=3)
    for i in range(events):
        export.write(hit(i, T0 + i))
        assert export.read == i + 1
        assert export.written == (i + 1) // 3 * 3  # flushed row groups only
    export.commit()
    assert export.written == events
    assert row_groups(out) == groups
    assert [r["id"] for r in pq.read_table(out).to_pylist()] == [f"e{i}" for i in range(events)]
    assert partials(tmp_path) == []


def test_a_row_group_is_flushed_at_row_group_bytes_of_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = len(json.dumps(hit(0), separators=(",", ":")))
    monkeypatch.setattr(_parquet, "ROW_GROUP_BYTES", 2 * size)  # every second event reaches it exactly
    out = tmp_path / "out.parquet"
    export = ParquetExport(out, partition=False, metadata=META, row_group=1000)
    for i in range(5):
        export.write(hit(i % 10))
    assert export.written == 4
    export.commit()
    assert row_groups(out) == [2, 2, 1]


def test_the_text_columns_that_repeat_get_a_dictionary_and_id_and_raw_do_not(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    export = ParquetExport(out, partition=False, metadata=META)
    for i in range(20):
        export.write(hit(i))
    export.commit()
    group = pq.ParquetFile(out).metadata.row_group(0)
    encoded = {
        group.column(i).path_in_schema: group.column(i).has_dictionary_page for i in range(group.num_columns)
    }
    assert encoded["id"] is False and encoded["raw"] is False
    assert encoded["type"] is True and encoded["source"] is True
    assert {group.column(i).compression for i in range(group.num_columns)} == {"ZSTD"}


# --- partitions ---


def test_each_run_of_a_day_is_one_file_and_a_day_that_comes_back_gets_the_next_part(tmp_path: Path) -> None:
    out = tmp_path / "by-day"
    export = ParquetExport(out, partition=True, metadata=META, row_group=2)
    stamps = [T0, T0 + 1, T0 + 2, T0 + DAY, None, T0 + 3]
    for i, stamp in enumerate(stamps):
        export.write(hit(i, stamp))
    export.commit()
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))
    assert files == [
        "day=2025-12-01/part-0.parquet",
        "day=2025-12-01/part-1.parquet",
        "day=2025-12-02/part-0.parquet",
        f"day={NULL_DAY}/part-0.parquet",
    ]
    ids = {name: [r["id"] for r in pq.read_table(out / name).to_pylist()] for name in files}
    assert ids["day=2025-12-01/part-0.parquet"] == ["e0", "e1", "e2"]
    assert row_groups(out / "day=2025-12-01/part-0.parquet") == [2, 1]
    assert ids["day=2025-12-01/part-1.parquet"] == ["e5"]
    assert ids["day=2025-12-02/part-0.parquet"] == ["e3"]
    assert ids[f"day={NULL_DAY}/part-0.parquet"] == ["e4"]
    assert export.written == export.read == 6
    for name in files:  # every part has the schema and the footer, readable on its own
        assert pq.read_schema(out / name).metadata == schema(META).metadata
    assert partials(tmp_path) == []


def test_partitions_are_built_in_a_temporary_directory_until_commit(tmp_path: Path) -> None:
    out = tmp_path / "by-day"
    export = ParquetExport(out, partition=True, metadata=META)
    export.write(hit(0, T0))
    assert not out.exists()
    assert export.temporary.is_dir() and export.temporary.parent == tmp_path
    assert export.temporary.name.startswith(".by-day.") and export.temporary.name.endswith(".np6-partial")
    export.commit()
    assert out.is_dir() and not export.temporary.exists()


def test_a_partitioned_commit_takes_over_an_empty_directory_but_not_one_that_filled(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    export = ParquetExport(empty, partition=True, metadata=META)
    export.write(hit(0))
    export.commit()
    assert (empty / "day=2025-12-01" / "part-0.parquet").is_file()

    busy = tmp_path / "busy"
    export = ParquetExport(busy, partition=True, metadata=META)
    export.write(hit(0))
    busy.mkdir()
    (busy / "theirs").write_bytes(b"keep")
    with pytest.raises(ExportRefused) as info:
        export.commit()
    assert str(info.value) == (
        f"--output: {busy} appeared or changed during the export; the export is in {export.temporary}"
    )
    assert sorted(p.name for p in busy.iterdir()) == ["theirs"] and (busy / "theirs").read_bytes() == b"keep"
    assert (export.temporary / "day=2025-12-01" / "part-0.parquet").is_file()  # kept: the user's data


# --- commit and discard of a single file ---


def test_the_file_is_complete_or_absent(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    export = ParquetExport(out, partition=False, metadata=META)
    assert export.temporary.is_file() and export.temporary.parent == tmp_path
    assert export.temporary.name.startswith(".out.parquet.") and export.temporary.name.endswith(
        ".np6-partial"
    )
    export.write(hit(0))
    assert not out.exists()
    export.commit()
    assert pq.read_table(out).num_rows == 1 and not export.temporary.exists()
    assert partials(tmp_path) == []


def test_an_empty_file_is_taken_over_and_one_that_appeared_is_kept(tmp_path: Path) -> None:
    empty = tmp_path / "empty.parquet"
    empty.write_bytes(b"")
    export = ParquetExport(empty, partition=False, metadata=META)
    export.write(hit(0))
    export.commit()
    assert pq.read_table(empty).num_rows == 1 and partials(tmp_path) == []

    late = tmp_path / "late.parquet"
    export = ParquetExport(late, partition=False, metadata=META)
    export.write(hit(0))
    late.write_bytes(b"theirs")
    with pytest.raises(ExportRefused) as info:
        export.commit()
    assert (
        str(info.value) == f"--output: {late} appeared during the export; the export is in {export.temporary}"
    )
    assert late.read_bytes() == b"theirs"
    assert pq.read_table(export.temporary).num_rows == 1


def test_an_empty_symlink_is_not_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"")
    link = tmp_path / "link.parquet"
    export = ParquetExport(link, partition=False, metadata=META)
    os.symlink(target, link)
    with pytest.raises(ExportRefused):
        export.commit()
    assert link.is_symlink() and target.read_bytes() == b""


@pytest.mark.parametrize("partition", [False, True])
def test_discard_removes_what_the_export_created_and_nothing_else(tmp_path: Path, partition: bool) -> None:
    neighbour = tmp_path / "neighbour.txt"
    neighbour.write_bytes(b"keep")
    export = ParquetExport(tmp_path / "out", partition=partition, metadata=META, row_group=2)
    for i in range(3):
        export.write(hit(i))
    export.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["neighbour.txt"]
    assert export._writer is None and export._rows == [] and export._bytes == 0
    export.discard()  # twice is harmless: nothing left to remove


def test_a_failure_opening_the_writer_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: ParquetExport, path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ParquetExport, "_open", refuse)
    with pytest.raises(KeyboardInterrupt):
        ParquetExport(tmp_path / "out.parquet", partition=False, metadata=META)
    assert list(tmp_path.iterdir()) == []


def test_typed_values_land_in_their_columns(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    export = ParquetExport(out, partition=False, metadata=META)
    event = {
        "type": "hit",
        "id": "e1",
        "timestamp": T0 + 5,
        "source": {"activation": {"id": 156, "version": 2}},
    }
    export.write(event)
    export.commit()
    (row,) = pq.read_table(out).to_pylist()
    assert row["timestamp"] == T0 + 5
    assert row["time"] == dt.datetime(2025, 12, 1, 0, 0, 0, 5000, tzinfo=dt.UTC)
    assert row["raw"] == json.dumps(event, separators=(",", ":"), ensure_ascii=False)
