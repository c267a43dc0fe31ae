"""The `np6` command line, for people who would rather not write Python.

    np6 demo                                   # the main job against an embedded sandbox
    np6 notifications render 156 --unicity a@example.com
    np6 reactivities export --scope notifications --kind bounces --since 2026-11-01 --format csv -o b.csv

Built on the `np6` client; `np6 sandbox` and `np6 contract` run the sandbox and the contract suite.
`run(argv)` runs a command line in-process and returns its exit status.

Typer, Click and Rich (and every command module) are imported on first use of `app` or `run`, and not at
all by `np6 --version` alone, which answers before loading them (start-up time, issue 13).
"""

from __future__ import annotations

import sys

from .._version import __version__

TYPE_CHECKING = False  # as in np6/__init__.py: no `typing` import on the way to `np6 --version`
if TYPE_CHECKING:
    from typing import Any

    from ._app import app, run

__all__ = ["app", "main", "run", "version_line"]


def version_line() -> str:
    """What `np6 --version` prints."""
    return f"np6 {__version__} (np6-python, NP6 API 8.1.0)"


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        try:
            sys.stdout.write(version_line() + "\n")
            sys.stdout.flush()
        except OSError:  # `np6 --version | true`: as `run` does, say nothing more
            from ._app import _silence_stdout

            _silence_stdout()
        sys.exit(0)
    from ._app import main as app_main

    app_main()


def __getattr__(name: str) -> Any:
    if name in ("app", "run"):
        from . import _app

        return getattr(_app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
