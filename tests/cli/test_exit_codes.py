"""Scripts can rely on `np6`: documented exit codes, global options anywhere, one line per error."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Callable

import pytest
from clirun import NP6, TIMEOUT, Ran, environment, run_np6

from np6 import __version__
from np6.cli._common import EXIT_API_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from np6_sandbox.testing import TEST_API_KEY

Cli = Callable[..., Ran]


def one_line_error(result: Ran) -> str:
    """The error of a failed run: exactly one line on stderr, starting with `error: `, no traceback."""
    assert "Traceback" not in result.stderr, result
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result
    return result.stderr


def test_the_codes_are_documented_in_help() -> None:
    shown = run_np6("--help", env=environment(None))
    assert shown.code == EXIT_OK
    text = " ".join(shown.stdout.split())
    for code, meaning in (
        (EXIT_OK, "ok"),
        (EXIT_API_ERROR, "API or network error"),
        (EXIT_USAGE, "usage error"),
        (EXIT_PARTIAL, "some recipients of a send failed"),
        (EXIT_INTERRUPTED, "interrupted"),
    ):
        assert f"{code} {meaning}" in text
    assert "--install-completion" in text


def test_version() -> None:
    shown = run_np6("--version", env=environment(None))
    assert shown.code == 0 and shown.stdout == f"np6 {__version__} (np6-python, NP6 API 8.1.0)\n"


def test_0_on_success(cli: Cli) -> None:
    assert cli("actions", "list").code == EXIT_OK


def test_1_on_an_api_error_with_host_and_request_id(cli: Cli, np6_sandbox_url: str) -> None:
    missing = cli("notifications", "get", "999999")
    assert missing.code == EXIT_API_ERROR
    message = one_line_error(missing)
    host = np6_sandbox_url.removeprefix("http://")
    assert "404" in message and f"host {host}" in message and "request id " in message


def test_1_on_a_network_error_naming_the_host() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    refused = run_np6("actions", "list", env=environment(f"http://127.0.0.1:{port}"))
    assert refused.code == EXIT_API_ERROR
    assert f"127.0.0.1:{port}" in one_line_error(refused)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["notifications", "get", "abc"], "'abc'"),  # Click's own usage error
        (["notifications", "frobnicate"], "frobnicate"),
        (["reactivities", "export", "--scope", "notifications", "--since", "1793577600"], "1793577600s"),
        (["reactivities", "export", "--scope", "notifications", "--since", "next tuesday"], "1793577600s"),
        (
            [
                "reactivities",
                "export",
                "--scope",
                "notifications",
                "--since",
                "2026-11-02",
                "--until",
                "2026-11-01",
            ],
            "must be after --since",
        ),
        (["notifications", "render", "156", "--contact-id", "000R4M0T", "--data", "[1]"], "JSON object"),
    ],
)
def test_2_on_a_usage_error(cli: Cli, args: list[str], says: str) -> None:
    result = cli(*args)
    assert result.code == EXIT_USAGE, result
    assert says in result.stderr and "Traceback" not in result.stderr


def test_2_without_a_key_in_cli_words(np6_sandbox_url: str) -> None:
    env = environment(np6_sandbox_url)
    del env["NP6_API_KEY"]
    result = run_np6("actions", "list", env=env)
    assert result.code == EXIT_USAGE
    message = one_line_error(result)
    assert "--api-key or set NP6_API_KEY" in message and "api_key=" not in message


def test_2_for_an_argument_that_is_not_utf8(cli: Cli) -> None:
    result = cli("notifications", "render", "156", "--unicity", b"caf\xe9@example.com")
    assert result.code == EXIT_USAGE
    assert "argument 5 is not valid UTF-8" in one_line_error(result)


def test_verbose_and_the_connection_options_before_or_after_the_subcommand(np6_sandbox_url: str) -> None:
    bare = environment(None)
    for args in (
        ["-v", "--base-url", np6_sandbox_url, "--api-key", TEST_API_KEY, "actions", "list"],
        ["--base-url", np6_sandbox_url, "actions", "list", "-v", "--api-key", TEST_API_KEY],
        ["actions", "list", "--verbose", "--base-url", np6_sandbox_url, "--api-key", TEST_API_KEY],
    ):
        result = run_np6(*args, env=bare)
        assert result.code == 0, result
        assert "np6 INFO GET /actions -> 200" in result.stderr  # the request log of -v
        assert TEST_API_KEY not in result.stdout + result.stderr


def test_a_dash_v_that_is_an_option_value_stays_one(np6_sandbox_url: str) -> None:
    """`--data -v` is the value of --data, not the verbose flag (and it is not JSON: a usage error)."""
    result = run_np6(
        "notifications", "render", "156", "--contact-id", "000R4M0T", "--data", "-v",
        env=environment(np6_sandbox_url),
    )  # fmt: skip
    assert result.code == EXIT_USAGE and "--data: not JSON" in result.stderr
    assert "np6 INFO" not in result.stderr


def test_shell_completion_completes_commands() -> None:
    """What `np6 --install-completion` wires into bash: the completion protocol answers through main()."""
    env = environment(None, _NP6_COMPLETE="complete_bash", COMP_WORDS="np6 noti", COMP_CWORD="1")
    result = run_np6(env=env)
    assert result.code == 0 and result.stdout.split() == ["notifications"], result
    script = subprocess.run(  # typer detects the shell from the parent process: run it from bash
        ["bash", "-c", f"'{NP6}' --show-completion"], env=environment(None), capture_output=True, text=True,
        timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert script.returncode == 0 and "_NP6_COMPLETE=complete_bash" in script.stdout, script.stderr
