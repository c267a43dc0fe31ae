"""Compiled JSON-Schema validation (jsonschema-rs) that can only ever accept what jsonschema accepts.

Why: jsonschema (pure Python) needs milliseconds per NP6 event (the Event schema is a tree of oneOf
variants), so `POST /_sandbox/events` stored about a hundred events a second. jsonschema-rs checks one in
microseconds. jsonschema stays the reference: its errors make the 400 bodies and the drift messages, and
its verdict is final. The compiled validator is a fast "yes": `spec.Schema` asks it first and asks
jsonschema whenever it says no (or cannot take the value), so rejections and their messages are jsonschema's.

For that to be exact, the compiled validator must never accept a value jsonschema refuses. It works on a
copy of the document whose formats are spelled out as constraints at least as strict as the sandbox's
`FormatChecker` (spec.py):

- `uuid`: jsonschema's check is `uuid.UUID(value)` plus hyphens at 8, 13, 18, 23; the copy demands the
  canonical 8-4-4-4-12 hexadecimal form, which that check always accepts;
- `int32`/`int64`: jsonschema checks Python ints (bools included, always in range) and lets floats pass;
  the copy bounds every integer-valued number (floats such as 3e10 too), and jsonschema-rs never calls a
  format function for a number;
- `date-time`: the sandbox's own check (spec.is_date_time), called by jsonschema-rs for strings;
- any other format: jsonschema-rs's built-in check or none, while the sandbox asserts no other format.

Values that are not JSON as `json.loads` makes it (a tuple, which jsonschema-rs takes for an array and
jsonschema does not; a set; non-str keys) must not be trusted to it: `json_shaped` tells them apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema_rs

UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
INTEGER_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
# Members whose values are data, not schemas: never rewritten (an enum may hold {"format": "uuid"}).
_DATA_KEYWORDS = frozenset({"enum", "const", "default", "example", "examples"})


def strict_copy(node: Any) -> Any:
    """A copy of (part of) the document whose `uuid`, `int32` and `int64` formats are constraints."""
    if isinstance(node, list):
        return [strict_copy(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: value if key in _DATA_KEYWORDS else strict_copy(value) for key, value in node.items()}
    fmt = node.get("format")
    extra: dict[str, Any] | None = None
    if fmt == "uuid":
        extra = {"pattern": UUID_PATTERN}
    elif isinstance(fmt, str) and fmt in INTEGER_FORMATS:
        low, high = INTEGER_FORMATS[fmt]
        extra = {"anyOf": [{"not": {"type": "integer"}}, {"minimum": low, "maximum": high}]}
    if extra is not None:
        del copy["format"]
        existing = copy.get("allOf", [])
        if not isinstance(existing, list):
            return {"not": {}}  # a malformed schema: accept nothing, jsonschema decides
        copy["allOf"] = [*existing, extra]
    return copy


def json_shaped(value: Any) -> bool:
    """True when a value holds only what `json.loads` builds (dict with str keys, list, str, int, float,
    bool, None): the values on which jsonschema-rs and jsonschema see the same JSON."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, member in item.items():
                if not isinstance(key, str):
                    return False
                stack.append(member)
        elif isinstance(item, list):
            stack.extend(item)
        elif not (item is None or isinstance(item, str | int | float)):
            return False
    return True


class Compiler:
    """Builds jsonschema-rs validators for JSON pointers of one document, sharing one registry."""

    def __init__(self, document: Any, base_uri: str, date_time: Callable[[str], bool]) -> None:
        self._document = document
        self._base_uri = base_uri
        self._formats = {"date-time": date_time}
        self._registry: jsonschema_rs.Registry | None = None

    def validator(self, pointer: str, *, items: bool = False) -> jsonschema_rs.Validator:
        """The compiled validator of the schema at `pointer` (the registry is built on first use); with
        `items=True`, of an array whose every item meets that schema (a batch checked in one call)."""
        if self._registry is None:
            resource = strict_copy(self._document)
            self._registry = jsonschema_rs.Registry(
                [(self._base_uri, resource)], draft=jsonschema_rs.Draft202012
            )
        schema: dict[str, Any] = {"$ref": f"{self._base_uri}#{pointer}"}
        return jsonschema_rs.Draft202012Validator(
            {"type": "array", "items": schema} if items else schema,
            registry=self._registry,
            formats=self._formats,
            validate_formats=True,
        )
