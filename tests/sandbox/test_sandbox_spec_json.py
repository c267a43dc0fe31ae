"""The spec's JSON copy (np6_api/openapi.yaml.json, written by scripts/regen.sh) is the YAML, and is used
only when it was made from the very YAML bytes beside it; anything else parses the YAML."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from np6_sandbox import spec as spec_module
from np6_sandbox.spec import JSON_SUFFIX, default_spec_path, json_copy, load_spec, parse_document

from support import SPEC


def test_the_shipped_json_copy_is_the_yaml() -> None:
    shipped = default_spec_path()
    raw = shipped.read_bytes()
    assert raw == SPEC.read_bytes()  # np6_api/openapi.yaml is openapi/np6-8.1.0.yaml (make check-regen)
    copy_path = shipped.with_name(shipped.name + JSON_SUFFIX)
    copy = json.loads(copy_path.read_bytes())
    assert copy["sha256"] == hashlib.sha256(raw).hexdigest()
    document = yaml.safe_load(raw)
    assert copy["document"] == document
    assert list(copy["document"]["paths"]) == list(document["paths"])  # same order: same routes
    assert copy_path.read_bytes() == json_copy(raw, document)  # byte for byte what regen.sh writes


def test_the_sandbox_loads_the_shipped_spec_without_parsing_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(raw: Any) -> Any:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(spec_module.yaml, "safe_load", no_yaml)
    path = default_spec_path()
    assert parse_document(path, path.read_bytes())["info"]["version"] == "8.1.0"
    assert load_spec().raw == path.read_bytes()  # GET /openapi.yaml still serves the YAML


def test_a_stale_or_broken_copy_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    raw = b"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
    path.write_bytes(raw)
    copy_path = tmp_path / ("spec.yaml" + JSON_SUFFIX)
    assert parse_document(path, raw) == yaml.safe_load(raw)  # no copy: the YAML

    lying = {"openapi": "3.1.0", "info": {"title": "from the copy", "version": "1"}, "paths": {}}
    copy_path.write_bytes(json_copy(raw, lying))
    assert parse_document(path, raw) == lying  # a copy made from these bytes is trusted...

    edited = raw.replace(b"title: t", b"title: edited")
    path.write_bytes(edited)
    assert parse_document(path, edited)["info"]["title"] == "edited"  # ...and not for other bytes

    not_a_document = {"sha256": hashlib.sha256(edited).hexdigest(), "document": []}
    for broken in (b"", b"{", b"[]", b'{"sha256": 1}', json.dumps(not_a_document).encode()):
        copy_path.write_bytes(broken)
        assert parse_document(path, edited)["info"]["title"] == "edited"
