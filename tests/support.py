"""Shared paths and helpers for the tests."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import yaml

from np6._spec import safe_yaml_loader

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
    """The spec as plain data (parsed once per test process, by libyaml when present: 8x faster)."""
    with SPEC.open() as f:
        spec: dict[str, Any] = yaml.load(f, Loader=safe_yaml_loader())
    return spec


def restore_sigint() -> bool:
    """Give the test process (and so every child it starts) Python's own SIGINT handler back if SIGINT is
    ignored; return whether it was.

    A shell without job control starts a background command (`make test &`, a tool's runner) with SIGINT
    ignored, and an ignored signal stays ignored across fork and exec: every `np6` or `python -c` a test
    starts would inherit it, never raise KeyboardInterrupt, and each Ctrl-C test would fail only at its
    timeout. A handled signal is reset to the default at exec, so once this process handles SIGINT its
    children start as they would from a terminal. Main thread only (`signal.signal`'s rule).
    """
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        return False
    signal.signal(signal.SIGINT, signal.default_int_handler)
    return True


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
