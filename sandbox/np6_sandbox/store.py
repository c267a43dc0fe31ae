"""The sandbox's state: contacts, notifications, actions, the outbox of sent messages, exports and events.

One re-entrant lock guards every read-modify-write, so the store is safe from the event loop, from worker
threads and from tests that poke it directly. Resources are kept as the JSON objects the API returns (they
were validated against the spec on the way in), which keeps the handlers thin and the responses exact.
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from np6_sandbox.events import EventStore

OUTBOX_LIMIT = 100_000  # oldest entries are dropped past this, so a long-running sandbox stays bounded
ACTION_ID_WIDTH = 6
_B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: Outcome names accepted in a contact's `outcomes` (see README: which events a send produces).
OUTCOMES = ("impression", "hit", "bounce", "optout", "open", "redirection", "unsubscribe", "mirror", "form")


def b36(number: int, width: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = _B36[rest] + digits
    return digits.rjust(width, "0")


@dataclass
class Contact:
    """A target (contact) of the account: id, unicity (usually the e-mail address), hash, fields."""

    id: str
    unicity: str
    hash: str
    fields: dict[str, Any] = field(default_factory=dict)
    outcomes: list[str] = field(default_factory=list)

    def footprint(self) -> dict[str, str]:
        return {"type": "footprint", "id": self.id, "unicity": self.unicity, "hash": self.hash}

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "unicity": self.unicity,
            "hash": self.hash,
            "fields": self.fields,
            "outcomes": self.outcomes,
        }


def unicity_hash(unicity: str) -> str:
    return hashlib.md5(unicity.encode()).hexdigest()


class Store:
    """All mutable state of one sandbox."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.events = EventStore()
        self.contacts: dict[str, Contact] = {}
        self._by_unicity: dict[str, Contact] = {}
        self._by_hash: dict[str, Contact] = {}
        self.notifications: dict[int, dict[str, Any]] = {}
        self.actions: dict[str, dict[str, Any]] = {}
        self.outbox: deque[dict[str, Any]] = deque(maxlen=OUTBOX_LIMIT)
        self.exports: list[dict[str, Any]] = []
        self._next_action = 1
        self._contact_seq = 1

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    def clear(self) -> None:
        with self.lock:
            self.contacts.clear()
            self._by_unicity.clear()
            self._by_hash.clear()
            self.notifications.clear()
            self.actions.clear()
            self.outbox.clear()
            self.exports.clear()
            self.events.clear()
            self._next_action = 1
            self._contact_seq = 1

    def close(self) -> None:
        self.events.close()

    # ------------------------------------------------------------------ contacts

    def add_contact(
        self,
        unicity: str,
        *,
        id: str | None = None,
        hash: str | None = None,
        fields: dict[str, Any] | None = None,
        outcomes: list[str] | None = None,
    ) -> Contact:
        """Add or replace a contact (same id, or same unicity when no id is given)."""
        with self.lock:
            if id is None:
                existing = self._by_unicity.get(unicity)
                id = existing.id if existing else self._new_contact_id()
            contact = Contact(
                id=id,
                unicity=unicity,
                hash=(hash or unicity_hash(unicity)).lower(),
                fields=dict(fields or {}),
                outcomes=list(outcomes or []),
            )
            old = self.contacts.pop(id, None)
            if old is not None:
                self._by_unicity.pop(old.unicity, None)
                self._by_hash.pop(old.hash, None)
            self.contacts[id] = contact
            self._by_unicity[contact.unicity] = contact
            self._by_hash[contact.hash] = contact
            return contact

    def _new_contact_id(self) -> str:
        while True:
            candidate = "000S" + b36(self._contact_seq, 4)
            self._contact_seq += 1
            if candidate not in self.contacts:
                return candidate

    def find_contact(
        self, *, id: str | None = None, unicity: str | None = None, hash: str | None = None
    ) -> Contact | None:
        """Look a contact up by exactly the keys given (all given keys must agree)."""
        with self.lock:
            found: Contact | None = None
            for index, key in (
                (self.contacts, id),
                (self._by_unicity, unicity),
                (self._by_hash, (hash or "").lower() or None),
            ):
                if key is None:
                    continue
                contact = index.get(key)
                if contact is None or (found is not None and contact is not found):
                    return None
                found = contact
            return found

    # ------------------------------------------------------------------ ids

    def new_notification_id(self) -> int:
        with self.lock:
            return max(self.notifications, default=0) + 1

    def new_action_id(self) -> str:
        with self.lock:
            while True:
                candidate = b36(self._next_action, ACTION_ID_WIDTH)
                self._next_action += 1
                if candidate not in self.actions:
                    return candidate

    def reserve_action_id(self, action_id: str) -> None:
        """Seeded ids like 000PE4 move the counter past them, so new actions read like NP6's (000PE5...)."""
        with self.lock:
            try:
                value = int(action_id, 36)
            except ValueError:
                return
            self._next_action = max(self._next_action, value + 1)

    # ------------------------------------------------------------------ outbox

    def record(self, entry: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            entry = {"id": str(uuid.uuid4()), "time": self.now_ms(), **entry}
            self.outbox.append(entry)
            return entry
