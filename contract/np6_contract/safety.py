"""What the suite may send: which operations read, write or send, and the guard in the request path.

The suite runs against live accounts with the user's own key, so safety is not left to test selection alone:
every request goes through `RunGuard.enforce` just before it leaves, and a request that would touch a
resource this run did not create, or reach a contact the user did not name, is refused there.
"""

from __future__ import annotations

import enum
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Category(enum.Enum):
    """How dangerous an operation is against a live account."""

    READ = "read"  # GET: no state change
    WRITE = "write"  # creates, updates, deletes, state changes and previews (POST renders)
    SEND = "send"  # may deliver a real message to a real person


#: Operations that can deliver messages. `activate_notification` is here because an online notification with
#: a task may start executing; `validate_action` because the test phase sends proofs and a validated action
#: with a scheduler may go out.
SEND_OPERATIONS: frozenset[str] = frozenset(
    {
        "test_notification",
        "test_notification_version",
        "execute_notification",
        "execute_notification_batch",
        "activate_notification",
        "validate_action",
        "send_action_messages",
        "send_action_message",
        "send_action_message_to_target",
    }
)

#: Operations whose 2xx answer is a new resource (its `id` is recorded as created by this run).
CREATE_OPERATIONS: Mapping[str, str] = {
    "create_notification": "notification",
    "duplicate_notification": "notification",
    "create_action": "action",
    "duplicate_action": "action",
}

#: Operations that delete the resource named by their `id` path parameter.
DELETE_OPERATIONS: Mapping[str, str] = {"delete_notification": "notification", "delete_action": "action"}

#: Operations that need a test recipient / test segment (an integer) rather than a contact.
SEGMENT_OPERATIONS: frozenset[str] = frozenset(
    {"test_notification", "test_notification_version", "validate_action"}
)

WRITE_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH"})
NAME_PREFIX = "np6-contract-"


def categorize(operation_id: str, method: str) -> Category:
    """Classify an operation; anything that is not a GET is at least a write."""
    if operation_id in SEND_OPERATIONS:
        return Category.SEND
    if method.upper() in ("GET", "HEAD", "OPTIONS"):
        return Category.READ
    return Category.WRITE


def resource_kind(path: str) -> str:
    """`notification` or `action`, from the first segment of an NP6 path."""
    return "action" if path.lstrip("/").startswith("actions") else "notification"


@dataclass(frozen=True)
class Contact:
    """A recipient allowed with `--send-to`: `id:000R4M0T`, `unicity:a@b.c`, `hash:...` or `segment:3`.

    A bare value is a unicity when it holds an `@`, else a contact id.
    """

    kind: str
    value: str

    KINDS = ("id", "unicity", "hash", "segment")

    @classmethod
    def parse(cls, text: str) -> Contact:
        kind, sep, value = text.partition(":")
        if not sep:
            kind, value = ("unicity" if "@" in text else "id"), text
        kind = kind.strip().lower()
        value = value.strip()
        if kind not in cls.KINDS or not value:
            raise ValueError(f"--send-to {text!r}: expected id:ID, unicity:VALUE, hash:HASH or segment:N")
        if kind == "segment" and not value.isdigit():
            raise ValueError(f"--send-to {text!r}: a segment is an integer")
        return cls(kind, value)

    def identifier(self) -> dict[str, Any]:
        """The ContactIdentifier an execution body names this contact with."""
        if self.kind == "unicity":
            return {"type": "unicity", "value": [self.value]}
        return {"type": self.kind, "value": self.value}


class RefusedRequest(Exception):
    """A request the guard will not let out; the message says why."""


@dataclass
class Policy:
    """What the user allowed on the command line."""

    allow_writes: bool = False
    allow_sends: bool = False
    send_to: tuple[Contact, ...] = ()

    def allows(self, category: Category) -> bool:
        if category is Category.READ:
            return True
        if category is Category.WRITE:
            return self.allow_writes
        return self.allow_writes and self.allow_sends and bool(self.contacts)

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.send_to if c.kind != "segment")

    @property
    def segments(self) -> tuple[int, ...]:
        return tuple(int(c.value) for c in self.send_to if c.kind == "segment")

    def skip_reason(self, operation_id: str, method: str, path: str) -> str | None:
        """Why an operation is left out of this run, or None when it runs."""
        category = categorize(operation_id, method)
        if category is Category.WRITE and not self.allow_writes:
            return f"{method} writes: needs --allow-writes"
        if category is Category.SEND:
            if not (self.allow_writes and self.allow_sends):
                return "may send messages: needs --allow-writes --allow-sends"
            if not self.contacts:
                return "may send messages: needs --send-to CONTACT"
            if operation_id in SEGMENT_OPERATIONS and not self.segments:
                return "sends tests/proofs to a test segment: needs --send-to segment:N"
            if operation_id == "send_action_message_to_target" and not any(
                c.kind == "id" for c in self.contacts
            ):
                return "sends to a contact id: needs --send-to id:CONTACT_ID"
        return None


@dataclass
class RunGuard:
    """Per-run state of what may be touched: the ids this run created and the contacts the user named."""

    policy: Policy
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    created: dict[str, list[str]] = field(default_factory=lambda: {"notification": [], "action": []})
    deleted: set[tuple[str, str]] = field(default_factory=set)
    refusals: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _turn: int = 0

    @property
    def prefix(self) -> str:
        """Every name this run writes starts with it, so a human (and the cleanup) can tell them apart."""
        return f"{NAME_PREFIX}{self.run_id}-"

    def is_created(self, kind: str, resource_id: object) -> bool:
        with self._lock:
            return str(resource_id) in self.created[kind]

    def record_created(self, kind: str, resource_id: object) -> None:
        with self._lock:
            if str(resource_id) not in self.created[kind]:
                self.created[kind].append(str(resource_id))

    def record_deleted(self, kind: str, resource_id: object) -> None:
        with self._lock:
            self.deleted.add((kind, str(resource_id)))

    def live_ids(self, kind: str) -> list[str]:
        """Created ids not known deleted (the cleanup deletes these)."""
        with self._lock:
            return [i for i in self.created[kind] if (kind, i) not in self.deleted]

    def _pick(self, items: list[Any]) -> Any:
        with self._lock:
            self._turn += 1
            return items[self._turn % len(items)]

    def own_id(self, kind: str) -> str | None:
        """One of this run's resources, preferring those still alive."""
        candidates = self.live_ids(kind) or list(self.created[kind])
        return self._pick(candidates) if candidates else None

    # ------------------------------------------------------------------ rewriting (before the request)
    def prepare(
        self, operation_id: str, method: str, path: str, path_parameters: dict[str, Any], body: Any
    ) -> Any:
        """Make a generated request safe: aim writes at our own resources, name what we create, rewrite
        recipients to the contacts the user named. Mutates `path_parameters`; returns the body to send."""
        category = categorize(operation_id, method)
        if category is Category.READ:
            return body
        kind = resource_kind(path)
        if "id" in path_parameters and not self.is_created(kind, path_parameters["id"]):
            own = self.own_id(kind)
            if own is not None:
                path_parameters["id"] = (
                    int(own) if kind == "notification" and own.lstrip("-").isdigit() else own
                )
        if isinstance(body, dict) and operation_id in (
            "create_notification",
            "update_notification",
            "create_action",
            "update_action",
        ):
            # A name of the wrong type is the point of a negative case: leave it (the server must reject it,
            # and the id of anything it creates anyway is still recorded from the answer).
            name = body.get("name", "")
            if isinstance(name, str) and not name.startswith(self.prefix):
                body["name"] = self.prefix + name
        if category is Category.SEND:
            body = self._rewrite_recipients(operation_id, path_parameters, body)
        return body

    def _rewrite_recipients(self, operation_id: str, path_parameters: dict[str, Any], body: Any) -> Any:
        contacts = self.policy.contacts
        segments = list(self.policy.segments)
        items = body if isinstance(body, list) else [body]
        for item in items:
            if not isinstance(item, dict):
                continue
            if operation_id in ("send_action_messages", "send_action_message"):
                item["recipient"] = self._pick(list(contacts)).identifier()
                item.pop("related", None)
                item.pop("copies", None)
            elif operation_id in ("execute_notification", "execute_notification_batch"):
                item["recipient"] = {"type": "contact", "value": self._pick(list(contacts)).identifier()}
            elif operation_id in ("test_notification", "test_notification_version") and segments:
                recipient = item.get("recipient")
                kind = recipient.get("type") if isinstance(recipient, dict) else None
                item["recipient"] = {
                    "type": kind if isinstance(kind, str) else "id",
                    "value": self._pick(segments),
                }
            elif operation_id == "validate_action":
                item["testSegments"] = segments
        if operation_id == "send_action_message_to_target":
            ids = [c.value for c in contacts if c.kind == "id"]
            if ids:
                path_parameters["targetId"] = self._pick(ids)
        return body

    # ------------------------------------------------------------------ enforcement (as the request leaves)
    def enforce(
        self, operation_id: str, method: str, path: str, path_parameters: Mapping[str, Any], body: Any
    ) -> None:
        """Raise RefusedRequest unless this exact request is allowed. Last line of defence: `prepare` should
        already have made every request pass."""
        method = method.upper()
        category = categorize(operation_id, method)
        if method not in WRITE_METHODS and category is Category.READ:
            return
        reason = self._refusal(operation_id, method, path, path_parameters, body, category)
        if reason is not None:
            with self._lock:
                self.refusals.append(f"{method} {path} ({operation_id}): {reason}")
            raise RefusedRequest(reason)

    def _refusal(
        self,
        operation_id: str,
        method: str,
        path: str,
        path_parameters: Mapping[str, Any],
        body: Any,
        category: Category,
    ) -> str | None:
        if not self.policy.allow_writes:
            return f"{method} refused: writes are not allowed (--allow-writes)"
        if category is Category.SEND and not self.policy.allows(Category.SEND):
            return "refused: sends are not allowed (--allow-sends --send-to)"
        if "id" in path_parameters and not self.is_created(resource_kind(path), path_parameters["id"]):
            return f"refused: {resource_kind(path)} {path_parameters['id']!r} was not created by this run"
        if category is Category.SEND:
            return self._recipient_refusal(operation_id, path_parameters, body)
        return None

    def _recipient_refusal(
        self, operation_id: str, path_parameters: Mapping[str, Any], body: Any
    ) -> str | None:
        allowed = [c.identifier() for c in self.policy.contacts]
        items = body if isinstance(body, list) else [body]
        for item in items:
            if not isinstance(item, dict):
                continue
            if operation_id in ("send_action_messages", "send_action_message"):
                if item.get("recipient") not in allowed or "copies" in item or "related" in item:
                    return "refused: recipient is not a --send-to contact"
            elif operation_id in ("execute_notification", "execute_notification_batch"):
                recipient = item.get("recipient")
                if not isinstance(recipient, dict) or recipient.get("value") not in allowed:
                    return "refused: recipient is not a --send-to contact"
            elif operation_id in ("test_notification", "test_notification_version"):
                recipient = item.get("recipient")
                if not isinstance(recipient, dict) or recipient.get("value") not in self.policy.segments:
                    return "refused: test recipient is not a --send-to segment"
            elif operation_id == "validate_action":
                segments = item.get("testSegments", [])
                if not isinstance(segments, list) or any(s not in self.policy.segments for s in segments):
                    return "refused: test segments are not --send-to segments"
        if operation_id == "send_action_message_to_target":
            ids = [c.value for c in self.policy.contacts if c.kind == "id"]
            if path_parameters.get("targetId") not in ids:
                return "refused: target is not a --send-to contact id"
        return None

    # ------------------------------------------------------------------ observation (after the response)
    def observe(self, operation_id: str, path_parameters: Mapping[str, Any], status: int, body: Any) -> None:
        """Remember what this run created and deleted, from the server's answers."""
        created = 200 <= status < 300 and operation_id in CREATE_OPERATIONS and isinstance(body, dict)
        if created and isinstance(body, dict) and body.get("id") is not None:
            self.record_created(CREATE_OPERATIONS[operation_id], body["id"])
        if operation_id in DELETE_OPERATIONS and "id" in path_parameters and status in (204, 404):
            self.record_deleted(DELETE_OPERATIONS[operation_id], path_parameters["id"])


def cleanup_order(guard: RunGuard) -> Iterable[tuple[str, str]]:
    """(kind, id) of every resource to delete at the end, newest first (duplicates before their sources)."""
    for kind in ("notification", "action"):
        for resource_id in reversed(guard.live_ids(kind)):
            yield kind, resource_id
