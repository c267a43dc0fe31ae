"""Drift report: what recorded NP6 answers say that the spec does not.

`python -m np6_contract.drift DIR` (or `np6 spec drift DIR`) reads the exchanges `--record DIR` kept (one
JSON file per exchange, see record.py) and compares each answer with the spec of its operation: fields NP6
sent that the spec lacks, required fields it left out, type / format / enum / const mismatches, and statuses,
media types and headers the spec does not declare. It also lists the `x-np6-inferred` items the answers
confirm, so they can lose their mark, and can write the corrections as a JSON Patch (RFC 6902) for review.

The recordings are already redacted; examples are cut short and the key in NP6_API_KEY (if set) is masked
again, so a report or patch can be sent back as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from np6_contract._yaml import SAFE_LOADER
from np6_contract.redact import Redactor

EXIT_OK, EXIT_DRIFT, EXIT_USAGE = 0, 1, 2
EXAMPLE_CHARS = 80
MAX_DEPTH = 64
# Transport headers every HTTP answer may carry; the spec describes NP6's own headers only.
TRANSPORT_HEADERS = frozenset(
    {
        "connection",
        "content-encoding",
        "content-length",
        "content-type",
        "date",
        "keep-alive",
        "server",
        "transfer-encoding",
        "vary",
        "via",
        "alt-svc",
        "strict-transport-security",
        "cache-control",
        "pragma",
        "expires",
        "etag",
        "last-modified",
        "age",
        "x-content-type-options",
        "x-frame-options",
    }
)
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

# The schema keywords the walk checks or that only annotate; a node with any other (contains, pattern...)
# is never reported as confirmed.
CHECKED_KEYWORDS = frozenset(
    {
        "type",
        "format",
        "enum",
        "const",
        "not",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "oneOf",
        "anyOf",
        "allOf",
        "$ref",
        "description",
        "title",
        "example",
        "examples",
        "readOnly",
        "writeOnly",
        "default",
        "deprecated",
        "x-np6-inferred",
        "x-np6-inferred-reason",
    }
)
# Finding kinds, in report order.
KINDS = (
    "unknown-operation",
    "undeclared-status",
    "undeclared-media-type",
    "undeclared-header",
    "extra-field",
    "missing-required",
    "type",
    "format",
    "enum",
    "const",
)


def escape(token: str) -> str:
    """A JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def json_type(value: Any) -> str:
    """The JSON Schema type of a decoded JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _type_ok(value: Any, declared: Any) -> bool:
    types = [declared] if isinstance(declared, str) else list(declared)
    actual = json_type(value)
    return actual in types or (actual == "integer" and "number" in types)


@dataclass
class Finding:
    """One kind of drift at one place, with how many exchanges showed it and one example."""

    kind: str
    operation_id: str
    path: str  # where in the exchange: "status", "header x-foo", "body$.settings.color"
    detail: str
    schema_pointer: str  # where in the spec the correction goes ("" when none can be proposed)
    example: str
    count: int = 0
    patch: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "operation": self.operation_id,
            "path": self.path,
            "detail": self.detail,
            "count": self.count,
            "example": self.example,
            "spec_pointer": self.schema_pointer,
        }

    def line(self) -> str:
        plural = "exchange" if self.count == 1 else "exchanges"
        return (
            f"{self.kind}\t{self.operation_id}\t{self.path}\t{self.detail}"
            f"\t({self.count} {plural}; e.g. {self.example})"
        )


class SpecIndex:
    """The parsed spec: operations by id, `$ref` resolution, format checks, `x-np6-inferred` items."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.operations: dict[str, tuple[str, dict[str, Any]]] = {}
        for path, item in document.get("paths", {}).items():
            for method in HTTP_METHODS:
                op = item.get(method)
                if isinstance(op, dict) and "operationId" in op:
                    self.operations[op["operationId"]] = (f"/paths/{escape(path)}/{method}", op)

    @classmethod
    def load(cls, path: Path) -> SpecIndex:
        with path.open("rb") as handle:
            document = yaml.load(handle, Loader=SAFE_LOADER)
        if not isinstance(document, dict):
            raise ValueError(f"{path}: not an OpenAPI document")
        return cls(document)

    def node(self, pointer: str) -> Any:
        node: Any = self.document
        for token in pointer.lstrip("/").split("/") if pointer else []:
            key = token.replace("~1", "/").replace("~0", "~")
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local `$ref`s (siblings of a `$ref` only annotate it); return the target and its pointer."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < MAX_DEPTH:
            pointer = node["$ref"][1:]
            node = self.node(pointer)
            seen += 1
        return node, pointer

    def inferred(self) -> list[tuple[str, str]]:
        """Every `x-np6-inferred: true` item as (JSON pointer, reason), in document order."""
        found: list[tuple[str, str]] = []

        def walk(node: Any, pointer: str) -> None:
            if isinstance(node, dict):
                if node.get("x-np6-inferred") is True:
                    found.append((pointer, str(node.get("x-np6-inferred-reason", ""))))
                for key, value in node.items():
                    walk(value, f"{pointer}/{escape(str(key))}")
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{pointer}/{index}")

        walk(self.document, "")
        return found


def _format_ok(value: Any, fmt: str) -> bool:
    if fmt in ("int32", "int64") and isinstance(value, int) and not isinstance(value, bool):
        bits = 31 if fmt == "int32" else 63
        return bool(-(2**bits) <= value < 2**bits)
    if fmt == "uuid" and isinstance(value, str):
        import uuid

        try:
            uuid.UUID(value)
        except ValueError:
            return False
        return len(value) == 36
    if fmt == "date-time" and isinstance(value, str):
        return _DATE_TIME.fullmatch(value) is not None
    return True


class Comparison:
    """Compares exchanges with a spec and gathers findings and confirmed inferred pointers."""

    def __init__(self, spec: SpecIndex, redactor: Redactor) -> None:
        self.spec = spec
        self.redactor = redactor
        self.findings: dict[tuple[str, str, str, str], Finding] = {}
        self.visited_ok: set[str] = set()  # schema/operation/response pointers an answer matched
        self.visited_bad: set[str] = set()
        self.exchanges = 0
        self.occurrences = 0  # every finding seen, repeats included: what marks a node as not confirmed

    def _example(self, value: Any) -> str:
        # Redacted before it is cut; ASCII-escaped so no control code reaches a terminal.
        text = json.dumps(self.redactor.value(value), ensure_ascii=True, sort_keys=True)
        return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 3] + "..."

    def _add(
        self,
        seen: set[tuple[str, str, str, str]],
        kind: str,
        op_id: str,
        path: str,
        detail: str,
        example: Any,
        pointer: str = "",
        patch: list[dict[str, Any]] | None = None,
    ) -> None:
        self.occurrences += 1
        path, detail = self.redactor.text(path), self.redactor.text(detail)
        patch = self.redactor.value(patch or [])
        key = (kind, op_id, path, detail)
        finding = self.findings.get(key)
        if finding is None:
            finding = self.findings[key] = Finding(kind, op_id, path, detail, pointer, self._example(example))
        finding.patch.extend(op for op in patch if op not in finding.patch)  # same drift, other schema
        if key not in seen:  # count exchanges, not occurrences (a list of 50 items counts once)
            seen.add(key)
            finding.count += 1

    def exchange(self, entry: Mapping[str, Any]) -> None:
        """Compare one recorded exchange."""
        self.exchanges += 1
        seen: set[tuple[str, str, str, str]] = set()
        op_id = str(entry.get("operation_id", ""))
        response = entry.get("response") or {}
        status = response.get("status")
        if op_id not in self.spec.operations:
            self._add(seen, "unknown-operation", op_id, "operation_id", "no operation of the spec", op_id)
            return
        op_pointer, op = self.spec.operations[op_id]
        responses = op.get("responses", {})
        key = next((k for k in (str(status), f"{status}"[:1] + "XX", "default") if k in responses), None)
        if key is None:
            value: dict[str, Any] = {"description": "Observed in recorded NP6 answers (np6 spec drift)"}
            headers = sorted(
                str(n).lower()
                for n in (response.get("headers") or {})
                if str(n).lower() not in TRANSPORT_HEADERS
            )
            if headers:
                value["headers"] = {name: {"schema": {"type": "string"}} for name in headers}
            body = response.get("body")
            if body is not None:
                value["content"] = {_media(response) or "application/json": {"schema": {}}}
            self._add(
                seen,
                "undeclared-status",
                op_id,
                "status",
                f"status {status} is not documented",
                status,
                f"{op_pointer}/responses",
                [{"op": "add", "path": f"{op_pointer}/responses/{status}", "value": value}],
            )
            self.visited_bad.add(op_pointer)
            return
        declared, declared_pointer = self.spec.resolve(
            responses[key], f"{op_pointer}/responses/{escape(key)}"
        )
        if isinstance(status, int) and 200 <= status < 300:
            self.visited_ok.add(op_pointer)
        bad_before = len(self.visited_bad)
        self._headers(seen, op_id, response, declared, declared_pointer)
        content = declared.get("content") or {}
        media = _media(response)
        body = response.get("body")
        if media and content and media not in {m.split(";")[0].strip().lower() for m in content}:
            self._add(
                seen,
                "undeclared-media-type",
                op_id,
                "header content-type",
                f"media type {media} is not declared for {key}",
                media,
                f"{declared_pointer}/content",
                [
                    {
                        "op": "add",
                        "path": f"{declared_pointer}/content/{escape(media)}",
                        "value": {"schema": {}},
                    }
                ],
            )
        json_media = next((m for m in content if m.split(";")[0].strip().lower() == "application/json"), None)
        if json_media is not None and body is not None and (media in (None, "application/json")):
            schema_pointer = f"{declared_pointer}/content/{escape(json_media)}/schema"
            self._value(seen, op_id, body, self.spec.node(schema_pointer), schema_pointer, "body$", 0)
        if len(self.visited_bad) == bad_before:
            self.visited_ok.add(declared_pointer)

    def _headers(
        self,
        seen: set[tuple[str, str, str, str]],
        op_id: str,
        response: Mapping[str, Any],
        declared: Mapping[str, Any],
        pointer: str,
    ) -> None:
        names = {str(n).lower() for n in (declared.get("headers") or {})}
        for name, value in (response.get("headers") or {}).items():
            lower = str(name).lower()
            if lower in TRANSPORT_HEADERS or lower in names:
                continue
            self._add(
                seen,
                "undeclared-header",
                op_id,
                f"header {lower}",
                "header not declared",
                value,
                f"{pointer}/headers",
                [
                    {
                        "op": "add",
                        "path": f"{pointer}/headers/{escape(lower)}",
                        "value": {
                            "description": "Observed in recorded NP6 answers",
                            "schema": {"type": "string"},
                        },
                    }
                ],
            )

    def _branch(self, value: Any, branches: Sequence[Any], pointer: str, key: str) -> tuple[Any, str] | None:
        """The branch of a oneOf/anyOf a value belongs to: the one that raises no finding, else the one whose
        `type` discriminator matches, else the first."""
        scored: list[tuple[int, int, Any, str]] = []
        for index, branch in enumerate(branches):
            at = f"{pointer}/{key}/{index}"
            probe = Comparison(self.spec, self.redactor)
            probe._value(set(), "", value, branch, at, "$", 0)
            resolved, _ = self.spec.resolve(branch, at)
            discriminator = (
                (resolved.get("properties") or {}).get("type", {}) if isinstance(resolved, dict) else {}
            )
            matches = (
                isinstance(value, dict)
                and isinstance(discriminator, dict)
                and (
                    discriminator.get("const") == value.get("type")
                    or value.get("type") in discriminator.get("enum", [])
                )
            )
            scored.append((len(probe.findings), 0 if matches else 1, branch, at))
        if not scored:
            return None
        best = min(scored, key=lambda s: (s[0], s[1]))
        return best[2], best[3]

    def _value(
        self,
        seen: set[tuple[str, str, str, str]],
        op_id: str,
        value: Any,
        schema: Any,
        pointer: str,
        path: str,
        depth: int,
    ) -> None:
        if depth > MAX_DEPTH or not isinstance(schema, dict):
            return
        bad_before = self.occurrences
        own_pointer = pointer
        schema, pointer = self.spec.resolve(schema, pointer)
        if not isinstance(schema, dict):
            return
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                chosen = self._branch(value, schema[key], pointer, key)
                if chosen is not None:
                    self._value(seen, op_id, value, chosen[0], chosen[1], path, depth + 1)
        for index, sub in enumerate(schema.get("allOf") or []):
            self._value(seen, op_id, value, sub, f"{pointer}/allOf/{index}", path, depth + 1)
        declared = schema.get("type")
        if declared is not None and not _type_ok(value, declared):
            wanted = [declared] if isinstance(declared, str) else list(declared)
            self._add(
                seen,
                "type",
                op_id,
                path,
                f"{json_type(value)}, the spec says {' or '.join(wanted)}",
                value,
                pointer,
                [{"op": "replace", "path": f"{pointer}/type", "value": [*wanted, json_type(value)]}],
            )
        elif isinstance(schema.get("format"), str) and not _format_ok(value, schema["format"]):
            self._add(
                seen,
                "format",
                op_id,
                path,
                f"not a {schema['format']}",
                value,
                pointer,
                [{"op": "remove", "path": f"{pointer}/format"}],
            )
        if "enum" in schema and isinstance(schema["enum"], list) and value not in schema["enum"]:
            self._add(
                seen,
                "enum",
                op_id,
                path,
                f"{json.dumps(value)} is not one of the spec's values",
                value,
                pointer,
                [{"op": "add", "path": f"{pointer}/enum/-", "value": value}],
            )
        if isinstance(schema.get("not"), dict):
            probe = Comparison(self.spec, self.redactor)
            probe._value(set(), "", value, schema["not"], f"{pointer}/not", "$", depth + 1)
            if not probe.findings:
                self._add(seen, "const", op_id, path, "a value the spec excludes", value, pointer)
        if "const" in schema and value != schema["const"]:
            self._add(
                seen, "const", op_id, path, f"the spec says {json.dumps(schema['const'])}", value, pointer
            )
        if isinstance(value, dict):
            properties = schema.get("properties") or {}
            for index, name in enumerate(schema.get("required") or []):
                if name not in value:
                    self._add(
                        seen,
                        "missing-required",
                        op_id,
                        f"{path}.{name}",
                        "required field left out",
                        value,
                        pointer,
                        [{"op": "remove", "path": f"{pointer}/required/{index}"}],
                    )
            additional = schema.get("additionalProperties")
            for name, item in value.items():
                if name in properties:
                    self._value(
                        seen,
                        op_id,
                        item,
                        properties[name],
                        f"{pointer}/properties/{escape(name)}",
                        f"{path}.{name}",
                        depth + 1,
                    )
                elif isinstance(additional, dict):
                    self._value(
                        seen,
                        op_id,
                        item,
                        additional,
                        f"{pointer}/additionalProperties",
                        f"{path}.{name}",
                        depth + 1,
                    )
                elif properties and additional is None and not _composed(schema):
                    self._add(
                        seen,
                        "extra-field",
                        op_id,
                        f"{path}.{name}",
                        "field not in the spec",
                        item,
                        pointer,
                        [
                            {
                                "op": "add",
                                "path": f"{pointer}/properties/{escape(name)}",
                                "value": {"type": json_type(item)},
                            }
                        ],
                    )
        elif isinstance(value, list) and isinstance(schema.get("items"), dict):
            for item in value:
                self._value(seen, op_id, item, schema["items"], f"{pointer}/items", f"{path}[*]", depth + 1)
        if self.occurrences > bad_before:
            self.visited_bad.update({pointer, own_pointer})
        elif not set(schema) - CHECKED_KEYWORDS:  # a rule this walk does not check confirms nothing
            self.visited_ok.update({pointer, own_pointer})

    def report(self) -> Report:
        findings = sorted(
            self.findings.values(), key=lambda f: (KINDS.index(f.kind), f.operation_id, f.path, f.detail)
        )
        confirmed = [
            (pointer, reason)
            for pointer, reason in self.spec.inferred()
            if pointer in self.visited_ok and pointer not in self.visited_bad
        ]
        return Report(self.exchanges, findings, confirmed)


def _composed(schema: Mapping[str, Any]) -> bool:
    return any(key in schema for key in ("oneOf", "anyOf", "allOf"))


def _media(response: Mapping[str, Any]) -> str | None:
    for name, value in (response.get("headers") or {}).items():
        if str(name).lower() == "content-type":
            return str(value).split(";")[0].strip().lower() or None
    return None


@dataclass
class Report:
    """The findings of a set of exchanges and the inferred items they confirm."""

    exchanges: int
    findings: list[Finding]
    confirmed: list[tuple[str, str]]

    @property
    def drift(self) -> bool:
        return bool(self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "exchanges": self.exchanges,
            "findings": [f.as_dict() for f in self.findings],
            "confirmed_inferred": [{"pointer": p, "reason": r} for p, r in self.confirmed],
        }

    def lines(self) -> Iterator[str]:
        yield f"{self.exchanges} exchanges, {len(self.findings)} findings"
        for finding in self.findings:
            yield finding.line()
        if self.confirmed:
            yield f"x-np6-inferred items these answers confirm ({len(self.confirmed)}):"
            for pointer, _ in self.confirmed:
                yield f"confirmed\t{pointer}"

    def json_patch(self) -> list[dict[str, Any]]:
        """The proposed corrections as one RFC 6902 document: duplicates dropped, removals of array items
        ordered from the last index so they stay valid when applied in sequence."""
        ops: list[dict[str, Any]] = []
        for finding in self.findings:
            for op in finding.patch:
                if op not in ops:
                    ops.append(op)

        def order(op: dict[str, Any]) -> tuple[int, str, int]:
            head, _, last = op["path"].rpartition("/")
            if op["op"] == "remove" and last.isdigit():
                return (1, head, -int(last))
            return (0, op["path"], 0)

        return sorted(ops, key=order)


def _jsonpath(pointer: str) -> str:
    """A JSON pointer as a JSONPath in bracket notation (RFC 9535), as Overlay targets are written."""
    tokens = (
        [t.replace("~1", "/").replace("~0", "~") for t in pointer.lstrip("/").split("/")] if pointer else []
    )
    return "$" + "".join(
        f"[{t}]" if t.isdigit() else "['" + t.replace("\\", "\\\\").replace("'", "\\'") + "']" for t in tokens
    )


def overlay(report: Report, spec_version: str = "") -> dict[str, Any]:
    """The corrections as an OpenAPI Overlay 1.0 document: each JSON Patch operation becomes one action (an
    `update` merged into the parent, appended to an array, or a `remove`)."""
    actions: list[dict[str, Any]] = []
    for op in report.json_patch():
        parent, _, last = op["path"].rpartition("/")
        name = last.replace("~1", "/").replace("~0", "~")
        if op["op"] == "remove":
            actions.append({"target": _jsonpath(op["path"]), "remove": True})
        elif last == "-":
            actions.append({"target": _jsonpath(parent), "update": op["value"]})
        else:
            actions.append({"target": _jsonpath(parent), "update": {name: op["value"]}})
    return {
        "overlay": "1.0.0",
        "info": {"title": "np6 spec drift: proposed corrections", "version": spec_version or "1.0.0"},
        "actions": actions,
    }


class UsageError(Exception):
    """A bad argument, named the way the command line names it."""


def read_exchanges(directory: Path) -> Iterator[dict[str, Any]]:
    """The recorded exchanges under DIR (DIR/<operation_id>/NNNNN.json), in a stable order."""
    if not directory.is_dir():
        raise UsageError(f"DIR: {directory} is not a directory")
    files = sorted(directory.glob("*/*.json"))
    if not files:
        raise UsageError(
            f"DIR: no recorded exchanges under {directory} (expected DIR/<operation>/NNNNN.json)"
        )
    for path in files:
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise UsageError(f"DIR: {path} is not a recorded exchange ({type(error).__name__})") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("response"), dict):
            raise UsageError(f"DIR: {path} is not a recorded exchange (no response)")
        yield entry


def default_spec() -> Path:
    """The spec the installed client was generated from (shipped inside np6_api)."""
    from importlib import resources

    return Path(str(resources.files("np6_api").joinpath("openapi.yaml")))


def compare(directory: Path, spec_path: Path | None = None, secrets: Sequence[str] = ()) -> Report:
    """The drift report of the exchanges recorded under a directory."""
    spec = SpecIndex.load(spec_path or default_spec())
    comparison = Comparison(spec, Redactor(tuple(secrets)))
    for entry in read_exchanges(directory):
        comparison.exchange(entry)
    return comparison.report()


def secrets_from_env() -> tuple[str, ...]:
    key = os.environ.get("NP6_API_KEY", "")
    return (key,) if key.strip() else ()


def write_patch(report: Report, path: Path, form: str = "json-patch") -> None:
    """Write the corrections as a JSON Patch (RFC 6902) or an OpenAPI Overlay 1.0 document (YAML when the
    file name ends in .yaml/.yml, else JSON). Every value comes from the redacted recordings."""
    document: Any = report.json_patch() if form == "json-patch" else overlay(report)
    if path.suffix.lower() in (".yaml", ".yml"):
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    else:
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def parser(prog: str = "python -m np6_contract.drift") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("directory", type=Path, metavar="DIR", help="directory written by --record")
    p.add_argument("--spec", type=Path, help="spec to compare with (default: the installed client's)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--patch", type=Path, metavar="FILE", help="write the proposed corrections (JSON Patch)")
    p.add_argument(
        "--patch-format",
        choices=("json-patch", "overlay"),
        default="json-patch",
        help="JSON Patch (RFC 6902, default) or OpenAPI Overlay 1.0",
    )
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, prog: str | None = None) -> int:
    """Run the report; return 0 (no drift), 1 (drift) or 2 (usage error)."""
    out = out or sys.stdout
    args = parser(prog or "python -m np6_contract.drift").parse_args(argv)
    try:
        if args.spec is not None and not args.spec.is_file():
            raise UsageError(f"--spec: {args.spec} is not a file")
        report = compare(args.directory, args.spec, secrets_from_env())
        if args.patch is not None:
            write_patch(report, args.patch, args.patch_format)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        out.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        for line in report.lines():
            out.write(line + "\n")
    return EXIT_DRIFT if report.drift else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
