"""The overlay's dict-body checks read the shipped spec through its JSON copy (``np6._spec``, the loader the
sandbox uses too) instead of parsing the YAML: the same document, and the YAML whenever the copy is not of
these very bytes."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

import np6_sandbox.spec
from np6 import _bodies, _spec
from np6._exceptions import NP6ValidationError


def _shipped_yaml() -> bytes:
    return (resources.files("np6_api") / "openapi.yaml").read_bytes()


def test_the_overlay_reads_the_same_document_as_the_yaml_without_parsing_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = yaml.safe_load(_shipped_yaml())

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was parsed although its JSON copy is current")

    monkeypatch.setattr(yaml, "load", no_yaml)
    monkeypatch.setattr(yaml, "safe_load", no_yaml)
    _bodies._spec.cache_clear()
    try:
        assert _bodies._spec() == expected
        # and the checks built on it still refuse, naming the field
        with pytest.raises(NP6ValidationError, match=r"^body\.recipient: "):
            _bodies.coerce_body({"recipient": {"type": "id"}}, "ExecutionEmailRequest")
    finally:
        _bodies._spec.cache_clear()
        _bodies._validator.cache_clear()


def test_a_copy_of_other_bytes_or_unreadable_is_ignored() -> None:
    raw = b"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
    parsed = yaml.safe_load(raw)
    lying = {**parsed, "info": {"title": "from the copy", "version": "1"}}
    assert _spec.document_of(raw, None) == parsed  # no copy
    assert _spec.document_of(raw, _spec.json_copy(raw, lying)) == lying  # a copy of these bytes is trusted
    assert _spec.document_of(raw + b"# edited\n", _spec.json_copy(raw, lying)) == parsed  # not of others
    assert _spec.document_of(raw, b"{not json") == parsed
    assert _spec.document_of(raw, _spec.json_copy(raw, ["not", "a", "dict"])) == parsed
    assert _spec.document_of(raw, b'{"document": {}}') == parsed  # no hash


def test_the_sandbox_shares_the_loader() -> None:
    assert np6_sandbox.spec.document_of is _spec.document_of
    assert np6_sandbox.spec.json_copy is _spec.json_copy
    assert np6_sandbox.spec.JSON_SUFFIX == _spec.JSON_SUFFIX
