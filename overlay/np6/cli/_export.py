"""Export files: events written to JSON Lines or CSV, a record of what wrote them, and safe resumption.

Exports always ask for events sorted by timestamp (ascending), so the last timestamp in the file is a
resume point: the next run asks again from that timestamp (inclusive) and skips the events of that
timestamp already written (dedupe on the event id), which leaves neither a gap nor a duplicate.

Every export to a regular file gets a sidecar next to it, `<file>.np6-export.json`, written atomically
(temporary file + rename) before the first record and after every checkpoint::

    {"np6_export": 1, "scope": "notifications", "id": null, "kind": "hits", "format": "csv",
     "since": 1793491200000, "until": null,
     "committed": {"bytes": 48213, "records": 1000, "sha256": "<the committed bytes' last 64 KiB>"}}

`--resume` trusts a file only as far as the sidecar proves np6 wrote it: the same scope, id, kind and
format; at least `committed.bytes` long; the same fingerprint there. Past the checkpoint it accepts only
complete records of the format, plus at most one unfinished last line (the record being written when the
process died), which is the only thing ever cut. Anything else is refused before a byte of the file changes.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from np6._event_columns import raw_json

from ._columns import COLUMNS, row

Format = Literal["jsonl", "csv"]
SIDECAR_SUFFIX = ".np6-export.json"
_VERSION = 1
_ID = COLUMNS.index("id")
_TIMESTAMP = COLUMNS.index("timestamp")
_BLOCK = 1 << 16  # read size, and how much of the committed bytes the fingerprint covers
_MAX_RECORD = 64 << 20  # a "record" longer than this was not written by np6 (events are far smaller)
_MAX_SIDECAR = 1 << 20


class ExportRefused(Exception):
    """The file cannot be written or resumed without risking what it holds (a usage error, exit 2)."""


@dataclass(frozen=True)
class Query:
    """What an export file holds: the events of one scope, id and kind, in one format."""

    scope: str
    id: str | None
    kind: str | None
    format: Format

    def describe(self) -> str:
        parts = [f"--scope {self.scope}"]
        parts += [] if self.id is None else [f"--id {self.id}"]
        parts += ["(every kind)" if self.kind is None else f"--kind {self.kind}", f"--format {self.format}"]
        return " ".join(parts)


@dataclass(frozen=True)
class ResumePoint:
    """Where an earlier export of the same file stopped."""

    timestamp: int
    seen: frozenset[str]  # ids already written with that timestamp
    written: int  # complete records already in the file


@dataclass(frozen=True)
class Plan:
    """What an export will do to its file, decided before anything is written."""

    path: Path
    query: Query
    regular: bool  # a regular file (gets a sidecar); else a device or pipe, written as it is
    exists: bool
    keep: int  # bytes kept; writing continues there (a partial last record beyond it is cut)
    size: int
    records: int  # complete records already in the file
    header: bool  # CSV: the header is still to be written
    point: ResumePoint | None


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def header_line() -> str:
    return _csv_line(list(COLUMNS))


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def line(event: Mapping[str, Any], fmt: Format) -> bytes:
    """One record, one line, UTF-8 (a lone surrogate is kept as its JSON escape, not as broken bytes)."""
    if fmt == "csv":
        return _csv_line(row(event)).encode("utf-8", "backslashreplace")
    return (raw_json(event) + "\n").encode("utf-8")


# --- Reading a file back ---------------------------------------------------------------------------------


def _record(data: bytes, fmt: Format) -> tuple[int, str] | None:
    """(timestamp, id) of one written record, None for the CSV header; ValueError when it is neither."""
    text = data.decode("utf-8")
    if fmt == "jsonl":
        event = json.loads(text)
        if not isinstance(event, dict):
            raise ValueError("not a JSON object")
        timestamp, event_id = event.get("timestamp"), event.get("id")
        if not isinstance(timestamp, int) or isinstance(timestamp, bool) or event_id is None:
            raise ValueError("no timestamp and id")
        return timestamp, str(event_id)
    cells = next(csv.reader([text]))
    if cells == list(COLUMNS):
        return None
    if len(cells) != len(COLUMNS):
        raise ValueError(f"{len(cells)} columns, not {len(COLUMNS)}")
    return int(cells[_TIMESTAMP]), cells[_ID]


def _lines_backwards(f: IO[bytes], end: int) -> Iterator[bytes]:
    """The non-empty lines of f[:end] (which ends with a newline), last first."""
    pos = end
    tail = b""
    while pos > 0:
        start = max(0, pos - _BLOCK)
        f.seek(start)
        chunk = f.read(pos - start) + tail
        lines = chunk.split(b"\n")
        tail = lines.pop(0)
        if len(tail) > _MAX_RECORD:
            raise ValueError(f"a line of more than {_MAX_RECORD} bytes")
        yield from (piece for piece in reversed(lines) if piece)
        pos = start
    if tail:
        yield tail


def _fingerprint(f: IO[bytes], end: int) -> str:
    import hashlib  # OpenSSL's start-up: only for an export to a file, not for every np6 run

    start = max(0, end - _BLOCK)
    f.seek(start)
    return hashlib.sha256(f"{end}:".encode() + f.read(end - start)).hexdigest()


def _sidecar(path: Path) -> dict[str, Any] | None:
    side = sidecar_path(path)
    try:
        with side.open("rb") as f:
            data = f.read(_MAX_SIDECAR + 1)
    except FileNotFoundError:
        return None
    try:
        if len(data) > _MAX_SIDECAR:
            raise ValueError("too large")
        record = json.loads(data.decode("utf-8"))
        committed = record["committed"]
        if (
            record.get("np6_export") != _VERSION
            or not isinstance(committed.get("bytes"), int)
            or not isinstance(committed.get("records"), int)
            or not isinstance(committed.get("sha256"), str)
        ):
            raise ValueError("not a record of this version")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ExportRefused(
            f"--resume: {side} cannot be read (not written by this np6, or damaged)"
        ) from None
    return dict(record)


def _query_of(record: Mapping[str, Any]) -> Query:
    return Query(
        scope=str(record.get("scope")),
        id=None if record.get("id") is None else str(record.get("id")),
        kind=None if record.get("kind") is None else str(record.get("kind")),
        format=record.get("format"),  # type: ignore[arg-type]
    )


def output_status(path: Path) -> os.stat_result | None:
    """The status of --output; None when it does not exist yet (ExportRefused when its directory doesn't)."""
    try:
        return path.stat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise ExportRefused(f"--output: directory {path.parent} does not exist") from None
        return None


def plan(path: Path, query: Query, *, resume: bool) -> Plan:
    """Check `path` for an export of `query` (a fresh one, or `--resume`) without changing anything.

    Raises ExportRefused (the message names the option and the file) or OSError (from the file system).
    """
    fresh = Plan(path, query, True, False, 0, 0, 0, query.format == "csv", None)
    info = output_status(path)
    if info is None:
        return fresh
    if stat.S_ISDIR(info.st_mode):
        raise ExportRefused(f"--output: {path} is a directory; give a file name")
    if not stat.S_ISREG(info.st_mode):  # /dev/stdout, a pipe, /dev/full: written as they are
        if resume:
            raise ExportRefused(f"--resume: {path} is not a regular file, so there is nothing to resume")
        return dataclasses.replace(fresh, regular=False, exists=True)
    if not resume:
        if info.st_size > 0:
            raise ExportRefused(
                f"--output: {path} exists; pass --resume to continue that export, or remove it"
            )
        return dataclasses.replace(fresh, exists=True)
    record = _sidecar(path)
    if record is None:
        if info.st_size == 0:  # nothing to lose, nothing to mix
            return dataclasses.replace(fresh, exists=True)
        raise ExportRefused(
            f"--resume: nothing shows np6 wrote {path} (no {sidecar_path(path).name} next to it); "
            "it was left as it is: remove it or choose another --output"
        )
    written_by = _query_of(record)
    if written_by != query:
        raise ExportRefused(
            f"--resume: {path} is an export of {written_by.describe()}, not of {query.describe()}; "
            "it was left as it is"
        )
    return _resume_plan(path, query, record, info.st_size)


def _resume_plan(path: Path, query: Query, record: Mapping[str, Any], size: int) -> Plan:
    committed = record["committed"]
    end, records = committed["bytes"], committed["records"]
    changed = f"--resume: {path} changed since np6 wrote it ({{}}); it was left as it is"
    if end > size:
        raise ExportRefused(changed.format(f"{size} bytes, np6 had written {end}"))
    with path.open("rb") as f:
        if _fingerprint(f, end) != committed["sha256"]:
            raise ExportRefused(changed.format("its content differs"))
        if query.format == "csv" and end > 0:
            f.seek(0)
            if f.readline(_MAX_RECORD) != header_line().encode():
                raise ExportRefused(changed.format("not the CSV header of this np6"))
        # Past the checkpoint: complete records np6 wrote before it stopped, and maybe an unfinished one.
        keep, extra = end, 0
        f.seek(end)
        while data := f.readline(_MAX_RECORD):
            if not data.endswith(b"\n"):
                if len(data) >= _MAX_RECORD:
                    raise ExportRefused(changed.format(f"a line of {_MAX_RECORD} bytes or more"))
                break  # the record being written when the process stopped: cut when writing resumes
            try:
                _record(data[:-1], query.format)
            except (ValueError, UnicodeDecodeError, csv.Error) as error:
                detail = f"byte {keep} is not a {query.format} record: {error}"
                raise ExportRefused(changed.format(detail)) from None
            keep += len(data)
            extra += 1
        point = _point(f, keep, query.format, records + extra, path)
    header = query.format == "csv" and keep == 0
    return Plan(path, query, True, True, keep, size, records + extra, header, point)


def _point(f: IO[bytes], end: int, fmt: Format, written: int, path: Path) -> ResumePoint | None:
    """The last timestamp of f[:end] and the ids written with it (None when it holds no record)."""
    last: int | None = None
    seen: set[str] = set()
    try:
        for data in _lines_backwards(f, end):
            found = _record(data, fmt)
            if found is None:
                break
            timestamp, event_id = found
            if last is None:
                last = timestamp
            elif timestamp != last:
                break
            seen.add(event_id)
    except (ValueError, UnicodeDecodeError, csv.Error) as error:
        raise ExportRefused(f"--resume: {path} holds a line that is not a {fmt} record ({error})") from None
    return None if last is None else ResumePoint(timestamp=last, seen=frozenset(seen), written=written)


# --- Writing ---------------------------------------------------------------------------------------------


class ExportFile:
    """The output file of an export and its sidecar: `write` records, `checkpoint` what is on disk.

    Opening creates a new file exclusively (never replacing one that appeared meanwhile) or opens the
    planned one and cuts only an unfinished last record. `created` tells whether this run created it.
    """

    def __init__(self, planned: Plan, *, since: int | None, until: int | None) -> None:
        self.plan = planned
        self.records = planned.records
        self.written = 0  # records written by this run
        self._meta = {
            "np6_export": _VERSION,
            **{f.name: getattr(planned.query, f.name) for f in dataclasses.fields(planned.query)},
            "since": since,
            "until": until,
        }
        if not planned.exists:
            self._file: IO[bytes] = planned.path.open("x+b")
            self.created = True
        else:
            self._file = planned.path.open("r+b" if planned.regular else "ab")
            self.created = False
        try:
            if planned.regular:
                if planned.keep < planned.size:
                    self._file.truncate(planned.keep)
                self._file.seek(planned.keep)
                self._offset = planned.keep
                self.checkpoint()
            else:
                self._offset = 0
            if planned.header:
                self._write(header_line().encode())
        except BaseException:
            if self.created:
                self.discard()  # this run created it and could not start it: leave nothing behind
            else:
                self._file.close()
            raise

    def _write(self, data: bytes) -> None:
        self._file.write(data)
        self._offset += len(data)

    def write(self, record: bytes) -> None:
        self._write(record)
        self.records += 1
        self.written += 1

    def checkpoint(self) -> None:
        """Flush, then record in the sidecar (atomically) that the bytes so far are np6's."""
        self._file.flush()
        if not self.plan.regular:
            return
        committed = {
            "bytes": self._offset,
            "records": self.records,
            "sha256": _fingerprint(self._file, self._offset),
        }
        self._file.seek(self._offset)
        side = sidecar_path(self.plan.path)
        temporary = side.with_name(side.name + ".tmp")
        temporary.write_text(json.dumps({**self._meta, "committed": committed}, indent=1) + "\n")
        os.replace(temporary, side)

    def close(self) -> None:
        self._file.close()

    def discard(self) -> None:
        """Remove the file and sidecar this run created (nothing was exported into them)."""
        self.close()
        if self.created:
            with contextlib.suppress(OSError):
                self.plan.path.unlink()
            with contextlib.suppress(OSError):
                sidecar_path(self.plan.path).unlink()


def skip_written(
    events: Iterable[Mapping[str, Any]], point: ResumePoint | None
) -> Iterator[Mapping[str, Any]]:
    """Drop the events of the resume timestamp that the earlier run already wrote."""
    for event in events:
        if point is not None and event.get("timestamp") == point.timestamp and event.get("id") in point.seen:
            continue
        yield event
