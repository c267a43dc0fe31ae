"""schemathesis hooks for the sandbox run: NP6's vendor body types are JSON documents (as in np6_contract)."""

from __future__ import annotations

from np6_contract.hooks import register_media_types

register_media_types()
