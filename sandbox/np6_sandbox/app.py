"""The ASGI application: routes from the spec, one dispatcher that checks every call on the way in and out.

Request path, in order: route (404/405) -> `X-Key` (401) -> injected fault (see faults.py) -> path and query
parameters (400) -> Content-Length (411) -> Content-Type against the operation's request media types (415)
-> body size (413) -> JSON and body schema (400) -> handler -> response validation (when enabled, a response
that does not match the spec is a loud 500 and is recorded in `Sandbox.drift`).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from np6_sandbox import admin, bodies, seed
from np6_sandbox import faults as flt
from np6_sandbox.handlers import HANDLERS
from np6_sandbox.replies import Call, FieldError, Problem, Reply, bad, empty
from np6_sandbox.spec import Operation, Spec, first_error, load_spec
from np6_sandbox.store import Store

log = logging.getLogger("np6_sandbox")

DEFAULT_MAX_BODY = 10 * 1024 * 1024
FRAMEWORK_STATUSES = (401, 405, 411, 413, 415)
_PRINTABLE = re.compile(r"[\x21-\x7e]+")


STREAM_CHECK_FIRST = 50
STREAM_CHECK_EVERY = 1000


def _sampled(index: int) -> bool:
    """Which streamed events response validation re-checks: the first ones, then one in a thousand.

    Every event was validated when it was stored (injected, generated from a validated template, or built by
    a handler), and jsonschema needs milliseconds per event: checking them all again made a 100k-event
    stream take minutes in tests.
    """
    return index < STREAM_CHECK_FIRST or index % STREAM_CHECK_EVERY == 0


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


class TruncatedResponse(Response):
    """The full Content-Length, half the body, then a closed connection."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        await send(
            {"type": "http.response.body", "body": self.body[: len(self.body) // 2], "more_body": True}
        )
        raise flt.DropConnection


def _has_drop(error: BaseException) -> bool:
    if isinstance(error, flt.DropConnection):
        return True
    if isinstance(error, BaseExceptionGroup):
        return any(_has_drop(inner) for inner in error.exceptions)
    return False


def _close_transport(send: Send) -> bool:
    """Close the client connection under uvicorn's h11 cycle (its `send` is a bound method of the cycle)."""
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None or cycle is None:
        return False
    cycle.disconnected = True  # uvicorn must not answer a 500 on our behalf
    transport.close()
    return True


class SpecRoute(Route):
    """A spec path that owns its URL for every method: an undeclared method is 405 here, not a match of a
    templated sibling (PUT /notifications/reactivities must not reach PUT /notifications/{id})."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        return (Match.FULL if match is Match.PARTIAL else match), child


class RequestIdMiddleware:
    """Outermost layer: an `x-request-id` (uuid4) on every response, dropped connections, last-resort 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = str(uuid.uuid4())
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())],
                }
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException as error:
            if _has_drop(error):
                if not _close_transport(send):
                    raise
                return
            if not isinstance(error, Exception):
                raise
            log.exception("np6 sandbox: unhandled error (request %s)", request_id)
            if not started:
                await JSONResponse({"error": "internal error", "request_id": request_id}, 500)(
                    scope, receive, send_with_id
                )


class Sandbox:
    """One emulated NP6 account: spec, state, faults, settings, and the ASGI app serving them."""

    def __init__(
        self,
        *,
        api_keys: Iterable[str] = ("sandbox",),
        seed_data: Mapping[str, Any] | None = None,
        seed_file: str | Path | None = None,
        validate_responses: bool = False,
        max_body: int = DEFAULT_MAX_BODY,
        spec_path: str | Path | None = None,
        clock: Callable[[], float] = time.time,
        admin_token: str | None = None,
        max_generate: int = admin.GENERATE_LIMIT,
    ) -> None:
        self.spec: Spec = load_spec(Path(spec_path) if spec_path else None)
        self.api_keys = tuple(api_keys)
        if not self.api_keys or not all(self.api_keys):
            raise ValueError("at least one non-empty API key is required")
        if admin_token is not None and not _PRINTABLE.fullmatch(admin_token):
            raise ValueError("the admin token must be printable ASCII (it is sent as a header value)")
        self.admin_token = admin_token
        self.validate_responses = validate_responses
        self.max_body = max_body
        self.max_generate = max_generate
        self.faults = flt.Faults()
        self.drift: list[str] = []
        if seed_data is None:
            seed_data = seed.read(Path(seed_file)) if seed_file else seed.DEMO
        self.seed_data = dict(seed_data)
        missing = set(self.spec.operations) - set(HANDLERS)
        if missing:
            raise RuntimeError(f"no handler for {sorted(missing)}")
        self.event_validator = self.spec.component("Event")
        self.store = Store(clock)  # from here on, a failure must remove the store's temporary directory
        try:
            seed.load(self.store, self.spec, self.seed_data)
        except BaseException:
            self.store.close()
            raise
        app = Starlette(routes=self._routes(), exception_handlers={Exception: self._internal_error})
        app.router.redirect_slashes = False
        self.app: ASGIApp = RequestIdMiddleware(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)

    def reset(self, *, empty: bool = False) -> None:
        """Back to the initial data set (or to nothing), with no pending fault."""
        seed.load(self.store, self.spec, {} if empty else self.seed_data)
        self.faults.clear()

    @property
    def operation_ids(self) -> frozenset[str]:
        return frozenset(self.spec.operations)

    def close(self) -> None:
        """Remove what the sandbox created on disk (its events database); safe to call twice."""
        self.store.close()

    # ------------------------------------------------------------------ routing

    def _routes(self) -> list[BaseRoute]:
        by_path: dict[str, dict[str, Operation]] = {}
        for operation in self.spec.operations.values():
            by_path.setdefault(operation.path, {})[operation.method] = operation

        def specificity(path: str) -> tuple[int, ...]:
            # static segments before templated ones: /notifications/reactivities wins over /notifications/{id}
            return tuple(1 if part.startswith("{") else 0 for part in path.strip("/").split("/"))

        routes: list[BaseRoute] = [
            *admin.routes(self),
            Route("/openapi.yaml", self._openapi, methods=["GET"]),
        ]
        for path in sorted(by_path, key=specificity):
            routes.append(SpecRoute(path, self._endpoint(by_path[path]), methods=list(by_path[path])))
        return routes

    def _endpoint(self, operations: dict[str, Operation]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            return await self.dispatch(request, operations[method])

        return endpoint

    async def _openapi(self, request: Request) -> Response:
        return Response(self.spec.raw, media_type="application/yaml")

    async def _internal_error(self, request: Request, error: Exception) -> Response:
        return JSONResponse({"error": "internal error", "request_id": request.state.request_id}, 500)

    # ------------------------------------------------------------------ dispatch

    def authorised(self, request: Request) -> bool:
        key = request.headers.get("x-key", "")
        return any(hmac.compare_digest(key.encode(), known.encode()) for known in self.api_keys)

    async def dispatch(self, request: Request, operation: Operation) -> Response:
        if not self.authorised(request):
            return self._respond(operation, empty(401), None)
        fault = self.faults.take(operation.operation_id)
        if fault is not None and fault.before:
            return self._fault_status(fault)
        try:
            call = await self._call(request, operation)
            reply = HANDLERS[operation.operation_id](call)
        except Problem as problem:
            reply = problem.reply()
        if fault is not None and fault.kind == "delay":
            # Processed, then answered late: a client that timed out cannot know whether a send happened.
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.after and fault.kind in flt.BEFORE_KINDS:
            return self._fault_status(fault)
        return self._respond(operation, reply, fault)

    def _fault_status(self, fault: flt.Fault) -> Response:
        if fault.kind == "drop":
            raise flt.DropConnection
        headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
        return Response(status_code=fault.status, headers=headers)

    async def _call(self, request: Request, operation: Operation) -> Call:
        values: dict[str, dict[str, Any]] = {"path": {}, "query": {}}
        for param in operation.params:
            if param.location == "path":
                raw = request.path_params.get(param.name)
            elif param.location == "query":
                raw = request.query_params.get(param.name)
            else:
                continue
            if raw is None:
                if param.required:
                    raise Problem(400, field=param.name, detail="required", error="invalid parameter")
                continue
            value = param.coerce(raw)
            invalid = first_error(param.validator, value, param.name, decoded=True)
            if invalid:
                raise Problem(400, field=invalid.field, detail=invalid.detail, error="invalid parameter")
            values[param.location][param.name] = value
        body: Any = None
        media: str | None = None
        if operation.bodies:
            if "content-length" not in request.headers and "transfer-encoding" not in request.headers:
                raise Problem(411)
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media not in operation.bodies:
                raise Problem(415)
            raw_body = await bodies.read(request, self.max_body)
            if not raw_body.strip():
                raise bad("(body)", "a JSON request body is required")
            try:
                body = bodies.parse(raw_body)
            except FieldError as error:
                kind = "invalid JSON" if error.field == "(body)" else "invalid body"
                raise Problem(400, field=error.field, detail=error.detail, error=kind) from None
            invalid = first_error(operation.bodies[media], body, decoded=True)
            if invalid:
                raise bad(invalid.field, invalid.detail)
        return Call(
            store=self.store,
            spec=self.spec,
            operation_id=operation.operation_id,
            path=values["path"],
            query=values["query"],
            body=body,
            media_type=media,
            request_id=request.state.request_id,
        )

    # ------------------------------------------------------------------ responses

    def _drifted(self, operation: Operation, status: int, body: Any, has_body: bool) -> str | None:
        """Why a response does not match the spec (None when it does, or when validation is off)."""
        if not self.validate_responses:
            return None
        documented, validator = operation.response_schema(status)
        if not documented:
            return None if status in FRAMEWORK_STATUSES else f"status {status} is not documented"
        if validator is None:
            return f"status {status} has no documented body" if has_body and status != 400 else None
        if not has_body:
            return f"status {status} must have a JSON body"
        invalid = first_error(validator, body)
        return f"{invalid.field}: {invalid.detail}" if invalid else None

    def _drift(self, operation: Operation, reason: str) -> Response:
        message = f"{operation.operation_id}: response drifts from the spec: {reason}"
        log.error("np6 sandbox: %s", message)
        self.drift.append(message)
        return JSONResponse({"error": "sandbox response drift", "detail": message}, 500)

    def _respond(self, operation: Operation, reply: Reply, fault: flt.Fault | None) -> Response:
        if reply.events is not None:
            return self._stream(operation, reply, fault)
        has_body = reply.body is not None
        reason = self._drifted(operation, reply.status, reply.body, has_body)
        if reason:
            return self._drift(operation, reason)
        kind = fault.kind if fault else None
        if kind == "malformed":
            return Response(flt.MALFORMED_BODY, 200, media_type="application/json")
        if not has_body:
            if kind == "truncate":
                raise flt.DropConnection
            return Response(status_code=reply.status, headers=reply.headers or None)
        content = flt.inject_unknown(reply.body) if kind == "unknown_enum" else reply.body
        response_class = TruncatedResponse if kind == "truncate" else Response
        return response_class(
            _json(content), reply.status, headers=reply.headers or None, media_type="application/json"
        )

    def _stream(self, operation: Operation, reply: Reply, fault: flt.Fault | None) -> Response:
        assert reply.events is not None
        kind = fault.kind if fault else None
        if kind == "malformed":
            return Response(flt.MALFORMED_BODY, 200, media_type="application/json")
        batches = self.store.events.batches(reply.events)
        validate = self.validate_responses

        async def body() -> AsyncIterator[bytes]:
            sent = 0
            try:
                yield b"["
                first = True
                while (batch := await anyio.to_thread.run_sync(next, batches, None)) is not None:
                    if validate:
                        for text in batch:
                            if _sampled(sent):
                                invalid = first_error(self.event_validator, json.loads(text), decoded=True)
                                if invalid:
                                    self._drift(operation, f"event {invalid.field}: {invalid.detail}")
                                    raise flt.DropConnection
                            sent += 1
                    if first and kind == "unknown_enum":
                        batch[0] = flt.inject_unknown_text(batch[0])
                    yield (b"" if first else b",") + ",".join(batch).encode()
                    first = False
                    if kind == "truncate":
                        raise flt.DropConnection
                if kind == "truncate":
                    raise flt.DropConnection
                yield b"]"
            finally:
                batches.close()

        return StreamingResponse(body(), reply.status, media_type="application/json")
