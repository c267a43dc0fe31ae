"""The contract suite and `np6 spec` read spec files with libyaml's loader (np6_contract._yaml): the same
documents as `yaml.safe_load`, and a file that is not YAML is still refused with yaml's error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from np6_contract import drift, runner
from np6_contract._yaml import SAFE_LOADER

from support import ROOT, SPEC

SPECS = [SPEC, *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))]


def test_the_loader_is_libyaml() -> None:
    """PyYAML's wheels bundle libyaml: without it the spec would be parsed in pure Python again, 7x slower."""
    assert yaml.__with_libyaml__
    assert SAFE_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", SPECS, ids=[p.relative_to(ROOT).as_posix() for p in SPECS])
def test_each_spec_file_loads_as_yaml_safe_load_reads_it(path: Path) -> None:
    expected = yaml.safe_load(path.read_bytes())
    assert runner.load_spec(path) == expected
    assert drift.SpecIndex.load(path).document == expected


def test_a_file_that_is_not_yaml_is_still_a_yaml_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: [3.1\npaths: {\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        runner.load_spec(bad)
    with pytest.raises(yaml.YAMLError):
        drift.SpecIndex.load(bad)
