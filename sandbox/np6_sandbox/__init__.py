"""np6_sandbox: a local, stateful emulator of the NP6 API 8.1.0, built from `openapi/np6-8.1.0.yaml`.

    python -m np6_sandbox --port 0 --api-key KEY          # prints: NP6 sandbox listening on http://127.0.0.1:NNNNN

    from np6_sandbox import serve
    with serve(api_keys=["KEY"]) as url:                   # uvicorn in a thread, free loopback port
        ...

Every NP6 operation of the spec is routed from the spec and answered by one handler; requests are validated
against the spec (400 naming the field, 401, 404, 409 empty, 411, 413, 415) and responses can be validated too
(`validate_responses=True`). Admin calls under `/_sandbox/` (no key) reset the state, add contacts, read the
outbox of sent messages, inject or bulk-generate events, and inject faults. Full reference: sandbox/README.md.
"""

from __future__ import annotations

from np6_sandbox.app import DEFAULT_MAX_BODY, Sandbox
from np6_sandbox.seed import DEMO, SeedError
from np6_sandbox.server import main, serve

__all__ = ["DEFAULT_MAX_BODY", "DEMO", "Sandbox", "SeedError", "main", "serve"]
