"""Run mypy --strict (the project's settings) over some files; the diagnostics, per file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

__all__ = ["mypy_diagnostics"]

_SOURCE_ROOTS = ("overlay", "generated", "sandbox", "contract")


def mypy_diagnostics(files: list[Path], cwd: Path) -> dict[Path, list[str]]:
    """Each file's mypy lines (`name.py:LINE: error: ...`), from one run (files are top-level modules of cwd).

    `--strict` includes `--warn-unused-ignores`: a `# type: ignore[code]` on a line mypy accepts is itself an
    error, so an ignore asserts that the line is rejected, with that error code.
    """
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-error-summary",
            "--show-error-codes",
            "--hide-error-context",
            "--cache-dir",
            str(ROOT / ".mypy_cache"),  # the warm cache of `make typecheck`: seconds instead of a minute
            *(str(f.relative_to(cwd)) for f in files),
        ],
        cwd=cwd,
        env={
            **os.environ,
            "MYPYPATH": os.pathsep.join(str(ROOT / p) for p in ("overlay", "generated", "sandbox")),
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 2: mypy itself failed (a crash, bad usage)
    found: dict[Path, list[str]] = {f: [] for f in files}
    by_name = {str(f.relative_to(cwd)): f for f in files}
    for line in proc.stdout.splitlines():
        name = line.split(":", 1)[0]
        assert name in by_name, f"mypy output about another file: {line}\n{proc.stdout}{proc.stderr}"
        found[by_name[name]].append(line)
    return found
