"""Request bodies, for the API and the admin surface alike: bounded in size, and JSON the sandbox can keep.

Why a check after `json.loads`: Python's parser accepts what the sandbox cannot answer back later (NaN,
Infinity, 1e999, lone surrogates such as "\\ud800") and nests as deep as its recursion limit, which then
breaks the jsonschema validation, the stored state and every later read of it. Such a body is refused with a
400 naming the field, before anything is stored.

Why orjson first: it parses a body in a third of json's time (`POST /_sandbox/events` spent a fifth of its
time in json's decoder), and refuses everything `check` refuses but depth. Its value is the answer only when
it is json's: it parses every number as json does, except that an integer past 64 bits becomes a float, so
a value holding a number beyond 2**62 in size (or nested past MAX_DEPTH) is parsed again by json, as is
anything orjson refuses (json then decides, with its own message).
"""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any

import jsonschema_rs
import orjson
from starlette.requests import Request

from np6_sandbox.replies import FieldError, Problem

DRAIN_LIMIT = 64 * 1024 * 1024  # past the limit the rest of a body is read and dropped, up to this much
MAX_DEPTH = 64  # NP6's deepest documented object is under 10 levels
EXACT_BOUND = 2**62  # orjson reads every number of at most this size as json does (larger ints: floats)


class _Constant:
    """What `NaN`/`Infinity` parse to, so the walk can name the field that held one."""

    def __init__(self, text: str) -> None:
        self.text = text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _field(path: list[str]) -> str:
    return ".".join(path) or "(body)"


def check(value: Any) -> None:
    """Refuse a parsed value holding non-finite numbers, lone surrogates, or nesting past MAX_DEPTH.

    Iterative on purpose: a recursive walk would fail on the very nesting it is meant to refuse.
    """
    stack: list[tuple[Any, list[str]]] = [(value, [])]
    while stack:
        item, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise FieldError(_field(path[:MAX_DEPTH]), f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, _Constant) or (isinstance(item, float) and not math.isfinite(item)):
            text = item.text if isinstance(item, _Constant) else repr(item)
            raise FieldError(_field(path), f"{text} is not a JSON number (use a finite number)")
        if isinstance(item, str):
            if _has_surrogate(item):
                raise FieldError(_field(path), "a lone surrogate (such as \\ud800) is not valid Unicode")
        elif isinstance(item, dict):
            for key, member in item.items():
                if _has_surrogate(key):
                    raise FieldError(_field(path), "a member name holds a lone surrogate")
                stack.append((member, [*path, key]))
        elif isinstance(item, list):
            stack.extend((member, [*path, str(index)]) for index, member in enumerate(item))


# A lone surrogate in a parsed value comes from a \uD800-\uDFFF escape or from one the decoder let through
# (surrogatepass): a text with neither holds none.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _depth_schema(limit: int, bound: int | None = None) -> dict[str, Any]:
    """A JSON Schema met by a value with nothing more than `limit` levels down (`check`'s depth rule), and
    no number beyond `bound` in size when one is given.

    A chain of `$defs` (level j's members must meet level j + 1's), so its size grows with `limit`: the
    same sub-schema object used twice would be copied into a tree of 2**limit nodes by jsonschema-rs.
    """
    numbers = {} if bound is None else {"minimum": -bound, "maximum": bound}
    defs: dict[str, Any] = {f"d{limit}": {"maxItems": 0, "maxProperties": 0, **numbers}}
    for level in range(limit - 1, -1, -1):
        below = {"$ref": f"#/$defs/d{level + 1}"}
        defs[f"d{level}"] = {"items": below, "additionalProperties": below, **numbers}
    return {"$defs": defs, "$ref": "#/$defs/d0"}


@functools.cache
def _depth_validator() -> jsonschema_rs.Validator:
    return jsonschema_rs.Draft202012Validator(_depth_schema(MAX_DEPTH))


@functools.cache
def _exact_validator() -> jsonschema_rs.Validator:
    return jsonschema_rs.Draft202012Validator(_depth_schema(MAX_DEPTH, EXACT_BOUND))


_NOT_PARSED: Any = object()


def _orjson_value(raw: bytes) -> Any:
    """orjson's value of the text when it is the one `_parse_exactly` returns; _NOT_PARSED otherwise."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:  # NaN, 1e999, surrogates, bad UTF-8, a BOM, > 1024 levels, not JSON
        return _NOT_PARSED
    try:
        exact = _exact_validator().is_valid(value)
    except Exception:  # a value jsonschema-rs cannot take
        exact = False
    return value if exact else _NOT_PARSED


def _shallow(value: Any) -> bool:
    """True when nothing sits more than MAX_DEPTH levels down (checked in Rust, a third of a walk's time);
    False when something may (then `check` decides)."""
    try:
        return _depth_validator().is_valid(value)
    except Exception:  # a value jsonschema-rs cannot take (nested past its own limit...)
        return False


def parse(raw: bytes) -> Any:
    """JSON text -> value, or FieldError naming the field; `check` has passed on the result.

    orjson's value when it is json's (see the module docstring), else `_parse_exactly`'s answer.
    """
    value = _orjson_value(raw)
    return _parse_exactly(raw) if value is _NOT_PARSED else value


def _parse_exactly(raw: bytes) -> Any:
    """`parse` by json alone: what the sandbox answers for every text orjson cannot vouch for.

    `check` walks every value and builds every path, a dozen times the cost of parsing; it runs only when
    the text may hold what it refuses: a NaN/Infinity or overflowing number (seen by the parser's hooks),
    a surrogate (seen in the text), or nesting past MAX_DEPTH (`_shallow`).
    """
    suspect = False

    def constant(text: str) -> _Constant:
        nonlocal suspect
        suspect = True
        return _Constant(text)

    def number(text: str) -> float:
        nonlocal suspect
        value = float(text)
        if not math.isfinite(value):
            suspect = True
        return value

    try:
        # What json.loads(raw) does, with the hooks: decode as it detects, then parse the text.
        text = raw.decode(json.detect_encoding(raw), "surrogatepass")
        value = json.JSONDecoder(parse_constant=constant, parse_float=number).decode(text)
    except RecursionError:
        raise FieldError(
            "(body)", f"not JSON the sandbox accepts: nested deeper than {MAX_DEPTH} levels"
        ) from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, integers past 4,300 digits
        raise FieldError("(body)", f"not JSON: {error}"[:200]) from None
    if suspect or _has_surrogate(text) or _SURROGATE_ESCAPE.search(text) or not _shallow(value):
        check(value)
    return value


async def read(request: Request, limit: int) -> bytes:
    """The body, at most `limit` bytes (413 past it; the excess is drained so the client reads the 413)."""
    declared = request.headers.get("content-length", "")
    too_big = declared.isascii() and declared.isdigit() and (len(declared) > 18 or int(declared) > limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            too_big = True
        if too_big:
            chunks.clear()
            if size > limit + DRAIN_LIMIT:
                break
            continue
        chunks.append(chunk)
    if too_big:
        raise Problem(413)
    return b"".join(chunks)
