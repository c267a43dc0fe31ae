"""`np6 notifications ...`, the real console script against the sandbox: each command changes what it says.

Every test reads the sandbox back (the API, or its outbox under /_sandbox/) rather than trusting the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clirun import Ran
from sandbox_state import add_faults, api, interrupt_when, one_error_line, outbox, run_on_a_terminal

MASTER = "ecce4585-1627-4495-90fc-7bbc27d2ae26"
APPLICATION = "076db4f8-4304-4b8e-b232-4820f2639a8a"
Cli = Callable[..., Ran]


def notification_ids(url: str) -> list[int]:
    return [n["id"] for n in api(url, "GET", "/notifications").json()]


# --------------------------------------------------------------------------------------------- create
def test_create_from_a_yaml_file_then_get_it_back(cli: Cli, np6_sandbox_url: str, tmp_path: Path) -> None:
    body = tmp_path / "promo.yaml"
    body.write_text(
        "type: push-app\n"
        "name: Black friday\n"
        "description: starts 2026-11-27\n"  # a YAML date inside stays text
        f"application: {APPLICATION}\n"
        "versions:\n"
        "  - {master: true, label: A, content: {type: default, title: Hi, body: '{{data.product}} now'}}\n",
        encoding="utf-8",
    )
    before = notification_ids(np6_sandbox_url)
    result = cli("notifications", "create", "-f", str(body), "--json")
    assert result.code == 0, result.stderr
    created = json.loads(result.stdout)
    assert created["id"] not in before
    stored = api(np6_sandbox_url, "GET", f"/notifications/{created['id']}").json()
    assert created["versions"][0]["id"] == stored["versions"][0]["id"]
    assert stored["name"] == "Black friday" and stored["description"] == "starts 2026-11-27"
    assert [v["label"] for v in stored["versions"]] == ["A"]


def test_create_from_stdin(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("notifications", "create", "-f", "-", stdin=b'{"type": "push-app", "name": "piped"}')
    assert result.code == 0, result.stderr
    names = [n["name"] for n in api(np6_sandbox_url, "GET", "/notifications").json()]
    assert names.count("piped") == 1
    assert "piped" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json: [", "neither JSON nor YAML"),
        ("[1, 2]", "holds a list; expected an object"),
        ('{"name": "no type"}', "'type' is a required property"),
        ('{"type": "push-app", "name": 7}', "7 is not of type 'string'"),
        ("", "is empty"),
        ("{}", "holds an empty object"),
        ("a: .nan\ntype: push-app\n", "not a JSON number"),
    ],
)
def test_a_bad_body_is_one_line_naming_the_option_and_nothing_is_created(
    cli: Cli, np6_sandbox_url: str, tmp_path: Path, content: str, message: str
) -> None:
    body = tmp_path / "body.yaml"
    body.write_text(content, encoding="utf-8")
    before = notification_ids(np6_sandbox_url)
    result = cli("notifications", "create", "-f", str(body))
    assert result.code == 2
    line = one_error_line(result.stderr)
    assert "--file" in line and message in line
    assert notification_ids(np6_sandbox_url) == before


@pytest.mark.parametrize("kind", ["missing", "directory", "not utf-8"])
def test_an_unreadable_body_file_is_a_usage_error(
    cli: Cli, np6_sandbox_url: str, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "body.json"
    if kind == "directory":
        path.mkdir()
    elif kind == "not utf-8":
        path.write_bytes(b'{"type": "push-app", "name": "caf\xe9"}')
    result = cli("notifications", "create", "--file", str(path))
    assert result.code == 2
    line = one_error_line(result.stderr)
    assert "--file" in line and str(path) in line


def test_a_yaml_alias_bomb_is_refused_without_expanding_it(cli: Cli, np6_sandbox_url: str) -> None:
    # 10 levels of 10 aliases: 10**10 values once expanded (the parser shares them; np6 must not walk them)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 11)]
    before = notification_ids(np6_sandbox_url)
    result = cli("notifications", "create", "-f", "-", stdin="\n".join(lines).encode())
    assert result.code == 2
    assert "more than 1,000,000 values" in one_error_line(result.stderr)
    assert notification_ids(np6_sandbox_url) == before


def test_a_body_over_10_mib_is_refused_unread(cli: Cli, tmp_path: Path) -> None:
    body = tmp_path / "big.json"
    with body.open("wb") as file:
        file.truncate(10 * 1024 * 1024 + 1)  # sparse: no disk used
    result = cli("notifications", "create", "-f", str(body))
    assert result.code == 2
    assert "larger than 10 MiB" in one_error_line(result.stderr)


def test_ctrl_c_during_create_says_it_may_have_been_created(np6_sandbox_url: str, tmp_path: Path) -> None:
    body = tmp_path / "n.json"
    body.write_text('{"type": "push-app", "name": "slow"}', encoding="utf-8")
    add_faults(np6_sandbox_url, {"operation": "create_notification", "kind": "delay", "delay": 30})
    before = len(notification_ids(np6_sandbox_url))
    code, _, stderr = interrupt_when(
        np6_sandbox_url,
        lambda: len(notification_ids(np6_sandbox_url)) > before,  # created; the answer is held back
        "notifications", "create", "-f", str(body),
    )  # fmt: skip
    assert code == 130, stderr
    assert (
        "interrupted: the create may or may not have been done; check with np6 notifications list" in stderr
    )


# --------------------------------------------------------------------------------------------- update
def test_update_changes_only_the_fields_in_the_file(cli: Cli, np6_sandbox_url: str) -> None:
    before = api(np6_sandbox_url, "GET", "/notifications/156").json()
    result = cli(
        "notifications", "update", "156", "-f", "-", stdin=b"name: Renamed\nsettings: {urgent: true}\n"
    )
    assert result.code == 0, result.stderr
    stored = api(np6_sandbox_url, "GET", "/notifications/156").json()
    assert stored["name"] == "Renamed" and stored["settings"]["urgent"] is True
    assert stored["settings"]["purpose"] == before["settings"]["purpose"]  # nested objects merged key by key
    assert stored["description"] == before["description"]

    def versions(notification: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(v["id"], v["label"], v["master"], v["content"]) for v in notification["versions"]]

    assert versions(stored) == versions(before)  # (their modification stamps move on)


def test_update_replace_sends_the_whole_notification(cli: Cli, np6_sandbox_url: str, tmp_path: Path) -> None:
    body = tmp_path / "156.json"
    body.write_text(json.dumps({"type": "push-app", "name": "Renamed"}), encoding="utf-8")
    result = cli("notifications", "update", "156", "--replace", "-f", str(body), "--json")
    assert result.code == 0, result.stderr
    stored = api(np6_sandbox_url, "GET", "/notifications/156").json()
    assert json.loads(result.stdout)["name"] == stored["name"] == "Renamed"
    assert "description" not in stored  # NP6's PUT replaces: what the file leaves out is gone
    assert [v["label"] for v in stored["versions"]] == [None] or len(stored["versions"]) == 1


def test_update_replace_refuses_a_partial_body_before_sending(cli: Cli, np6_sandbox_url: str) -> None:
    before = api(np6_sandbox_url, "GET", "/notifications/156").json()
    result = cli("notifications", "update", "156", "--replace", "-f", "-", stdin=b'{"name": "x"}')
    assert result.code == 2
    assert "--file stdin: 'type' is a required property" in one_error_line(result.stderr)
    assert api(np6_sandbox_url, "GET", "/notifications/156").json() == before


def test_update_help_says_what_replace_erases(cli: Cli) -> None:
    result = cli("notifications", "update", "--help")
    assert result.code == 0
    assert "--replace" in result.stdout and "erased" in result.stdout


# --------------------------------------------------------------------------------------------- delete
def test_delete_without_a_terminal_or_yes_is_refused_and_deletes_nothing(
    cli: Cli, np6_sandbox_url: str
) -> None:
    result = cli("notifications", "delete", "156", stdin=b"y\n")
    assert result.code == 2
    assert "--yes" in one_error_line(result.stderr)
    assert api(np6_sandbox_url, "GET", "/notifications/156").status_code == 200


def test_delete_with_yes_deletes(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("notifications", "delete", "156", "--yes")
    assert result.code == 0, result.stderr
    assert api(np6_sandbox_url, "GET", "/notifications/156").status_code == 404


def test_delete_of_an_unknown_notification_asks_nothing_and_exits_1(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("notifications", "delete", "999999")
    assert result.code == 1
    assert "404" in one_error_line(result.stderr)


@pytest.mark.parametrize(
    ("answer", "code", "status"),
    [("n\n", 1, 200), ("\n", 1, 200), ("\x04", 130, 200), ("y\n", 0, 404)],  # \x04: Ctrl-D, end of input
)
def test_delete_asks_on_a_terminal(np6_sandbox_url: str, answer: str, code: int, status: int) -> None:
    returncode, stderr = run_on_a_terminal(np6_sandbox_url, "notifications", "delete", "156", answer=answer)
    assert returncode == code, stderr
    assert "Delete notification 156 ('Spring sale')?" in stderr
    assert api(np6_sandbox_url, "GET", "/notifications/156").status_code == status


# --------------------------------------------------------------------------- duplicate, (de)activate
def test_duplicate_creates_a_copy(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("notifications", "duplicate", "156", "--json")
    assert result.code == 0, result.stderr
    copy = json.loads(result.stdout)
    assert copy["id"] != 156
    stored = api(np6_sandbox_url, "GET", f"/notifications/{copy['id']}").json()
    assert stored["name"] == "Spring sale (copy)"


def test_deactivate_then_activate(cli: Cli, np6_sandbox_url: str) -> None:
    assert cli("notifications", "deactivate", "156").code == 0
    assert api(np6_sandbox_url, "GET", "/notifications/156").json()["active"] is False
    again = cli("notifications", "deactivate", "156")
    assert again.code == 1 and "409" in one_error_line(again.stderr)
    assert cli("notifications", "activate", "156").code == 0
    assert api(np6_sandbox_url, "GET", "/notifications/156").json()["active"] is True


# --------------------------------------------------------------------------------------------- render
def test_render_without_a_contact(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("notifications", "render", "156", "--data", '{"product": "Tea"}', "--json")
    assert result.code == 0, result.stderr
    rendered = json.loads(result.stdout)
    assert rendered["type"] == "success"
    assert rendered["render"]["title"] == "Hello "  # no contact: the firstname placeholder is empty
    assert rendered["render"]["body"] == "Tea is on sale"  # --data reached the render
    assert rendered["meta"]["version"] == MASTER


def test_render_for_a_contact_with_data(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli(
        "notifications", "render", "156", "--unicity", "example@np6.com",
        "--data", '{"product": "a [/] b", "productId": 7}', "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    rendered = json.loads(result.stdout)["render"]
    assert rendered["title"] == "Hello Ada" and rendered["body"] == "a [/] b is on sale"
    assert rendered["image"] == "https://cdn.example.com/7.jpg"


def test_test_send_with_data_and_a_title(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli(
        "notifications", "test", "156", "--recipient", "42",
        "--title", "T [1]", "--data", '{"product": "Tea"}',
    )  # fmt: skip
    assert result.code == 0, result.stderr
    [sent] = outbox(np6_sandbox_url, "notification-test")
    assert sent["recipient"] == {"type": "contact", "value": 42}
    assert sent["version"] == MASTER
    assert sent["content"]["title"] == "T [1]" and sent["content"]["body"] == "Tea is on sale"


def test_a_version_that_is_not_a_uuid_is_a_usage_error_in_flags(cli: Cli) -> None:
    result = cli("notifications", "render", "156", "--version", "B")
    assert result.code == 2
    assert "--version: 'B' is neither master nor a version UUID (or pick one by --label)" in one_error_line(
        result.stderr
    )


# -------------------------------------------------------------------------------------------- execute
def test_execute_with_data_reaches_the_outbox(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli(
        "notifications", "execute", "156", "--contact-id", "000R4M0T",
        "--data", '{"product": "Tea"}',
    )  # fmt: skip
    assert result.code == 0, result.stderr
    [sent] = outbox(np6_sandbox_url)
    assert sent["content"]["body"] == "Tea is on sale" and sent["recipient"]["id"] == "000R4M0T"


@pytest.mark.parametrize(
    ("recipients", "code", "delivered"),
    [
        (["--contact-id", "000R4M0T", "--unicity", "a+b@example.com"], 0, 2),
        (["--contact-id", "000R4M0T", "--contact-id", "NOPE1"], 3, 1),
        (["--contact-id", "NOPE1", "--contact-id", "NOPE2"], 1, 0),
    ],
    ids=["all-sent", "some-failed", "none-sent"],
)
def test_execute_exit_code_says_how_many_recipients_failed(
    cli: Cli, np6_sandbox_url: str, recipients: list[str], code: int, delivered: int
) -> None:
    result = cli("notifications", "execute", "156", *recipients, "--json")
    assert result.code == code, result.stderr
    results = json.loads(result.stdout)  # --json: only NP6's results on stdout
    assert sum(r["type"] == "success" for r in results) == delivered
    assert len(outbox(np6_sandbox_url)) == delivered
    assert f"{delivered} sent, {2 - delivered} failed" in result.stderr


def test_execute_one_sends_one_message(cli: Cli, np6_sandbox_url: str) -> None:
    result = cli("notifications", "execute-one", "156", "--unicity", "a+b@example.com", "--json")
    assert result.code == 0, result.stderr
    answer = json.loads(result.stdout)
    [sent] = outbox(np6_sandbox_url)
    assert answer["type"] == "success" and answer["id"] == sent["message"]
    refused = cli("notifications", "execute-one", "156", "--contact-id", "NOPE1")
    assert refused.code == 1
    assert len(outbox(np6_sandbox_url)) == 1


def test_execute_stopped_by_a_failed_batch_says_what_was_sent_and_exits_3(
    cli: Cli, np6_sandbox_url: str
) -> None:
    # batch 1 goes through, batch 2 is refused with a 409 (a 4xx: surely not sent), batch 3 is never tried
    op = "execute_notification_batch"
    add_faults(
        np6_sandbox_url, {"operation": op, "kind": "delay", "delay": 0}, {"operation": op, "status": 409}
    )
    result = cli(
        "notifications", "execute", "156", "--batch-size", "1",
        "--contact-id", "000R4M0T", "--contact-id", "000R4M0U", "--contact-id", "000R4M0V",
    )  # fmt: skip
    assert result.code == 3, result.stderr
    assert [e["recipient"]["id"] for e in outbox(np6_sandbox_url)] == ["000R4M0T"]
    assert "409" in result.stderr
    assert "1 sent, 0 refused by NP6, 1 not sent (the batch in flight), 1 never tried" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_during_execute_says_what_was_sent_and_exits_130(np6_sandbox_url: str) -> None:
    # batch 1 answers at once; batch 2 is sent by the sandbox, whose answer then waits: Ctrl-C meanwhile
    op = "execute_notification_batch"
    add_faults(
        np6_sandbox_url,
        {"operation": op, "kind": "delay", "delay": 0},
        {"operation": op, "kind": "delay", "delay": 30},
    )
    code, _, stderr = interrupt_when(
        np6_sandbox_url,
        lambda: len(outbox(np6_sandbox_url)) >= 2,  # batch 2 reached the sandbox
        "notifications", "execute", "156", "--batch-size", "1",
        "--contact-id", "000R4M0T", "--contact-id", "000R4M0U", "--contact-id", "000R4M0V",
    )  # fmt: skip
    assert code == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert (
        "interrupted: 1 sent, 0 refused by NP6, 1 outcome unknown (the batch in flight), 1 never tried"
        in stderr
    )
