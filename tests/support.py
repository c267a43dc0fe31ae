"""Shared paths and helpers for the tests."""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path
from typing import Any

import yaml

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


SEEDS = ROOT / "openapi" / "seeds"


@functools.cache
def load_spec() -> dict[str, Any]:
    """The spec as plain data (parsed once per test session)."""
    with SPEC.open() as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def schema_validator(pointer: str) -> Any:
    """The sandbox's validator (Draft 2020-12 over the whole spec, formats asserted) for a component schema
    name or a JSON pointer into the repository's spec (e.g. a media type's schema)."""
    from np6_sandbox.spec import Spec

    spec = _sandbox_spec()
    assert isinstance(spec, Spec)
    return spec.validator(pointer) if pointer.startswith("/") else spec.component(pointer)


@functools.cache
def _sandbox_spec() -> Any:
    from np6_sandbox.spec import load_spec as load_sandbox_spec

    return load_sandbox_spec(SPEC)
