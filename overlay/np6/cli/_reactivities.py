"""`np6 reactivities export`: stream events to JSON Lines or CSV in constant memory, resumable.

The export always asks for ascending timestamps, so an interrupted run can be continued with `--resume`:
it reads where the file stops and asks again from there (see `_export`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import IO, Annotated, Any, Literal

import typer
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn
from rich.text import Text

from np6 import NP6, StreamInterruptedError

from ._common import (
    DATES_HELP,
    EXIT_API_ERROR,
    ApiKey,
    BaseUrl,
    date_range,
    err,
    error_message,
    handles_errors,
    print_error,
    usage_error,
)
from ._export import EventWriter, Format, ResumePoint, resume_point, skip_written

app = typer.Typer(help="Reactivity events (hits, bounces, opt-outs...): export them.", no_args_is_help=True)

_PROGRESS_EVERY = 1000


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} events/s")


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
    fmt: Annotated[Literal["jsonl", "csv"], typer.Option("--format", help="Output format.")] = "jsonl",
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
        bool, typer.Option("--resume", help="Continue an interrupted export of --output.")
    ] = False,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
) -> None:
    """Stream events to a file, one per line, with a progress bar; --resume continues after a failure."""
    start, end = date_range(since, until)
    point: ResumePoint | None = None
    if resume:
        if output is None:
            usage_error("--resume needs --output: it continues the export written to that file")
        point = resume_point(output, fmt)
        if point is not None:
            start = point.timestamp if start is None else max(start, point.timestamp)
    elif output is not None and output.exists() and output.stat().st_size > 0:
        usage_error(f"{output} exists: pass --resume to continue that export, or remove it")

    new_file = output is None or not output.exists() or output.stat().st_size == 0  # CSV header then
    with NP6(api_key=api_key, base_url=base_url) as np6:
        events = _stream(np6, scope, resource, kind, start, end)
        target: IO[str] = sys.stdout if output is None else output.open("a", encoding="utf-8", newline="")
        try:
            written = _write(events, target, fmt, point, header=new_file)
        except StreamInterruptedError as error:
            print_error(
                f"the stream broke after {error.count} events ({error_message(error)}); "
                "run the same command with --resume to continue"
            )
            raise typer.Exit(EXIT_API_ERROR) from None
        finally:
            if target is not sys.stdout:
                target.close()
    before = point.written if point is not None else 0
    where = "stdout" if output is None else str(output)
    err.print(f"wrote {written} events to {where}" + (f" ({before} were there already)" if before else ""))


def _write(events: Any, target: IO[str], fmt: Format, point: ResumePoint | None, *, header: bool) -> int:
    writer = EventWriter(target, fmt, header=header)
    written = 0
    started = time.monotonic()
    with (
        Progress(
            SpinnerColumn(), TextColumn("{task.completed:,} events"), _Rate(), console=err, transient=True
        ) as progress,
        events,
    ):
        task = progress.add_task("export", total=None)
        for event in skip_written(events, point):
            writer.write(event)
            written += 1
            if written % _PROGRESS_EVERY == 0:
                progress.update(task, completed=written)
        progress.update(task, completed=written)
    elapsed = max(time.monotonic() - started, 1e-9)
    err.print(f"{written:,} events in {elapsed:.1f} s ({written / elapsed:,.0f} events/s)")
    return written
