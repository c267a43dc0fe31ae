"""The demo data set loaded when no seed file is given, and the loader for seed files of the same shape.

Seed shape (JSON): `{"contacts": [...], "notifications": [...], "actions": [...], "events": [...]}`, every
key optional. Contacts are `{"id"?, "unicity", "hash"?, "fields"?, "outcomes"?}` (hash: md5 hex of the
unicity unless given). Notifications and actions are in the API's shape and are validated against the spec;
their `id`s are kept (new ones continue after them), and an action's `informations.state` is kept as given
(so a seed can hold a sendable action at 50). Events are in the API's event shape, stored as given.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from np6_sandbox.handlers import notifications
from np6_sandbox.spec import Spec, first_error
from np6_sandbox.store import Store

DEMO_APPLICATION = "076db4f8-4304-4b8e-b232-4820f2639a8a"

DEMO: dict[str, Any] = {
    "contacts": [
        {
            "id": "000R4M0T",
            "unicity": "example@np6.com",
            "hash": "0441619ab4631d18548aa8835dd2c28b",
            "fields": {"firstname": "Ada", "lastname": "Lovelace", "phone": "+33600000001"},
            "outcomes": ["impression", "hit"],
        },
        {
            "id": "000R4M0U",
            "unicity": "a+b@example.com",
            "fields": {"firstname": "Bob", "lastname": "Plus", "phone": "+33600000002"},
        },
        {
            "id": "000R4M0V",
            "unicity": "bounce@example.com",
            "fields": {"firstname": "Carol", "phone": "+33600000003"},
            "outcomes": ["bounce"],
        },
    ],
    "notifications": [
        {
            "type": "push-app",
            "id": 156,
            "name": "Spring sale",
            "description": "Demo push with two versions (A is master)",
            "active": True,
            "settings": {
                "urgent": False,
                "category": 0,
                "purpose": {"type": "marketing"},
                "expiration": {"type": "none"},
            },
            "application": DEMO_APPLICATION,
            "versions": [
                {
                    "id": "ecce4585-1627-4495-90fc-7bbc27d2ae26",
                    "master": True,
                    "label": "A",
                    "content": {
                        "type": "default",
                        "title": "Hello {{contact.fields.firstname}}",
                        "body": "{{data.product}} is on sale",
                        "icon": "https://cdn.example.com/icon.png",
                        "image": "https://cdn.example.com/{{data.productId}}.jpg",
                    },
                    "redirection": {"type": "literal", "value": "deeplink://product?id={{data.productId}}"},
                    "channel": {"type": "literal", "value": "notification_channel"},
                },
                {
                    "id": "3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f",
                    "master": False,
                    "label": "B",
                    "content": {
                        "type": "default",
                        "title": "{{contact.firstname}}, last chance",
                        "body": "Sale ends tonight ({{contact.unicity}})",
                    },
                    "redirection": {"type": "literal", "value": "deeplink://sale"},
                    "channel": {"type": "literal", "value": "notification_channel"},
                },
            ],
        }
    ],
    "actions": [
        {
            "type": "mailMessage",
            "id": "000PE4",
            "name": "Welcome e-mail",
            "description": "Demo e-mail action, validated (state 50) so it can be sent at once",
            "informations": {"folder": 0, "category": 0, "state": 50},
            "settings": {"templating": {"version": "4.1"}, "culture": "en-GB"},
            "content": {
                "headers": {
                    "from": {"prefix": "news", "domain": "example.com", "label": "NP6 Sandbox"},
                    "reply": "reply@example.com",
                },
                "subject": "Welcome {{contact.fields.firstname}}",
                "html": '<p>Hi {{contact.fields.firstname}}</p><a href="https://example.com/shop?u={{contact.hash}}">Shop</a>',
                "text": "Hi {{contact.fields.firstname}}, https://example.com/shop?u={{contact.hash}}",
            },
        },
        {
            "type": "smsMessage",
            "id": "000PE5",
            "name": "Code by SMS",
            "description": "Demo SMS action, validated (state 50)",
            "informations": {"folder": 0, "category": 0, "state": 50},
            "settings": {"culture": "en-GB"},
            "content": {"textContent": "Hi {{contact.fields.firstname}}, your code is {{data.code}}"},
        },
    ],
    "events": [],
}


class SeedError(ValueError):
    """A seed file that does not match the documented shape or the spec."""


def read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SeedError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise SeedError(f"{path}: a JSON object is expected")
    return data


def load(store: Store, spec: Spec, data: Mapping[str, Any]) -> None:
    """Replace the store's content by a seed."""
    data = copy.deepcopy(dict(data))
    store.clear()
    for index, contact in enumerate(data.get("contacts", [])):
        if not isinstance(contact, dict) or not isinstance(contact.get("unicity"), str):
            raise SeedError(f"contacts.{index}: an object with a string unicity is expected")
        store.add_contact(
            contact["unicity"],
            id=contact.get("id"),
            hash=contact.get("hash"),
            fields=contact.get("fields"),
            outcomes=contact.get("outcomes"),
        )
    for index, item in enumerate(data.get("notifications", [])):
        invalid = first_error(spec.component("Notification"), item, f"notifications.{index}")
        if invalid:
            raise SeedError(f"{invalid.field}: {invalid.detail}")
        notification_id = item.get("id") or store.new_notification_id()
        store.notifications[notification_id] = notifications.normalise(store, item, notification_id, None)
    for index, item in enumerate(data.get("actions", [])):
        invalid = first_error(spec.component("Action"), item, f"actions.{index}")
        if invalid:
            raise SeedError(f"{invalid.field}: {invalid.detail}")
        action = dict(item)
        action_id = action.get("id") or store.new_action_id()
        store.reserve_action_id(action_id)
        action["id"] = action_id
        action.setdefault("creationDate", "2026-01-01T00:00:00Z")
        store.actions[action_id] = action
    events = data.get("events", [])
    if events:
        store.events.add(events)
