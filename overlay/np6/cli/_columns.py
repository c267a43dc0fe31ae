"""The CSV cells of `np6 reactivities export`: one flat row per event, in the columns of `np6._event_columns`.

The columns themselves (names, types, where each value comes from) are defined once in the library, shared
with the Parquet export and the database sync; this module only spells their values as CSV text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from np6._event_columns import NAMES, found

COLUMNS: tuple[str, ...] = NAMES


def _text(value: Any) -> str:
    """One CSV cell on one line: resuming an export reads the file back line by line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if isinstance(value, list):
        value = " ".join(_text(v) for v in value)
    return " ".join(str(value).splitlines())


def row(event: Mapping[str, Any]) -> list[str]:
    """The CSV cells of one event, in COLUMNS order."""
    return [_text(value) for value in found(event)]
