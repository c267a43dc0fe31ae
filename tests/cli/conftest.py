"""Fixtures for the `np6` command-line tests: the console script against the session's sandbox (clirun)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from clirun import Ran, environment, run_np6, run_np6_tty


@pytest.fixture
def cli_env(np6_sandbox_url: str) -> dict[str, str]:
    return environment(np6_sandbox_url)


@pytest.fixture
def cli(cli_env: dict[str, str]) -> Callable[..., Ran]:
    def run(*args: str | bytes, stdin: bytes | None = None) -> Ran:
        return run_np6(*args, env=cli_env, stdin=stdin)

    return run


@pytest.fixture
def cli_tty(cli_env: dict[str, str]) -> Callable[..., Ran]:
    def run(*args: str) -> Ran:
        # A wide colour terminal (TERM=dumb would force 80 columns); NO_COLOR: Rich's own codes are bold only.
        return run_np6_tty(
            *args, env={**cli_env, "COLUMNS": "400", "TERM": "xterm-256color", "NO_COLOR": "1"}
        )

    return run
