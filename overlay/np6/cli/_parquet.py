"""Parquet export files: the events' stable columns with Arrow types, plus each event's raw JSON.

Memory stays flat: events are buffered `ROW_GROUP` at a time (or `ROW_GROUP_BYTES`), then written as one
row group. A Parquet file is
only readable once its footer is written, so an export is complete or absent: it is written under a
temporary name next to `--output` (`.NAME.np6-partial-XXXX`) and renamed into place when the last event is
in. An interrupted or failed run removes that temporary file or directory (it created it); a killed one leaves
it, under that name, never under `--output`. Hence `--resume` does not apply to Parquet.

`--partition day` writes Hive-style directories under `--output`, `day=YYYY-MM-DD/part-N.parquet` (the UTC
day of the event; `day=__HIVE_DEFAULT_PARTITION__` for an event without a usable timestamp), which DuckDB,
Spark or a warehouse loader read in parallel. The files hold no `day` column: readers derive it from the
directory names. Every file's footer records what was exported (`np6_export` key-value metadata).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from np6._event_columns import COLUMNS, NAMES, ColumnType, raw_json, typed

from ._export import ExportRefused, output_status

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

# A row group is flushed at this many events or this much raw JSON, whichever comes first: the buffer, so the
# bound on the export's memory (about 100 MB above the JSONL export's, most of it pyarrow itself), whatever
# the events' size. Readers split work by row group: 10,000 rows is small but well within what they handle.
ROW_GROUP = 10_000
ROW_GROUP_BYTES = 16 << 20
RAW = "raw"
NULL_DAY = "__HIVE_DEFAULT_PARTITION__"  # Hive's (and DuckDB's, Spark's) name for a null partition value
_TIME = NAMES.index("time")
# Dictionary-encode the text columns whose values repeat (kinds, activations, contacts, links...); the event
# id and the raw JSON are unique per event, where a dictionary is wasted work (measured: 22% less CPU in the
# writer, and a smaller file).
_DICTIONARY = tuple(column.name for column in COLUMNS if column.type == "text" and column.name != "id")


def import_pyarrow() -> None:
    """Raise ImportError now, before any request, when the `parquet` extra is missing."""
    import pyarrow
    import pyarrow.parquet  # noqa: F401


def schema(metadata: Mapping[str, Any]) -> pa.Schema:
    """The Arrow schema: every stable column with its type, then `raw`; `metadata` goes in the footer."""
    import pyarrow as pa

    types: dict[ColumnType, pa.DataType] = {
        "text": pa.string(),
        "int64": pa.int64(),
        "timestamp": pa.timestamp("ms", tz="UTC"),
    }
    fields = [pa.field(column.name, types[column.type]) for column in COLUMNS]
    fields.append(pa.field(RAW, pa.string()))
    return pa.schema(fields, metadata={"np6_export": json.dumps(dict(metadata), separators=(",", ":"))})


def check_output(path: Path, *, partition: bool) -> None:
    """Refuse an --output that holds anything: a Parquet export only ever creates its file or directory.

    An empty regular file (say from mktemp) or, with --partition, an empty directory may be taken over.
    """
    info = output_status(path)
    if info is None:
        return
    if partition:
        if not stat.S_ISDIR(info.st_mode):
            raise ExportRefused(
                f"--output: {path} exists and is not a directory (--partition day writes one)"
            )
        if any(path.iterdir()):
            raise ExportRefused(f"--output: {path} is not empty; choose a new or empty directory")
        return
    if stat.S_ISDIR(info.st_mode):
        raise ExportRefused(f"--output: {path} is a directory; give a file name (or --partition day)")
    if not stat.S_ISREG(info.st_mode):
        raise ExportRefused(f"--output: {path} is not a regular file; Parquet is written to a file")
    if info.st_size > 0:
        raise ExportRefused(f"--output: {path} exists; remove it or choose another --output")


class ParquetExport:
    """Events written to a temporary file (or directory of day partitions) that `commit` moves to --output.

    `discard` removes what this export created; neither ever touches anything else.
    """

    def __init__(
        self, output: Path, *, partition: bool, metadata: Mapping[str, Any], row_group: int = ROW_GROUP
    ):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa, self._pq = pa, pq
        self.output = output
        self.partition = partition
        self.schema = schema(metadata)
        self.row_group = row_group
        self.written = 0  # events in files (flushed row groups)
        self.read = 0  # events received
        self._rows: list[tuple[Any, ...]] = []
        self._bytes = 0
        self._writer: pq.ParquetWriter | None = None
        self._day: str | None = None
        self._parts: dict[str, int] = {}
        prefix = f".{output.name}."
        if partition:
            self.temporary = Path(tempfile.mkdtemp(prefix=prefix, suffix=".np6-partial", dir=output.parent))
        else:
            handle, name = tempfile.mkstemp(prefix=prefix, suffix=".np6-partial", dir=output.parent)
            os.close(handle)
            self.temporary = Path(name)
            try:
                self._open(self.temporary)
            except BaseException:  # Ctrl-C or an I/O error before the export started: leave nothing
                self.discard()
                raise

    def _open(self, path: Path) -> None:
        self._writer = self._pq.ParquetWriter(
            str(path), self.schema, compression="zstd", use_dictionary=list(_DICTIONARY)
        )

    def write(self, event: Mapping[str, Any]) -> None:
        raw = raw_json(event)
        row = (*typed(event), raw)
        if self.partition:
            moment = row[_TIME]
            day = moment.date().isoformat() if isinstance(moment, dt.datetime) else NULL_DAY
            if day != self._day:
                self._switch(day)
        self._rows.append(row)
        self._bytes += len(raw)
        self.read += 1
        if len(self._rows) >= self.row_group or self._bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _switch(self, day: str) -> None:
        """Close the day's file and open the next one (events come sorted, so each day is one run)."""
        self._flush()
        if self._writer is not None:
            self._writer.close()
        part = self._parts.get(day, 0)
        self._parts[day] = part + 1
        directory = self.temporary / f"day={day}"
        directory.mkdir(exist_ok=True)
        self._open(directory / f"part-{part}.parquet")
        self._day = day

    def _flush(self) -> None:
        if not self._rows:
            return
        assert self._writer is not None
        pa = self._pa
        columns = list(zip(*self._rows, strict=True))
        arrays = [
            pa.array(values, type=field.type) for values, field in zip(columns, self.schema, strict=True)
        ]
        self._writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        self.written += len(self._rows)
        self._rows = []
        self._bytes = 0

    def commit(self) -> None:
        """Write the last row group and the footer, then move the export to --output (never over data)."""
        self._flush()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self.partition:
            # rename() replaces an empty directory only; one that filled up meanwhile makes it fail.
            try:
                os.rename(self.temporary, self.output)
            except OSError as error:
                raise ExportRefused(
                    f"--output: {self.output} appeared or changed during the export; "
                    f"the export is in {self.temporary}"
                ) from error
            return
        try:
            os.link(self.temporary, self.output)  # fails if --output exists: never replaces a file
        except FileExistsError:
            if self.output.is_file() and not self.output.is_symlink() and self.output.stat().st_size == 0:
                os.replace(self.temporary, self.output)  # the empty file checked before the export
                return
            raise ExportRefused(
                f"--output: {self.output} appeared during the export; the export is in {self.temporary}"
            ) from None
        os.unlink(self.temporary)

    def discard(self) -> None:
        """Remove the temporary file or directory this export created."""
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer = None
        self._rows = []
        self._bytes = 0
        with contextlib.suppress(OSError):
            if self.partition:
                shutil.rmtree(self.temporary)
            else:
                self.temporary.unlink()
