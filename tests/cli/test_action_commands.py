"""`np6 actions ...`, the real console script against the sandbox: each command changes what it says.

Every test reads the sandbox back (the API, or its outbox and exports under /_sandbox/).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from clirun import Ran
from sandbox_state import add_faults, api, interrupt_when, one_error_line, outbox, run_on_a_terminal

Cli = Callable[..., Ran]
EMAIL, SMS = "000PE4", "000PE5"  # the sandbox's demo actions, both validated (state 50)

NEW_EMAIL = """\
type: mailMessage
name: Spring [sale]
content:
  headers: {from: {prefix: news, domain: example.com, label: Shop}, reply: reply@example.com}
  subject: "{{data.product}} for {{contact.fields.firstname}}"
  html: '<p>{{data.product}}</p><a href="https://example.com/p/{{data.id}}">go</a>'
  text: "{{data.product}}"
"""


def action_ids(url: str) -> list[str]:
    return [a["id"] for a in api(url, "GET", "/actions").json()]


def state(url: str, action: str) -> int:
    value: int = api(url, "GET", f"/actions/{action}").json()["informations"]["state"]
    return value


# --------------------------------------------------------------------------------------------- create
def test_create_from_a_yaml_file(cli: Cli, np6_sandbox_url: str, tmp_path: Path) -> None:
    body = tmp_path / "action.yml"
    body.write_text(NEW_EMAIL, encoding="utf-8")
    before = action_ids(np6_sandbox_url)
    result = cli("actions", "create", "-f", str(body), "--json")
    assert result.code == 0, result.stderr
    created = json.loads(result.stdout)
    assert created["id"] not in before
    stored = api(np6_sandbox_url, "GET", f"/actions/{created['id']}").json()
    assert stored["name"] == "Spring [sale]" and stored["informations"]["state"] == 20


def test_create_an_sms_action_from_stdin(cli: Cli, np6_sandbox_url: str) -> None:
    body = {"type": "smsMessage", "name": "Code", "content": {"textContent": "code {{data.code}}"}}
    result = cli("actions", "create", "-f", "-", stdin=json.dumps(body).encode())
    assert result.code == 0, result.stderr
    [created] = [a for a in api(np6_sandbox_url, "GET", "/actions").json() if a["name"] == "Code"]
    assert created["type"] == "smsMessage" and created["id"] in result.stdout


def test_a_body_the_schema_refuses_names_the_file_and_creates_nothing(
    cli: Cli, np6_sandbox_url: str, tmp_path: Path
) -> None:
    body = tmp_path / "action.json"
    body.write_text('{"type": "mailMessage", "name": ["not", "a", "string"]}', encoding="utf-8")
    before = action_ids(np6_sandbox_url)
    result = cli("actions", "create", "-f", str(body))
    assert result.code == 2
    line = one_error_line(result.stderr)
    assert f"--file {body}" in line and "name" in line
    assert action_ids(np6_sandbox_url) == before


# --------------------------------------------------------------------------------------------- update
def test_update_replaces_the_whole_action(cli: Cli, np6_sandbox_url: str, tmp_path: Path) -> None:
    api(np6_sandbox_url, "DELETE", f"/actions/{EMAIL}/validation", json={}).raise_for_status()
    assert api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").json()["description"]
    body = tmp_path / "action.yaml"
    body.write_text("type: mailMessage\nname: Renamed\ncontent: {subject: Hi, text: Hi}\n", encoding="utf-8")
    result = cli("actions", "update", EMAIL, "--replace", "-f", str(body))
    assert result.code == 0, result.stderr
    stored = api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").json()
    assert stored["name"] == "Renamed"
    assert "description" not in stored  # NP6's PUT replaces: what the file leaves out is gone


def test_update_merges_by_default(cli: Cli, np6_sandbox_url: str) -> None:
    api(np6_sandbox_url, "DELETE", f"/actions/{EMAIL}/validation", json={}).raise_for_status()
    before = api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").json()
    result = cli("actions", "update", EMAIL, "-f", "-", stdin=b'{"content": {"subject": "New subject"}}')
    assert result.code == 0, result.stderr
    stored = api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").json()
    assert stored["content"]["subject"] == "New subject"
    assert stored["content"]["html"] == before["content"]["html"] and stored["name"] == before["name"]


def test_update_of_a_validated_action_is_one_line_exit_1(
    cli: Cli, np6_sandbox_url: str, tmp_path: Path
) -> None:
    body = tmp_path / "action.yaml"
    body.write_text("type: mailMessage\nname: Renamed\n", encoding="utf-8")
    result = cli("actions", "update", EMAIL, "--replace", "-f", str(body))
    assert result.code == 1
    assert "409" in one_error_line(result.stderr)
    assert api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").json()["name"] == "Welcome e-mail"


# --------------------------------------------------------------------------------------------- delete
def test_delete_without_a_terminal_or_yes_is_refused(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "delete", EMAIL)
    assert result.code == 2
    assert "--yes" in one_error_line(result.stderr)
    assert api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").status_code == 200


def test_delete_with_yes_deletes(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "delete", EMAIL, "-y")
    assert result.code == 0, result.stderr
    assert api(np6_sandbox_url, "GET", f"/actions/{EMAIL}").status_code == 404


@pytest.mark.parametrize(("answer", "code", "status"), [("no\n", 1, 200), ("y\n", 0, 404)])
def test_delete_asks_on_a_terminal(np6_sandbox_url: str, answer: str, code: int, status: int) -> None:
    returncode, stderr = run_on_a_terminal(np6_sandbox_url, "actions", "delete", SMS, answer=answer)
    assert returncode == code, stderr
    assert f"Delete action {SMS} ('Code by SMS')?" in stderr
    assert api(np6_sandbox_url, "GET", f"/actions/{SMS}").status_code == status


# ------------------------------------------------------------------- duplicate, unvalidate, exports
def test_duplicate_creates_a_copy(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "duplicate", EMAIL, "--json")
    assert result.code == 0, result.stderr
    copy = json.loads(result.stdout)
    assert copy["id"] != EMAIL
    assert api(np6_sandbox_url, "GET", f"/actions/{copy['id']}").json()["type"] == "mailMessage"


def test_unvalidate_moves_the_action_back_to_editable(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "unvalidate", EMAIL)
    assert result.code == 0, result.stderr
    assert state(np6_sandbox_url, EMAIL) == 20
    assert "state 20" in result.stdout


@pytest.mark.parametrize("kind", ["recipients", "openers", "clickers"])
def test_export_asks_np6_for_the_file(cli: Cli, np6_sandbox_url: str, kind: str) -> None:
    result = cli("actions", f"export-{kind}", EMAIL)
    assert result.code == 0, result.stderr
    exports = httpx.get(f"{np6_sandbox_url}/_sandbox/exports").json()
    assert [(e["kind"], e["action"]) for e in exports] == [(kind, EMAIL)]


# --------------------------------------------------------------------------------------------- render
def test_render_with_data(cli: Cli, np6_sandbox_url: str, tmp_path: Path) -> None:
    body = tmp_path / "action.yaml"
    body.write_text(NEW_EMAIL, encoding="utf-8")
    created = json.loads(cli("actions", "create", "-f", str(body), "--json").stdout)["id"]
    result = cli(
        "actions", "render", created, "--contact-id", "000R4M0T", "--data", '{"product": "Tea"}', "--json"
    )
    assert result.code == 0, result.stderr
    rendered = json.loads(result.stdout)
    assert rendered["subject"] == "Tea for Ada" and rendered["html"].startswith("<p>Tea</p>")
    assert outbox(np6_sandbox_url) == []  # a preview sends nothing


def test_an_sms_action_renders_as_sms_without_channel(cli: Cli) -> None:
    result = cli(
        "actions", "render", SMS, "--unicity", "example@np6.com", "--data", '{"code": "0042"}', "--json"
    )
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "Hi Ada, your code is 0042"


def test_the_wrong_channel_gets_a_hint_naming_the_right_one(cli: Cli) -> None:
    result = cli("actions", "render", SMS, "--contact-id", "000R4M0T", "--channel", "email")
    assert result.code == 1
    line = one_error_line(result.stderr)
    assert "415" in line and "does not take email messages; use --channel sms" in line


def test_render_of_an_unknown_action_is_one_line(cli: Cli) -> None:
    result = cli("actions", "render", "NOPE00", "--contact-id", "000R4M0T")
    assert result.code == 1
    assert "404" in one_error_line(result.stderr)


def test_render_many_renders_each_contact_with_the_data(cli: Cli) -> None:
    result = cli(
        "actions", "render-many", SMS, "--contact-id", "000R4M0T", "--unicity", "a+b@example.com",
        "--data", '{"code": "7"}', "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    texts = [r["text"] for r in json.loads(result.stdout)]
    assert len(texts) == 2 and all(t.endswith("your code is 7") for t in texts)
    assert texts[0].startswith("Hi Ada")


def test_render_many_piped_is_one_tab_separated_line_per_contact(cli: Cli) -> None:
    result = cli(
        "actions", "render-many", SMS, "--contact-id", "000R4M0T", "--hash", "0" * 32, "--data", "{}"
    )
    assert result.code == 1  # an unknown receiver fails the whole batch render (404), in one line
    assert "404" in one_error_line(result.stderr)
    result = cli("actions", "render-many", SMS, "--contact-id", "000R4M0T", "--unicity", "a+b@example.com")
    assert result.code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split("\t") == ["contact", "result", "recipient", "subject", "text", "html"]
    assert [row.split("\t")[:3] for row in rows] == [
        ["id 000R4M0T", "success", "+33600000001"],
        ["unicity a+b@example.com", "success", "+33600000002"],
    ]


def test_render_links_with_data(cli: Cli, tmp_path: Path) -> None:
    body = tmp_path / "action.yaml"
    body.write_text(NEW_EMAIL, encoding="utf-8")
    created = json.loads(cli("actions", "create", "-f", str(body), "--json").stdout)["id"]
    result = cli("actions", "render-links", created, "--contact-id", "000R4M0T", "--data", '{"id": 42}')
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines() == ["link", "https://example.com/p/42"]  # piped: TSV


# ----------------------------------------------------------------------------------------------- send
def test_send_an_sms_action_without_channel_with_data(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "send", SMS, "--contact-id", "000R4M0T", "--data", '{"code": "9"}')
    assert result.code == 0, result.stderr
    [sent] = outbox(np6_sandbox_url)
    assert sent["kind"] == "sms" and sent["content"]["text"] == "Hi Ada, your code is 9"


@pytest.mark.parametrize(
    ("recipients", "code", "delivered"),
    [
        (["--contact-id", "000R4M0T", "--unicity", "a+b@example.com"], 0, 2),
        (["--contact-id", "000R4M0T", "--contact-id", "NOPE1"], 3, 1),
        (["--contact-id", "NOPE1", "--contact-id", "NOPE2"], 1, 0),
    ],
    ids=["all-sent", "some-failed", "none-sent"],
)
def test_send_exit_code_says_how_many_recipients_failed(
    cli: Cli, np6_sandbox_url: str, recipients: list[str], code: int, delivered: int
) -> None:
    result = cli("actions", "send", EMAIL, *recipients)
    assert result.code == code, result.stderr
    assert len(outbox(np6_sandbox_url, "email")) == delivered
    assert f"{delivered} sent, {2 - delivered} failed" in result.stderr
    assert result.stdout.count("recipient not found") == 2 - delivered


def test_send_stopped_by_a_failed_batch_exits_3(cli: Cli, np6_sandbox_url: str) -> None:
    # batch 1 (2 recipients) goes through; batch 2 gets a 503: on a send, NP6 may have sent it anyway
    op = "send_action_messages"
    add_faults(
        np6_sandbox_url, {"operation": op, "kind": "delay", "delay": 0}, {"operation": op, "status": 503}
    )
    result = cli(
        "actions", "send", EMAIL, "--batch-size", "2", "--json",
        "--contact-id", "000R4M0T", "--contact-id", "000R4M0U", "--contact-id", "000R4M0V",
    )  # fmt: skip
    assert result.code == 3, result.stderr
    assert [e["address"] for e in outbox(np6_sandbox_url)] == ["example@np6.com", "a+b@example.com"]
    assert len(json.loads(result.stdout)) == 2  # --json: the results NP6 gave, nothing else
    assert "2 sent, 0 refused by NP6, 1 outcome unknown (the batch in flight), 0 never tried" in result.stderr


def test_ctrl_c_during_send_exits_130(np6_sandbox_url: str) -> None:
    op = "send_action_messages"
    add_faults(np6_sandbox_url, {"operation": op, "kind": "delay", "delay": 30})
    code, _, stderr = interrupt_when(
        np6_sandbox_url,
        lambda: len(outbox(np6_sandbox_url)) >= 1,  # the sandbox sent it; its answer is held back
        "actions", "send", EMAIL, "--contact-id", "000R4M0T",
    )  # fmt: skip
    assert code == 130, stderr
    assert "interrupted" in stderr and "outcome unknown" in stderr and "Traceback" not in stderr


def test_send_one(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "send-one", EMAIL, "--unicity", "a+b@example.com", "--json")
    assert result.code == 0, result.stderr
    [sent] = outbox(np6_sandbox_url)
    assert json.loads(result.stdout)["id"] == sent["message"] and sent["address"] == "a+b@example.com"
    refused = cli("actions", "send-one", EMAIL, "--contact-id", "NOPE1")
    assert refused.code == 1 and "recipient not found" in refused.stdout
    assert "not sent to id NOPE1" in refused.stderr
    assert len(outbox(np6_sandbox_url)) == 1


def test_send_one_sms_with_data(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "send-one", SMS, "--contact-id", "000R4M0U", "--data", '{"code": "77"}')
    assert result.code == 0, result.stderr
    [sent] = outbox(np6_sandbox_url, "sms")
    assert sent["content"]["text"].endswith("your code is 77")


def test_send_to_target(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("actions", "send-to-target", EMAIL, "000R4M0T", "--data", '{"product": "Tea"}', "--json")
    assert result.code == 0, result.stderr
    [sent] = outbox(np6_sandbox_url)
    assert json.loads(result.stdout)["id"] == sent["message"] and sent["address"] == "example@np6.com"
    unknown = cli("actions", "send-to-target", EMAIL, "NOPE1")
    assert unknown.code == 1 and "404" in one_error_line(unknown.stderr)
