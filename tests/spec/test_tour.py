"""`np6 spec tour`: every GET once against the sandbox, ids from the list answers, only GET sent, everything
recorded without the key; the sandbox's fault admin makes drift the report then shows."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from spec_recording import KEY, run_np6

from leaks import assert_no_key
from np6_contract import tour
from np6_contract.drift import SpecIndex
from np6_sandbox import Sandbox, serve

from support import SPEC

GETS = sum(
    at.endswith("/get") for at, _ in SpecIndex.load(SPEC).operations.values()
)  # the tour skips 3 exports


@pytest.fixture
def sandbox_url() -> Iterator[str]:
    sandbox = Sandbox(api_keys=[KEY])
    try:
        with serve(sandbox) as url:
            now = int(time.time() * 1000)
            for body in (
                {
                    "count": 5,
                    "scope": "notifications",
                    "kind": "hit",
                    "id": 156,
                    "start": now - 600_000,
                    "step": 1000,
                },
                {
                    "count": 5,
                    "scope": "actions",
                    "kind": "hit",
                    "id": "000PE4",
                    "link": "open",
                    "start": now - 600_000,
                },
            ):
                assert httpx.post(f"{url}/_sandbox/events/generate", json=body).status_code == 201
            yield url
    finally:
        sandbox.close()


def _recorded(directory: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text()) for p in sorted(directory.glob("*/*.json"))]


@pytest.mark.slow
def test_tour_calls_every_read_once_with_real_ids(sandbox_url: str, tmp_path: Path) -> None:
    assert GETS == 37
    directory = tmp_path / "tour"
    done = tour.run(directory, base_url=sandbox_url, api_key=KEY, spec_path=SPEC)
    assert sorted(op for op, _ in done.skipped) == sorted(tour.SKIPPED_EXPORTS)
    assert len(done.calls) == GETS - 3 == len({op for op, _ in done.calls})
    assert all(status == 200 for _, status in done.calls), done.calls
    entries = _recorded(directory)
    assert {e["request"]["method"] for e in entries} == {"GET"}  # type: ignore[index]
    urls = [str(e["request"]["url"]) for e in entries]  # type: ignore[index]
    assert any("/notifications/156/versions/" in u and "/render/contact/000R4M0T" in u for u in urls)
    assert all("reactivityStart=" in u for u in urls if "/reactivities" in u)
    assert done.report is not None and done.report.findings == []
    assert_no_key([p.read_text() for p in directory.glob("*/*.json")], KEY)


@pytest.mark.slow
def test_tour_reports_the_drift_the_fault_admin_injects(sandbox_url: str, tmp_path: Path) -> None:
    faults = [
        {"operation": "get_action", "kind": "unknown_enum"},
        {"operation": "get_notification", "kind": "status", "status": 202},
    ]
    assert httpx.post(f"{sandbox_url}/_sandbox/faults", json=faults).status_code == 201
    ran = run_np6(
        "spec",
        "tour",
        str(tmp_path / "t"),
        "--base-url",
        sandbox_url,
        "--spec",
        str(SPEC),
        env={"NP6_API_KEY": KEY},
    )
    assert ran.code == 1, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[0] == f"{GETS - 3} exchanges, 2 findings"
    assert lines[1].startswith(
        "undeclared-status\tget_notification\tstatus\tstatus 202 is not documented\t(1 exchange"
    )
    assert lines[2].startswith(
        "enum\tget_action\tbody$.informations.state\t101 is not one of the spec's values"
    )
    assert "skipped export_action_recipients: exports can be very large" in ran.stderr
    assert_no_key([ran.stdout, ran.stderr], KEY)


def test_tour_refuses_bad_arguments(tmp_path: Path) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("mine")
    for args, env, named in (
        (
            ("spec", "tour", str(tmp_path / "used"), "--base-url", "http://127.0.0.1:9"),
            {"NP6_API_KEY": KEY},
            "DIR",
        ),
        (("spec", "tour", str(tmp_path / "new"), "--base-url", "http://127.0.0.1:9"), {}, "--api-key"),
        (("spec", "tour", str(tmp_path / "new"), "--hours", "0"), {"NP6_API_KEY": KEY}, "--hours"),
    ):
        ran = run_np6(*args, env=env)
        assert ran.code == 2, ran
        assert named in ran.stderr and "Traceback" not in ran.stderr
    assert (tmp_path / "used" / "x").read_text() == "mine"  # the user's directory untouched
