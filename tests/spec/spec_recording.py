"""Recordings of real sandbox answers (the contract suite's recorder) and edits that inject drift."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from np6_contract.record import Recorder

KEY = "h8-Secret-Key/42+=="  # has characters that URL- and JSON-encoding change


def record_reads(base_url: str, key: str, directory: Path) -> None:
    """GET the notification and action lists and one of each, recording every exchange under directory."""
    recorder = Recorder(directory, secrets=(key,))
    with httpx.Client(base_url=base_url, headers={"X-Key": key}) as client:

        def get(operation_id: str, path: str) -> Any:
            response = client.get(path)
            recorder.record_httpx(operation_id, response)
            return response.json()

        notifications = get("list_notifications", "/notifications")
        actions = get("list_actions", "/actions")
        get("get_notification", f"/notifications/{notifications[0]['id']}")
        mail = next(a for a in actions if a["type"] == "mailMessage")
        get("get_action", f"/actions/{mail['id']}")


def edit(directory: Path, operation_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Post-process the recorded exchange(s) of one operation, as if NP6 had answered that."""
    files = sorted((directory / operation_id).glob("*.json"))
    assert files, f"no recording of {operation_id}"
    for path in files:
        entry = json.loads(path.read_text(encoding="utf-8"))
        change(entry)
        path.write_text(json.dumps(entry, indent=2), encoding="utf-8")


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str


def run_np6(*args: str, env: Mapping[str, str]) -> Ran:
    """`np6 args...` in a subprocess, with no NP6_* variable but those given."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("NP6_")}
    full.update({"COLUMNS": "100", "TERM": "dumb", **env})
    done = subprocess.run(
        [str(Path(sys.executable).parent / "np6"), *args],
        env=full,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr)
