"""Template rendering: the sandbox's stand-in for NP6's scripting language.

NP6's templating language is not public, so the sandbox substitutes a small, documented placeholder syntax:
`{{ path }}` where path is dotted and looked up in this context:

- `contact.id`, `contact.unicity`, `contact.hash`: the contact rendered for;
- `contact.fields.<name>` (or the shorthand `contact.<name>`): one of the contact's fields;
- `data.<key>[.<key>...]`: the render/execution request's `data` object (list items by index: `data.items.0`).

A missing value renders as the empty string; numbers and booleans as JSON text; objects and lists as JSON.
Text outside placeholders is copied as is (no escaping: the sandbox does not interpret HTML).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from np6_sandbox.store import Contact

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*)\s*\}\}")
_CONTACT_KEYS = ("id", "unicity", "hash", "fields")


def context(contact: Contact | None, data: Mapping[str, Any] | None) -> dict[str, Any]:
    contact_part: dict[str, Any] = {}
    if contact is not None:
        contact_part = {
            "id": contact.id,
            "unicity": contact.unicity,
            "hash": contact.hash,
            "fields": contact.fields,
        }
    return {"contact": contact_part, "data": dict(data or {})}


def lookup(ctx: Mapping[str, Any], path: str) -> Any:
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] == "contact" and parts[1] not in _CONTACT_KEYS:
        parts = ["contact", "fields", *parts[1:]]
    node: Any = ctx
    for part in parts:
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and len(part) < 10 and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def render(template: Any, ctx: Mapping[str, Any]) -> str:
    """Substitute every placeholder of a template (non-strings render as empty)."""
    if not isinstance(template, str):
        return ""
    return PLACEHOLDER.sub(lambda match: text(lookup(ctx, match.group(1))), template)


HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def links(html: str) -> list[str]:
    """The href targets of rendered HTML, in order (what render_action_links answers)."""
    return HREF.findall(html)
