"""Injected faults: make the next N requests of an operation fail in a chosen way.

Kinds (`POST /_sandbox/faults`, see README):

- `status`: answer `status` (default 503) with no body and an optional `Retry-After`;
- `delay`: run the operation, then wait `delay` seconds before answering (a send past the client's timeout
  did happen);
- `drop`: close the connection without any response;
- `drop_after`: run the operation (the message IS sent), then close the connection without a response;
- `truncate`: the real response with its full Content-Length, cut half-way (the operation ran);
- `malformed`: a 200 whose body is not JSON (the operation ran);
- `unknown_enum`: the real response with an unknown enum/kind injected (event `type` "teleport", action
  `informations.state` 101, bounce verdict "weird").

`status` and `drop` act BEFORE the operation's side effects (a 503 on a send did not send); `"after": true`
moves a `status` after them. The others act after. Faults are matched after authentication, so a request
with a wrong key is still 401 and does not consume a fault.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from collections.abc import Mapping, Set
from dataclasses import asdict, dataclass
from typing import Any

from np6_sandbox.replies import FieldError

KINDS = ("status", "delay", "drop", "drop_after", "truncate", "malformed", "unknown_enum")
BEFORE_KINDS = ("status", "drop")
MALFORMED_BODY = b'{"type": "success", "np6-sandbox": malformed'
UNKNOWN = "teleport"


MAX_HEADER_VALUE = 200
# RFC 9110 field-value without obs-text: visible ASCII, inner spaces only (what h11 will send)
_FIELD_VALUE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")


MAX_RETRY_AFTER = 1_000_000_000  # seconds, as a number (a string is checked as a header value only)


def whole(value: object) -> int | None:
    """A JSON integer (JSON Schema counts 5.0 as one) as an int; None for anything else, booleans too."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _header_value(value: object) -> bool:
    """Whether a JSON value can be sent as a header value: a number in 0..1e9, or a clean string."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return False
    if not isinstance(value, str) and not 0 <= value <= MAX_RETRY_AFTER:
        return False
    text = str(value)
    return len(text) <= MAX_HEADER_VALUE and _FIELD_VALUE.fullmatch(text) is not None


class DropConnection(BaseException):
    """Raised to make the server close the connection without (the rest of) a response.

    A BaseException so Starlette's error middleware does not turn it into a 500 on the way out.
    """


@dataclass
class Fault:
    operation: str
    kind: str
    count: int = 1
    status: int = 503
    retry_after: str | None = None
    delay: float = 0.0
    after: bool = False

    @property
    def before(self) -> bool:
        return self.kind in BEFORE_KINDS and not self.after

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def parse(spec: Mapping[str, Any], known_operations: Set[str]) -> Fault:
    """A fault from its admin JSON; FieldError naming the field when it is wrong."""
    operation = spec.get("operation", "*")
    kind = spec.get("kind", "status")
    if not isinstance(operation, str) or (operation != "*" and operation not in known_operations):
        raise FieldError("operation", f"unknown operationId {operation!r} (or use '*')")
    if kind not in KINDS:
        raise FieldError("kind", f"one of {', '.join(KINDS)}")
    count = spec.get("count", 1)
    status = spec.get("status", 503)
    delay = spec.get("delay", 0.0)
    retry_after = spec.get("retry_after")
    after = spec.get("after", False)
    count, status = whole(count), whole(status)
    if count is None or count < 1:
        raise FieldError("count", "a positive integer")
    if status is None or not 200 <= status <= 599:
        raise FieldError("status", "an HTTP status code from 200 to 599")
    if not isinstance(delay, int | float) or isinstance(delay, bool) or not 0 <= delay <= 300:
        raise FieldError("delay", "seconds between 0 and 300")
    if retry_after is not None and not _header_value(retry_after):
        raise FieldError(
            "retry_after",
            f"seconds (0 to {MAX_RETRY_AFTER}) or an HTTP date (a header value: printable ASCII on one "
            f"line, at most {MAX_HEADER_VALUE} characters)",
        )
    if not isinstance(after, bool):
        raise FieldError("after", "a boolean")
    if kind == "drop_after":
        kind, after = "drop", True
    return Fault(
        operation=operation,
        kind=kind,
        count=count,
        status=status,
        retry_after=None if retry_after is None else str(retry_after),
        delay=float(delay),
        after=after,
    )


class Faults:
    """The pending faults, consumed first-in first-out per matching request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._pending.append(fault)

    def take(self, operation_id: str) -> Fault | None:
        with self._lock:
            for fault in self._pending:
                if fault.operation in ("*", operation_id):
                    fault.count -= 1
                    if fault.count == 0:
                        self._pending.remove(fault)
                    return Fault(**{**fault.as_json(), "count": 1})
        return None

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def as_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [fault.as_json() for fault in self._pending]


def inject_unknown(value: Any) -> Any:
    """A copy of a response body with one unknown enum value in it (the first item of a list)."""
    if isinstance(value, list):
        return [inject_unknown(value[0]), *value[1:]] if value else value
    if not isinstance(value, dict):
        return value
    mutated = copy.deepcopy(value)
    informations = mutated.get("informations")
    if isinstance(informations, dict) and "state" in informations:
        informations["state"] = 101
        return mutated
    bounce = (
        mutated.get("source", {}).get("detail", {}).get("bounce")
        if isinstance(mutated.get("source"), dict)
        else None
    )
    if (
        mutated.get("type") == "bounce"
        and isinstance(bounce, dict)
        and isinstance(bounce.get("analysis"), dict)
    ):
        bounce["analysis"]["verdict"] = "weird"
        return mutated
    mutated["type"] = UNKNOWN
    return mutated


def inject_unknown_text(event_json: str) -> str:
    return json.dumps(inject_unknown(json.loads(event_json)), separators=(",", ":"), ensure_ascii=False)
