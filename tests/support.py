"""Shared paths and helpers for the tests."""

from __future__ import annotations

import functools
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

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


def schema_validator(schema: str | dict[str, Any]) -> jsonschema.protocols.Validator:
    """A Draft 2020-12 validator for a component schema name, or for a schema that may $ref components.

    The spec is registered as one resource so `#/components/...` references resolve inside it.
    """
    spec = load_spec()
    base = "urn:np6:spec"
    registry: Registry[Any] = Registry().with_resource(
        base, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    target = {"$ref": f"{base}#/components/schemas/{schema}"} if isinstance(schema, str) else schema
    if isinstance(schema, dict):
        target = json.loads(json.dumps(schema).replace('"$ref": "#/', f'"$ref": "{base}#/'))
    return jsonschema.Draft202012Validator(
        target, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
