"""Run schemathesis against one server under the run's guard, and turn its events into a RunResult.

The engine does the testing (examples, coverage, fuzzing and, when writes are allowed, the stateful phase
driven by the spec's links); this module decides what it may touch, creates the resources writes are aimed
at, collects results per operation, and always cleans up what the run created.
"""

from __future__ import annotations

import copy
import importlib.resources
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import schemathesis
import yaml
from schemathesis.engine import Status, events, from_schema

from np6_contract import hooks
from np6_contract._yaml import SAFE_LOADER
from np6_contract.record import Recorder
from np6_contract.redact import Redactor
from np6_contract.report import FailureDetail, OperationResult, RunResult
from np6_contract.safety import Category, Contact, Policy, RefusedRequest, RunGuard, categorize, cleanup_order

HTTP_METHODS = ("get", "put", "post", "delete", "patch")

#: Checks meaningful against any server, live accounts included.
BASE_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "ignored_auth",
)
#: With --negative: invalid data must be rejected, a missing required header too.
NEGATIVE_CHECKS = ("negative_data_rejection", "missing_required_header")
#: With --allow-writes: a deleted resource is gone, a created one is there.
STATEFUL_CHECKS = ("use_after_free", "ensure_resource_availability")
#: Never: they fail falsely against NP6 (positive data meets 404/409 on ids that do not exist; undeclared
#: methods would send writes, and gateways answer OPTIONS with 200).
OFF_CHECKS = (
    "positive_data_acceptance",
    "unsupported_method",
    "allow_header_conformance",
    "object_level_authorization",
)


@dataclass
class Options:
    """Everything a run needs; the command line fills it."""

    base_url: str
    api_key: str
    allow_writes: bool = False
    allow_sends: bool = False
    send_to: tuple[Contact, ...] = ()
    seed: int | None = None
    max_examples: int = 10
    negative: bool = False
    stateful_steps: int = 10
    record_dir: Path | None = None
    spec: Path | None = None
    request_timeout: float = 30.0
    operations: tuple[str, ...] = ()  # restrict to these operation ids (debugging a single operation)
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing", "stateful")


@dataclass(frozen=True)
class OperationSpec:
    operation_id: str
    method: str
    path: str

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


def default_spec_path() -> Path:
    """The spec shipped with the generated client (np6_api/openapi.yaml): the one the SDK was built from."""
    return Path(str(importlib.resources.files("np6_api").joinpath("openapi.yaml")))


def load_spec(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.load(handle, Loader=SAFE_LOADER)
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: not an OpenAPI document")
    return loaded


def list_operations(spec: dict[str, Any]) -> list[OperationSpec]:
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                found.append(OperationSpec(str(operation["operationId"]), method.upper(), path))
    return found


def _phase(name: str, options: Options, **extra: Any) -> dict[str, Any]:
    return {"enabled": name in options.phases, **extra}


def build_config(options: Options, stateful: bool) -> dict[str, Any]:
    """The schemathesis configuration of this run (same shape as a schemathesis.toml)."""
    checks: dict[str, Any] = {name: {"enabled": True} for name in BASE_CHECKS}
    for name in NEGATIVE_CHECKS:
        checks[name] = {"enabled": options.negative}
    for name in STATEFUL_CHECKS:
        checks[name] = {"enabled": stateful}
    for name in OFF_CHECKS:
        checks[name] = {"enabled": False}
    config: dict[str, Any] = {
        "base-url": options.base_url.rstrip("/"),
        "color": False,
        "request-timeout": options.request_timeout,
        "auth": {"openapi": {"ApiKey": {"api_key": options.api_key}}},
        "generation": {
            "mode": "all" if options.negative else "positive",
            "max-examples": options.max_examples,
            "deterministic": options.seed is not None,
            "database": "none",
        },
        "checks": checks,
        "phases": {
            "examples": _phase("examples", options, **{"fill-missing": True}),
            "coverage": _phase("coverage", options, **{"unexpected-methods": []}),
            "fuzzing": _phase("fuzzing", options),
            "stateful": {
                "enabled": stateful and "stateful" in options.phases,
                "max-steps": options.stateful_steps,
            },
        },
        "suppress-health-check": ["all"],
    }
    if options.seed is not None:
        config["seed"] = options.seed
    return config


# ---------------------------------------------------------------------------------------------- fixtures
def _example(spec: dict[str, Any], path: str) -> dict[str, Any]:
    content = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    example = content["examples"]["reference"]
    if "$ref" in example:
        example = spec["components"]["examples"][example["$ref"].rsplit("/", 1)[1]]
    value = copy.deepcopy(example["value"])
    assert isinstance(value, dict)
    for key in ("id", "creationDate", "stamp"):
        value.pop(key, None)
    return value


class Api:
    """A plain client for the runner's own calls (fixtures and cleanup), outside the engine."""

    def __init__(self, options: Options, guard: RunGuard) -> None:
        self.client = httpx.Client(
            base_url=options.base_url.rstrip("/"),
            headers={"X-Key": options.api_key, "Accept": "application/json"},
            timeout=options.request_timeout,
        )
        self.guard = guard

    def close(self) -> None:
        self.client.close()

    def create(self, spec: dict[str, Any], kind: str) -> str:
        """Create one resource named with the run prefix; return a line for the report."""
        path = "/notifications" if kind == "notification" else "/actions"
        body = _example(spec, path)
        body["name"] = f"{self.guard.prefix}fixture"
        response = self.client.post(path, json=body)
        request_id = response.headers.get("x-request-id")
        if response.status_code == 200:
            resource_id = response.json().get("id")
            if resource_id is not None:
                self.guard.record_created(kind, resource_id)
                return f"created {kind} {resource_id}"
        return f"could not create a {kind}: POST {path} -> {response.status_code} (x-request-id {request_id})"

    def delete(self, kind: str, resource_id: str) -> tuple[bool, str]:
        path = f"/{kind}s/{resource_id}"
        response = self.client.delete(path)
        if response.status_code == 409 and kind == "action":
            # A validated action must be unvalidated before it can go.
            self.client.request("DELETE", f"{path}/validation", json={})
            response = self.client.delete(path)
        ok = response.status_code in (200, 204, 404)
        if ok:
            self.guard.record_deleted(kind, resource_id)
        rid = response.headers.get("x-request-id")
        return ok, f"DELETE {path} -> {response.status_code} (x-request-id {rid})"

    def sweep(self) -> Iterator[tuple[str, str]]:
        """(kind, id) of resources named with this run's prefix that the run did not see created."""
        for kind, path in (("notification", "/notifications"), ("action", "/actions")):
            try:
                response = self.client.get(path)
                items = response.json() if response.status_code == 200 else []
            except (httpx.HTTPError, ValueError):
                continue
            for item in items if isinstance(items, list) else []:
                if not isinstance(item, dict) or item.get("id") is None:
                    continue
                name = item.get("name")
                resource_id = str(item["id"])
                ours = isinstance(name, str) and name.startswith(self.guard.prefix)
                if ours and (kind, resource_id) not in self.guard.deleted:
                    yield kind, resource_id


def cleanup(api: Api, result: RunResult) -> None:
    """Delete what this run created (ids it saw, then names with its prefix), whatever happened before."""
    targets = list(cleanup_order(api.guard))
    try:
        targets += [t for t in api.sweep() if t not in targets]
    except httpx.HTTPError as exc:
        result.cleanup_failures.append(f"listing resources to clean up: {exc}")
    for kind, resource_id in targets:
        try:
            ok, line = api.delete(kind, resource_id)
        except httpx.HTTPError as exc:
            ok, line = False, f"DELETE /{kind}s/{resource_id}: {exc}"
        (result.cleanup if ok else result.cleanup_failures).append(line)


# ---------------------------------------------------------------------------------------------- events
def _header(headers: dict[str, list[str]], name: str) -> str | None:
    for key, values in headers.items():
        if key.lower() == name and values:
            return values[0]
    return None


class Collector:
    """Folds engine events into per-operation results."""

    def __init__(self, results: dict[str, OperationResult], labels: dict[str, str], secret: str) -> None:
        self.results = results
        self.labels = labels
        self._redactor = Redactor((secret,))

    def scrub(self, text: str) -> str:
        """Whatever reaches the report from the server or the engine, with the key masked (any length)."""
        return self._redactor.text(text)

    def handle(self, event: events.EngineEvent) -> None:
        if isinstance(event, events.ScenarioFinished):
            self._scenario(event)
        elif isinstance(event, events.NonFatalError):
            op = self.results.get(self.labels.get(event.label, ""))
            message = self.scrub(_error_text(event.value))
            if op is not None:
                if message not in op.errors:
                    op.errors.append(message)
            else:
                raise _RunError(f"{event.label}: {message}")
        elif isinstance(event, events.FatalError):
            raise _RunError(self.scrub(_error_text(event.exception)))

    def _scenario(self, event: events.ScenarioFinished) -> None:
        recorder = event.recorder
        phase = event.phase.value
        if event.status == Status.SKIP and event.label in self.labels and event.skip_reason:
            self.results[self.labels[event.label]].engine_skip = event.skip_reason
        for case_id, node in recorder.cases.items():
            op = self.results.get(hooks.operation_id_of(node.value))
            if op is None or case_id not in recorder.interactions:
                continue
            op.cases += 1
        for case_id, checks in recorder.checks.items():
            owner = recorder.cases.get(case_id)
            if owner is None:
                continue
            op = self.results.get(hooks.operation_id_of(owner.value))
            if op is None:
                continue
            for check in checks:
                op.checks += 1
                if check.status == Status.FAILURE and check.failure_info is not None:
                    op.add_failure(
                        self._detail(check.name, check.failure_info.failure, recorder, case_id, phase)
                    )
                elif check.status == Status.ERROR:
                    op.errors.append(f"check {check.name} crashed")

    def _detail(self, check: str, failure: Any, recorder: Any, case_id: str, phase: str) -> FailureDetail:
        interaction = recorder.interactions.get(case_id)
        method = url = body = ""
        status = request_id = None
        if interaction is not None:
            method, url = interaction.request.method, interaction.request.uri
            raw = interaction.request.body or b""
            body = self.scrub(raw.decode("utf-8", errors="replace"))[:300]
            if interaction.response is not None:
                status = interaction.response.status_code
                request_id = _header(interaction.response.headers, "x-request-id")
        return FailureDetail(
            check=check,
            title=str(failure.title),
            message=self.scrub(str(failure.message)),
            method=method,
            url=self.scrub(url),
            body=self.scrub(body),
            status=status,
            request_id=request_id,
            phase=phase,
        )


class _RunError(Exception):
    pass


def _error_text(error: BaseException) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, RefusedRequest):
            return f"guard: {cause}"
        cause = cause.__cause__ or cause.__context__
    return f"{type(error).__name__}: {error}"


# ---------------------------------------------------------------------------------------------- run
@dataclass
class Plan:
    operations: list[OperationSpec]
    results: dict[str, OperationResult] = field(default_factory=dict)

    @property
    def included(self) -> list[str]:
        return [o.operation_id for o in self.operations if self.results[o.operation_id].skip_reason is None]


def plan(spec: dict[str, Any], options: Options, policy: Policy) -> Plan:
    """Which operations run and, for the others, why not."""
    operations = list_operations(spec)
    result = Plan(operations)
    for op in operations:
        reason = policy.skip_reason(op.operation_id, op.method, op.path)
        if options.operations and op.operation_id not in options.operations:
            reason = reason or "not selected (--operation)"
        result.results[op.operation_id] = OperationResult(
            op.operation_id, op.method, op.path, categorize(op.operation_id, op.method).value, reason
        )
    return result


def _skip_without_resource(run_plan: Plan, kind: str, why: str) -> None:
    for op in run_plan.operations:
        res = run_plan.results[op.operation_id]
        writes = res.skip_reason is None and res.category != Category.READ.value
        if writes and "{id}" in op.path and op.path.lstrip("/").startswith(kind):
            res.skip_reason = why


def run(options: Options) -> RunResult:
    """Run the suite once; never raises for a server's misbehaviour (it is in the result)."""
    started = time.monotonic()
    policy = Policy(options.allow_writes, options.allow_sends, options.send_to)
    guard = RunGuard(policy)
    spec = load_spec(options.spec or default_spec_path())
    run_plan = plan(spec, options, policy)
    result = RunResult(options.base_url, options.seed, list(run_plan.results.values()), run_id=guard.run_id)
    recorder = (
        Recorder(options.record_dir, secrets=(options.api_key,)) if options.record_dir is not None else None
    )
    api = Api(options, guard)
    try:
        if options.allow_writes:
            for kind in ("notification", "action"):
                line = api.create(spec, kind)
                result.cleanup.append(line)
                if not guard.created[kind]:
                    _skip_without_resource(run_plan, kind, f"no {kind} of this run to write to ({line})")
        included = run_plan.included
        if included:
            _execute(spec, options, run_plan, included, guard, recorder, result)
    except _RunError as exc:
        result.errors.append(str(exc))
    finally:
        if options.allow_writes:
            cleanup(api, result)
        api.close()
        result.recorded = recorder.count if recorder is not None else 0
        result.elapsed = time.monotonic() - started
        _mask(result, Redactor((options.api_key,)))
    return result


def _mask(result: RunResult, redactor: Redactor) -> None:
    """The key masked in every text of the result that came from a server or the engine (the reports')."""
    result.cleanup = [redactor.text(line) for line in result.cleanup]
    result.cleanup_failures = [redactor.text(line) for line in result.cleanup_failures]
    result.errors = [redactor.text(line) for line in result.errors]
    for op in result.operations:
        op.errors = [redactor.text(line) for line in op.errors]
        op.skip_reason = None if op.skip_reason is None else redactor.text(op.skip_reason)
        op.engine_skip = None if op.engine_skip is None else redactor.text(op.engine_skip)
        for detail in op.failures:
            for name in ("check", "title", "message", "method", "url", "body"):
                setattr(detail, name, redactor.text(getattr(detail, name)))


def _execute(
    spec: dict[str, Any],
    options: Options,
    run_plan: Plan,
    included: list[str],
    guard: RunGuard,
    recorder: Recorder | None,
    result: RunResult,
) -> None:
    hooks.register_media_types()
    config = schemathesis.Config.from_dict(build_config(options, stateful=options.allow_writes))
    loaded = schemathesis.openapi.from_dict(copy.deepcopy(spec), config=config)
    transport = hooks.GuardedTransport(guard, recorder)
    hooks.guard_schema(loaded, transport)
    schema = loaded.include(operation_id=included)
    labels = {o.label: o.operation_id for o in run_plan.operations}
    collector = Collector(run_plan.results, labels, options.api_key)
    with hooks.installed(guard, transport):
        for event in from_schema(schema).execute():
            collector.handle(event)
