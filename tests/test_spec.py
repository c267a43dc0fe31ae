"""openapi/np6-8.1.0.yaml: valid, complete, honest about what it infers, and its examples hold.

The operation list below is kept by hand from the facts digest (shared/reference, section 9), so a spec
edit that drops or renames an NP6 operation fails here, not in a user's code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate

from support import SEEDS, load_spec, schema_validator

# (NP6 number, method, path, the query parameter that selects the form where two NP6 operations share one)
OPERATIONS: list[tuple[str, str, str, str | None]] = [
    ("A1", "get", "/notifications", None),
    ("A2", "post", "/notifications", None),
    ("A3", "get", "/notifications/{id}", None),
    ("A4", "put", "/notifications/{id}", None),
    ("A5", "delete", "/notifications/{id}", None),
    ("A6", "post", "/notifications/{id}/render", None),
    ("A7", "get", "/notifications/{id}/render/contact/{contact}", None),
    ("A8", "get", "/notifications/{id}/render/contact", "unicity"),
    ("A9", "get", "/notifications/{id}/render/contact", "hash"),
    ("A10", "post", "/notifications/{id}/versions/{version}/render", None),
    ("A11", "get", "/notifications/{id}/versions/{version}/render/contact/{contact}", None),
    ("A12", "get", "/notifications/{id}/versions/{version}/render/contact", "unicity"),
    ("A13", "get", "/notifications/{id}/versions/{version}/render/contact", "hash"),
    ("A14", "post", "/notifications/{id}/test", None),
    ("A15", "post", "/notifications/{id}/versions/{version}/test", None),
    ("A16", "post", "/notifications/{id}/execution", None),
    ("A17", "post", "/notifications/{id}/executions", None),
    ("A18", "post", "/notifications/{id}/duplication", None),
    ("A19", "post", "/notifications/{id}/activation", None),
    ("A20", "delete", "/notifications/{id}/activation", None),
    ("B1", "get", "/notifications/reactivities", None),
    ("B2", "get", "/notifications/reactivities/impressions", None),
    ("B3", "get", "/notifications/reactivities/hits", None),
    ("B4", "get", "/notifications/reactivities/optouts", None),
    ("B5", "get", "/notifications/reactivities/bounces", None),
    ("B6", "get", "/notifications/{id}/reactivities", None),
    ("B7", "get", "/notifications/{id}/reactivities/impressions", None),
    ("B8", "get", "/notifications/{id}/reactivities/hits", None),
    ("B9", "get", "/notifications/{id}/reactivities/optouts", None),
    ("B10", "get", "/notifications/{id}/reactivities/bounces", None),
    ("C1", "get", "/actions", None),
    ("C2", "post", "/actions", None),
    ("C3", "get", "/actions/{id}", None),
    ("C4", "put", "/actions/{id}", None),
    ("C5", "delete", "/actions/{id}", None),
    ("C6", "post", "/actions/{id}/duplication", None),
    ("C7", "post", "/actions/{id}/validation", None),
    ("C8", "delete", "/actions/{id}/validation", None),
    ("C9", "post", "/actions/{id}/renders", None),
    ("C10", "post", "/actions/{id}/render", None),
    ("C11", "post", "/actions/{id}/executions", None),
    ("C12", "post", "/actions/{id}/execution", None),
    ("C13", "get", "/actions/{id}/export/recipients", None),
    ("C14", "get", "/actions/{id}/export/tracking/opens", None),
    ("C15", "get", "/actions/{id}/export/tracking/clicks", None),
    ("C16", "post", "/actions/{id}/render/links", None),
    ("C17", "post", "/actions/{id}/targets/{targetId}", None),
    *[
        (f"D{n}", "get", f"/actions{scope}/reactivities{kind}", None)
        for n, (scope, kind) in enumerate(
            [
                (scope, kind)
                for scope in ("", "/{id}")
                for kind in (
                    "",
                    "/bounces",
                    "/hits",
                    "/hits/open",
                    "/hits/redirection",
                    "/hits/unsubscribe",
                    "/hits/mirror",
                    "/hits/form",
                )
            ],
            start=1,
        )
    ],
]
TAGS = {"Notification management", "Notification reactivity", "Action management", "Action reactivity"}
VENDOR_TYPES = {"application/vnd.np6.cm.email", "application/vnd.np6.cm.sms"}
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_spec()


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield method, path, op


def parameters(spec: dict[str, Any], path: str, op: dict[str, Any]) -> list[dict[str, Any]]:
    raw = [*spec["paths"][path].get("parameters", []), *op.get("parameters", [])]
    return [resolve(spec, p) for p in raw]


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def walk(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object of the document with its JSON pointer (keys escaped: paths contain "/")."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from walk(value, f"{where}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{where}/{i}")


def test_spec_is_a_valid_openapi_3_1_document(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_the_63_np6_operations_are_all_there_and_nothing_else(spec: dict[str, Any]) -> None:
    assert len(OPERATIONS) == 63
    present = {(method, path): op for method, path, op in operations(spec)}
    for number, method, path, selector in OPERATIONS:
        assert (method, path) in present, f"{number}: {method.upper()} {path} missing"
        if selector is not None:
            names = {p["name"] for p in parameters(spec, path, present[method, path]) if p["in"] == "query"}
            assert selector in names, f"{number}: query parameter {selector!r} missing"
    assert set(present) == {(m, p) for _, m, p, _ in OPERATIONS}


def test_operation_ids_are_unique_python_names_with_one_group_tag(spec: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert len(ids) == len(set(ids))
    for method, path, op in operations(spec):
        assert re.fullmatch(r"[a-z][a-z0-9_]*", op["operationId"]), op["operationId"]
        assert len(op["tags"]) == 1 and op["tags"][0] in TAGS, f"{method} {path}: {op['tags']}"


def test_every_operation_documents_auth_errors_and_request_ids(spec: dict[str, Any]) -> None:
    for method, path, op in operations(spec):
        codes = set(op["responses"])
        assert {"400", "401", "403", "429", "5XX"} <= codes, f"{method} {path}: {sorted(codes)}"
        if "{" in path:
            assert "404" in codes, f"{method} {path}"
        if "requestBody" in op:
            assert {"411", "415"} <= codes, f"{method} {path}"
        for code, response in op["responses"].items():
            response = resolve(spec, response)
            assert "x-request-id" in response.get("headers", {}), f"{method} {path} {code}"
            if not code.startswith("2"):
                assert "content" not in response, f"{method} {path} {code}: NP6 sends no error body"


def test_the_api_key_is_a_security_scheme_every_operation_uses(spec: dict[str, Any]) -> None:
    assert spec["components"]["securitySchemes"]["ApiKey"] == {
        **spec["components"]["securitySchemes"]["ApiKey"],
        "type": "apiKey",
        "in": "header",
        "name": "X-Key",
    }
    assert spec["security"] == [{"ApiKey": []}]
    assert not any("security" in op for _, _, op in operations(spec))


def test_action_send_and_render_bodies_offer_both_vendor_media_types(spec: dict[str, Any]) -> None:
    vendor_ops = {
        op["operationId"]
        for _, _, op in operations(spec)
        if set(op.get("requestBody", {}).get("content", {})) == VENDOR_TYPES
    }
    assert vendor_ops == {
        "send_action_messages",
        "send_action_message",
        "render_action_messages",
        "render_action_message",
    }


def test_reactivity_operations_share_the_date_filters_and_sort(spec: dict[str, Any]) -> None:
    expected = {"activationStart", "activationEnd", "reactivityStart", "reactivityEnd", "sort"}
    for method, path, op in operations(spec):
        if "/reactivities" in path:
            names = {p["name"] for p in parameters(spec, path, op) if p["in"] == "query"}
            assert names == expected, f"{method} {path}"


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2019-08-24T14:15:22Z", True),
        ("2019-08-24T14:15:22+02:00", True),
        (1614089593000, True),
        ("last tuesday", False),
        (-1, False),
        (1.5, False),
    ],
)
def test_date_filters_take_an_iso_date_time_or_a_millisecond_timestamp(value: Any, ok: bool) -> None:
    assert schema_validator("DateFilter").is_valid(value) is ok


def test_every_inference_is_marked_with_a_one_line_reason(spec: dict[str, Any]) -> None:
    marked = [(where, node) for where, node in walk(spec) if "x-np6-inferred" in node]
    assert len(marked) >= 40
    for where, node in marked:
        assert node["x-np6-inferred"] is True, where
        reason = node.get("x-np6-inferred-reason")
        assert isinstance(reason, str) and reason.strip() and "\n" not in reason.strip(), where
    for where, node in walk(spec):
        assert ("x-np6-inferred-reason" in node) <= ("x-np6-inferred" in node), where


def spec_examples(spec: dict[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(where, example value, JSON pointer of its schema) for every example attached to a media type."""
    for pointer, node in walk(spec["paths"], "/paths"):
        if "schema" in node and "examples" in node:
            for name, example in node["examples"].items():
                yield f"{pointer}/examples/{name}", resolve(spec, example)["value"], f"{pointer}/schema"


def test_every_attached_example_validates_against_its_schema(spec: dict[str, Any]) -> None:
    examples = list(spec_examples(spec))
    assert len(examples) >= 15
    for where, value, schema in examples:
        errors = [e.message for e in schema_validator(schema).iter_errors(value)]
        assert not errors, f"{where}: {errors}"


def seed_json_values() -> Iterator[tuple[str, Any]]:
    """Every JSON object or array in the seeds: response examples and curl -d bodies."""
    decoder = json.JSONDecoder()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text()
        end = 0
        for match in re.finditer(r"(?m)(?:^|-d ')(?=[\[{])", text):
            if match.end() < end:
                continue  # inside the value decoded last
            try:
                value, end = decoder.raw_decode(text, match.end())
            except json.JSONDecodeError:
                continue  # '[object Object],...' placeholders and prose
            yield f"{seed.name}@{match.end()}", value


def test_every_json_example_of_the_seeds_is_attached_to_the_spec(spec: dict[str, Any]) -> None:
    attached = [json.dumps(value, sort_keys=True) for _, value, _ in spec_examples(spec)]
    seeds = list(seed_json_values())
    assert len(seeds) >= 8  # 3 in seed 000, 3 in seed 002, 3 in seed 004
    for where, value in seeds:
        assert json.dumps(value, sort_keys=True) in attached, f"{where} is not attached: {value}"


@pytest.mark.parametrize(
    ("schema", "value", "ok"),
    [
        ("Event", {"type": "teleport", "id": "x", "timestamp": 1}, True),
        ("Event", {"type": "hit", "id": "14d3d192-bd40-4c0b-9048-4469ab3a981c", "timestamp": "soon"}, False),
        ("ExecutionResult", {"type": "queued", "ticket": 7}, True),
        ("ContactIdentifier", {"type": "unicity", "value": "a@example.com"}, False),
        ("ContactIdentifier", {"type": "unicity", "value": ["a+b@example.com"]}, True),
        ("Action", {"type": "mailCampaign", "id": "000ABC"}, True),
        ("Action", {"type": "mailMessage", "content": {"headers": {"from": "me@example.com"}}}, False),
        ("ActionState", 100, True),
        ("SortOrder", "random", False),
    ],
)
def test_schemas_accept_new_kinds_and_reject_what_np6_rejects(schema: str, value: Any, ok: bool) -> None:
    assert schema_validator(schema).is_valid(value) is ok
