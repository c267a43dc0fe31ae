"""`np6 <command> --help` and usage errors load neither the client nor what only some commands use.

Every `np6` process builds the whole Typer app (every command's signature), so the command modules must
import cheaply: the SDK client (httpx, np6_api, attrs), yaml and rich.progress are imported inside the
command bodies that use them (issue 13: start-up CPU of each `np6` run). The probe runs the console
script's own `main` in a fresh interpreter and lists `sys.modules` at exit; a command that does call NP6
still loads the client and works (the last test, and every test of tests/cli).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from clirun import environment

# Loaded only by a command that runs: the client and its transport, the generated models, YAML bodies,
# the live progress display, the embedded demo and logging (-v).
DEFERRED = (
    "httpx",
    "httpcore",
    "np6_api",
    "attrs",
    "np6._client",
    "np6._base_client",
    "np6.resources",
    "yaml",
    "rich.progress",
    "np6.cli._demo",
    "logging",
)


def run_main(args: list[str], base_url: str | None = None) -> tuple[int, str, set[str]]:
    """Exit code, stderr and `sys.modules` at exit of `np6 args...` (the console script's `main`)."""
    probe = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print('MODULES', json.dumps(sorted(sys.modules)), file=sys.__stderr__))\n"
        f"sys.argv = {['np6', *args]!r}\n"
        "from np6.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=environment(base_url)
    )
    lines = proc.stderr.splitlines()
    (line,) = (line for line in lines if line.startswith("MODULES "))
    other = "\n".join(line for line in lines if not line.startswith("MODULES "))
    return proc.returncode, other, set(json.loads(line.removeprefix("MODULES ")))


def deferred_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == d or m.startswith(d + ".") for d in DEFERRED))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["notifications", "--help"],
        ["notifications", "get", "--help"],
        ["notifications", "create", "--help"],
        ["actions", "send", "--help"],
        ["reactivities", "export", "--help"],
        ["reactivities", "sync", "--help"],
        ["spec", "--help"],
        ["spec", "tour", "--help"],
    ],
    ids=" ".join,
)
def test_help_loads_none_of_the_deferred_modules(args: list[str]) -> None:
    code, err, loaded = run_main(args)
    assert (code, err) == (0, "")
    assert deferred_in(loaded) == []


USAGE_ERRORS = [
    (["notifications", "get"], "Missing argument"),
    (["notifications", "get", "abc"], "abc"),
    (["actions", "send"], "Missing argument"),
    (["reactivities", "export", "--format", "nope"], "nope"),
    (["nope"], "nope"),
]


@pytest.mark.parametrize(("args", "says"), USAGE_ERRORS, ids=[" ".join(args) for args, _ in USAGE_ERRORS])
def test_a_usage_error_loads_none_of_the_deferred_modules(args: list[str], says: str) -> None:
    code, err, loaded = run_main(args)
    assert code == 2
    assert says in err
    assert deferred_in(loaded) == []


def test_a_command_that_calls_np6_still_loads_the_client_and_answers(np6_sandbox_url: str) -> None:
    code, err, loaded = run_main(["notifications", "list", "--json"], np6_sandbox_url)
    assert (code, err) == (0, "")
    assert {"np6._client", "httpx", "np6_api"} <= loaded
    assert "yaml" not in loaded  # no body was read
