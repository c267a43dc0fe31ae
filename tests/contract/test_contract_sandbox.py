"""The suite against the sandbox: every operation exercised, zero failures, reproducible (fixed seed).

The same run as `make contract` (all phases, 3 examples per operation and phase): ~9,300 requests, ~40 s.
"""

from __future__ import annotations

import io

import pytest

import np6_sandbox
from np6_contract.cli import main

KEY = "contract-sandbox-key-0123456789"


@pytest.mark.slow
def test_the_suite_passes_against_the_sandbox_with_everything_allowed() -> None:
    out = io.StringIO()
    with np6_sandbox.serve(api_keys=[KEY]) as url:
        code = main(
            [
                "--base-url", url, "--api-key", KEY,
                "--allow-writes", "--allow-sends", "--negative",
                "--send-to", "id:000R4M0T", "--send-to", "unicity:example@np6.com", "--send-to", "segment:1",
                "--seed", "1", "--max-examples", "3",
            ],
            out=out,
        )  # fmt: skip
    text = out.getvalue()
    assert code == 0, text
    assert text.splitlines()[-1] == "61 passed, 0 failed", text
    table = [line for line in text.splitlines() if line.startswith(("PASSED", "FAILED", "SKIPPED"))]
    assert len(table) == 61
    assert all(" 0 cases" not in line for line in table), text
