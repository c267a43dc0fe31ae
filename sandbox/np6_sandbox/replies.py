"""What a handler receives (a validated call) and gives back (a reply), kept free of HTTP details.

Handlers are plain functions `(Call) -> Reply` over the store: the dispatcher (app.py) does auth, faults,
parameter/body validation before them and response validation after them, so handlers only hold NP6 logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from np6_sandbox.events import EventQuery
from np6_sandbox.spec import Spec
from np6_sandbox.store import Store


@dataclass
class Call:
    """A request that passed auth and validation: typed path/query values and the parsed JSON body."""

    store: Store
    spec: Spec
    operation_id: str
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    media_type: str | None
    request_id: str


@dataclass
class Reply:
    """A response to send: a status with a JSON body, no body (`body` None), or a stream of stored events."""

    status: int
    body: Any = None
    events: EventQuery | None = None
    headers: dict[str, str] = field(default_factory=dict)


def ok(body: Any, status: int = 200) -> Reply:
    return Reply(status, body)


def empty(status: int) -> Reply:
    return Reply(status)


class Problem(Exception):
    """Raised by handlers and validation: NP6 answers most errors with an empty body (409, 404, 415...).

    Only 400 gets a short JSON body naming the field, as the issue asks; the spec declares no body for it,
    so clients must not rely on it.
    """

    def __init__(
        self, status: int, field: str | None = None, detail: str | None = None, error: str = "invalid request"
    ):
        super().__init__(status, field, detail)
        self.status = status
        self.field = field
        self.detail = detail
        self.error = error

    def reply(self) -> Reply:
        if self.status != 400:
            return empty(self.status)
        body: dict[str, Any] = {"error": self.error}
        if self.field is not None:
            body["field"] = self.field
        if self.detail is not None:
            body["detail"] = self.detail
        return Reply(400, body)


class FieldError(ValueError):
    """A value refused before it is used, naming its field: a dotted path, "(body)" for a whole body."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(f"{field}: {detail}")
        self.field = field
        self.detail = detail


def bad(field: str, detail: str, error: str = "invalid body") -> Problem:
    return Problem(400, field=field, detail=detail, error=error)
