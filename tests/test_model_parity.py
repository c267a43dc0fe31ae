"""Every generated model parses, and writes back, exactly as with the templates of e3887c0.

openapi/templates/ were rewritten for speed (no copy of the input dict, `is UNSET`, `types.parse_uuid`...).
The templates as they were at e3887c0 are frozen in tests/fixtures/templates-e3887c0/: the package they
generate from the same spec (`scripts/regen.sh` with NP6_REGEN_TEMPLATES) is built once per session under
the import name `np6_api_ref`, and is the reference. For every model of the spec, documents drawn from its
schema (and hostile variants of them: values of the wrong type, unknown enum values, odd UUID and date-time
strings, extra and missing keys, inputs that are not a dict) go through `from_dict` of both packages, and
must give the same picture: classes, every field's value and type, UNSET-ness, additional_properties, enum
members or pseudo-members, which input containers are kept as they are, or the same exception (type and
message). Whatever parses is written back with `to_dict()` by both, compared the same way. The endpoint
modules' `_parse_response` (where response-level unions are parsed) are compared on the same kind of bodies.
"""

from __future__ import annotations

import copy
import datetime
import enum
import importlib
import json
import os
import pickle
import subprocess
import sys
import types
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import np6_api
import np6_api.models
from np6_api.types import UNSET, Unset, parse_enum, parse_uuid

from support import REGEN, ROOT, load_spec

REFERENCE_TEMPLATES = ROOT / "tests" / "fixtures" / "templates-e3887c0"
REF = "np6_api_ref"

# One xdist worker for the module: the reference package is generated once (about 10 s), then ~2,000
# documents are compared; NP6_PARITY_EXAMPLES=200 for a deeper run.
pytestmark = [pytest.mark.xdist_group("model-parity"), pytest.mark.slow]


@pytest.fixture(scope="module")
def ref(tmp_path_factory: pytest.TempPathFactory) -> Iterator[types.ModuleType]:
    root = tmp_path_factory.mktemp("reference")
    env = {**os.environ, "NP6_REGEN_OUT": str(root / REF), "NP6_REGEN_TEMPLATES": str(REFERENCE_TEMPLATES)}
    proc = subprocess.run(
        ["bash", str(REGEN)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module(REF)
        importlib.import_module(f"{REF}.models")
        yield package
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == REF or n.startswith(REF + ".")]:
            del sys.modules[name]


# --- documents drawn from the spec's schemas --------------------------------------------------------

SCHEMAS: dict[str, Any] = load_spec()["components"]["schemas"]

ODD_UUIDS = [
    "12345678-1234-5678-1234-567812345678",
    "12345678-1234-5678-1234-56781234567G",
    "12345678123456781234567812345678",
    "{12345678-1234-5678-1234-567812345678}",
    "urn:uuid:12345678-1234-5678-1234-567812345678",
    "uuid:12345678-1234-5678-1234-567812345678",
    "1234567-81234-5678-1234-567812345678",
    "--12345678123456781234567812345678--",
    "0x345678-1234-5678-1234-567812345678",
    "+2345678-1234-5678-1234-567812345678",
    "1_345678-1234-5678-1234-567812345678",
    " 2345678-1234-5678-1234-56781234567 ",
    "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668-1234-5678-1234-567812345678",
    "ABCDEF01-ABCD-ABCD-ABCD-ABCDEF012345",
    "12345678-1234-5678-1234-5678123456789",
    "12345678-1234-5678-1234-56781234567",
    "",
]
ODD_DATETIMES = [
    "2026-12-02T03:39:26.950Z",
    "0001-01-01T00:00:00Z",
    "2026-12-02T03:39:26+05:30",
    "2026-12-02T03:39:26.950123456Z",
    "2026-12-02",
    "2026-12-02 03:39:26",
    "20261202T033926Z",
    "2026-02-30T00:00:00Z",
    "2026-12-02T24:00:00Z",
    "yesterday",
    "",
]
HOSTILE: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    2**70,
    "",
    "x",
    "type",
    [],
    [1, "a"],
    {},
    {"type": "x"},
    [["type", "x"]],
    *ODD_UUIDS[1:8],
    *ODD_DATETIMES[4:8],
]
EXTRA_KEYS = ["extra", "Type", "type ", "", "additional_properties", "id"]


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def any_json() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
        max_leaves=5,
    )


_STRATEGIES: dict[tuple[int, int], st.SearchStrategy[Any]] = {}


def document(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """What the schema describes, a little more loosely (`not` and length bounds are not enforced)."""
    key = (id(schema), depth)  # the spec's schemas live as long as the session: built once each
    if key not in _STRATEGIES:
        _STRATEGIES[key] = _document(schema, depth)
    return _STRATEGIES[key]


def _document(schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    schema = resolve(schema)
    if depth > 8:
        return st.just({})
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([document(s, depth + 1) for s in schema[key]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([document({**schema, "type": k}, depth) for k in kind])
    if kind == "object" or "properties" in schema:
        props: dict[str, Any] = schema.get("properties", {})
        required = [p for p in schema.get("required", []) if p in props]
        optional = {p: document(s, depth + 1) for p, s in props.items() if p not in required}
        fixed = st.fixed_dictionaries({p: document(props[p], depth + 1) for p in required}, optional=optional)
        extra = st.dictionaries(st.sampled_from(["extra", "x-new"]), any_json(), max_size=2)
        return st.tuples(fixed, extra).map(lambda pair: {**pair[1], **pair[0]})
    if kind == "array":
        return st.lists(document(schema.get("items", {}), depth + 1), max_size=2)
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "uuid":
            return st.uuids().map(str) | st.sampled_from(ODD_UUIDS)
        if fmt == "date-time":
            aware = st.datetimes(timezones=st.sampled_from([datetime.UTC, None]))
            return aware.map(lambda d: d.isoformat()) | st.sampled_from(ODD_DATETIMES)
        return st.text(max_size=8)
    if kind == "integer":
        return st.integers(min_value=-(2**40), max_value=2**40) | st.sampled_from([0, 1, 100, 2**63])
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-5, 5)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return any_json()


def nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from nodes(v, (*path, i))


def mutate(doc: Any, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
    """``doc`` with one node replaced by a hostile value, or one key added or removed."""
    doc = copy.deepcopy(doc)
    found = list(nodes(doc))
    path, node = draw(st.sampled_from(found))
    ops = ["replace"] + (["add", "remove"] if isinstance(node, dict) else [])
    op = draw(st.sampled_from(ops))
    if op == "add":
        node[draw(st.sampled_from(EXTRA_KEYS))] = draw(st.sampled_from(HOSTILE) | any_json())
        return doc
    if op == "remove":
        if node:
            del node[draw(st.sampled_from(sorted(node, key=str)))]
        return doc
    new = draw(st.sampled_from(HOSTILE) | any_json() | st.text(max_size=6))
    if not path:
        return new
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return doc


class _DictSubclass(dict[str, Any]):
    pass


WRAPPERS: list[Callable[[Any], Any]] = [
    lambda d: d,
    lambda d: _DictSubclass(d) if isinstance(d, dict) else d,
    lambda d: types.MappingProxyType(d) if isinstance(d, dict) else d,
    lambda d: OrderedDict(d) if isinstance(d, dict) else d,
    lambda d: list(d.items()) if isinstance(d, dict) else d,
]


# --- the picture of a result -----------------------------------------------------------------------


def picture(value: Any, unset: type, inputs: dict[int, tuple[Any, ...]]) -> Any:
    """What a parsed (or written back) value is, comparable across the two packages: classes by name,
    UNSET, enum members or pseudo-members, scalars with their exact type, and for each container the path of
    the input container it *is* (None for a new one)."""
    if isinstance(value, unset):
        return ("UNSET",)
    kind = type(value)
    if attrs.has(kind):
        fields = tuple((f.name, picture(getattr(value, f.name), unset, inputs)) for f in attrs.fields(kind))
        return ("model", kind.__name__, fields)
    if isinstance(value, enum.Enum):
        member = kind._member_map_.get(value.name) is value
        return ("enum", kind.__name__, value.name, member, picture(value.value, unset, inputs))
    if isinstance(value, dict):
        items = tuple((picture(k, unset, inputs), picture(v, unset, inputs)) for k, v in value.items())
        return ("dict", kind.__name__, items, inputs.get(id(value)))
    if isinstance(value, list | tuple):
        return (kind.__name__, tuple(picture(v, unset, inputs) for v in value), inputs.get(id(value)))
    if isinstance(value, datetime.datetime):
        return ("datetime", value.isoformat(), repr(value.tzinfo), value.fold)
    if isinstance(value, uuid.UUID):
        return ("UUID", kind.__name__, value.int, value.is_safe)
    return (kind.__module__, kind.__qualname__, repr(value))


def outcome(fn: Callable[[], Any], unset: type, inputs: dict[int, tuple[Any, ...]]) -> tuple[Any, Any]:
    """(picture of fn()'s result or of its exception, the result or None)."""
    try:
        result = fn()
    except Exception as exc:
        return ("raised", type(exc).__module__, type(exc).__qualname__, str(exc)), None
    return picture(result, unset, inputs), result


def check_same(ref_fn: Callable[[], Any], new_fn: Callable[[], Any], ref: Any, doc: Any) -> None:
    inputs = {id(c): p for p, c in nodes(doc) if isinstance(c, dict | list)}
    want, ref_result = outcome(ref_fn, ref.types.Unset, inputs)
    got, new_result = outcome(new_fn, Unset, inputs)
    assert got == want, f"parsed differently from e3887c0: {doc!r}"
    _same_unset_identity(new_result)
    if ref_result is not None and hasattr(ref_result, "to_dict"):
        want, _ = outcome(ref_result.to_dict, ref.types.Unset, inputs)
        got, _ = outcome(new_result.to_dict, Unset, inputs)
        assert got == want, f"written back differently from e3887c0: {doc!r}"


def _same_unset_identity(value: Any) -> None:
    """Every Unset in what the new package made is the one UNSET (the templates test `is UNSET`)."""
    if isinstance(value, Unset):
        assert value is UNSET
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            _same_unset_identity(getattr(value, f.name))
    elif isinstance(value, list):
        for v in value:
            _same_unset_identity(v)


# --- the models -------------------------------------------------------------------------------------

MODELS = sorted(
    name
    for name in SCHEMAS
    if attrs.has(getattr(np6_api.models, name, None) or object)  # enums and plain types are not models
)


def test_every_model_of_the_spec_is_compared() -> None:
    generated = {name for name in np6_api.models.__all__ if attrs.has(getattr(np6_api.models, name))}
    inline = generated - set(MODELS)  # models of inline schemas: compared through the models holding them
    assert len(MODELS) >= 90, MODELS
    assert all(any(name.startswith(m) for m in MODELS) for name in inline), inline


PARITY = settings(
    max_examples=int(os.environ.get("NP6_PARITY_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("name", MODELS)
@PARITY
@given(data=st.data())
def test_a_model_parses_and_writes_back_as_before(ref: types.ModuleType, name: str, data: Any) -> None:
    doc = data.draw(document(SCHEMAS[name]), label="document")
    for _ in range(data.draw(st.integers(0, 3), label="mutations")):
        doc = mutate(doc, data.draw)
    doc = data.draw(st.sampled_from(WRAPPERS), label="wrapper")(doc)
    ref_cls, new_cls = getattr(ref.models, name), getattr(np6_api.models, name)
    check_same(lambda: ref_cls.from_dict(doc), lambda: new_cls.from_dict(doc), ref, doc)


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("doc", [None, 5, "x", [], [["type", "x"]], [1, 2], {}, {"type": None}], ids=repr)
def test_a_model_refuses_what_is_not_a_document_as_before(ref: types.ModuleType, name: str, doc: Any) -> None:
    ref_cls, new_cls = getattr(ref.models, name), getattr(np6_api.models, name)
    check_same(lambda: ref_cls.from_dict(doc), lambda: new_cls.from_dict(doc), ref, doc)


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    spec = load_spec()
    found = []
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            answer = op.get("responses", {}).get("200", {})
            if "$ref" in answer:
                answer = spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
            content = answer.get("content", {})
            if "application/json" in content and "schema" in content["application/json"]:
                found.append((op["operationId"], op["tags"][0], content["application/json"]["schema"]))
    return sorted(found, key=lambda f: f[0])


OPERATIONS = _operations()


def _module(package: str, tag: str, operation_id: str) -> Any:
    return importlib.import_module(f"{package}.api.{tag.lower().replace(' ', '_')}.{operation_id}")


def test_the_operations_with_a_json_answer_are_compared() -> None:
    assert len(OPERATIONS) >= 50, [o[0] for o in OPERATIONS]


@pytest.mark.parametrize(("operation_id", "tag", "schema"), OPERATIONS, ids=[o[0] for o in OPERATIONS])
@settings(PARITY, max_examples=max(PARITY.max_examples // 2, 5))
@given(data=st.data())
def test_an_answer_parses_as_before(
    ref: types.ModuleType, operation_id: str, tag: str, schema: dict[str, Any], data: Any
) -> None:
    doc = data.draw(document(schema), label="body")
    for _ in range(data.draw(st.integers(0, 2), label="mutations")):
        doc = mutate(doc, data.draw)
    body = json.dumps(doc).encode()
    ref_mod, new_mod = _module(REF, tag, operation_id), _module("np6_api", tag, operation_id)
    ref_client = ref.Client(base_url="https://np6.test")
    new_client = np6_api.Client(base_url="https://np6.test")

    def parse(mod: Any, client: Any) -> Any:
        return mod._parse_response(client=client, response=httpx.Response(200, content=body))

    # the answer is parsed from its bytes: no input container can be kept, and none is expected
    check_same(lambda: parse(ref_mod, ref_client), lambda: parse(new_mod, new_client), ref, doc)


# --- the pieces ---------------------------------------------------------------------------------------

UUID_ALPHABET = "0123456789abcdefABCDEF-{}:urnid_+xX \n\u0661g"


@given(st.text(UUID_ALPHABET, max_size=46) | st.uuids().map(str) | st.sampled_from(ODD_UUIDS))
@settings(max_examples=1500, deadline=None)
def test_parse_uuid_is_uuid_for_any_text(text: str) -> None:
    try:
        want: Any = uuid.UUID(text)
    except Exception as exc:
        with pytest.raises(type(exc)) as raised:
            parse_uuid(text)
        assert str(raised.value) == str(exc)
        return
    got = parse_uuid(text)
    assert (type(got), got.int, got.is_safe, got) == (uuid.UUID, want.int, want.is_safe, want)
    assert hash(got) == hash(want) and str(got) == str(want) and repr(got) == repr(want)
    assert pickle.loads(pickle.dumps(got)) == want


@pytest.mark.parametrize(
    "value",
    [
        None,
        5,
        1.5,
        b"12345678123456781234567812345678",
        ["x"],
        uuid.UUID("6e5a6e09-e681-4f6f-b3b9-edffe13abdff"),
        True,
    ],
    ids=repr,
)
def test_parse_uuid_refuses_what_uuid_refuses(value: Any) -> None:
    with pytest.raises(Exception) as want:
        uuid.UUID(value)
    with pytest.raises(type(want.value), match=None) as got:
        parse_uuid(value)
    assert str(got.value) == str(want.value)


def test_a_uuid_from_parse_uuid_cannot_be_changed() -> None:
    parsed = parse_uuid("12345678-1234-5678-1234-567812345678")
    with pytest.raises(TypeError, match="UUID objects are immutable"):
        parsed.int = 5  # type: ignore[misc]


ENUMS = sorted(
    name for name in np6_api.models.__all__ if isinstance(getattr(np6_api.models, name), enum.EnumMeta)
)


class _Str(str):
    pass


@pytest.mark.parametrize("name", ENUMS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_parse_enum_is_the_enum_constructor_for_any_value(name: str, data: Any) -> None:
    cls = getattr(np6_api.models, name)
    known = [m.value for m in cls]
    value = data.draw(
        st.sampled_from(known)
        | st.sampled_from([str(v) for v in known] + [int(v) for v in known if str(v).isdigit()])
        | st.sampled_from([True, False, 1.0, 0, -1, 2**70, None, "", [], {}, ("x",), b"x"])
        | st.sampled_from(known).map(_Str)
        | st.text(max_size=6)
        | st.integers(-5, 200)
    )
    try:
        want = cls(value)
    except Exception as exc:
        with pytest.raises(type(exc)) as raised:
            parse_enum(cls, value)
        assert str(raised.value) == str(exc)
        return
    got = parse_enum(cls, value)
    assert type(got) is type(want) and got.name == want.name and got.value == want.value
    assert type(got.value) is type(want.value)
    assert (got is want) == (cls._member_map_.get(want.name) is want)  # members are the members


def test_from_dict_of_a_subclass_runs_its_own_init() -> None:
    """The generated class is filled in directly; a subclass gets its own __init__ called, as before."""
    from np6_api.models import Notification, NotificationType

    seen: list[tuple[Any, ...]] = []

    class Mine(Notification):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            seen.append(args)
            super().__init__(*args, **kwargs)

    mine = Mine.from_dict({"type": "push-app", "name": "n", "new": 1})
    assert type(mine) is Mine and mine.name == "n" and mine.additional_properties == {"new": 1}
    assert seen and seen[0][0] is NotificationType.PUSH_APP
    plain = Notification.from_dict({"type": "push-app", "name": "n", "new": 1})
    built = Notification(type_=NotificationType.PUSH_APP, name="n")
    built.additional_properties = {"new": 1}
    assert plain == built and type(plain) is Notification  # attrs' eq: every field, additional ones too
    assert plain.to_dict() == mine.to_dict() == {"new": 1, "type": "push-app", "name": "n"}


def test_there_is_one_unset() -> None:
    assert Unset() is UNSET
    assert copy.copy(UNSET) is UNSET and copy.deepcopy(UNSET) is UNSET
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET
    assert not UNSET and repr(UNSET) == "UNSET"
    with pytest.raises(AttributeError):
        UNSET.x = 1  # type: ignore[attr-defined]


def test_a_model_copied_or_unpickled_keeps_unset() -> None:
    from np6_api.models import Notification, NotificationType

    notification = Notification(type_=NotificationType.PUSH_APP, name="n")
    for copied in (copy.deepcopy(notification), pickle.loads(pickle.dumps(notification))):
        assert copied.id is UNSET
        assert copied.to_dict() == {"type": "push-app", "name": "n"}


def test_a_parsed_model_keeps_no_reference_to_the_input_dict() -> None:
    from np6_api.models import Notification

    doc = {"type": "push-app", "name": "n", "brand-new": [1]}
    parsed = Notification.from_dict(doc)
    assert parsed.additional_properties == {"brand-new": [1]}
    parsed.additional_properties["more"] = 2
    doc["name"] = "changed"
    assert doc == {"type": "push-app", "name": "changed", "brand-new": [1]} and parsed.name == "n"
    empty = Notification.from_dict({"type": "push-app"})
    empty.additional_properties["x"] = 1
    assert Notification.from_dict({"type": "push-app"}).additional_properties == {}


def test_the_reference_is_the_templates_of_e3887c0_and_differs_from_today() -> None:
    """The frozen templates are those of e3887c0 (when git can tell), and not today's (or the parity
    tests would compare a package with itself)."""
    today = ROOT / "openapi" / "templates"
    frozen = {
        p.relative_to(REFERENCE_TEMPLATES): p.read_bytes() for p in REFERENCE_TEMPLATES.rglob("*.jinja")
    }
    current = {p.relative_to(today): p.read_bytes() for p in today.rglob("*.jinja")}
    assert frozen.keys() <= current.keys()
    assert any(frozen[k] != current[k] for k in frozen)
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", "e3887c0", "openapi/templates"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip("no git history here: the frozen copy cannot be checked against e3887c0")
    names = {Path(n).relative_to("openapi/templates") for n in proc.stdout.split()}
    assert names == set(frozen)
    for name in names:
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"e3887c0:openapi/templates/{name}"],
            capture_output=True,
            check=True,
        )
        assert shown.stdout == frozen[name], name
