"""Writing an event stream to JSON Lines or CSV, and finding where an interrupted export stopped.

Exports always ask for events sorted by timestamp (ascending), so the last timestamp in the file is a
resume point: the next run asks again from that timestamp (inclusive) and skips the events of that
timestamp already written (dedupe on the event id), which leaves neither a gap nor a duplicate.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from ._columns import COLUMNS, row

Format = Literal["jsonl", "csv"]
_ID = COLUMNS.index("id")
_TIMESTAMP = COLUMNS.index("timestamp")
_BLOCK = 1 << 16


@dataclass(frozen=True)
class ResumePoint:
    """Where an earlier export of the same file stopped."""

    timestamp: int
    seen: frozenset[str]  # ids already written with that timestamp
    written: int  # complete records already in the file


def _drop_partial_line(path: Path) -> None:
    """A process killed mid-write leaves half a record: cut the file back to its last newline."""
    with path.open("rb+") as f:
        end = f.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            start = max(0, pos - _BLOCK)
            f.seek(start)
            block = f.read(pos - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            pos = start
        else:
            keep = 0
        if keep != end:
            f.truncate(keep)


def _lines_backwards(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        pos = f.seek(0, os.SEEK_END)
        tail = b""
        while pos > 0:
            start = max(0, pos - _BLOCK)
            f.seek(start)
            chunk = f.read(pos - start) + tail
            lines = chunk.split(b"\n")
            tail = lines.pop(0)
            yield from (line for line in reversed(lines) if line)
            pos = start
        if tail:
            yield tail


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            count += block.count(b"\n")
    return count


def _record(line: bytes, fmt: Format) -> tuple[int, str] | None:
    """(timestamp, id) of one written record; None for a CSV header."""
    text = line.decode("utf-8")
    if fmt == "jsonl":
        event = json.loads(text)
        return int(event["timestamp"]), str(event["id"])
    cells = next(csv.reader([text]))
    if cells == list(COLUMNS):
        return None
    return int(cells[_TIMESTAMP]), cells[_ID]


def resume_point(path: Path, fmt: Format) -> ResumePoint | None:
    """The resume point of an earlier export to `path`, or None when it holds no record yet."""
    if not path.exists():
        return None
    _drop_partial_line(path)
    last: int | None = None
    seen: set[str] = set()
    for line in _lines_backwards(path):
        record = _record(line, fmt)
        if record is None:
            break
        timestamp, event_id = record
        if last is None:
            last = timestamp
        elif timestamp != last:
            break
        seen.add(event_id)
    if last is None:
        return None
    written = _count_lines(path) - (1 if fmt == "csv" else 0)
    return ResumePoint(timestamp=last, seen=frozenset(seen), written=written)


class EventWriter:
    """Writes events one per line; a CSV file gets its header only when it is new."""

    def __init__(self, out: IO[str], fmt: Format, *, header: bool) -> None:
        self._out = out
        self._fmt = fmt
        self._csv = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
        if self._csv is not None and header:
            self._csv.writerow(COLUMNS)

    def write(self, event: Mapping[str, Any]) -> None:
        if self._csv is not None:
            self._csv.writerow(row(event))
        else:
            self._out.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")


def skip_written(
    events: Iterable[Mapping[str, Any]], point: ResumePoint | None
) -> Iterator[Mapping[str, Any]]:
    """Drop the events of the resume timestamp that the earlier run already wrote."""
    for event in events:
        if point is not None and event.get("timestamp") == point.timestamp and event.get("id") in point.seen:
            continue
        yield event
