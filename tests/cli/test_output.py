"""What the API returned is what the user sees: no markup, no terminal control, exact JSON, clean pipes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from clirun import Ran

from np6 import NP6
from np6_sandbox.testing import TEST_API_KEY

Cli = Callable[..., Ran]

NAME = "[draft] Black friday [/] promo \x1b[31mRED\x1b[0m \x9b2J \u202eevil"
HTML_COMMENT = "<!--[if mso]><table><![endif]-->"
BODY = "{{data.product}} is on sale [bold]not bold[/bold] \r overwritten?"


@pytest.fixture
def hostile_notification(np6_sandbox_url: str) -> int:
    """A notification whose name and content hold markup, ANSI/C1 escapes, CR and a bidi override."""
    with NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url) as np6:
        created = np6.notifications.create(
            {
                "type": "push-app",
                "name": NAME,
                "description": HTML_COMMENT,
                "active": True,
                "versions": [
                    {
                        "master": True,
                        "label": "[A]",
                        "content": {"type": "default", "title": HTML_COMMENT, "body": BODY},
                    }
                ],
            }
        )
    assert isinstance(created.id, int)
    return created.id


def json_out(result: Ran) -> Any:
    assert result.code == 0, result
    return json.loads(result.out_bytes)


def test_json_round_trips_markup_and_escape_sequences_exactly(cli: Cli, hostile_notification: int) -> None:
    found = json_out(cli("notifications", "get", str(hostile_notification), "--json"))
    assert found["name"] == NAME and found["description"] == HTML_COMMENT
    version = found["versions"][0]
    assert (version["label"], version["content"]["title"], version["content"]["body"]) == (
        "[A]",
        HTML_COMMENT,
        BODY,
    )
    listed = json_out(cli("notifications", "list", "--json"))
    assert NAME in [n["name"] for n in listed]


def test_render_data_with_brackets_is_rendered_not_parsed(cli: Cli, hostile_notification: int) -> None:
    data = '{"product": "a [/] b [red]"}'
    args = ("notifications", "render", str(hostile_notification), "--contact-id", "000R4M0T", "--data", data)
    rendered = json_out(cli(*args, "--json"))
    assert rendered["render"]["body"] == BODY.replace("{{data.product}}", "a [/] b [red]")
    assert rendered["render"]["title"] == HTML_COMMENT
    table = cli(*args)
    assert table.code == 0, table
    assert "a [/] b [red] is on sale [bold]not bold[/bold]" in table.stdout
    assert HTML_COMMENT in table.stdout


def test_a_terminal_sees_content_intact_and_escape_sequences_made_visible(
    cli_tty: Cli, hostile_notification: int
) -> None:
    shown = cli_tty("notifications", "list")
    assert shown.code == 0, shown
    text = without_styles(shown)
    assert "\x1b" not in text and "\r" not in text  # nothing from the content drives the terminal
    assert "\x9b" not in text and "\u202e" not in text
    assert r"[draft] Black friday [/] promo \x1b[31mRED\x1b[0m \x9b2J \u202eevil" in text
    got = cli_tty("notifications", "get", str(hostile_notification))
    assert got.code == 0, got
    text = without_styles(got)
    assert "\x1b" not in text
    assert "[A]" in text and HTML_COMMENT in text
    rendered = cli_tty("notifications", "render", str(hostile_notification), "--contact-id", "000R4M0T")
    assert rendered.code == 0, rendered
    assert r" is on sale [bold]not bold[/bold] \r overwritten?" in without_styles(rendered)


def without_styles(result: Ran) -> str:
    """Terminal output without Rich's own bold/dim codes (the content's are shown escaped, as text)."""
    return re.sub("\x1b\\[[0-9;]*m", "", result.stdout)


def test_a_piped_list_is_tab_separated_lines_that_never_wrap(cli: Cli, np6_sandbox_url: str) -> None:
    long_name = "a-very-long-notification-name-" * 10 + "end"
    with NP6(api_key=TEST_API_KEY, base_url=np6_sandbox_url) as np6:
        for name in (long_name, "tab\there\nnew line \\ backslash"):
            version = {
                "master": True,
                "label": "A",
                "content": {"type": "default", "title": "t", "body": "b"},
            }
            np6.notifications.create(
                {"type": "push-app", "name": name, "active": True, "versions": [version]}
            )
    listed = cli("notifications", "list")
    assert listed.code == 0, listed
    lines = listed.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:2] == ["id", "name"]
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == len(header) for row in rows)  # one record per line, no wrapping, no extra tab
    names = [row[1] for row in rows]
    assert long_name in names
    assert "tab\\there\\nnew line \\\\ backslash" in names  # escaped reversibly, still one line

    got = cli("notifications", "get", "156")
    version_ids = [line.split("\t")[0] for line in got.stdout.splitlines()]
    assert "3c74d8f9-b9e9-4864-b3fb-c97f57d7a80f" in version_ids  # a UUID is never split


def test_piped_fields_are_name_tab_value_lines(cli: Cli) -> None:
    got = cli("actions", "get", "000PE4")
    assert got.code == 0, got
    fields = dict(line.split("\t", 1) for line in got.stdout.splitlines() if not line.startswith("id\t"))
    assert fields["name"] and fields["type"] == "mailMessage"


def test_error_messages_keep_brackets_and_print_no_markup(cli: Cli) -> None:
    bad = cli("reactivities", "export", "--scope", "notifications", "--since", "[bold]soon[/bold]")
    assert bad.code == 2
    assert "[bold]soon[/bold]" in bad.stderr and "[red]" not in bad.stderr
    assert bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1
