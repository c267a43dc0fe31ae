"""The suite must be able to fail, say where (operation, check, x-request-id), and never leak the key."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from contract_servers import KEY, FakeNp6, serve

from np6_contract.cli import main

REQUEST_ID = "wrong-server-request-id-42"


def wrong_list(method: str, path: str) -> tuple[int, dict[str, str], bytes] | None:
    """One response that violates the spec: a notification whose `type` is a number."""
    if method == "GET" and path.split("?")[0] == "/notifications":
        body = json.dumps([{"type": 42, "id": 1}]).encode()
        return 200, {"Content-Type": "application/json", "x-request-id": REQUEST_ID}, body
    return None


@pytest.mark.slow
def test_a_spec_violation_is_reported_with_operation_check_and_request_id(tmp_path: Path) -> None:
    app = FakeNp6(override=wrong_list)
    junit = tmp_path / "contract.xml"
    out = io.StringIO()
    with serve(app) as url:
        code = main(
            [
                "--base-url",
                url,
                "--api-key",
                KEY,
                "--seed",
                "1",
                "--max-examples",
                "2",
                "--report",
                str(junit),
            ],
            out=out,
        )
    text = out.getvalue()
    assert code == 1, text
    lines = text.splitlines()
    assert lines[-1] == "36 passed, 1 failed, 24 skipped"
    assert any(line.startswith("FAILED") and "list_notifications" in line for line in lines)
    details = text.split("Failures", 1)[1]
    assert "list_notifications (GET /notifications)" in details
    assert "check: response_schema_conformance" in details
    assert f"x-request-id: {REQUEST_ID}" in details
    assert "status: 200" in details
    root = ET.parse(junit).getroot()
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == ["list_notifications"]
    assert REQUEST_ID in (failed[0].findtext("failure") or "")
    assert len([case for case in root.iter("testcase") if case.find("skipped") is not None]) == 24


def echo_key(method: str, path: str) -> tuple[int, dict[str, str], bytes] | None:
    """A server that echoes the key back in a header and in the body (the recorder must scrub both)."""
    if method == "GET" and path.split("?")[0] == "/notifications":
        body = json.dumps([{"type": "push-app", "id": 1, "name": f"key was {KEY}"}]).encode()
        return 200, {"Content-Type": "application/json", "X-Echo": KEY}, body
    return None


@pytest.mark.slow
def test_record_saves_redacted_exchanges(tmp_path: Path) -> None:
    app = FakeNp6(override=echo_key)
    out = io.StringIO()
    record = tmp_path / "rec"
    with serve(app) as url:
        code = main(
            [
                "--base-url",
                url,
                "--api-key",
                KEY,
                "--seed",
                "1",
                "--max-examples",
                "2",
                "--record",
                str(record),
            ],
            out=out,
        )
    assert code == 0, out.getvalue()
    files = sorted(record.rglob("*.json"))
    assert len(files) > 50
    assert {f.parent.name for f in files} >= {"list_notifications", "get_action"}
    for file in files:
        assert KEY not in file.read_text(encoding="utf-8"), file
    entries = [
        json.loads(f.read_text(encoding="utf-8")) for f in (record / "list_notifications").glob("*.json")
    ]
    keyed = [e for e in entries if "X-Key" in e["request"]["headers"]]
    assert keyed and all(e["request"]["headers"]["X-Key"] == "[REDACTED]" for e in keyed)
    echoed = [e for e in entries if e["response"]["status"] == 200]
    headers = {name.lower(): value for name, value in echoed[0]["response"]["headers"].items()}
    assert headers["x-echo"] == "[REDACTED]"
    assert echoed[0]["response"]["body"][0]["name"] == "key was [REDACTED]"
    assert KEY not in out.getvalue()
