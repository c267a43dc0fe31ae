"""schemathesis against a running sandbox: the project's spec, every operation, fixed seed, zero failures.

Runs the schemathesis CLI (all phases: examples, coverage, fuzzing, stateful) in a subprocess against an
in-process sandbox whose response validation is on, with tests/sandbox/schemathesis.toml (checks, and the
few server rules the spec states only in prose). The figures are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from np6_sandbox import Sandbox, serve
from np6_sandbox.spec import default_spec_path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "sandbox" / "schemathesis.toml"
KEY = "schemathesis-key"


def test_schemathesis_finds_no_failure(tmp_path: Path) -> None:
    sandbox = Sandbox(api_keys=[KEY], validate_responses=True)
    report = tmp_path / "report.json"
    st = Path(sys.executable).with_name("st")
    try:
        with serve(sandbox) as url:
            run = subprocess.run(
                [
                    str(st),
                    "--config-file",
                    str(CONFIG),
                    "run",
                    str(default_spec_path()),
                    "--url",
                    url,
                    "-H",
                    f"X-Key: {KEY}",
                    "--report",
                    "json",
                    "--report-json-path",
                    str(report),
                ],
                cwd=ROOT,
                env={**os.environ, "NO_COLOR": "1"},
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
    finally:
        sandbox.close()
    assert report.exists(), run.stdout[-5000:] + run.stderr[-3000:]
    result = json.loads(report.read_text())
    print(
        f"\nschemathesis {result['schemathesis_version']}: operations {result['operations']['tested']}/"
        f"{result['operations']['total']}, cases {result['test_cases']['generated']}, "
        f"failures {len(result['failures'])}, errors {result['errors']}, {result['running_time']:.0f} s"
    )
    assert result["operations"]["tested"] == result["operations"]["total"] == len(sandbox.spec.operations)
    assert result["failures"] == [], run.stdout[-8000:]
    assert result["errors"] == [], run.stdout[-8000:]
    assert run.returncode == 0, run.stdout[-8000:]
    assert sandbox.drift == [], sandbox.drift
