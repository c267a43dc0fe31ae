"""`np6 spec diff OLD.yaml NEW.yaml`: what an API version bump changes, as Markdown for the CHANGELOG.

A small differ over the two parsed documents (no offline, well-kept OpenAPI diff tool installs from PyPI:
oasdiff is Go; the Python candidates are young single-author packages). It compares operations (by method
and path), their parameters, request and response media types and statuses, component schemas (fields,
types, required fields) and enum values, and marks what breaks callers: of `np6_api` (the generated client:
a removed function, model attribute or enum member, a new required argument) and of the overlay `np6` when
the operation is one it calls (`np6._operations.OPERATIONS`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from np6_contract.drift import HTTP_METHODS, SpecIndex

EXIT_OK, EXIT_BREAKING, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True, order=True)
class Change:
    """One difference between the two specs."""

    breaking: bool
    kind: str  # "operation", "parameter", "request media type", "status", "response media type", "schema",
    # "field", "type", "required", "enum value"
    change: str  # "added", "removed", "changed"
    where: str
    detail: str = ""
    overlay: bool = False  # the overlay calls this operation

    def markdown(self) -> str:
        who = "np6_api and np6" if self.overlay else "np6_api"
        mark = f" **(breaks callers of {who})**" if self.breaking else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"- {self.change.capitalize()} {self.kind} `{self.where}`{detail}{mark}"


def _overlay_operations() -> frozenset[str]:
    try:
        from np6._operations import OPERATIONS
    except ImportError:  # the overlay is not importable: no overlay marks
        return frozenset()
    return frozenset(OPERATIONS)


def _types(spec: SpecIndex, schema: Any, pointer: str) -> frozenset[str]:
    schema, _ = spec.resolve(schema, pointer)
    if not isinstance(schema, dict):
        return frozenset()
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(str(t) for t in declared)
    return frozenset()


def _ref_name(schema: Any) -> str | None:
    return schema["$ref"].rsplit("/", 1)[-1] if isinstance(schema, dict) and "$ref" in schema else None


class Differ:
    """Collects the changes from OLD to NEW."""

    def __init__(self, old: SpecIndex, new: SpecIndex) -> None:
        self.old, self.new = old, new
        self.overlay = _overlay_operations()
        self.changes: list[Change] = []

    def add(self, breaking: bool, kind: str, change: str, where: str, detail: str = "", op: str = "") -> None:
        self.changes.append(Change(breaking, kind, change, where, detail, op in self.overlay))

    def run(self) -> list[Change]:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            op_id = old_ops[key][1].get("operationId", "")
            self.add(True, "operation", "removed", key, f"`{op_id}`", op_id)
        for key in sorted(new_ops.keys() - old_ops.keys()):
            self.add(False, "operation", "added", key, f"`{new_ops[key][1].get('operationId', '')}`")
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self.operation(key, old_ops[key], new_ops[key])
        self.schemas()
        return sorted(self.changes, key=lambda c: (not c.breaking, c.kind, c.where, c.change, c.detail))

    def operation(self, key: str, old: tuple[str, dict[str, Any]], new: tuple[str, dict[str, Any]]) -> None:
        (old_at, old_op), (new_at, new_op) = old, new
        op_id = str(old_op.get("operationId", ""))
        if old_op.get("operationId") != new_op.get("operationId"):
            detail = (
                f"operationId `{op_id}` -> `{new_op.get('operationId')}` (the np6_api function is renamed)"
            )
            self.add(True, "operation", "changed", key, detail, op_id)
        old_params, new_params = self.params(self.old, old_at, old_op), self.params(self.new, new_at, new_op)
        for name in sorted(old_params.keys() - new_params.keys()):
            self.add(True, "parameter", "removed", f"{key} {name}", "", op_id)
        for name in sorted(new_params.keys() - old_params.keys()):
            required = bool(new_params[name][0].get("required"))
            self.add(
                required, "parameter", "added", f"{key} {name}", "required" if required else "optional", op_id
            )
        for name in sorted(old_params.keys() & new_params.keys()):
            (was, was_at), (now, now_at) = old_params[name], new_params[name]
            if not was.get("required") and now.get("required"):
                self.add(True, "parameter", "changed", f"{key} {name}", "now required", op_id)
            elif was.get("required") and not now.get("required"):
                self.add(False, "parameter", "changed", f"{key} {name}", "now optional", op_id)
            before = _types(self.old, was.get("schema"), f"{was_at}/schema")
            after = _types(self.new, now.get("schema"), f"{now_at}/schema")
            if before != after and before and after:
                detail = f"type {'|'.join(sorted(before))} -> {'|'.join(sorted(after))}"
                self.add(not before <= after, "parameter", "changed", f"{key} {name}", detail, op_id)
        self.media(
            key,
            op_id,
            "request media type",
            self.body_media(self.old, old_at, old_op),
            self.body_media(self.new, new_at, new_op),
            removed_breaks=True,
        )
        old_resp, new_resp = old_op.get("responses") or {}, new_op.get("responses") or {}
        for status in sorted(set(old_resp) - set(new_resp), key=str):
            self.add(False, "status", "removed", f"{key} {status}", "", op_id)
        for status in sorted(set(new_resp) - set(old_resp), key=str):
            self.add(False, "status", "added", f"{key} {status}", "", op_id)
        for status in sorted(set(old_resp) & set(new_resp), key=str):
            media_before = self.response_media(self.old, f"{old_at}/responses", str(status), old_resp[status])
            media_after = self.response_media(self.new, f"{new_at}/responses", str(status), new_resp[status])
            self.media(
                f"{key} {status}",
                op_id,
                "response media type",
                media_before,
                media_after,
                removed_breaks=True,
            )

    def media(
        self, where: str, op_id: str, kind: str, old: set[str], new: set[str], *, removed_breaks: bool
    ) -> None:
        for media in sorted(old - new):
            self.add(removed_breaks, kind, "removed", f"{where} {media}", "", op_id)
        for media in sorted(new - old):
            self.add(False, kind, "added", f"{where} {media}", "", op_id)

    @staticmethod
    def params(spec: SpecIndex, at: str, op: Mapping[str, Any]) -> dict[str, tuple[dict[str, Any], str]]:
        item_at = at.rsplit("/", 1)[0]
        item = spec.node(item_at)
        found: dict[str, tuple[dict[str, Any], str]] = {}
        for source, base in ((item.get("parameters") or [], item_at), (op.get("parameters") or [], at)):
            for index, raw in enumerate(source):
                param, pointer = spec.resolve(raw, f"{base}/parameters/{index}")
                found[f"{param.get('in')}:{param.get('name')}"] = (param, pointer)
        return found

    @staticmethod
    def body_media(spec: SpecIndex, at: str, op: Mapping[str, Any]) -> set[str]:
        if "requestBody" not in op:
            return set()
        body, _ = spec.resolve(op["requestBody"], f"{at}/requestBody")
        return set(body.get("content") or {})

    @staticmethod
    def response_media(spec: SpecIndex, at: str, status: str, raw: Any) -> set[str]:
        response, _ = spec.resolve(raw, f"{at}/{status}")
        return set(response.get("content") or {}) if isinstance(response, dict) else set()

    def schemas(self) -> None:
        old = (self.old.document.get("components") or {}).get("schemas") or {}
        new = (self.new.document.get("components") or {}).get("schemas") or {}
        for name in sorted(old.keys() - new.keys()):
            self.add(True, "schema", "removed", name, "the np6_api model is gone")
        for name in sorted(new.keys() - old.keys()):
            self.add(False, "schema", "added", name)
        for name in sorted(old.keys() & new.keys()):
            self.schema(name, old[name], new[name])

    def schema(self, name: str, old: Any, new: Any) -> None:
        if not isinstance(old, dict) or not isinstance(new, dict):
            return
        at = f"/components/schemas/{name}"
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if isinstance(old_enum, list) and isinstance(new_enum, list):
            for value in [v for v in old_enum if v not in new_enum]:
                self.add(True, "enum value", "removed", f"{name} {value!r}", "the enum member is gone")
            for value in [v for v in new_enum if v not in old_enum]:
                self.add(False, "enum value", "added", f"{name} {value!r}")
        before, after = _types(self.old, old, at), _types(self.new, new, at)
        if before and after and before != after:
            detail = f"{'|'.join(sorted(before))} -> {'|'.join(sorted(after))}"
            self.add(not before <= after, "type", "changed", name, detail)
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        for prop in sorted(set(old_props) - set(new_props)):
            self.add(True, "field", "removed", f"{name}.{prop}", "the model attribute is gone")
        for prop in sorted(set(new_props) - set(old_props)):
            self.add(False, "field", "added", f"{name}.{prop}")
        for prop in sorted(set(old_props) & set(new_props)):
            was, now = old_props[prop], new_props[prop]
            if _ref_name(was) != _ref_name(now):
                self.add(True, "type", "changed", f"{name}.{prop}", f"{_ref_name(was)} -> {_ref_name(now)}")
                continue
            before = _types(self.old, was, f"{at}/properties/{prop}")
            after = _types(self.new, now, f"{at}/properties/{prop}")
            if before and after and before != after:
                detail = f"{'|'.join(sorted(before))} -> {'|'.join(sorted(after))}"
                self.add(not before <= after, "type", "changed", f"{name}.{prop}", detail)
            if isinstance(was, dict) and isinstance(now, dict) and ("enum" in was or "properties" in was):
                self.schema(f"{name}.{prop}", was, now)  # an inline enum or object
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        for prop in sorted(new_req - old_req):
            self.add(True, "required", "added", f"{name}.{prop}", "callers must now give it")
        for prop in sorted(old_req - new_req):
            self.add(True, "required", "removed", f"{name}.{prop}", "the attribute may now be Unset")


def _operations(spec: SpecIndex) -> dict[str, tuple[str, dict[str, Any]]]:
    """Operations keyed "METHOD /path" (the operationId may change; the route is what callers hit)."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for at, op in spec.operations.values():
        path, method = at.removeprefix("/paths/").rsplit("/", 1)
        if method in HTTP_METHODS:
            found[f"{method.upper()} {path.replace('~1', '/').replace('~0', '~')}"] = (at, op)
    return found


def diff(old: SpecIndex, new: SpecIndex) -> list[Change]:
    """Every change from OLD to NEW, breaking ones first."""
    return Differ(old, new).run()


def version(spec: SpecIndex, path: Path) -> str:
    """The info.version of a spec (its file name if it has none)."""
    info = spec.document.get("info") or {}
    return str(info.get("version") or path.name)


def markdown(changes: Sequence[Change], old_version: str, new_version: str) -> Iterator[str]:
    """The CHANGELOG section."""
    yield f"### NP6 API {old_version} -> {new_version}"
    yield ""
    breaking = [c for c in changes if c.breaking]
    other = [c for c in changes if not c.breaking]
    if not changes:
        yield "No change to operations, parameters, media types, statuses, schemas or enum values."
        return
    if breaking:
        yield f"Breaking ({len(breaking)}):"
        yield ""
        yield from (c.markdown() for c in breaking)
        yield ""
    if other:
        yield f"Compatible ({len(other)}):"
        yield ""
        yield from (c.markdown() for c in other)


def parser(prog: str = "python -m np6_contract.specdiff") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="List what changes from one NP6 spec to the next.")
    p.add_argument("old", type=Path, metavar="OLD.yaml")
    p.add_argument("new", type=Path, metavar="NEW.yaml")
    return p


def load(path: Path, name: str) -> SpecIndex:
    """A spec file, or ValueError naming the argument."""
    try:
        return SpecIndex.load(path)
    except (OSError, ValueError) as error:
        raise ValueError(
            f"{name}: {path} cannot be read as an OpenAPI document ({type(error).__name__})"
        ) from None
    except Exception as error:  # yaml's errors: not worth a traceback
        raise ValueError(f"{name}: {path} is not valid YAML ({type(error).__name__})") from None


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Print the Markdown; 0 when nothing breaks callers, 1 when something does, 2 on a usage error."""
    out = out or sys.stdout
    args = parser().parse_args(argv)
    try:
        old, new = load(args.old, "OLD.yaml"), load(args.new, "NEW.yaml")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    changes = diff(old, new)
    for line in markdown(changes, version(old, args.old), version(new, args.new)):
        out.write(line + "\n")
    return EXIT_BREAKING if any(c.breaking for c in changes) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
