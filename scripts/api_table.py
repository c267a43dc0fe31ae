"""Print the public methods of the np6 clients and resource namespaces as a Markdown table.

    .venv/bin/python scripts/api_table.py            # sync surface (the async twin is the same, see below)
    .venv/bin/python scripts/api_table.py --async    # the async classes instead

Read from the code as it is (inspect, annotations as written), so the table cannot drift from it. Overloaded
methods get one row per overload.
"""

from __future__ import annotations

import argparse
import inspect
import typing
from collections.abc import Callable
from typing import Any

import np6
from np6.resources import Actions, AsyncActions, AsyncNotifications, Notifications


class _Text(str):
    """An annotation written as a string, shown without quotes."""

    def __repr__(self) -> str:
        return str(self)


def _unquoted(func: Callable[..., Any]) -> inspect.Signature:
    sig = inspect.signature(func)

    def plain(annotation: object) -> object:
        return _Text(annotation) if isinstance(annotation, str) else annotation

    params = [p.replace(annotation=plain(p.annotation)) for p in sig.parameters.values()]
    return sig.replace(parameters=params, return_annotation=plain(sig.return_annotation))


def rows(cls: type[object], prefix: str) -> list[tuple[str, str]]:
    out = []
    for name in sorted(n for n in dir(cls) if not n.startswith("_")):
        obj = inspect.getattr_static(cls, name)
        if isinstance(obj, property) and obj.fget is not None:
            out.append((f"{prefix}.{name}", f"(property) -> {inspect.signature(obj.fget).return_annotation}"))
            continue
        if not inspect.isfunction(obj):
            continue
        kind = "async " if inspect.iscoroutinefunction(obj) else ""
        variants = typing.get_overloads(obj) or [obj]
        for func in variants:
            sig = str(_unquoted(func)).replace("(self, ", "(").replace("(self)", "()")
            out.append((f"{prefix}.{name}", kind + sig))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--async", dest="is_async", action="store_true", help="the async classes")
    args = parser.parse_args()
    if args.is_async:
        classes = [
            (np6.AsyncNP6, "AsyncNP6"),
            (AsyncNotifications, "notifications"),
            (AsyncActions, "actions"),
        ]
    else:
        classes = [(np6.NP6, "NP6"), (Notifications, "notifications"), (Actions, "actions")]
    print("| method | signature |")
    print("|---|---|")
    for cls, prefix in classes:
        for name, sig in rows(cls, prefix):
            cell = sig.replace("|", "\\|")  # a pipe inside a Markdown table cell
            print(f"| `{name}` | `{cell}` |")


if __name__ == "__main__":
    main()
