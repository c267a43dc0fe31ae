"""The `np6` command: the root app, its global options, and the commands that delegate to other tools.

`main()` is the console script. It runs the Click command built from the Typer app in non-standalone mode
so that every way out goes through one place: Click's usage errors (exit 2), Ctrl-C (130), a closed pipe,
file-system errors and arguments that are not UTF-8 all end in one line on stderr, never a traceback.
`-v/--verbose` is accepted before or after the subcommand (moved to the front before Click parses);
`--base-url`/`--api-key` before it set NP6_BASE_URL/NP6_API_KEY, and every command also takes them.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from . import _actions, _notifications, _reactivities, _spec
from ._common import (
    EXIT_API_ERROR,
    EXIT_CODES_HELP,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    ApiKey,
    BaseUrl,
    handles_errors,
    needs_extra,
    one_line,
    print_error,
)

app = typer.Typer(
    name="np6",
    help="NP6 from the command line: render, send, export reactivity events, run the sandbox and the "
    "contract suite. Reads NP6_BASE_URL and NP6_API_KEY.\n\n" + EXIT_CODES_HELP,
    epilog="Shell completion: np6 --install-completion (bash, zsh, fish, PowerShell); "
    "np6 --show-completion prints the script.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(_notifications.app, name="notifications")
app.add_typer(_actions.app, name="actions")
app.add_typer(_reactivities.app, name="reactivities")
app.add_typer(_spec.app, name="spec")


def _version(value: bool) -> None:
    if value:
        from . import version_line

        typer.echo(version_line())
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", show_default=False, help="API URL for every command (sets NP6_BASE_URL)."),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option("--api-key", show_default=False, help="API key for every command (sets NP6_API_KEY)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Log each request to stderr (also after the subcommand)."),
    ] = False,
) -> None:
    if verbose:
        _enable_verbose()
    # The subcommands read NP6_BASE_URL / NP6_API_KEY when their own options are not given; Click parses
    # a subcommand's options after this callback ran, so `np6 --api-key K notifications list` works.
    if base_url is not None:
        os.environ["NP6_BASE_URL"] = base_url
    if api_key is not None:
        os.environ["NP6_API_KEY"] = api_key


@app.command()
@handles_errors
def demo() -> None:
    """Walk through the main job against an embedded sandbox: create, render, execute, read events, send."""
    from . import _demo  # the client and httpx: only when the demo runs

    _demo.run()


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
def sandbox(ctx: typer.Context) -> None:
    """Run the local NP6 sandbox (a stateful emulator of the API) until interrupted; see --help."""
    # Every argument, --help included, goes untouched to the sandbox's own parser: one parser for
    # `np6 sandbox` and `python -m np6_sandbox`, so their options cannot drift apart.
    try:
        from np6_sandbox.server import main as sandbox_main
    except ImportError as error:
        needs_extra("sandbox", "sandbox", error)
    raise typer.Exit(sandbox_main(list(ctx.args), prog="np6 sandbox"))


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
    except ImportError as error:
        needs_extra("contract", "contract", error)
    argv = [] if base_url is None else ["--base-url", base_url]
    argv += [] if api_key is None else ["--api-key", api_key]
    argv += ["--allow-writes"] if allow_writes else []
    argv += ["--allow-sends"] if allow_sends else []
    argv += [] if report is None else ["--report", str(report)]
    raise typer.Exit(contract_main([*argv, *ctx.args]))


# --- Global options and the single way out ---------------------------------------------------------------

_verbose = False

# Recent Typer releases vendor a trimmed Click whose internals change between releases: reach it through
# Typer's public names and read-only attributes of the command tree only.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
_VERBOSE = ("-v", "--verbose")


def _enable_verbose() -> None:
    """-v/--verbose: log each request (the np6 logger) to stderr."""
    global _verbose
    if _verbose:
        return
    _verbose = True
    import logging  # only with -v: the SDK logs through it, the other runs need not load it

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger = logging.getLogger("np6")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def _hoist_global_options(command: Any, args: list[str]) -> list[str]:
    """Move -v/--verbose given after a subcommand to the front, where the root option reads it.

    Walks the arguments the way Click will (subcommand names, options that take a value), so a `-v` that
    is the value of another option (`--title -v`) or comes after `--` stays where it is.
    """
    hoisted: list[str] = []
    kept: list[str] = []
    current = command
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            kept += args[index - 1 :]
            break
        if arg in _VERBOSE and current is not command:
            hoisted.append(arg)
            continue
        kept.append(arg)
        if arg.startswith("-") and "=" not in arg:
            param = next((p for p in current.params if arg in (*p.opts, *p.secondary_opts)), None)
            takes_value = (
                param is not None
                and getattr(param, "param_type_name", "") == "option"
                and not getattr(param, "is_flag", False)
                and not getattr(param, "count", False)
            )
            if takes_value and index < len(args):
                kept.append(args[index])
                index += 1
        elif not arg.startswith("-"):
            sub = getattr(current, "commands", {}).get(arg)
            if sub is not None:
                current = sub
    return hoisted[:1] + kept


def _not_utf8(argv: Sequence[str]) -> tuple[int, str] | None:
    """(position, shown) of the first argument that held bytes that are not UTF-8 (surrogate-escaped)."""
    for position, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raw = os.fsencode(arg)
            return position, repr(raw)[2:-1]
    return None


def _file_error(error: OSError) -> str:
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or type(error).__name__
    return f"cannot use{where}: {reason}"


def run(argv: Sequence[str] | None = None) -> int:
    """Run `np6` with `argv` (default: the process's arguments) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    bad = _not_utf8(args)
    if bad is not None:
        print_error(f"argument {bad[0]} is not valid UTF-8 ({bad[1]}): pass text in UTF-8")
        return EXIT_USAGE
    try:
        root_command = typer.main.get_command(app)
        args = _hoist_global_options(root_command, args)
        result: Any = root_command.main(args=args, prog_name="np6", standalone_mode=False)
    except _ClickException as error:  # a usage error Click found (bad option, missing argument, ...)
        error.show()  # type: ignore[attr-defined]
        exit_code: int = error.exit_code  # type: ignore[attr-defined]
        return exit_code
    except (typer.Abort, KeyboardInterrupt):
        print_error("interrupted")
        return EXIT_INTERRUPTED
    except OSError as error:
        if error.errno == errno.EPIPE:  # `np6 ... | head`: the reader left; nothing more to say
            _silence_stdout()
            return EXIT_API_ERROR
        print_error(_file_error(error))
        return EXIT_API_ERROR
    except Exception as error:  # a bug: still one line, with the traceback under --verbose
        if _verbose:
            traceback.print_exc()
        print_error(
            f"unexpected {type(error).__name__}: {one_line(str(error))} (a bug in np6: please report it; "
            "-v shows the traceback)"
        )
        return EXIT_API_ERROR
    return result if isinstance(result, int) else EXIT_OK


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Console-script entry point."""
    code = run()
    try:
        sys.stdout.flush()
    except OSError:
        _silence_stdout()
    sys.exit(code)
