"""The confirmation a destructive command asks for: `--yes`, or a "y" typed at a terminal, never silence."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ._common import EXIT_API_ERROR, EXIT_INTERRUPTED, note, usage_error

Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (needed in scripts).")]


def confirm(action: str, yes: bool) -> None:
    """Ask "<action>?" on the terminal unless --yes; with no terminal to ask on, a usage error."""
    if yes:
        return
    if not sys.stdin.isatty():
        usage_error(f"not confirmed: to {action} without a terminal to ask on, pass --yes")
    try:
        agreed = typer.confirm(f"{action[0].upper()}{action[1:]}? This cannot be undone.", err=True)
    except typer.Abort:  # Ctrl-C or Ctrl-D at the prompt
        note("interrupted: nothing done")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if not agreed:
        note("nothing done")
        raise typer.Exit(EXIT_API_ERROR)
