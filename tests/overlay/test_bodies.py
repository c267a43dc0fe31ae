"""Body validation: the spec's schemas with their references inlined (fast) report the same errors, and a
schema that refers to itself is still validated (through a registry)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from np6 import _bodies

TREE: dict[str, Any] = {
    "components": {
        "schemas": {
            "Node": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                    "tag": {"$ref": "#/components/schemas/Tag", "description": "a sibling keyword"},
                },
            },
            "Tag": {"type": "string", "minLength": 1},
        }
    }
}


@pytest.fixture
def tree_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _bodies._validator.cache_clear()
    monkeypatch.setattr(_bodies, "_spec", lambda: TREE)
    yield
    _bodies._validator.cache_clear()


def _errors(schema: str, value: object) -> list[tuple[list[object], str]]:
    return [(list(e.absolute_path), e.validator) for e in _bodies._validator(schema).iter_errors(value)]


def test_a_recursive_schema_is_validated_through_a_registry(tree_spec: None) -> None:
    with pytest.raises(RecursionError):
        _bodies._inlined({"$ref": "#/components/schemas/Node"}, ())
    assert _errors("Node", {"name": "a", "children": [{"name": "b", "children": [{}]}]}) == [
        (["children", 0, "children", 0], "required")
    ]


def test_a_reference_with_siblings_keeps_both(tree_spec: None) -> None:
    inlined = _bodies._inlined({"$ref": "#/components/schemas/Tag", "description": "d"}, ())
    assert inlined == {"description": "d", "allOf": [{"type": "string", "minLength": 1}]}
    assert _errors("Tag", "") == [([], "minLength")]


def test_inlined_and_registry_validators_agree_on_the_real_spec() -> None:
    """Every error the registry-based validator finds, the inlined one finds at the same place."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Any = Registry().with_resource(
        "urn:s", Resource.from_contents(_bodies._spec(), default_specification=DRAFT202012)
    )
    bad = {
        "Notification": {
            "type": "push-app",
            "name": 3,
            "versions": [{"master": "yes", "content": {"title": 1}}],
        },
        "ExecutionEmailRequest": {"recipient": {"type": "unicity", "value": "a@b.c"}, "copies": "x"},
        "NotificationExecutionRequest": {
            "recipient": {"type": "contact", "value": {"type": "id"}},
            "urgent": 1,
        },
    }
    for name, value in bad.items():
        slow = jsonschema.Draft202012Validator(
            {"$ref": f"urn:s#/components/schemas/{name}"}, registry=registry
        )
        expected = sorted(str(list(e.absolute_path)) for e in slow.iter_errors(value))
        got = sorted(str(list(e.absolute_path)) for e in _bodies._validator(name).iter_errors(value))
        assert got == expected and got, name
