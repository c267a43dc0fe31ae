"""`np6 reactivities sync`: a query's new events into a database, exactly once, for a scheduler to run.

The work is `np6.sync.sync_events` (the window, watermark and exactly-once reasoning are there); this module
turns its options, progress and outcomes into the CLI's: a progress bar on a terminal, a summary on stderr
(or `--json` on stdout, also when the run stopped early), the documented exit codes, and a database URL
whose password is never printed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from np6 import NP6Error, NP6ValidationError

from ._common import (
    EXIT_API_ERROR,
    EXIT_INTERRUPTED,
    ApiKey,
    BaseUrl,
    cli_words,
    error_message,
    handles_errors,
    needs_extra,
    note,
    print_error,
    print_json,
    sdk_client,
    usage_error,
)
from ._reactivities import _progress, app

if TYPE_CHECKING:
    from np6.sync import SyncResult

DEFAULT_INTO = "sqlite:///np6-events.db"  # np6.sync.DEFAULT_URL (not imported: the extra may be missing)
_DURATION = re.compile(r"([0-9]{1,9})(ms|s|m|h|d)")
_UNITS = {"ms": "milliseconds", "s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_ARGUMENT = re.compile(r"^(into|scope|id|kind|look_back|batch_size):")
_SYNC_MODULES = frozenset({"sqlalchemy", "psycopg", "psycopg_binary"})


def look_back_option(value: str) -> dt.timedelta:
    """`--look-back`: a whole number and a unit (ms, s, m, h, d), or 0."""
    text = value.strip()
    if text == "0":
        return dt.timedelta(0)
    found = _DURATION.fullmatch(text)
    if found is None:
        usage_error(f"--look-back: a duration such as 90s, 15m, 1h or 2d (or 0), got {value!r}")
    return dt.timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})


@app.command("sync")
@handles_errors
def sync(
    scope: Annotated[Literal["notifications", "actions"], typer.Option("--scope", help="Whose events.")],
    resource: Annotated[str | None, typer.Option("--id", help="One notification or action only.")] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="As for export (hits, bounces, ...). Default: every event."),
    ] = None,
    into: Annotated[
        str,
        typer.Option(
            "--into",
            help="A SQLAlchemy database URL: sqlite:///FILE or postgresql://user@host/dbname (psycopg 3).",
        ),
    ] = DEFAULT_INTO,
    look_back: Annotated[
        str,
        typer.Option(
            "--look-back",
            help="Ask again this far before the watermark, for events NP6 shows late (90s, 15m, 1h, 2d).",
        ),
    ] = "1h",
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Events per transaction (with the watermark).")
    ] = 1000,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON on stdout (for schedulers).")
    ] = False,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
) -> None:
    """Pull the events that came since the last sync into a database; run it on a schedule.

    Each run continues from the stored watermark of its --scope, --id and --kind (minus --look-back),
    commits events and the watermark together every --batch-size events, and stores each event once,
    keyed by its id: a run stopped at any point (Ctrl-C, a crash, a lost connection) loses nothing, and
    the next run goes on. The tables (np6_events, np6_watermarks) are created or migrated first.
    """
    window = look_back_option(look_back)
    try:
        from np6 import sync as np6_sync
    except ImportError as error:
        needs_extra("reactivities sync", "sync", error)
    try:
        np6_sync.parse_url(into)
    except NP6ValidationError as error:
        usage_error(_flags(cli_words(str(error))))
    with sdk_client(api_key=api_key, base_url=base_url) as np6, _progress() as (progress, task):

        def advance(so_far: SyncResult) -> None:
            progress.update(task, completed=so_far.new + so_far.already_present)

        try:
            result = np6_sync.sync_events(
                np6,
                into=into,
                scope=scope,
                id=resource,
                kind=kind,
                look_back=window,
                batch_size=batch_size,
                on_batch=advance,
            )
        except KeyboardInterrupt as error:
            _stopped(error, "interrupted", EXIT_INTERRUPTED, as_json)
        except ImportError as error:
            _missing_driver(error, np6_sync.parse_url(into).redacted())
        except NP6ValidationError as error:
            usage_error(_flags(cli_words(str(error))))
        except NP6Error as error:
            _stopped(error, error_message(error), EXIT_API_ERROR, as_json)
    _summary(result, as_json)


def _flags(message: str) -> str:
    """np6.sync's argument names as this command's flags (`into: ...` -> `--into: ...`)."""
    return _ARGUMENT.sub(lambda m: "--" + m.group(1).replace("_", "-") + ":", message)


def _summary(result: SyncResult, as_json: bool) -> None:
    if as_json:
        print_json(result.to_dict())
        return
    note(f"synced {_counts(result)} into {result.database}; {_watermark(result)} (in {result.seconds:.1f} s)")


def _counts(result: SyncResult) -> str:
    return f"{result.new:,} new events ({result.already_present:,} already present)"


def _watermark(result: SyncResult) -> str:
    moment = result.watermark_time
    if result.watermark is None:
        return "no watermark yet (no event with a timestamp stored)"
    shown = moment.isoformat(timespec="milliseconds").replace("+00:00", "Z") if moment else "?"
    return f"watermark {shown} ({result.watermark} ms)"


def _stopped(error: BaseException, why: str, code: int, as_json: bool) -> NoReturn:
    from np6.sync import result_of

    result = result_of(error)
    if result is None:
        print_error(why)
        raise typer.Exit(code)
    if as_json:
        print_json({**result.to_dict(), "error": why})
    committed = f"{_counts(result)} committed into {result.database}, {_watermark(result)}"
    print_error(f"{why}: {committed}; run the same command to continue")
    raise typer.Exit(code)


def _missing_driver(error: ImportError, database: str) -> NoReturn:
    if error.name is None or error.name.split(".")[0] in _SYNC_MODULES:
        needs_extra("reactivities sync", "sync", error)
    usage_error(f"--into: {database} needs the Python module {error.name}, which is not installed")
