"""schemathesis against a running sandbox: the NP6 spec and the admin surface's, fixed seed, zero failures.

Runs the schemathesis CLI (all phases: examples, coverage, fuzzing, stateful) in a subprocess against an
in-process sandbox whose response validation is on, with tests/sandbox/schemathesis.toml (checks, and the
few server rules the spec states only in prose); then the admin surface (np6_sandbox/admin.yaml as the
sandbox serves it) against a sandbox with an admin token, with tests/sandbox/schemathesis_admin.toml. Every
check includes not_a_server_error: no 500. The figures are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from np6_sandbox import Sandbox, serve
from np6_sandbox.admin import TOKEN_HEADER, description
from np6_sandbox.spec import default_spec_path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "sandbox" / "schemathesis.toml"
ADMIN_CONFIG = ROOT / "tests" / "sandbox" / "schemathesis_admin.toml"
KEY = "schemathesis-key"
ADMIN_TOKEN = "schemathesis-admin-token"
ADMIN_MAX_GENERATE = 500  # the fuzzer tries the maximum: keep each generation to a moment


def _start(spec: Path, url: str, config: Path, header: str, report: Path) -> subprocess.Popen[str]:
    st = Path(sys.executable).with_name("st")
    command = [str(st), "--config-file", str(config), "run", str(spec), "--url", url, "-H", header]
    return subprocess.Popen(
        [*command, "--report", "json", "--report-json-path", str(report)],
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(run: subprocess.Popen[str], spec: Path, report: Path) -> dict[str, Any]:
    """Wait for one `st run`; its JSON report (the CLI's output goes into the assertion messages)."""
    stdout, stderr = run.communicate(timeout=900)
    assert report.exists(), stdout[-5000:] + stderr[-3000:]
    result: dict[str, Any] = json.loads(report.read_text())
    print(
        f"\nschemathesis {result['schemathesis_version']} on {spec.name}: operations "
        f"{result['operations']['tested']}/{result['operations']['total']}, cases "
        f"{result['test_cases']['generated']}, failures {len(result['failures'])}, "
        f"errors {result['errors']}, {result['running_time']:.0f} s"
    )
    assert result["failures"] == [], stdout[-8000:]
    assert result["errors"] == [], stdout[-8000:]
    assert run.returncode == 0, stdout[-8000:]
    return result


@pytest.mark.slow
def test_schemathesis_finds_no_failure(tmp_path: Path) -> None:
    """The NP6 spec on one sandbox and the admin surface on another (with a token), fuzzed side by side."""
    sandbox = Sandbox(api_keys=[KEY], validate_responses=True)
    admin = Sandbox(api_keys=[KEY], admin_token=ADMIN_TOKEN, max_generate=ADMIN_MAX_GENERATE)
    admin_spec = tmp_path / "admin.yaml"
    admin_spec.write_text(yaml.safe_dump(description(admin), sort_keys=False))
    try:
        with serve(sandbox) as url, serve(admin) as admin_url:
            served = httpx.get(f"{admin_url}/_sandbox/openapi.yaml", headers={TOKEN_HEADER: ADMIN_TOKEN})
            assert yaml.safe_load(served.text) == yaml.safe_load(admin_spec.read_text())
            runs = [
                (
                    _start(default_spec_path(), url, CONFIG, f"X-Key: {KEY}", tmp_path / "api.json"),
                    default_spec_path(),
                    tmp_path / "api.json",
                ),
                (
                    _start(
                        admin_spec,
                        admin_url,
                        ADMIN_CONFIG,
                        f"{TOKEN_HEADER}: {ADMIN_TOKEN}",
                        tmp_path / "a.json",
                    ),
                    admin_spec,
                    tmp_path / "a.json",
                ),
            ]
            try:
                api_result, admin_result = (_finish(*run) for run in runs)
            finally:
                for run, _, _ in runs:
                    if run.poll() is None:
                        run.kill()
                        run.communicate()
    finally:
        sandbox.close()
        admin.close()
    assert (
        api_result["operations"]["tested"]
        == api_result["operations"]["total"]
        == len(sandbox.spec.operations)
    )
    assert sandbox.drift == [], sandbox.drift
    admin_operations = [op for path in description(admin)["paths"].values() for op in path.values()]
    assert (
        admin_result["operations"]["tested"]
        == admin_result["operations"]["total"]
        == len(admin_operations)
        == 13
    )
