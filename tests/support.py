"""Shared paths and helpers for the tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGEN = ROOT / "scripts" / "regen.sh"
SPEC = ROOT / "openapi" / "np6-8.1.0.yaml"
GENERATED = ROOT / "generated" / "np6_api"


def run_regen(*args: str | Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run scripts/regen.sh with NP6_REGEN_OUT=out (never the real tree); return the finished process."""
    assert out.resolve() != GENERATED.resolve(), "tests must not write the real generated/ tree"
    env = {**os.environ, "NP6_REGEN_OUT": str(out)}
    return subprocess.run(
        ["bash", str(REGEN), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
