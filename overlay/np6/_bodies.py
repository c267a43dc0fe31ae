"""Request bodies: a generated model, or a plain dict in the API's JSON shape checked against the spec.

A dict is validated with jsonschema against the spec's schema for that body (the copy shipped in
``np6_api/openapi.yaml``, read through its JSON copy by ``np6._spec``), so a mistake is reported with the
path of the bad field before any request; then it is converted with the generated model's ``from_dict``.
For ``oneOf`` bodies (e.g. ``Action``) the variant is chosen by its ``type`` (each variant pins it with a
``const``). jsonschema and the spec load on first use.
"""

from __future__ import annotations

import functools
import importlib
import json
import math
from collections.abc import Mapping
from typing import Any

from ._exceptions import NP6ValidationError

__all__ = ["JsonBatch", "build", "check_json", "coerce_body", "model_class"]

_SPEC_BASE = "urn:np6:spec"


@functools.cache
def _spec() -> dict[str, Any]:
    """The shipped spec, from its JSON copy when that copy is of these YAML bytes (``np6._spec``)."""
    from ._spec import shipped_document

    return shipped_document()


@functools.cache
def _validator(schema_name: str) -> Any:
    """The validator of a component schema, with its ``$ref``s inlined (2-3x faster per body than resolving
    them through a registry on every use: a 10,000-message send validates 10,000 bodies). A recursive schema
    keeps its references, resolved through a registry."""
    import jsonschema

    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    try:
        return jsonschema.Draft202012Validator(
            _inlined({"$ref": _local(schema_name)}, ()), format_checker=checker
        )
    except RecursionError:
        pass
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Any = Registry().with_resource(
        _SPEC_BASE, Resource.from_contents(_spec(), default_specification=DRAFT202012)
    )
    schema = {"$ref": f"{_SPEC_BASE}{_local(schema_name)}"}
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)


def _local(schema_name: str) -> str:
    return f"#/components/schemas/{schema_name}"


def _inlined(node: Any, trail: tuple[str, ...]) -> Any:
    """``node`` with every ``#/components/schemas/X`` reference replaced by X itself (RecursionError if X
    refers back to itself); a reference with sibling keywords becomes an ``allOf`` beside them."""
    if isinstance(node, list):
        return [_inlined(item, trail) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        name = ref.rsplit("/", 1)[-1]
        if name in trail:
            raise RecursionError(f"schema {name} refers to itself")
        target = _inlined(_spec()["components"]["schemas"][name], (*trail, name))
        siblings = {k: _inlined(v, trail) for k, v in node.items() if k != "$ref"}
        return {**siblings, "allOf": [target]} if siblings else target
    return {key: _inlined(value, trail) for key, value in node.items()}


@functools.cache
def model_class(schema_name: str) -> type[Any]:
    """The generated model class for a component schema (the generator names classes after schemas)."""
    module = "".join("_" + c.lower() if c.isupper() else c for c in schema_name).lstrip("_")
    cls: type[Any] = getattr(importlib.import_module(f"np6_api.models.{module}"), schema_name)
    return cls


def _variant(schema_name: str, data: Mapping[str, Any]) -> str:
    """For a ``oneOf`` schema, the variant whose ``type`` constant is ``data["type"]`` (errors then name the
    field inside that variant); an unlisted type goes to the ``Unknown*`` fallback if the union has one."""
    schemas = _spec()["components"]["schemas"]
    schema = schemas[schema_name]
    if "oneOf" not in schema:
        return schema_name
    refs: list[str] = [str(item["$ref"]).rsplit("/", 1)[-1] for item in schema["oneOf"]]
    by_type = {_type_const(schemas[ref]): ref for ref in refs}
    kind = data.get("type")
    if isinstance(kind, str) and kind in by_type:
        return by_type[kind]
    return by_type.get(None, schema_name)  # the fallback (its type is not a constant), else the whole union


def _type_const(schema: Mapping[str, Any]) -> str | None:
    const = schema.get("properties", {}).get("type", {}).get("const")
    return const if isinstance(const, str) else None


def _path(error: Any, name: str) -> str:
    out = name
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _most_precise(errors: list[Any]) -> Any:
    """The error to report: one at a leaf (no other error lies below its path), first field first.

    A summary error (e.g. `contains` on `versions`) would otherwise hide the field that is actually wrong.
    """
    paths = [tuple(e.absolute_path) for e in errors]
    leaves = [
        e
        for e, path in zip(errors, paths, strict=True)
        if not any(len(other) > len(path) and other[: len(path)] == path for other in paths)
    ]
    return min(leaves, key=lambda e: ([str(p) for p in e.absolute_path], e.message))


MAX_BODY_DEPTH = 64
"""Deepest nesting accepted in a request body (NP6's deepest documented object is under 10 levels)."""


def check_json(value: object, name: str, *, contacts: bool = False, _depth: int = 0) -> None:
    """Refuse what cannot be sent as JSON, naming the path: NaN/Infinity, a non-JSON type (a set, bytes, an
    object), a non-str key, a lone surrogate in a string, or nesting deeper than ``MAX_BODY_DEPTH``.

    ``contacts=True`` lets ``Contact`` values through (a body not yet converted to its wire form)."""
    if _depth > MAX_BODY_DEPTH:
        raise NP6ValidationError(f"{name}: nested more than {MAX_BODY_DEPTH} levels deep")
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NP6ValidationError(
                f"{name}: {value} is not a JSON number (NaN and Infinity cannot be sent)"
            )
        return
    if isinstance(value, str):
        _check_text(value, name)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise NP6ValidationError(
                    f"{name}: key {key!r:.60} is a {type(key).__name__}; JSON keys are str"
                )
            _check_text(key, f"{name} (a key)")
            check_json(item, f"{name}.{key}", contacts=contacts, _depth=_depth + 1)
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_json(item, f"{name}[{index}]", contacts=contacts, _depth=_depth + 1)
        return
    if type(value).__name__ == "Contact" and type(value).__module__ == "np6._contacts":
        if contacts:
            return
        raise NP6ValidationError(f"{name}: a Contact is not accepted in this field (give its JSON shape)")
    raise NP6ValidationError(f"{name}: a {type(value).__name__} cannot be sent as JSON")


def _check_text(value: str, name: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise NP6ValidationError(
            f"{name}: contains a lone surrogate at position {exc.start} (not valid text)"
        ) from None


def coerce_body(value: object, schema_name: str, *, name: str = "body") -> Any:
    """A generated model instance for ``schema_name`` from a model instance or a JSON-shaped dict.

    Either way the JSON to be sent is checked first (``check_json``), so nothing unsendable gets to I/O.
    """
    if isinstance(value, Mapping):
        check_json(value, name)
        variant = _variant(schema_name, value)
        validator = _validator(variant)
        errors = list(validator.iter_errors(value))
        if errors:
            first = _most_precise(errors)
            more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
            raise NP6ValidationError(f"{_path(first, name)}: {first.message}{more} [schema {variant}]")
        try:
            return model_class(variant).from_dict(json.loads(json.dumps(value)))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise NP6ValidationError(
                f"{name}: cannot be read as {variant} ({type(exc).__name__}: {exc})"
            ) from exc
    names = _ONE_OF.get(schema_name, (schema_name,))
    if any(isinstance(value, model_class(n)) for n in names):
        check_json(value.to_dict(), name)  # type: ignore[attr-defined]  # a generated model
        return value
    expected = " or ".join(names)
    raise NP6ValidationError(
        f"{name} must be a dict in the API's JSON shape or a {expected}, got {type(value).__name__}"
    )


# The model classes a oneOf request body accepts (its variants), so that a model instance can be accepted
# without loading the spec; any other schema accepts its own class only.
_ONE_OF: dict[str, tuple[str, ...]] = {
    "Action": ("MailMessageAction", "SmsMessageAction", "UnknownAction"),
}


def build(schema_name: str, data: Mapping[str, Any], *, name: str = "body") -> Any:
    """A model from JSON-shaped data the overlay assembled itself from checked arguments (no schema pass;
    the JSON check still runs, for values such as ``data=`` that came from the caller)."""
    check_json(data, name)
    return model_class(schema_name).from_dict(data)


class JsonBatch(list[Any]):
    """A list request body already in its JSON shape (what each message's model ``to_dict()`` gives), for
    the boundary to send as it is.

    A bulk send of ``Contact``s builds each message's JSON straight from the ``Contact`` (its text was
    checked when it was made) instead of a model per message that is then turned back into a dict.
    ``sample`` is a model of the first message: the generated ``_get_kwargs`` still chooses the URL, the
    method and the media type from it, so the operation's request is made where it always is.
    """

    __slots__ = ("sample",)

    def __init__(self, items: list[Any], sample: Any) -> None:
        super().__init__(items)
        self.sample = sample
