"""The admin surface under /_sandbox/: reset, contacts, outbox, exports, events and faults.

Admin calls need no `X-Key`: these paths are not NP6's. They answer loopback clients only, unless the sandbox
was started with an admin token (`--admin-token`, `Sandbox(admin_token=...)`): then every admin call, from
anywhere, must carry it in the `X-Sandbox-Admin-Token` header. They answer JSON; a wrong admin body is a 400
`{"error": ..., "detail": ...}` naming the field. See sandbox/README.md.
"""

from __future__ import annotations

import hmac
import ipaddress
import time
import uuid
from collections.abc import Awaitable, Callable, Set
from importlib import resources
from typing import Any, Protocol

import anyio.to_thread
import yaml
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from np6_sandbox import bodies
from np6_sandbox import events as ev
from np6_sandbox import faults as flt
from np6_sandbox.replies import FieldError, Problem
from np6_sandbox.spec import Schema, first_error
from np6_sandbox.store import OUTCOMES, Store

GENERATE_LIMIT = 10_000_000
PREFIX = "/_sandbox"
TOKEN_HEADER = "X-Sandbox-Admin-Token"
_INT64 = (-(2**63), 2**63 - 1)
_INTEGERS = ("count", "start", "step", "activation", "id")  # 5.0 is a JSON Schema integer too
NO_BODY: Any = object()


class AdminTarget(Protocol):
    """What the admin surface works on (the Sandbox), named here so this module does not import app.py."""

    store: Store
    faults: flt.Faults
    max_body: int
    max_generate: int
    admin_token: str | None
    event_validator: Schema

    @property
    def operation_ids(self) -> Set[str]: ...

    def reset(self, *, empty: bool = False) -> None: ...


class AdminError(Exception):
    """A refused admin call: its status, what was wrong and, for a 400, which field (dotted path)."""

    def __init__(self, detail: str, status: int = 400, field: str = "(body)") -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.field = field


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and their IPv4-mapped forms; False for anything else, names included."""
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def refusal(sandbox: AdminTarget, request: Request) -> AdminError | None:
    """Why this admin call is refused (None when it may go on): wrong token, or a non-loopback client."""
    if sandbox.admin_token is not None:
        given = request.headers.get(TOKEN_HEADER.lower(), "")
        # bytes on both sides: compare_digest only takes ASCII str, and a header may hold latin-1 text
        if hmac.compare_digest(given.encode("latin-1"), sandbox.admin_token.encode()):
            return None
        return AdminError(f"the admin surface needs the {TOKEN_HEADER} header given at start-up", 401)
    if not is_loopback(request.client.host if request.client else None):
        return AdminError(
            "the admin surface answers loopback clients only (start the sandbox with --admin-token to "
            "open it to others)",
            403,
        )
    return None


def _int64(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and _INT64[0] <= value <= _INT64[1]


def routes(sandbox: AdminTarget) -> list[BaseRoute]:
    async def body(request: Request) -> Any:
        """The parsed JSON body; NO_BODY when there is none (JSON `null` is a body)."""
        try:
            raw = await bodies.read(request, sandbox.max_body)
        except Problem:
            raise AdminError("request body too large", 413) from None
        if not raw.strip():
            return NO_BODY
        try:
            return bodies.parse(raw)
        except FieldError as error:
            raise AdminError(error.detail, field=error.field) from None

    def wrap(
        handler: Callable[[Request], Awaitable[Any]], status: int = 200
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                refused = refusal(sandbox, request)
                if refused is not None:
                    raise refused
                result = await handler(request)
            except AdminError as error:
                label = "admin access refused" if error.status in (401, 403) else "invalid admin request"
                answer = {"error": label, "detail": error.detail}
                if error.status == 400:
                    answer["field"] = error.field
                return JSONResponse(answer, error.status)
            return Response(status_code=204) if result is None else JSONResponse(result, status)

        return endpoint

    def wrap_raw(
        handler: Callable[[Request], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            refused = refusal(sandbox, request)
            if refused is not None:
                return JSONResponse(
                    {"error": "admin access refused", "detail": refused.detail}, refused.status
                )
            return await handler(request)

        return endpoint

    store = sandbox.store

    def flag(request: Request, name: str, default: bool) -> bool:
        value = request.query_params.get(name)
        if value is None:
            return default
        if value not in ("true", "false"):
            raise AdminError("true or false", field=name)
        return value == "true"

    async def reset(request: Request) -> Any:
        data = await body(request)
        if data is not NO_BODY and not isinstance(data, dict):
            raise AdminError('an object such as {"empty": true}, or no body')
        wipe = data.get("empty", False) if isinstance(data, dict) else False
        if not isinstance(wipe, bool):
            raise AdminError("a boolean", field="empty")
        wipe = flag(request, "empty", False) or wipe
        sandbox.reset(empty=wipe)
        return {"reset": True, "empty": wipe}

    async def list_contacts(request: Request) -> Any:
        with store.lock:
            return [contact.as_json() for contact in store.contacts.values()]

    async def add_contacts(request: Request) -> Any:
        data = await body(request)
        items = data if isinstance(data, list) else [data]
        checked = []
        for index, item in enumerate(items):
            at = f"{index}." if isinstance(data, list) else ""
            if not isinstance(item, dict):
                raise AdminError(
                    "a contact object (or an array of them) is expected", field=at[:-1] or "(body)"
                )
            if not isinstance(item.get("unicity"), str) or not item["unicity"]:
                raise AdminError("a contact needs a non-empty string unicity", field=f"{at}unicity")
            for key in ("id", "hash"):
                if key in item and (not isinstance(item[key], str) or not item[key]):
                    raise AdminError("a non-empty string", field=f"{at}{key}")
            if not isinstance(item.get("fields", {}), dict):
                raise AdminError("an object", field=f"{at}fields")
            outcomes = item.get("outcomes", [])
            if not isinstance(outcomes, list) or any(o not in OUTCOMES for o in outcomes):
                raise AdminError(f"a list of {', '.join(OUTCOMES)}", field=f"{at}outcomes")
            checked.append(item)
        added = [
            store.add_contact(
                item["unicity"],
                id=item.get("id"),
                hash=item.get("hash"),
                fields=item.get("fields"),
                outcomes=item.get("outcomes"),
            ).as_json()
            for item in checked
        ]
        return added if isinstance(data, list) else added[0]

    async def outbox(request: Request) -> Any:
        kind = request.query_params.get("kind")
        with store.lock:
            return [entry for entry in store.outbox if kind is None or entry.get("kind") == kind]

    async def clear_outbox(request: Request) -> Any:
        with store.lock:
            store.outbox.clear()
        return None

    async def exports(request: Request) -> Any:
        with store.lock:
            return list(store.exports)

    async def count_events(request: Request) -> Any:
        return {"count": await anyio.to_thread.run_sync(store.events.count)}

    async def clear_events(request: Request) -> Any:
        await anyio.to_thread.run_sync(store.events.clear)
        return None

    async def inject_events(request: Request) -> Any:
        data = await body(request)
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise AdminError("a JSON array of event objects is expected")
        if flag(request, "validate", True) and not sandbox.event_validator.accepts_all(data):
            for index, item in enumerate(data):
                invalid = first_error(sandbox.event_validator, item, str(index), decoded=True)
                if invalid:
                    raise AdminError(
                        f"{invalid.field}: {invalid.detail} (add ?validate=false to inject it anyway)",
                        field=invalid.field,
                    )
        inserted = await anyio.to_thread.run_sync(store.events.add, data)
        return {"inserted": inserted}

    async def generate_events(request: Request) -> Any:
        data = await body(request)
        if not isinstance(data, dict):
            raise AdminError("an object is expected")
        data = {k: flt.whole(v) if isinstance(v, float) and k in _INTEGERS else v for k, v in data.items()}
        count = flt.whole(data.get("count", 1000))
        if count is None or not 0 < count <= sandbox.max_generate:
            raise AdminError(f"an integer in 1..{sandbox.max_generate}", field="count")
        template = _template(data, store.now_ms())
        invalid = first_error(sandbox.event_validator, template)
        if invalid:
            raise AdminError(
                f"the generated event would not match the spec: {invalid.field}: {invalid.detail}",
                field=invalid.field,
            )
        start = data.get("start", template["timestamp"])
        step = data.get("step", 1)
        if not _int64(step) or step < 0:
            raise AdminError("a non-negative integer (milliseconds)", field="step")
        if not _int64(start) or not _int64(start + (count - 1) * step):
            raise AdminError("an integer (milliseconds) whose events stay within 64 bits", field="start")
        began = time.perf_counter()
        inserted = await anyio.to_thread.run_sync(store.events.generate, template, count, start, step)
        return {"inserted": inserted, "seconds": round(time.perf_counter() - began, 3)}

    async def add_fault(request: Request) -> Any:
        data = await body(request)
        items = data if isinstance(data, list) else [data]
        added = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise AdminError("a fault object (or an array of them) is expected")
            try:
                fault = flt.parse(item, sandbox.operation_ids)
            except FieldError as error:
                where = f"{index}.{error.field}" if isinstance(data, list) else error.field
                raise AdminError(error.detail, field=where) from None
            added.append(fault)
        for fault in added:
            sandbox.faults.add(fault)
        return [fault.as_json() for fault in added]

    async def list_faults(request: Request) -> Any:
        return sandbox.faults.as_json()

    async def clear_faults(request: Request) -> Any:
        sandbox.faults.clear()
        return None

    async def openapi(request: Request) -> Response:
        return Response(yaml.safe_dump(description(sandbox), sort_keys=False), media_type="application/yaml")

    table: dict[str, dict[str, tuple[Callable[[Request], Awaitable[Any]], int]]] = {
        "/reset": {"POST": (reset, 200)},
        "/contacts": {"GET": (list_contacts, 200), "POST": (add_contacts, 201)},
        "/outbox": {"GET": (outbox, 200), "DELETE": (clear_outbox, 204)},
        "/exports": {"GET": (exports, 200)},
        "/events": {"GET": (count_events, 200), "POST": (inject_events, 201), "DELETE": (clear_events, 204)},
        "/events/generate": {"POST": (generate_events, 201)},
        "/faults": {"GET": (list_faults, 200), "POST": (add_fault, 201), "DELETE": (clear_faults, 204)},
    }
    # One route per path, so a wrong method is a 405 whose Allow header lists every method of the path.
    found: list[BaseRoute] = [Route(f"{PREFIX}/openapi.yaml", wrap_raw(openapi), methods=["GET"])]
    for path, methods in table.items():
        endpoints = {method: wrap(handler, status) for method, (handler, status) in methods.items()}

        async def endpoint(request: Request, endpoints: Any = endpoints) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            response: Response = await endpoints[method](request)
            return response

        found.append(Route(f"{PREFIX}{path}", endpoint, methods=list(methods)))
    return found


def description(sandbox: AdminTarget) -> dict[str, Any]:
    """The OpenAPI document of the admin surface, with this sandbox's limits, operation ids and security."""
    document: dict[str, Any] = yaml.safe_load(
        resources.files("np6_sandbox").joinpath("admin.yaml").read_text()
    )
    generate = document["paths"]["/_sandbox/events/generate"]["post"]["requestBody"]["content"]
    generate["application/json"]["schema"]["properties"]["count"]["maximum"] = sandbox.max_generate
    fault = document["components"]["schemas"]["Fault"]["properties"]
    fault["operation"]["enum"] = ["*", *sorted(sandbox.operation_ids)]
    if sandbox.admin_token is not None:
        document["security"] = [{"AdminToken": []}]
    return document


def _template(data: dict[str, Any], now: int) -> dict[str, Any]:
    """One synthetic, spec-valid event for /_sandbox/events/generate."""
    scope = data.get("scope", "notifications")
    kind = data.get("kind", "hit")
    if scope not in ("notifications", "actions"):
        raise AdminError("notifications or actions", field="scope")
    if not isinstance(data.get("link", ""), str):
        raise AdminError("a link type such as open or redirection", field="link")
    if not isinstance(kind, str) or not kind:
        raise AdminError("an event type such as hit, impression, bounce, optout, execution", field="kind")
    footprint = {
        "type": "footprint",
        "id": "000R4M0T",
        "unicity": "example@np6.com",
        "hash": "0441619ab4631d18548aa8835dd2c28b",
    }
    activation_time = data.get("activation", now)
    if not _int64(activation_time):
        raise AdminError("an integer (milliseconds)", field="activation")
    stamp = ev.stamp(activation_time)
    member: dict[str, Any] = {}
    if scope == "notifications":
        scope_id = data.get("id", 156)
        if not isinstance(scope_id, int):
            raise AdminError("a notification id (integer)", field="id")
        if kind == "hit":
            member = {"link": {"type": "redirection", "label": None, "uri": "deeplink://product?id=594"}}
        elif kind == "optout":
            member = {"optout": {"type": "channel", "channel": "notification_channel"}}
        elif kind == "bounce":
            member = {"bounce": ev.PUSH_BOUNCE}
        activation = {
            "id": scope_id,
            "version": str(uuid.uuid4()),
            "kind": "application",
            "receiver": {"type": "contact", "value": footprint},
            "application": str(uuid.uuid4()),
            "subscription": str(uuid.uuid4()),
            "stamp": stamp,
            "channel": "notification_channel",
            "urgent": False,
            "expiration": ev.NO_EXPIRATION,
        }
        return ev.notification_event(kind, now, activation, **member)
    scope_id = data.get("id", "000PE4")
    if not isinstance(scope_id, str):
        raise AdminError("an action id (string)", field="id")
    if kind == "hit":
        link = data.get("link", "open")
        member = {"link": {"type": link, "label": None, "uri": "https://example.com/"}}
    elif kind == "bounce":
        member = {"bounce": ev.MAIL_BOUNCE}
    activation = {
        "id": scope_id,
        "kind": "message",
        "receiver": footprint,
        "stamp": stamp,
        "recipient": footprint["unicity"],
    }
    return ev.message_event(kind, now, activation, **member)
