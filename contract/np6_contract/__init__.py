"""Contract tests for the NP6 API: run the spec against a live account or the sandbox, safely.

`python -m np6_contract --base-url URL` (or `main(argv)`, which returns the exit code). Read-only by
default; see `np6_contract.safety` for what `--allow-writes` and `--allow-sends` unlock.

`main` is imported on first use: it needs schemathesis (the `contract` extra), while the drift report and the
spec diff (`np6_contract.drift`, `np6_contract.specdiff`) need only the core dependencies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from np6_contract.cli import main

__all__ = ["main"]


def __getattr__(name: str) -> Any:
    if name == "main":
        from np6_contract.cli import main

        return main
    raise AttributeError(f"module 'np6_contract' has no attribute {name!r}")
