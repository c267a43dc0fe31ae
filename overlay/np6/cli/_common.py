"""What every `np6` subcommand shares: connection options, error handling and exit codes, output.

Exit codes: 0 ok, 1 the API (or the network) failed, with NP6's request id when there is one, 2 usage error.
The API key is read from `--api-key` or `NP6_API_KEY` and never printed (help shows only the variable name).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from np6 import APIStatusError, Contact, NP6Error, NP6ValidationError

P = ParamSpec("P")
R = TypeVar("R")

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # a send or execute where some recipients failed and others succeeded
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), after saying how far the command got

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

BaseUrl = Annotated[
    str | None,
    typer.Option("--base-url", envvar="NP6_BASE_URL", show_default=False, help="API URL [default: NP6's]"),
]
ApiKey = Annotated[
    str | None,
    typer.Option("--api-key", envvar="NP6_API_KEY", show_default=False, show_envvar=True, help="API key"),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ContactId = Annotated[str | None, typer.Option("--contact-id", help="The contact's id, e.g. 000R4M0T.")]
Unicity = Annotated[str | None, typer.Option("--unicity", help="The contact's unicity, e.g. its e-mail.")]
Hash = Annotated[str | None, typer.Option("--hash", help="The contact's hash (32 hex characters).")]


def usage_error(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(EXIT_USAGE)


def api_error(error: NP6Error) -> NoReturn:
    message = str(error)
    if isinstance(error, APIStatusError) and error.request_id and error.request_id not in message:
        message += f" (request id: {error.request_id})"
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=False)
    raise typer.Exit(EXIT_API_ERROR)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Map the overlay's errors to the documented exit codes with a one-line message."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except NP6ValidationError as error:
            usage_error(str(error))
        except NP6Error as error:
            api_error(error)

    return wrapper


def one_contact(contact_id: str | None, unicity: str | None, hash_: str | None) -> Contact:
    """Exactly one of --contact-id / --unicity / --hash (named as flags, not as Contact's arguments)."""
    given = {k: v for k, v in (("id", contact_id), ("unicity", unicity), ("hash", hash_)) if v is not None}
    if len(given) != 1:
        usage_error("give exactly one of --contact-id, --unicity, --hash")
    return Contact(**given)


def contacts(contact_ids: list[str], unicities: list[str], hashes: list[str]) -> list[Contact]:
    """Recipients from repeatable --contact-id / --unicity / --hash, in that order."""
    found = [
        *(Contact.id(v) for v in contact_ids),
        *(Contact.unicity(v) for v in unicities),
        *(Contact.hash(v) for v in hashes),
    ]
    if not found:
        usage_error("give at least one recipient with --contact-id, --unicity or --hash")
    return found


def date_option(value: str | None, option: str) -> dt.datetime | int | None:
    """A millisecond timestamp, or an ISO date / date-time (without an offset it is taken as UTC)."""
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        usage_error(f"{option}: {value!r} is neither an ISO date-time nor a millisecond timestamp")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def json_option(value: str | None, option: str) -> dict[str, Any] | None:
    if value is None:
        return None
    try:
        data = json.loads(value)
    except json.JSONDecodeError as error:
        usage_error(f"{option}: not JSON ({error.msg})")
    if not isinstance(data, dict):
        usage_error(f"{option}: expected a JSON object")
    return data


def as_data(model: Any) -> Any:
    """The JSON shape of a generated model (or a list of them)."""
    if isinstance(model, list):
        return [as_data(m) for m in model]
    return model.to_dict() if hasattr(model, "to_dict") else model


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(as_data(value), indent=2, ensure_ascii=False, default=str) + "\n")


def print_fields(title: str, rows: list[tuple[str, Any]]) -> None:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for name, value in rows:
        table.add_row(name, "" if value is None else str(value))
    out.print(table)


def print_rows(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)


def present(value: Any) -> Any:
    """None for the generated client's UNSET, the value otherwise."""
    from np6_api.types import Unset

    return None if isinstance(value, Unset) else value
