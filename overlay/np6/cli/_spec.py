"""`np6 spec ...`: the spec against the field (drift of recorded answers) and against its next version (diff).

The work is done by `np6_contract.drift` and `np6_contract.specdiff` (the contract extra); this module only
maps their results and errors to the command line's output, exit codes and error style.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from ._common import (
    EXIT_API_ERROR,
    EXIT_OK,
    ApiKey,
    BaseUrl,
    needs_extra,
    note,
    print_error,
    print_json,
    say,
    usage_error,
)

app = typer.Typer(
    help="The OpenAPI spec: compare recorded NP6 answers with it (drift), list its inferred items, diff two "
    "versions of it.",
    no_args_is_help=True,
)

PatchFormat = Literal["json-patch", "overlay"]
SpecOption = Annotated[
    Path | None,
    typer.Option(
        "--spec", help="The spec to use (default: the one the installed client was generated from)."
    ),
]


def _drift_module() -> Any:
    try:
        from np6_contract import drift  # type: ignore[import-untyped,unused-ignore]
    except ImportError as error:
        needs_extra("spec", "contract", error)
    return drift


def _spec_path(drift: Any, spec: Path | None) -> Path:
    if spec is None:
        return Path(drift.default_spec())
    if not spec.is_file():
        usage_error(f"--spec: {spec} is not a file")
    return spec


@app.command()
def drift(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="A directory written by np6 contract --record.")
    ],
    spec: SpecOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    patch: Annotated[
        Path | None,
        typer.Option(
            "--patch",
            metavar="FILE",
            help="Write the proposed spec corrections (YAML if FILE ends in .yaml).",
        ),
    ] = None,
    patch_format: Annotated[
        PatchFormat, typer.Option("--patch-format", help="JSON Patch (RFC 6902) or OpenAPI Overlay 1.0.")
    ] = "json-patch",
) -> None:
    """Compare recorded exchanges with the spec: one line per finding; exit 1 when there is drift."""
    module = _drift_module()
    path = _spec_path(module, spec)
    key = os.environ.get("NP6_API_KEY", "")
    try:
        report = module.compare(directory, path, (key,) if key.strip() else ())
    except module.UsageError as error:
        usage_error(str(error))
    except (OSError, ValueError) as error:
        usage_error(f"--spec: {path} cannot be read ({type(error).__name__})")
    if patch is not None:
        try:
            module.write_patch(report, patch, patch_format)
        except OSError as error:
            usage_error(f"--patch: {patch} cannot be written ({error.strerror or type(error).__name__})")
    if as_json:
        print_json(report.as_dict())
    else:
        for line in report.lines():
            say(line)
    raise typer.Exit(EXIT_API_ERROR if report.drift else EXIT_OK)


@app.command()
def inferred(
    spec: SpecOption = None,
    count: Annotated[bool, typer.Option("--count", help="Print only the number of inferred items.")] = False,
) -> None:
    """List the spec's `x-np6-inferred` items (JSON pointer and reason)."""
    module = _drift_module()
    path = _spec_path(module, spec)
    try:
        items = module.SpecIndex.load(path).inferred()
    except (OSError, ValueError) as error:
        usage_error(f"--spec: {path} cannot be read ({type(error).__name__})")
    if count:
        say(str(len(items)))
        return
    for pointer, reason in items:
        say(f"{pointer}\t{reason}")
    say(f"{len(items)} inferred items")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD.yaml", help="The spec in use.")],
    new: Annotated[Path, typer.Argument(metavar="NEW.yaml", help="The next version's spec.")],
) -> None:
    """Print what changes from OLD to NEW as CHANGELOG Markdown; exit 1 when something breaks callers."""
    try:
        from np6_contract import specdiff  # type: ignore[import-untyped,unused-ignore]
    except ImportError as error:
        needs_extra("spec", "contract", error)
    try:
        before, after = specdiff.load(old, "OLD.yaml"), specdiff.load(new, "NEW.yaml")
    except ValueError as error:
        usage_error(str(error))
    changes = specdiff.diff(before, after)
    for line in specdiff.markdown(changes, specdiff.version(before, old), specdiff.version(after, new)):
        say(line)
    raise typer.Exit(EXIT_API_ERROR if any(c.breaking for c in changes) else EXIT_OK)


@app.command()
def tour(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="A new (or empty) directory for the recordings.")
    ],
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    hours: Annotated[float, typer.Option("--hours", help="Reactivity window: the last N hours.")] = 1.0,
    spec: SpecOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the drift report as JSON.")] = False,
) -> None:
    """Read-only tour for key holders: every GET once (ids from the lists), recorded, then drift."""
    try:
        from np6_contract import tour as tour_module  # type: ignore[import-untyped,unused-ignore]
    except ImportError as error:
        needs_extra("spec", "contract", error)
    drift_module = _drift_module()
    path = _spec_path(drift_module, spec)
    from .._client import DEFAULT_BASE_URL  # the client: only for the tour, not for `np6 spec --help`

    try:
        done = tour_module.run(
            directory,
            base_url=base_url or DEFAULT_BASE_URL,
            api_key=api_key or "",
            hours=hours,
            spec_path=path,
            progress=note,
        )
    except tour_module.TourError as error:
        usage_error(str(error))
    except OSError as error:
        usage_error(f"DIR: {directory} cannot be written ({error.strerror or type(error).__name__})")
    for op_id, reason in done.skipped:
        note(f"skipped {op_id}: {reason}")
    for op_id, reason in done.failed:
        print_error(f"{op_id}: {reason}")
    note(f"{len(done.calls)} calls recorded under {directory}")
    if done.report is None:
        print_error("no call was answered: nothing to compare")
        raise typer.Exit(EXIT_API_ERROR)
    if as_json:
        print_json(done.report.as_dict())
    else:
        for line in done.report.lines():
            say(line)
    raise typer.Exit(EXIT_API_ERROR if done.report.drift or done.failed else EXIT_OK)
