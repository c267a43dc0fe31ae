"""The OpenAPI document as the sandbox's routing table and validator set.

The sandbox is built from `openapi/np6-8.1.0.yaml`, never beside it: routes, parameters, accepted media types,
request schemas and response schemas all come from here. Every schema is validated with jsonschema (Draft
2020-12) through one `referencing` registry that holds the whole document, so `$ref`s resolve exactly as the
spec says. Formats that matter for NP6 (uuid, date-time, int32, int64) are asserted, not just annotated.
Each schema is a `Schema`, built once: a compiled jsonschema-rs validator answers "valid" in microseconds,
and jsonschema has the last word on anything it does not accept (see compiled.py).

The document is read from the JSON copy that `scripts/regen.sh` ships beside the YAML (`openapi.yaml.json`)
when that copy records the SHA-256 of these very YAML bytes; otherwise the YAML is parsed (about a second).
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import importlib.util
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs
import yaml

from np6._spec import JSON_SUFFIX, document_of, json_copy
from np6_sandbox.compiled import Compiler, json_shaped

if TYPE_CHECKING:  # jsonschema and referencing are imported on first use (a quarter of a second)
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

SPEC_URI = "urn:np6:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)
_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$",
)


def default_spec_path() -> Path:
    """The spec to serve: $NP6_SANDBOX_SPEC, else the one the installed client was generated from.

    `scripts/regen.sh` ships the spec as `np6_api/openapi.yaml` (checked by `make check-regen`), so the
    sandbox and the client always speak the same version, from a wheel too.
    """
    env = os.environ.get("NP6_SANDBOX_SPEC")
    if env:
        return Path(env)
    # Found, not imported: importing np6_api runs its client module, which imports httpx (half a second of
    # the sandbox's start-up). resources.files() imports the package; it is the fallback for a zipped one.
    found = importlib.util.find_spec("np6_api")
    for folder in (found.submodule_search_locations or []) if found else []:
        path = Path(folder, "openapi.yaml")
        if path.is_file():
            return path
    return Path(str(resources.files("np6_api").joinpath("openapi.yaml")))


def parse_date_time(value: str) -> dt.datetime | None:
    """RFC 3339 date-time -> aware datetime (UTC when no offset), or None if it is not one."""
    if not _DATE_TIME.match(value):
        return None
    text = value.upper().replace(" ", "T").replace("Z", "+00:00")
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def is_date_time(instance: object) -> bool:
    """The `date-time` format check (RFC 3339, as NP6 writes it); anything but a string passes."""
    return not isinstance(instance, str) or parse_date_time(instance) is not None


def _int32(instance: object) -> bool:
    return not isinstance(instance, int) or _INT32[0] <= instance <= _INT32[1]


def _int64(instance: object) -> bool:
    return not isinstance(instance, int) or _INT64[0] <= instance <= _INT64[1]


def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=("uuid",))
    checker.checks("date-time")(is_date_time)
    checker.checks("int32")(_int32)
    checker.checks("int64")(_int64)
    return checker


# The compiled validators call the same date-time check (every event has one), cached: events repeat the
# same few date-times, and a 1,024-entry LRU bounds the memory.
_compiled_date_time = functools.lru_cache(maxsize=1024)(is_date_time)


class Schema:
    """One schema of the spec (a JSON pointer into the document), with its validators built once.

    `python` is the jsonschema validator, the reference; the compiled one (jsonschema-rs) only ever accepts
    what the reference accepts, so a value it refuses goes to the reference. Each is built on first use.
    """

    def __init__(self, spec: Spec, pointer: str) -> None:
        self.pointer = pointer
        self._spec = spec
        self._compiled: jsonschema_rs.Validator | None = None
        self._compiled_items: jsonschema_rs.Validator | None = None
        self._broken = False  # jsonschema-rs refused the schema itself: the reference does everything

    @functools.cached_property
    def python(self) -> Draft202012Validator:
        from jsonschema import Draft202012Validator

        spec = self._spec
        schema = {"$ref": f"{SPEC_URI}#{self.pointer}"}
        return Draft202012Validator(schema, registry=spec.registry, format_checker=spec.format_checker)

    def accepts(self, instance: Any, *, decoded: bool = False) -> bool:
        """True when the compiled validator accepts the value (then it is valid); False means "ask the
        reference". `decoded=True` promises the value came from `json.loads` (its shape is not re-checked)."""
        if self._compiled is None:
            if self._broken:
                return False
            try:
                self._compiled = self._spec.compiler.validator(self.pointer)
            except Exception:
                self._broken = True
                return False
        if not decoded and not json_shaped(instance):
            return False
        try:
            return self._compiled.is_valid(instance)
        except Exception:  # a value it cannot take (a lone surrogate...): the reference decides
            return False

    def accepts_all(self, instances: list[Any]) -> bool:
        """True when the compiled validator accepts every item of a list that came from `json.loads`, in
        one call (a thousand events in about two thirds of the time of one call each); False means "ask
        `first_error` item by item"."""
        if self._compiled_items is None:
            if self._broken:
                return False
            try:
                self._compiled_items = self._spec.compiler.validator(self.pointer, items=True)
            except Exception:  # then the item schema cannot compile either: the reference does everything
                self._broken = True
                return False
        try:
            return self._compiled_items.is_valid(instances)
        except Exception:
            return False

    def is_valid(self, instance: Any) -> bool:
        return self.accepts(instance) or self.python.is_valid(instance)

    def validate(self, instance: Any) -> None:
        """Raise jsonschema's ValidationError for an invalid value."""
        if not self.accepts(instance):
            self.python.validate(instance)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        """jsonschema's errors (none for a valid value)."""
        if self.accepts(instance):
            return iter(())
        return self.python.iter_errors(instance)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][+-]?\d{1,2})?", re.ASCII)
_MAX_DIGITS = 64  # int64 needs 19; a longer one stays a string and fails validation with a 400


def _integral(raw: str) -> int | None:
    """The int a path/query string denotes, if it is a number with no fractional part (`-2053.0` too).

    JSON Schema's `integer` is any number whose fractional part is zero, so clients may write 156.0. The
    exponent is capped at two digits so that `1e999999999` cannot make us build a huge int.
    """
    if len(raw) > _MAX_DIGITS or not _NUMBER.fullmatch(raw):
        return None
    value = decimal.Decimal(raw)
    return int(value) if value == value.to_integral_value() else None


@dataclass(frozen=True)
class Param:
    """One path or query parameter of an operation."""

    name: str
    location: str
    required: bool
    validator: Schema
    types: frozenset[str]  # JSON types the schema admits: how to coerce the raw string

    def coerce(self, raw: str) -> Any:
        """A path/query string as the JSON value its schema expects (`1614089593000` -> int)."""
        if "integer" in self.types and (whole := _integral(raw)) is not None:
            return whole
        if "number" in self.types and len(raw) <= _MAX_DIGITS:
            try:
                number = float(raw)
            except ValueError:
                pass
            else:
                if math.isfinite(number):  # "nan" and "inf" stay strings: the schema refuses them
                    return number
        if "boolean" in self.types and raw in ("true", "false"):
            return raw == "true"
        return raw


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with everything the dispatcher needs to check a request and a response."""

    operation_id: str
    method: str
    path: str
    params: tuple[Param, ...]
    bodies: dict[str, Schema]  # media type -> validator of the request body
    responses: dict[str, Schema | None]  # "200", "4XX", "default" -> JSON body validator or None

    def response_schema(self, status: int) -> tuple[bool, Schema | None]:
        """(is this status documented, validator of its JSON body if the spec gives one)."""
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in self.responses:
                return True, self.responses[key]
        return False, None


@dataclass(frozen=True)
class Invalid:
    """A validation failure reduced to what a 400 body says: which field, and why."""

    field: str
    detail: str


class Spec:
    """The loaded document: its operations by id, and validators for named component schemas."""

    def __init__(self, document: dict[str, Any], path: Path | None = None, raw: bytes | None = None) -> None:
        self.document = document
        self.path = path
        if raw is None:
            raw = path.read_bytes() if path else yaml.safe_dump(document).encode()
        self.raw = raw
        self.compiler = Compiler(document, SPEC_URI, _compiled_date_time)
        self._schemas: dict[str, Schema] = {}
        self.operations: dict[str, Operation] = {op.operation_id: op for op in self._operations()}

    @functools.cached_property
    def registry(self) -> Registry[Any]:
        """The `referencing` registry holding the whole document, for the jsonschema validators."""
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        resource = DRAFT202012.create_resource(self.document)
        registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        return registry

    @functools.cached_property
    def format_checker(self) -> FormatChecker:
        return _format_checker()

    def validator(self, pointer: str) -> Schema:
        """The validator of the schema at a JSON pointer of the document (e.g. /components/schemas/Event),
        built once per pointer."""
        schema = self._schemas.get(pointer)
        if schema is None:
            schema = self._schemas[pointer] = Schema(self, pointer)
        return schema

    def component(self, name: str) -> Schema:
        """The validator of a named component schema."""
        return self.validator(f"/components/schemas/{_escape(name)}")

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local `$ref`s from a node; return the target and its pointer."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                raise ValueError(f"unsupported $ref {ref!r} at {pointer}")
            pointer = ref[1:]
            node = self.document
            for token in pointer.lstrip("/").split("/"):
                node = node[token.replace("~1", "/").replace("~0", "~")]
        return node, pointer

    def schema_types(self, schema: Any, pointer: str = "") -> set[str]:
        """Every JSON type a (possibly composed) schema admits; drives the coercion of query strings."""
        schema, pointer = self.resolve(schema, pointer)
        if not isinstance(schema, dict):
            return set()
        types: set[str] = set()
        declared = schema.get("type")
        if isinstance(declared, str):
            types.add(declared)
        elif isinstance(declared, list):
            types.update(t for t in declared if isinstance(t, str))
        for key in ("anyOf", "oneOf", "allOf"):
            for index, sub in enumerate(schema.get(key, [])):
                types |= self.schema_types(sub, f"{pointer}/{key}/{index}")
        return types

    def _operations(self) -> Iterator[Operation]:
        for path, item in self.document.get("paths", {}).items():
            item_pointer = f"/paths/{_escape(path)}"
            item, item_pointer = self.resolve(item, item_pointer)
            shared = item.get("parameters", [])
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                op_pointer = f"{item_pointer}/{method}"
                op = item[method]
                params: dict[tuple[str, str], Param] = {}
                for source, base in (
                    (shared, f"{item_pointer}/parameters"),
                    (op.get("parameters", []), None),
                ):
                    for index, raw in enumerate(source):
                        at = f"{base or op_pointer + '/parameters'}/{index}"
                        param, at = self.resolve(raw, at)
                        key = (param["name"], param["in"])
                        params[key] = Param(
                            name=param["name"],
                            location=param["in"],
                            required=bool(param.get("required", False)),
                            validator=self.validator(f"{at}/schema"),
                            types=frozenset(self.schema_types(param.get("schema", {}), f"{at}/schema")),
                        )
                bodies: dict[str, Schema] = {}
                if "requestBody" in op:
                    body, body_pointer = self.resolve(op["requestBody"], f"{op_pointer}/requestBody")
                    for media in body.get("content", {}):
                        bodies[media] = self.validator(f"{body_pointer}/content/{_escape(media)}/schema")
                responses: dict[str, Schema | None] = {}
                for status, raw in op.get("responses", {}).items():
                    response, at = self.resolve(raw, f"{op_pointer}/responses/{_escape(str(status))}")
                    content = response.get("content", {})
                    json_media = next(
                        (m for m in content if m.split(";")[0].strip() == "application/json"), None
                    )
                    responses[str(status).upper()] = (
                        self.validator(f"{at}/content/{_escape(json_media)}/schema") if json_media else None
                    )
                yield Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    params=tuple(params.values()),
                    bodies=bodies,
                    responses=responses,
                )


def first_error(schema: Schema, instance: Any, prefix: str = "", *, decoded: bool = False) -> Invalid | None:
    """The most relevant error of an instance, as (dotted field path, short reason); None when valid.

    `decoded=True` promises the instance came from `json.loads` (see `Schema.accepts`).
    """
    if schema.accepts(instance, decoded=decoded):
        return None
    return reference_error(schema.python, instance, prefix)


def reference_error(validator: Draft202012Validator, instance: Any, prefix: str = "") -> Invalid | None:
    """`first_error` by jsonschema alone: what the sandbox answered before compiled validation, and what it
    still answers for every value the compiled validator does not accept."""
    from jsonschema.exceptions import best_match

    error: ValidationError | None = best_match(validator.iter_errors(instance))
    if error is None:
        return None
    error = _narrow(error)
    parts = [str(p) for p in error.absolute_path]
    if error.validator == "required" and isinstance(error.instance, dict):
        required = error.validator_value if isinstance(error.validator_value, list) else []
        missing = [p for p in required if p not in error.instance]
        parts.extend(str(p) for p in missing[:1])
    field = ".".join(([prefix] if prefix else []) + parts) or prefix or "(body)"
    detail = error.message if len(error.message) <= 200 else error.message[:197] + "..."
    return Invalid(field=field, detail=detail)


def _is_discriminator(error: ValidationError) -> bool:
    return list(error.relative_path)[:1] == ["type"] and error.validator in ("const", "not", "enum")


def _narrow(error: ValidationError) -> ValidationError:
    """Descend a oneOf/anyOf failure into the one variant whose `type` matched, so the field is precise."""
    while error.context:
        branches: dict[object, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        matching = [errs for errs in branches.values() if not any(_is_discriminator(e) for e in errs)]
        if len(matching) != 1:
            break
        from jsonschema.exceptions import best_match

        narrowed = best_match(matching[0])
        if narrowed is None:
            break
        error = narrowed
    return error


def write_json_copy(path: Path) -> Path:
    """Write the JSON copy beside a YAML spec (`scripts/regen.sh` does, for the shipped one)."""
    raw = path.read_bytes()
    target = path.with_name(path.name + JSON_SUFFIX)
    target.write_bytes(json_copy(raw, yaml.safe_load(raw)))
    return target


def parse_document(path: Path, raw: bytes) -> Any:
    """The document of a YAML spec: from its JSON copy when that copy was made from these bytes (the
    overlay's loader, `np6._spec.document_of`, shared)."""
    try:
        copy: bytes | None = path.with_name(path.name + JSON_SUFFIX).read_bytes()
    except OSError:
        copy = None
    return document_of(raw, copy)


@functools.cache
def load_spec(path: Path | None = None) -> Spec:
    """Load and index the spec once per path."""
    path = (path or default_spec_path()).resolve()
    raw = path.read_bytes()
    return Spec(parse_document(path, raw), path, raw)
