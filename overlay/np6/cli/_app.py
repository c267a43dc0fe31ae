"""The `np6` command: the root app, its global options, and the commands that delegate to other tools."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from . import _actions, _demo, _notifications, _reactivities
from ._common import EXIT_USAGE, ApiKey, BaseUrl, err, handles_errors

app = typer.Typer(
    name="np6",
    help="NP6 from the command line: render, send, export reactivity events, run the sandbox and the "
    "contract suite. Reads NP6_BASE_URL and NP6_API_KEY. Exit codes: 0 ok, 1 API error, 2 usage error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(_notifications.app, name="notifications")
app.add_typer(_actions.app, name="actions")
app.add_typer(_reactivities.app, name="reactivities")


@app.callback()
def root(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each request (the np6 logger).")
    ] = False,
) -> None:
    if verbose:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger = logging.getLogger("np6")
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)


@app.command()
@handles_errors
def demo() -> None:
    """Walk through the main job against an embedded sandbox: create, render, execute, read events, send."""
    _demo.run()


@app.command()
def sandbox(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port; 0 picks a free one.")] = 8080,
    seed_file: Annotated[
        Path | None, typer.Option("--seed-file", help="JSON fixtures instead of the demo data.")
    ] = None,
    api_key: Annotated[list[str], typer.Option("--api-key", help="An accepted X-Key (repeatable).")] = [],  # noqa: B006
) -> None:
    """Run the local NP6 sandbox (a stateful emulator of the API) until interrupted."""
    try:
        from np6_sandbox import main as sandbox_main
    except ImportError:
        err.print("np6 sandbox needs the sandbox extra: pip install 'np6-python[sandbox]'")
        raise typer.Exit(EXIT_USAGE) from None
    argv = ["--host", host, "--port", str(port)]
    argv += [arg for key in api_key for arg in ("--api-key", key)]
    if seed_file is not None:
        argv += ["--seed-file", str(seed_file)]
    raise typer.Exit(sandbox_main(argv))


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def contract(
    ctx: typer.Context,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Also create/update/delete (own resources only).")
    ] = False,
    allow_sends: Annotated[
        bool, typer.Option("--allow-sends", help="Also send, only to --send-to contacts.")
    ] = False,
    report: Annotated[Path | None, typer.Option("--report", help="Write a JUnit XML report here.")] = None,
) -> None:
    """Check a server (default: NP6) against the spec; read-only unless told otherwise.

    Options not listed here go to the contract suite as they are (see its --help).
    """
    try:
        from np6_contract import main as contract_main  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        err.print("np6 contract needs the contract extra: pip install 'np6-python[contract]'")
        raise typer.Exit(EXIT_USAGE) from None
    argv = [] if base_url is None else ["--base-url", base_url]
    argv += [] if api_key is None else ["--api-key", api_key]
    argv += ["--allow-writes"] if allow_writes else []
    argv += ["--allow-sends"] if allow_sends else []
    argv += [] if report is None else ["--report", str(report)]
    raise typer.Exit(contract_main([*argv, *ctx.args]))


def main() -> None:
    """Console-script entry point."""
    app()
