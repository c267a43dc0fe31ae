"""Contract tests for the NP6 API: run the spec against a live account or the sandbox, safely.

`python -m np6_contract --base-url URL` (or `main(argv)`, which returns the exit code). Read-only by
default; see `np6_contract.safety` for what `--allow-writes` and `--allow-sends` unlock.
"""

from np6_contract.cli import main

__all__ = ["main"]
