"""The suite's promises against a live account, proven at the server: what actually arrives on the wire."""

from __future__ import annotations

import io
import re

import pytest
from contract_servers import KEY, FakeNp6, serve

from np6_contract.cli import main
from np6_contract.safety import Contact, Policy, RefusedRequest, RunGuard

SEND_PATH = re.compile(r"/(execution|executions|test|targets/[^/]+)$|/(activation|validation)$")
FAST = ["--seed", "3", "--max-examples", "3", "--stateful-steps", "5"]


def run(url: str, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--base-url", url, "--api-key", KEY, *FAST, *args], out=out)
    return code, out.getvalue()


@pytest.mark.slow
def test_default_run_sends_no_write_method() -> None:
    app = FakeNp6()
    with serve(app) as url:
        code, text = run(url)
    methods = {seen.method for seen in app.requests}
    assert methods == {"GET"}, text
    assert len(app.requests) > 100  # every read operation ran, through every default phase
    assert code == 0, text
    assert text.splitlines()[-1] == "37 passed, 0 failed, 24 skipped"
    assert "needs --allow-writes" in text


@pytest.mark.slow
def test_writes_without_sends_never_call_a_send_endpoint_and_only_touch_own_resources() -> None:
    app = FakeNp6()
    with serve(app) as url:
        code, text = run(url, "--allow-writes")
    assert code == 0, text
    writes = [seen for seen in app.requests if seen.method != "GET"]
    assert writes, "no write was exercised"
    sends = [
        f"{seen.method} {seen.path}"
        for seen in writes
        if SEND_PATH.search(seen.path.split("?")[0]) and seen.method != "DELETE"
    ]
    assert sends == []
    # Everything written to by id was handed out by the server in this run (the fake's ids start at 101).
    for seen in writes:
        match = re.match(r"/(notifications|actions)/0*(\d+)", seen.path)
        if match:
            assert int(match.group(2)) > 100, f"{seen.method} {seen.path}"
    # Every notification and action this run was handed (created or duplicated) was deleted by the end.
    assert {path.split("/")[1] for path in app.created} == {"notifications", "actions"}
    deleted = {seen.path.split("?")[0] for seen in app.requests if seen.method == "DELETE"}
    assert set(app.created) <= deleted, sorted(set(app.created) - deleted)
    assert "Cleanup" in text and "DELETE /notifications/" in text and "DELETE /actions/" in text
    assert "may send messages" in text


@pytest.mark.slow
def test_sends_go_only_to_the_named_contacts() -> None:
    app = FakeNp6()
    with serve(app) as url:
        code, text = run(
            url, "--allow-writes", "--allow-sends", "--send-to", "id:000R4M0T", "--send-to", "segment:9"
        )
    assert code == 0, text
    allowed = {"type": "id", "value": "000R4M0T"}
    checked = 0
    for seen in app.requests:
        path = seen.path.split("?")[0]
        items = seen.body if isinstance(seen.body, list) else [seen.body]
        for item in items:
            if not isinstance(item, dict):
                continue
            if path.endswith(("/execution", "/executions")) and path.startswith("/actions"):
                assert item.get("recipient") == allowed and "copies" not in item, seen
                checked += 1
            elif path.endswith(("/execution", "/executions")):
                assert item.get("recipient", {}).get("value") == allowed, seen
                checked += 1
            elif path.endswith("/test"):
                assert item.get("recipient", {}).get("value") == 9, seen
            elif path.endswith("/validation") and seen.method == "POST":
                assert item.get("testSegments", []) in ([], [9]), seen
        if "/targets/" in path:
            assert path.endswith("/targets/000R4M0T"), seen
    assert checked > 0


def test_guard_refuses_writes_to_resources_it_did_not_create() -> None:
    guard = RunGuard(Policy(allow_writes=True))
    guard.record_created("notification", 101)
    guard.enforce("update_notification", "PUT", "/notifications/{id}", {"id": 101}, {"type": "push-app"})
    with pytest.raises(RefusedRequest, match="not created by this run"):
        guard.enforce("delete_notification", "DELETE", "/notifications/{id}", {"id": 5}, None)
    with pytest.raises(RefusedRequest, match="sends are not allowed"):
        guard.enforce("execute_notification", "POST", "/notifications/{id}/execution", {"id": 101}, {})
    params = {"id": 5}
    guard.prepare("delete_notification", "DELETE", "/notifications/{id}", params, None)
    assert params == {"id": 101}


def test_guard_refuses_everything_but_reads_by_default() -> None:
    guard = RunGuard(Policy())
    guard.enforce("list_actions", "GET", "/actions", {}, None)
    with pytest.raises(RefusedRequest, match="writes are not allowed"):
        guard.enforce("create_action", "POST", "/actions", {}, {"type": "mailMessage"})


def test_guard_refuses_recipients_that_were_not_named() -> None:
    guard = RunGuard(Policy(True, True, (Contact.parse("unicity:a@example.com"),)))
    guard.record_created("action", "000PE4")
    body = [{"recipient": {"type": "unicity", "value": ["someone@else.com"]}}]
    with pytest.raises(RefusedRequest, match="recipient"):
        guard.enforce("send_action_messages", "POST", "/actions/{id}/executions", {"id": "000PE4"}, body)
    body = guard.prepare("send_action_messages", "POST", "/actions/{id}/executions", {"id": "000PE4"}, body)
    assert body == [{"recipient": {"type": "unicity", "value": ["a@example.com"]}}]
    guard.enforce("send_action_messages", "POST", "/actions/{id}/executions", {"id": "000PE4"}, body)


def test_names_written_carry_the_run_prefix() -> None:
    guard = RunGuard(Policy(allow_writes=True))
    body = guard.prepare("create_action", "POST", "/actions", {}, {"type": "mailMessage", "name": "x"})
    assert body["name"] == f"np6-contract-{guard.run_id}-x"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [("a@b.c", "unicity", "a@b.c"), ("000R4M0T", "id", "000R4M0T"), ("segment:3", "segment", "3")],
)
def test_send_to_values(text: str, kind: str, value: str) -> None:
    assert Contact.parse(text) == Contact(kind, value)


def test_sends_need_writes_and_contacts() -> None:
    assert main(["--base-url", "http://127.0.0.1:9", "--api-key", KEY, "--allow-sends"]) == 2
    assert (
        main(["--base-url", "http://127.0.0.1:9", "--api-key", KEY, "--allow-writes", "--allow-sends"]) == 2
    )


def test_main_returns_usage_errors_instead_of_exiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option"]) == 2
    assert main(["--help"]) == 0
    assert "--allow-sends" in capsys.readouterr().out
