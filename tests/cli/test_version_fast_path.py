"""`np6 --version` answers before Typer and the commands are imported, and says the same.

(Click and Rich are not checked: httpx imports them itself for its own CLI when they are installed.)
"""

from __future__ import annotations

import subprocess
import sys

from np6.cli import run, version_line

PROBE = (
    "import sys; sys.argv = ['np6', '--version']; from np6.cli import main\n"
    "try:\n    main()\nexcept SystemExit as e:\n"
    "    loaded = sorted(m for m in ('typer', 'np6.cli._app', 'np6.cli._common') if m in sys.modules)\n"
    "    print('exit', e.code, loaded)"
)


def test_version_fast_path_prints_what_the_full_command_prints(capsys: object) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert proc.stdout.splitlines() == [version_line(), "exit 0 []"]
    assert proc.stderr == ""


def test_the_full_command_prints_the_same_line(capfd: object) -> None:
    assert run(["--version"]) == 0
    out, _ = capfd.readouterr()  # type: ignore[attr-defined]
    assert out == version_line() + "\n"


def test_other_arguments_take_the_full_parser() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv = ['np6', '--version', 'x']; from np6.cli import main; main()",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout == version_line() + "\n"  # Click's eager --version, as before
    assert proc.returncode == 0
