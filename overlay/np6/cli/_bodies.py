"""Request bodies from `-f FILE` (or `-f -`, stdin): a JSON or YAML object, checked before any request.

JSON is tried first (the API's own notation); anything else is read as YAML. YAML's implicit dates are
left as strings (`2026-11-01` stays the text NP6 expects) and values JSON cannot hold (binary, NaN, ...)
are refused. Every problem is a usage error naming the option and the file, never a traceback.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from np6 import NP6ValidationError

from ._common import usage_error

Merge = Annotated[
    bool,
    typer.Option(
        "--merge/--replace",
        help="--merge (default): change only the fields in the file, keep the others (read, merge, write; "
        "a list such as versions is replaced whole). --replace: NP6's own update, a full replacement: "
        "every field the file leaves out is erased.",
    ),
]

MAX_BODY_BYTES = 10 * 1024 * 1024
"""The largest body read (NP6's sandbox limit too): a bound on memory whatever the file."""


@functools.cache
def _loader() -> Any:
    """Safe YAML without the implicit timestamp type: dates stay strings, as in JSON. Built (and yaml
    imported) only when a body is not JSON, so that other commands do not pay for it."""
    import yaml

    from .._spec import safe_yaml_loader

    base: Any = safe_yaml_loader()

    class _Loader(base):  # type: ignore[misc]
        pass

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _Loader


def _read(source: str, option: str) -> tuple[bytes, str]:
    if source == "-":
        if sys.stdin.isatty():
            sys.stderr.write(f"reading the body from stdin ({option} -); end it with Ctrl-D\n")
        data = sys.stdin.buffer.read(MAX_BODY_BYTES + 1)
        name = "stdin"
    else:
        path = Path(source)
        name = source
        try:
            with path.open("rb") as file:
                data = file.read(MAX_BODY_BYTES + 1)
        except FileNotFoundError:
            usage_error(f"{option}: no such file: {source}")
        except IsADirectoryError:
            usage_error(f"{option}: {source} is a directory, not a file")
        except OSError as error:
            usage_error(f"{option}: cannot read {source}: {error.strerror or error}")
    if len(data) > MAX_BODY_BYTES:
        usage_error(f"{option}: {name} is larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB")
    return data, name


MAX_VALUES = 1_000_000
"""The most values a body may hold once YAML aliases are expanded (a bound on time: no alias bomb)."""


def _check_json_values(root: Any, name: str, option: str) -> None:
    """Refuse what YAML can hold and JSON cannot (bytes, dates, NaN, non-string keys...)."""
    stack = [root]
    seen = 0
    while stack:
        value = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            usage_error(f"{option}: {name} holds more than {MAX_VALUES:,} values (YAML aliases?)")
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    usage_error(f"{option}: {name}: the key {key!r} is not a string (quote it)")
                stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, float) and not math.isfinite(value):
            usage_error(f"{option}: {name}: {value} is not a JSON number")
        elif value is not None and not isinstance(value, str | int | float | bool):
            usage_error(f"{option}: {name}: a {type(value).__name__} value has no JSON form")


def parse_body(data: bytes, name: str, option: str) -> Any:
    """The JSON (or YAML) document in `data`; usage errors name `option` and `name`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        usage_error(f"{option}: {name} is not UTF-8 text (byte {error.start})")
    if not text.strip():
        usage_error(f"{option}: {name} is empty; expected a JSON or YAML object")
    try:
        try:
            value = json.loads(text)
        except ValueError:
            value = _yaml(text, name, option)
    except RecursionError:
        usage_error(f"{option}: {name} is nested too deeply")
    _check_json_values(value, name, option)
    return value


def _yaml(text: str, name: str, option: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # a safe loader (CSafeLoader/SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid syntax"
        usage_error(f"{option}: {name} is neither JSON nor YAML: {problem}{where}")


def read_body(source: str, option: str = "--file") -> dict[str, Any]:
    """The JSON or YAML object in the file `source` (`-` for stdin)."""
    data, name = _read(source, option)
    value = parse_body(data, name, option)
    if not isinstance(value, dict):
        usage_error(f"{option}: {name} holds a {_kind(value)}; expected an object ({{...}})")
    if not value:
        usage_error(f"{option}: {name} holds an empty object: no field to create or change")
    return value


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if value is None:
        return "null"
    return "string" if isinstance(value, str) else type(value).__name__


_BODY = re.compile(r"^(body|changes)\b")


@contextmanager
def body_checked(source: str, option: str = "--file") -> Iterator[None]:
    """The library's schema errors about `body` reworded to name the option and the file it came from."""
    try:
        yield
    except NP6ValidationError as error:
        where = "stdin" if source == "-" else source
        message, count = _BODY.subn(f"{option} {where}", str(error), count=1)
        usage_error(message if count else f"{option} {where}: {message}")
