"""`np6 reactivities export`: stream events to JSON Lines, CSV or Parquet in constant memory.

The export always asks for ascending timestamps, so an interrupted JSON Lines or CSV run can be continued
with `--resume`: it reads where the file stops and asks again from there (see `_export`). A Parquet export
is complete or absent (see `_parquet`): it needs --output and has nothing to resume.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from np6 import NP6Error, StreamInterruptedError

from ._common import (
    DATES_HELP,
    EXIT_API_ERROR,
    EXIT_INTERRUPTED,
    ApiKey,
    BaseUrl,
    date_range,
    err,
    error_message,
    handles_errors,
    io_error,
    needs_extra,
    note,
    print_error,
    sdk_client,
    usage_error,
)
from ._export import ExportFile, ExportRefused, Format, Plan, Query, header_line, line, plan, skip_written
from ._parquet import ParquetExport, check_output, import_pyarrow

if TYPE_CHECKING:  # rich.progress is imported when an export or a sync runs, not when the app is built
    from rich.progress import Progress, TaskID

app = typer.Typer(
    help="Reactivity events (hits, bounces, opt-outs...): export them, or sync them into a database.",
    no_args_is_help=True,
)

_PROGRESS_EVERY = 1000


def _stream(np6: Any, scope: str, resource: str | None, kind: str | None, start: Any, end: Any) -> Any:
    # raw: each event exactly as NP6 sent it; a round trip through the models would reformat its dates.
    filters = {"reactivity_start": start, "reactivity_end": end, "sort": "asc", "raw": True}
    if scope == "notifications":
        if resource is not None and not resource.isdigit():
            usage_error(f"--id: a notification id is a number, got {resource!r}")
        nid = int(resource) if resource is not None else None
        return np6.notifications.reactivities(kind, notification_id=nid, **filters)
    return np6.actions.reactivities(kind, action_id=resource, **filters)


@app.command("export")
@handles_errors
def export(
    scope: Annotated[Literal["notifications", "actions"], typer.Option("--scope", help="Whose events.")],
    fmt: Annotated[
        Literal["jsonl", "csv", "parquet"],
        typer.Option("--format", help="Output format (parquet: needs --output and the parquet extra)."),
    ] = "jsonl",
    resource: Annotated[str | None, typer.Option("--id", help="One notification or action only.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="notifications: impressions, hits, optouts, bounces; actions: bounces, hits, open_hits, "
            "redirection_hits, unsubscribe_hits, mirror_hits, form_hits. Default: every event.",
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help=f"From this time, inclusive: {DATES_HELP}.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this time, exclusive (same forms).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted export of --output (jsonl, csv).")
    ] = False,
    partition: Annotated[
        Literal["day"] | None,
        typer.Option(
            "--partition",
            help="parquet: a directory per UTC day under --output (day=YYYY-MM-DD/part-N.parquet).",
        ),
    ] = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
) -> None:
    """Stream events to a file, one per line, with a progress bar; --resume continues after a failure.

    A file export gets a record of what wrote it (FILE.np6-export.json); --resume continues only an export
    of the same --scope, --id, --kind and --format, and leaves any other file exactly as it is.
    --format parquet writes --output only once complete (an interrupted run leaves nothing there).
    """
    start, end = date_range(since, until)
    if fmt == "parquet" or partition is not None:
        _parquet_export(scope, resource, kind, start, end, output, resume, partition, fmt, base_url, api_key)
        return
    query = Query(scope=scope, id=resource, kind=kind, format=fmt)
    planned: Plan | None = None
    if resume and output is None:
        usage_error("--resume needs --output: it continues the export written to that file")
    if output is not None:
        try:
            planned = plan(output, query, resume=resume)
        except ExportRefused as error:
            usage_error(str(error))
        except OSError as error:
            usage_error(f"--output: cannot use {output}: {error.strerror or error}")
        if planned.point is not None:
            start = planned.point.timestamp if start is None else max(start, planned.point.timestamp)
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        events = _stream(np6, scope, resource, kind, start, end)  # refuses bad arguments before any I/O
        if planned is None:
            _to_stdout(events, fmt)
        else:
            _to_file(events, planned, since=start, until=end)


def _parquet_export(
    scope: str,
    resource: str | None,
    kind: str | None,
    start: int | None,
    end: int | None,
    output: Path | None,
    resume: bool,
    partition: str | None,
    fmt: str,
    base_url: str | None,
    api_key: str | None,
) -> None:
    if fmt != "parquet":
        usage_error("--partition applies to --format parquet only")
    if output is None:
        usage_error("--format parquet needs --output: a file, or a directory with --partition day")
    if resume:
        usage_error(
            "--resume does not apply to --format parquet: a Parquet export is written whole or not at all, "
            "so run the same command again"
        )
    try:
        import_pyarrow()
    except ImportError as error:
        needs_extra("reactivities export --format parquet", "parquet", error)
    try:
        check_output(output, partition=partition is not None)
    except ExportRefused as error:
        usage_error(str(error))
    except OSError as error:
        usage_error(f"--output: cannot use {output}: {error.strerror or error}")
    metadata = {"scope": scope, "id": resource, "kind": kind, "since": start, "until": end}
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        events = _stream(np6, scope, resource, kind, start, end)  # refuses bad arguments before any I/O
        try:
            target = ParquetExport(output, partition=partition is not None, metadata=metadata)
        except OSError as error:
            usage_error(f"--output: cannot write in {output.parent}: {error.strerror or error}")
        _to_parquet(events, target)


def _to_parquet(events: Any, target: ParquetExport) -> None:
    """Write every event, then move the file into place; on any failure remove what this run created."""
    nothing = f"nothing was written to {target.output}"
    started = time.monotonic()
    try:
        with _progress() as (progress, task), events:
            for event in events:
                target.write(event)
                if target.read % _PROGRESS_EVERY == 0:
                    progress.update(task, completed=target.read)
            target.commit()
    except KeyboardInterrupt:
        target.discard()
        print_error(f"interrupted after {target.read} events; {nothing} (a Parquet export is all or nothing)")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except StreamInterruptedError as error:
        target.discard()
        print_error(f"the stream broke after {target.read} events ({error_message(error)}); {nothing}")
        raise typer.Exit(EXIT_API_ERROR) from None
    except NP6Error:
        target.discard()
        raise
    except ExportRefused as error:
        io_error(str(error))
    except OSError as error:  # pyarrow's ArrowIOError (a full disk...) is an OSError
        target.discard()
        io_error(f"--output: cannot write {target.output}: {error.strerror or error}")
    except BaseException:
        target.discard()
        raise
    note(f"wrote {target.written} events to {target.output} {_rate(target.written, started)}")


def _to_stdout(events: Any, fmt: Format) -> None:
    written = 0
    started = time.monotonic()
    try:
        with _progress() as (progress, task), events:
            if fmt == "csv":
                sys.stdout.write(header_line())
            for event in events:
                sys.stdout.write(line(event, fmt).decode("utf-8"))
                written += 1
                if written % _PROGRESS_EVERY == 0:
                    progress.update(task, completed=written)
    except KeyboardInterrupt:
        print_error(
            f"interrupted after writing {written} events to stdout (write to a file with -o to resume)"
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except StreamInterruptedError as error:
        print_error(f"the stream broke after {written} events ({error_message(error)})")
        raise typer.Exit(EXIT_API_ERROR) from None
    note(f"wrote {written} events to stdout {_rate(written, started)}")


def _to_file(events: Any, planned: Plan, *, since: int | None, until: int | None) -> None:
    path = planned.path
    try:
        target = ExportFile(planned, since=since, until=until)
    except OSError as error:
        usage_error(f"--output: cannot write {path}: {error.strerror or error}")
    resume_hint = "; run the same command with --resume to continue" if planned.regular else ""
    started = time.monotonic()
    try:
        with _progress() as (progress, task), events:
            for event in skip_written(events, planned.point):
                target.write(line(event, planned.query.format))
                if target.written % _PROGRESS_EVERY == 0:
                    target.checkpoint()
                    progress.update(task, completed=target.written)
            target.checkpoint()
    except KeyboardInterrupt:
        _save(target)
        print_error(f"interrupted after writing {_count(target)}{resume_hint}")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except StreamInterruptedError as error:
        _save(target)
        print_error(f"the stream broke after writing {_count(target)} ({error_message(error)}){resume_hint}")
        raise typer.Exit(EXIT_API_ERROR) from None
    except NP6Error:
        if target.written == 0 and target.created:
            target.discard()  # nothing exported: leave no file behind
        else:
            _save(target)
        raise
    except OSError as error:
        with contextlib.suppress(OSError):
            _save(target)
        io_error(f"--output: cannot write {path}: {error.strerror or error}{resume_hint}")
    finally:
        with contextlib.suppress(OSError):
            target.close()
    before = target.records - target.written
    already = f" ({before} were there already)" if before else ""
    note(f"wrote {_count(target)}{already} {_rate(target.written, started)}")


def _count(target: ExportFile) -> str:
    return f"{target.written} events to {target.plan.path}"


def _save(target: ExportFile) -> None:
    """Checkpoint what reached the file, so --resume continues from there."""
    with contextlib.suppress(OSError):
        target.checkpoint()


@contextlib.contextmanager
def _progress() -> Iterator[tuple[Progress, TaskID]]:
    """A live count on a terminal's stderr; nothing when stderr is a file or a pipe."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from ._live import Rate

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} events"),
        Rate(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        yield progress, progress.add_task("export", total=None)


def _rate(written: int, started: float) -> str:
    elapsed = max(time.monotonic() - started, 1e-9)
    return f"in {elapsed:.1f} s ({written / elapsed:,.0f} events/s)"


from . import _sync  # noqa: E402, F401  registers `np6 reactivities sync` on `app` (it uses _progress above)
