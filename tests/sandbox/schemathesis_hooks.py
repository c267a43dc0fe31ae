"""schemathesis hooks for the sandbox run: NP6's vendor body types are JSON documents."""

from __future__ import annotations

import schemathesis

schemathesis.serializer.alias(
    ["application/vnd.np6.cm.email", "application/vnd.np6.cm.sms"], "application/json"
)
