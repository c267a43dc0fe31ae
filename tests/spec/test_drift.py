"""`np6 spec drift`: sandbox recordings with injected differences give exactly those findings; a clean one
none; the proposed JSON Patch, applied to a copy of the spec and regenerated, makes the drifted exchanges
valid; no key in any report or patch."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonpatch
import pytest
import yaml
from jsonschema import Draft202012Validator
from spec_recording import KEY, edit, record_reads, run_np6

from leaks import assert_no_key
from np6_contract import drift
from np6_sandbox import Sandbox, serve

from support import SPEC, load_spec, run_regen

# One xdist worker for the module: the clean recording of every read is made once.
pytestmark = pytest.mark.xdist_group("drift-recording")


@pytest.fixture(scope="module")
def clean_recording(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    directory = tmp_path_factory.mktemp("clean")
    sandbox = Sandbox(api_keys=[KEY], validate_responses=True)
    try:
        with serve(sandbox) as url:
            record_reads(url, KEY, directory)
        assert not sandbox.drift
    finally:
        sandbox.close()
    yield directory


def _settings_color(entry: dict[str, Any]) -> None:
    entry["response"]["body"]["settings"]["color"] = f"red {KEY}"  # NP6 echoing the key, unredacted


def _no_type(entry: dict[str, Any]) -> None:
    for notification in entry["response"]["body"]:
        del notification["type"]


def _name_number(entry: dict[str, Any]) -> None:
    for action in entry["response"]["body"]:
        action["name"] = 42


def _state_77(entry: dict[str, Any]) -> None:
    entry["response"]["body"]["informations"]["state"] = 77


def _status_202(entry: dict[str, Any]) -> None:
    entry["response"]["status"] = 202


INJECTED = {
    "get_notification": _settings_color,
    "list_notifications": _no_type,
    "list_actions": _name_number,
    "get_action": _state_77,
}

EXPECTED = [
    ("extra-field", "get_notification", "body$.settings.color"),
    ("missing-required", "list_notifications", "body$[*].type"),
    ("type", "list_actions", "body$[*].name"),
    ("enum", "get_action", "body$.informations.state"),
]


@pytest.fixture
def drifted(clean_recording: Path, tmp_path: Path) -> Path:
    directory = tmp_path / "drifted"
    shutil.copytree(clean_recording, directory)
    for operation_id, change in INJECTED.items():
        edit(directory, operation_id, change)
    return directory


def test_clean_recording_gives_no_finding(clean_recording: Path) -> None:
    report = drift.compare(clean_recording, SPEC)
    assert report.exchanges == 4
    assert report.findings == []
    assert not report.drift
    # the answers confirm inferred items (e.g. the ActionState enum with 100, the operations answered)
    confirmed = {pointer for pointer, _ in report.confirmed}
    assert "/components/schemas/ActionState" in confirmed
    assert "/paths/~1notifications~1{id}/get" in confirmed
    assert "/components/schemas/SmsMessageAction" in confirmed


def test_injected_differences_give_exactly_those_findings(drifted: Path) -> None:
    report = drift.compare(drifted, SPEC, (KEY,))
    found = sorted((f.kind, f.operation_id, f.path) for f in report.findings)
    assert found == sorted(EXPECTED)
    by_kind = {f.kind: f for f in report.findings}
    assert by_kind["extra-field"].count == 1
    assert by_kind["extra-field"].example == '"red [REDACTED]"'
    assert by_kind["missing-required"].count == 1  # one exchange, however many items lack it
    assert by_kind["enum"].example == "77"
    assert by_kind["type"].detail == "integer, the spec says string"
    # a schema that drifted (in any item of a list) is no longer reported as confirmed
    confirmed = {pointer for pointer, _ in report.confirmed}
    assert "/components/schemas/SmsMessageAction" not in confirmed
    assert "/components/schemas/ActionState" not in confirmed
    assert "/paths/~1notifications/get" in confirmed


def test_undeclared_status(clean_recording: Path, tmp_path: Path) -> None:
    directory = tmp_path / "status"
    shutil.copytree(clean_recording, directory)
    edit(directory, "get_action", _status_202)
    report = drift.compare(directory, SPEC)
    assert [(f.kind, f.operation_id, f.path, f.count) for f in report.findings] == [
        ("undeclared-status", "get_action", "status", 1)
    ]
    patched = _patched_spec(report.json_patch(), tmp_path)
    assert drift.compare(directory, patched).findings == []


def test_undeclared_header_and_media_type(clean_recording: Path, tmp_path: Path) -> None:
    directory = tmp_path / "headers"
    shutil.copytree(clean_recording, directory)

    def change(entry: dict[str, Any]) -> None:
        entry["response"]["headers"]["x-np6-trace"] = "abc"
        entry["response"]["headers"]["content-type"] = "application/hal+json"

    edit(directory, "get_action", change)
    report = drift.compare(directory, SPEC)
    assert sorted((f.kind, f.path) for f in report.findings) == [
        ("undeclared-header", "header x-np6-trace"),
        ("undeclared-media-type", "header content-type"),
    ]


def _patched_spec(patch: list[dict[str, Any]], tmp_path: Path) -> Path:
    document = jsonpatch.apply_patch(copy.deepcopy(load_spec()), patch)
    path = tmp_path / "np6-patched.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_patch_applied_to_a_copy_and_regenerated_makes_the_exchanges_valid(
    drifted: Path, tmp_path: Path
) -> None:
    report = drift.compare(drifted, SPEC, (KEY,))
    assert report.drift
    patch = report.json_patch()
    assert {op["op"] for op in patch} == {"add", "remove", "replace"}
    patched = _patched_spec(patch, tmp_path)

    out = tmp_path / "gen" / "np6_api"
    done = run_regen(patched, out=out)
    assert done.returncode == 0, done.stderr
    regenerated_spec = out / "openapi.yaml"
    assert drift.compare(drifted, regenerated_spec).findings == []

    # and by plain JSON Schema validation (Draft 2020-12) of each drifted body against its new schema
    document = yaml.safe_load(regenerated_spec.read_text(encoding="utf-8"))
    index = drift.SpecIndex(document)
    for operation_id, status in (
        ("get_notification", "200"),
        ("list_notifications", "200"),
        ("list_actions", "200"),
    ):
        pointer, _ = index.operations[operation_id]
        _, at = index.resolve(index.node(f"{pointer}/responses/{status}"), f"{pointer}/responses/{status}")
        schema = {**document, "$ref": f"#{at}/content/application~1json/schema"}
        body = json.loads(next((drifted / operation_id).glob("*.json")).read_text())["response"]["body"]
        assert not list(Draft202012Validator(schema).iter_errors(body)), operation_id


def test_no_key_in_report_json_or_patch(
    drifted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NP6_API_KEY", KEY)
    patch_file = tmp_path / "fix.json"
    report = drift.compare(drifted, SPEC, drift.secrets_from_env())
    drift.write_patch(report, patch_file)
    assert_no_key([list(report.lines()), json.dumps(report.as_dict()), patch_file.read_text()], KEY)


def test_cli_drift_exit_codes_json_and_patch(clean_recording: Path, drifted: Path, tmp_path: Path) -> None:
    clean = run_np6("spec", "drift", str(clean_recording), "--spec", str(SPEC), env={"NP6_API_KEY": KEY})
    assert clean.code == 0, clean.stderr
    assert clean.stdout.startswith("4 exchanges, 0 findings")

    patch_file = tmp_path / "fix.json"
    ran = run_np6(
        "spec",
        "drift",
        str(drifted),
        "--spec",
        str(SPEC),
        "--json",
        "--patch",
        str(patch_file),
        env={"NP6_API_KEY": KEY},
    )
    assert ran.code == 1, ran.stderr
    data = json.loads(ran.stdout)
    assert sorted((f["kind"], f["operation"], f["path"]) for f in data["findings"]) == sorted(EXPECTED)
    assert json.loads(patch_file.read_text())
    assert_no_key([ran.stdout, ran.stderr, patch_file.read_text()], KEY)

    lines = run_np6("spec", "drift", str(drifted), "--spec", str(SPEC), env={"NP6_API_KEY": KEY})
    assert lines.code == 1
    assert (
        "extra-field\tget_notification\tbody$.settings.color\tfield not in the spec\t(1 exchange;"
        in lines.stdout
    )

    missing = run_np6("spec", "drift", str(tmp_path / "nope"), env={})
    assert missing.code == 2
    assert "DIR:" in missing.stderr and "Traceback" not in missing.stderr


def test_python_module_entry_point(drifted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert drift.main([str(drifted), "--spec", str(SPEC)]) == 1
    assert "missing-required\tlist_notifications\tbody$[*].type" in capsys.readouterr().out


def test_inferred_count_of_the_corrected_spec() -> None:
    items = drift.SpecIndex(load_spec()).inferred()
    pointers = {pointer for pointer, _ in items}
    assert {
        "/components/schemas/ExecutionEmailRequest/properties/content",
        "/components/schemas/NotificationSettings/properties/category",
        "/components/schemas/EditionMode",
        "/components/schemas/TemplatingSettings/properties/version",
    } <= pointers
    assert all(reason for _, reason in items)


def _apply_overlay(document: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Apply an OpenAPI Overlay 1.0 document as the specification says (targets resolved by jsonpath-ng):
    `remove` deletes each target, `update` is appended to a target array or merged into a target object."""
    from jsonpath_ng.ext import parse

    def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
        for key, value in update.items():
            if isinstance(value, dict) and isinstance(target.get(key), dict):
                merge(target[key], value)
            else:
                target[key] = value

    assert overlay["overlay"] == "1.0.0" and overlay["info"]["title"] and overlay["info"]["version"]
    for action in overlay["actions"]:
        found = parse(action["target"]).find(document)
        assert found, f"target selects nothing: {action['target']}"
        for match in found:
            if action.get("remove"):
                parent = match.context.value
                key = match.path.indices[0] if isinstance(parent, list) else match.path.fields[0]  # type: ignore[attr-defined]
                del parent[key]
            elif isinstance(match.value, list):
                match.value.append(action["update"])
            else:
                merge(match.value, action["update"])
    return document


def test_overlay_form_of_the_patch_makes_the_exchanges_valid(drifted: Path, tmp_path: Path) -> None:
    report = drift.compare(drifted, SPEC, (KEY,))
    out = tmp_path / "fix.yaml"
    drift.write_patch(report, out, "overlay")
    overlay = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert len(overlay["actions"]) == len(report.json_patch())
    patched = _apply_overlay(copy.deepcopy(load_spec()), overlay)
    path = tmp_path / "np6-overlaid.yaml"
    path.write_text(yaml.safe_dump(patched, sort_keys=False), encoding="utf-8")
    assert drift.compare(drifted, path).findings == []
    assert_no_key(out.read_text(encoding="utf-8"), KEY)
