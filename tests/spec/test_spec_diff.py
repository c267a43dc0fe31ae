"""`np6 spec diff`: the fixture pair (8.1.0 and a made-up 8.2.0, see tests/fixtures/spec-diff/make_8_2_0.py)
gives exactly its known changes, breaking ones marked; a spec against itself gives none."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from spec_recording import run_np6

from np6_contract import specdiff

from support import ROOT, SPEC

FIXTURES = ROOT / "tests" / "fixtures" / "spec-diff"
OLD, NEW = FIXTURES / "np6-8.1.0.yaml", FIXTURES / "np6-8.2.0.yaml"

# (breaking, kind, change, where, touches an operation the overlay calls)
KNOWN = {
    (True, "operation", "removed", "DELETE /actions/{id}/validation", True),
    (True, "parameter", "added", "GET /actions query:folder", True),
    (True, "request media type", "removed", "POST /actions/{id}/executions application/vnd.np6.cm.sms", True),
    (True, "field", "removed", "MailMessageAction.description", False),
    (True, "type", "changed", "NotificationSettings.urgent", False),
    (True, "enum value", "removed", "EditionMode 2", False),
    (False, "operation", "added", "GET /notifications/{id}/versions", False),
    (False, "parameter", "added", "GET /notifications query:limit", True),
    (False, "request media type", "added", "POST /actions/{id}/execution application/vnd.np6.cm.push", True),
    (False, "status", "added", "GET /actions/{id} 410", True),
    (False, "field", "added", "Notification.labels", False),
    (False, "enum value", "added", "ActionState 110", False),
}


def test_fixture_pair_lists_exactly_the_known_changes() -> None:
    changes = specdiff.diff(specdiff.load(OLD, "OLD"), specdiff.load(NEW, "NEW"))
    assert {(c.breaking, c.kind, c.change, c.where, c.overlay) for c in changes} == KNOWN
    assert len(changes) == len(KNOWN)
    assert [c.breaking for c in changes] == sorted((c.breaking for c in changes), reverse=True)


def test_a_spec_against_itself_has_no_change() -> None:
    spec = specdiff.load(SPEC, "OLD")
    assert specdiff.diff(spec, spec) == []


def test_the_old_fixture_is_the_spec_it_claims_to_be() -> None:
    # 8.1.0 fixture = the repository's spec at the time of writing, modulo later spec corrections: it must
    # still describe the same operations (a drifted fixture would make the pair prove nothing).
    current = specdiff.load(SPEC, "OLD")
    fixture = specdiff.load(OLD, "NEW")
    assert [c for c in specdiff.diff(fixture, current) if c.kind in ("operation", "parameter")] == []


def test_cli_prints_markdown_and_exits_1_on_breaking_changes() -> None:
    ran = run_np6("spec", "diff", str(OLD), str(NEW), env={})
    assert ran.code == 1, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[0] == "### NP6 API 8.1.0 -> 8.2.0"
    assert "Breaking (6):" in lines and "Compatible (6):" in lines
    assert (
        "- Removed operation `DELETE /actions/{id}/validation`: `unvalidate_action` "
        "**(breaks callers of np6_api and np6)**" in lines
    )
    assert "- Added field `Notification.labels`" in lines

    same = run_np6("spec", "diff", str(SPEC), str(SPEC), env={})
    assert same.code == 0
    assert "No change" in same.stdout


def test_cli_bad_files_are_usage_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: [unclosed\n", encoding="utf-8")
    for args, named in (
        ((str(tmp_path / "missing.yaml"), str(NEW)), "OLD.yaml"),
        ((str(OLD), str(bad)), "NEW.yaml"),
    ):
        ran = run_np6("spec", "diff", *args, env={})
        assert ran.code == 2, ran
        assert named in ran.stderr and "Traceback" not in ran.stderr


@pytest.mark.slow
def test_make_api_diff() -> None:
    done = subprocess.run(
        ["make", "-s", "api-diff", f"OLD={OLD}", f"NEW={NEW}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "### NP6 API 8.1.0 -> 8.2.0" in done.stdout, done.stderr
