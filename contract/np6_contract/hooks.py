"""The schemathesis wiring NP6 needs: vendor media types, and the run's guard in the request path.

Two layers, on purpose. A `before_call` hook rewrites each generated request so it is safe (our own ids, our
name prefix, the user's contacts) before schemathesis re-checks whether the data still fits the schema. The
transport itself then enforces the guard on every request that leaves, including the extra requests checks
send on their own (e.g. `ignored_auth` probes), and records created ids and, with `--record`, the exchanges.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

import schemathesis
from schemathesis import Case as _Case
from schemathesis.core import NOT_SET
from schemathesis.core.transport import Response
from schemathesis.transport.requests import REQUESTS_TRANSPORT, RequestsTransport

from np6_contract.record import Recorder
from np6_contract.safety import RunGuard

Case = _Case[Any]

#: NP6 bodies that are JSON under a vendor media type (without `+json`, so schemathesis does not know them).
VENDOR_MEDIA_TYPES = ["application/vnd.np6.cm.email", "application/vnd.np6.cm.sms"]


def register_media_types() -> None:
    """Serialize NP6's vendor bodies as JSON (otherwise: "Serialization not possible"). Idempotent."""
    schemathesis.serializer.alias(VENDOR_MEDIA_TYPES, "application/json")


def operation_id_of(case: Case) -> str:
    raw = case.operation.definition.raw
    return str(raw.get("operationId") or case.operation.label)


def _body(case: Case) -> Any:
    return None if case.body is NOT_SET else case.body


class GuardedTransport(RequestsTransport):
    """The requests transport with the run's guard and recorder in front of every send."""

    def __init__(self, guard: RunGuard, recorder: Recorder | None) -> None:
        super().__init__()
        self._copy_serializers_from(REQUESTS_TRANSPORT)
        self.guard = guard
        self.recorder = recorder

    def send(self, case: Case, *, session: Any = None, **kwargs: Any) -> Response:
        operation_id = operation_id_of(case)
        path_parameters = case.path_parameters or {}
        self.guard.enforce(operation_id, case.method, case.operation.path, path_parameters, _body(case))
        response = super().send(case, session=session, **kwargs)
        try:
            payload = json.loads(response.content) if response.content else None
        except ValueError:
            payload = None
        self.guard.observe(operation_id, path_parameters, response.status_code, payload)
        if self.recorder is not None:
            request = response.request
            self.recorder.record(
                operation_id=operation_id,
                method=str(request.method),
                url=str(request.url),
                request_headers={str(k): str(v) for k, v in request.headers.items()},
                request_body=request.body if isinstance(request.body, (bytes, str)) else None,
                status=response.status_code,
                response_headers={name: ", ".join(values) for name, values in response.headers.items()},
                response_body=response.content,
                elapsed=response.elapsed,
            )
        return response


def guard_schema(schema: schemathesis.BaseSchema, transport: GuardedTransport) -> schemathesis.BaseSchema:
    """Make `schema` (and its clones) send through `transport`.

    `BaseSchema.transport` is a property used for every request of the engine and of the checks; a per-run
    subclass overrides it. Clones keep the class, so filters applied later keep the guard.
    """
    base = type(schema)
    guarded = type(f"Guarded{base.__name__}", (base,), {"transport": property(lambda _self: transport)})
    schema.__class__ = guarded
    return schema


@contextlib.contextmanager
def installed(guard: RunGuard, transport: GuardedTransport) -> Iterator[None]:
    """Register the run's `before_call` hook (a global-only hook in schemathesis 4) for the run's duration.

    It only touches cases of schemas that send through this run's transport, so other schemathesis users in
    the same process (pytest suites) are unaffected, and it is removed when the run ends.
    """

    def before_call(context: schemathesis.HookContext, case: Case, kwargs: dict[str, Any]) -> None:
        if case.operation.schema.transport is not transport:
            return
        case.path_parameters = case.path_parameters or {}
        body = guard.prepare(
            operation_id_of(case), case.method, case.operation.path, case.path_parameters, _body(case)
        )
        if body is not None:
            case.body = body

    register_media_types()
    schemathesis.hook("before_call")(before_call)
    try:
        yield
    finally:
        schemathesis.hooks.unregister(before_call)
