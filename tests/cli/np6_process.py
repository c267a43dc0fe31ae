"""Run the real `np6` console script (the one `pip install` puts next to the interpreter) as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from np6_sandbox.testing import TEST_API_KEY

NP6 = str(Path(sys.executable).with_name("np6"))


def environment(base_url: str) -> dict[str, str]:
    """The caller's environment with the sandbox as NP6 (and no stray NP6_* setting of the developer's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NP6_")}
    return {**env, "NP6_BASE_URL": base_url, "NP6_API_KEY": TEST_API_KEY, "COLUMNS": "200"}


def run(base_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`np6 ARGS...` against `base_url`, stdin from `stdin` (else empty, never a terminal); 60 s at most."""
    return subprocess.run(
        [NP6, *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=environment(base_url),
        timeout=60,
        check=False,
    )
