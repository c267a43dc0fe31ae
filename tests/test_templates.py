"""The template overrides in openapi/templates/, proven on tests/fixtures/toy-spec.yaml.

The toy spec has the NP6 shapes the stock templates get wrong: required bodies with two vendor media
types (lists and single objects, issue #1451), int and str enums meeting values the spec does not list,
and a oneOf told apart by `const` with a last fallback variant. The toy package is generated once into a
temp dir under another import name (generated code only uses relative imports).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
import respx

from support import ROOT, run_regen

TOY_SPEC = ROOT / "tests" / "fixtures" / "toy-spec.yaml"
PKG = "np6_toy_api"
BASE = "https://np6.test/v8"
EMAIL = "application/vnd.np6.cm.email"
SMS = "application/vnd.np6.cm.sms"

# One xdist worker for the module: the toy client is generated (scripts/regen.sh) once.
pytestmark = pytest.mark.xdist_group("toy-regen")


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("toy")
    proc = run_regen(TOY_SPEC, out=root / PKG)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PKG)
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == PKG or n.startswith(PKG + ".")]:
            del sys.modules[name]


def mod(name: str) -> Any:
    return importlib.import_module(f"{PKG}.{name}")


@pytest.fixture
def client(toy: ModuleType) -> Any:
    return toy.AuthenticatedClient(base_url=BASE, token="KEY", prefix="", auth_header_name="X-Key")


def test_every_toy_module_imports(toy: ModuleType) -> None:
    for info in pkgutil.walk_packages(toy.__path__, PKG + "."):
        importlib.import_module(info.name)


# --- multi-body endpoints (issue #1451) ------------------------------------------------------------


def test_multi_body_stays_required(toy: ModuleType) -> None:
    import inspect

    for op in ("create_execution", "create_executions"):
        param = inspect.signature(mod(f"api.default.{op}").sync_detailed).parameters["body"]
        assert param.default is inspect.Parameter.empty, op
        assert "Unset" not in str(param.annotation), op


@pytest.mark.parametrize(
    ("make_body", "content_type"),
    [
        (lambda m: [m.ExecutionEmailRequest(email="a@example.com")], EMAIL),
        (lambda m: [m.ExecutionSmsRequest(phone="+33600000000")], SMS),
        (lambda m: [], EMAIL),  # documented: an empty list goes out as the first media type
    ],
    ids=["email-list", "sms-list", "empty-list"],
)
def test_list_body_sent_with_its_own_content_type(client: Any, make_body: Any, content_type: str) -> None:
    body = make_body(mod("models"))
    with respx.mock(base_url=BASE) as mock:
        route = mock.post("/actions/a1/executions").respond(
            201, json={"id": "x1", "state": 1, "verdict": "ok"}
        )
        resp = mod("api.default.create_executions").sync_detailed("a1", client=client, body=body)
    request = route.calls.last.request
    assert resp.status_code == 201
    assert request.headers["Content-Type"] == content_type
    assert request.headers["X-Key"] == "KEY"
    assert json.loads(request.content) == [item.to_dict() for item in body]


@pytest.mark.parametrize(
    ("make_body", "content_type"),
    [
        (lambda m: m.ExecutionEmailRequest(email="a@example.com"), EMAIL),
        (lambda m: m.ExecutionSmsRequest(phone="+33600000000"), SMS),
    ],
    ids=["email", "sms"],
)
def test_single_body_sent_with_its_own_content_type(client: Any, make_body: Any, content_type: str) -> None:
    body = make_body(mod("models"))
    with respx.mock(base_url=BASE) as mock:
        route = mock.post("/actions/a1/execution").respond(
            201, json={"id": "x1", "state": 1, "verdict": "ok"}
        )
        mod("api.default.create_execution").sync_detailed("a1", client=client, body=body)
    request = route.calls.last.request
    assert request.headers["Content-Type"] == content_type
    assert json.loads(request.content) == body.to_dict()


def test_body_of_no_declared_type_is_refused_before_any_io(client: Any) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        route = mock.post("/actions/a1/execution")
        with pytest.raises(TypeError, match="unsupported type dict"):
            mod("api.default.create_execution").sync_detailed(
                "a1", client=client, body={"email": "a@example.com"}
            )
    assert not route.called


# --- forward-compatible enums ----------------------------------------------------------------------


def test_known_enum_values_are_the_members(toy: ModuleType) -> None:
    state, verdict = mod("models.state").State, mod("models.verdict").Verdict
    assert state(1) is state.VALUE_1
    assert verdict("ok") is verdict.OK


def test_unknown_enum_values_come_through_raw(toy: ModuleType) -> None:
    state, verdict = mod("models.state").State, mod("models.verdict").Verdict
    unknown_int, unknown_str = state(100), verdict("weird")
    assert (unknown_int.value, unknown_int.name, str(unknown_int)) == (100, "UNKNOWN", "100")
    assert (unknown_str.value, unknown_str.name, str(unknown_str)) == ("weird", "UNKNOWN", "weird")
    assert isinstance(unknown_int, state) and isinstance(unknown_str, verdict)
    assert unknown_int == 100 and unknown_str == "weird"
    # pseudo-members are not cached: the class still lists only what the spec lists
    assert 100 not in state._value2member_map_ and "weird" not in verdict._value2member_map_
    assert len(state) == 3 and len(verdict) == 2


@pytest.mark.parametrize(("enum", "value"), [("state", "1"), ("state", 1.5), ("verdict", 3)])
def test_enum_values_of_the_wrong_type_still_raise(toy: ModuleType, enum: str, value: Any) -> None:
    cls = {"state": mod("models.state").State, "verdict": mod("models.verdict").Verdict}[enum]
    with pytest.raises(ValueError):
        cls(value)


def test_model_with_unknown_enum_values_parses_and_round_trips(toy: ModuleType) -> None:
    data = {"id": "x1", "state": 7, "verdict": "postponed"}
    execution = mod("models").Execution.from_dict(data)
    assert execution.state.value == 7 and execution.verdict.value == "postponed"
    assert execution.to_dict() == data


# --- oneOf told apart by `const`, with a fallback variant --------------------------------------------


def test_one_of_picks_the_variant_and_falls_back(client: Any) -> None:
    models = mod("models")
    payload = [
        {"type": "click", "url": "https://x", "verdict": "ok"},
        {"type": "open", "state": 2},
        {"type": "click", "url": "https://x", "verdict": "brand-new"},  # unknown enum value
        {"type": "open", "state": 42},  # unknown int enum value
        {"type": "bounce", "reason": "full"},  # unknown kind
    ]
    with respx.mock(base_url=BASE) as mock:
        mock.get("/events").mock(return_value=httpx.Response(200, json=payload))
        events = mod("api.default.list_events").sync(client=client)
    assert [type(e) for e in events] == [
        models.ClickEvent,
        models.OpenEvent,
        models.ClickEvent,
        models.OpenEvent,
        models.UnknownEvent,
    ]
    assert events[2].verdict.value == "brand-new"
    assert events[3].state.value == 42
    assert events[4].type_ == "bounce"
    assert events[4].additional_properties == {"reason": "full"}
    assert [e.to_dict() for e in events] == payload


# --- readable printing -------------------------------------------------------------------------------


def test_models_print_only_the_fields_that_are_set(toy: ModuleType) -> None:
    models = mod("models")
    click = models.ClickEvent.from_dict({"type": "click", "url": "https://x"})
    assert repr(click) == "ClickEvent(type='click', url='https://x')"  # no UNSET verdict, `type_` as `type`
    opened = models.OpenEvent.from_dict({"type": "open", "state": 2})
    assert repr(opened) == "OpenEvent(type='open', state=State(2))"
    execution = models.Execution.from_dict({"id": "x1", "state": 1, "verdict": "ok"})
    assert repr(execution) == "Execution(id='x1', state=State(1), verdict=Verdict('ok'))"


def test_fields_the_spec_does_not_list_are_printed_too(toy: ModuleType) -> None:
    event = mod("models").UnknownEvent.from_dict({"type": "bounce", "reason": "full"})
    assert repr(event) == "UnknownEvent(type='bounce', additional_properties={'reason': 'full'})"


def test_enums_print_as_their_value_known_or_not(toy: ModuleType) -> None:
    state, verdict = mod("models.state").State, mod("models.verdict").Verdict
    assert (repr(state(1)), repr(state(100))) == ("State(1)", "State(100)")
    assert (repr(verdict("ok")), repr(verdict("weird"))) == ("Verdict('ok')", "Verdict('weird')")


def test_unset_prints_as_unset(toy: ModuleType) -> None:
    assert repr(mod("types").UNSET) == "UNSET"
    assert repr(mod("models").ClickEvent(type_="click", url="u").verdict) == "UNSET"


# --- the client used alone: NP6's X-Key, and no key in a repr ---------------------------------------------


def test_authenticated_client_sends_the_key_as_x_key_by_default(toy: ModuleType) -> None:
    client = toy.AuthenticatedClient(base_url=BASE, token="s3cr3t-KEY")
    with respx.mock(base_url=BASE) as mock:
        route = mock.get("/events").respond(200, json=[])
        assert mod("api.default.list_events").sync(client=client) == []
    request = route.calls.last.request
    assert request.headers["X-Key"] == "s3cr3t-KEY"
    assert "Authorization" not in request.headers


@pytest.mark.parametrize("kind", ["AuthenticatedClient", "Client"])
def test_client_repr_never_shows_the_key_even_after_a_request(toy: ModuleType, kind: str) -> None:
    key = "s3cr3t-KEY"
    if kind == "Client":
        client = toy.Client(base_url=BASE, headers={"X-Key": key})
    else:
        client = toy.AuthenticatedClient(base_url=BASE, token=key)
    with respx.mock(base_url=BASE) as mock:
        route = mock.get("/events").respond(200, json=[])
        mod("api.default.list_events").sync(client=client)
        assert route.calls.last.request.headers["X-Key"] == key
    assert key not in repr(client)
    assert key not in repr(client.with_headers({"Accept": "application/json"}))
