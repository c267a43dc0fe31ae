"""Every one of the API's 61 operations has an `np6` command: the table below, checked against the sandbox.

Each row is a command and the operation it exists for; the test runs the rows in order (in-process, for
speed: the console script itself is exercised by the other files here), reads which requests each made from
the `np6` logger, and checks both that each row reached its operation and that the table covers them all.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from np6._operations import OPERATIONS
from np6.cli import app
from np6_sandbox.testing import TEST_API_KEY

from support import load_spec

HASH = "0441619ab4631d18548aa8835dd2c28b"
ADA = "000R4M0T"
NEW_NOTIFICATION = '{"type": "push-app", "name": "table"}'
NEW_ACTION = '{"type": "mailMessage", "name": "table", "content": {"subject": "Hi", "text": "Hi"}}'
N = ["notifications"]
A = ["actions"]
ACTION_KINDS = (
    "bounces",
    "hits",
    "open_hits",
    "redirection_hits",
    "unsubscribe_hits",
    "mirror_hits",
    "form_hits",
)


def _events(scope: str, kind: str, one: str | None) -> list[str]:
    """`np6 reactivities export` for one scope, kind ("reactivities": every event) and id (or all)."""
    return [
        "reactivities", "export", "--scope", scope,
        *([] if one is None else ["--id", one]), *([] if kind == "reactivities" else ["--kind", kind]),
    ]  # fmt: skip


TABLE: list[tuple[str, list[str]]] = [
    ("list_notifications", [*N, "list"]),
    ("get_notification", [*N, "get", "156"]),
    ("create_notification", [*N, "create", "-f", "-"]),  # stdin: NEW_NOTIFICATION, id 157
    ("update_notification", [*N, "update", "157", "--replace", "-f", "-"]),
    ("duplicate_notification", [*N, "duplicate", "156"]),
    ("deactivate_notification", [*N, "deactivate", "156"]),
    ("activate_notification", [*N, "activate", "156"]),
    ("render_notification", [*N, "render", "156"]),
    ("render_notification_for_contact_id", [*N, "render", "156", "--contact-id", ADA]),
    ("render_notification_for_contact", [*N, "render", "156", "--unicity", "example@np6.com"]),
    ("render_notification_version", [*N, "render", "156", "--label", "B"]),
    ("render_notification_version_for_contact_id",
        [*N, "render", "156", "--label", "B", "--contact-id", ADA]),
    ("render_notification_version_for_contact", [*N, "render", "156", "--label", "B", "--hash", HASH]),
    ("test_notification", [*N, "test", "156", "--recipient", "42"]),
    ("test_notification_version", [*N, "test", "156", "--recipient", "42", "--label", "B"]),
    ("execute_notification_batch", [*N, "execute", "156", "--contact-id", ADA]),
    ("execute_notification", [*N, "execute-one", "156", "--contact-id", ADA]),
    ("delete_notification", [*N, "delete", "157", "--yes"]),
    ("list_actions", [*A, "list"]),
    ("get_action", [*A, "get", "000PE4"]),
    ("create_action", [*A, "create", "-f", "-"]),  # stdin: NEW_ACTION, id 000PE6
    ("update_action", [*A, "update", "000PE6", "--replace", "-f", "-"]),
    ("duplicate_action", [*A, "duplicate", "000PE4"]),
    ("render_action_message", [*A, "render", "000PE4", "--contact-id", ADA]),
    ("render_action_messages", [*A, "render-many", "000PE5", "--contact-id", ADA, "--data", "{}"]),
    ("render_action_links", [*A, "render-links", "000PE4", "--contact-id", ADA]),
    ("send_action_messages", [*A, "send", "000PE4", "--contact-id", ADA]),
    ("send_action_message", [*A, "send-one", "000PE5", "--contact-id", ADA, "--channel", "sms"]),
    ("send_action_message_to_target", [*A, "send-to-target", "000PE4", ADA]),
    ("export_action_recipients", [*A, "export-recipients", "000PE4"]),
    ("export_action_openers", [*A, "export-openers", "000PE4"]),
    ("export_action_clickers", [*A, "export-clickers", "000PE4"]),
    ("unvalidate_action", [*A, "unvalidate", "000PE4"]),
    ("validate_action", [*A, "validate", "000PE4", "--for-test"]),
    ("delete_action", [*A, "delete", "000PE6", "--yes"]),
    *(
        (f"list_{kind}_of_{scope}", _events("notifications", kind, one))
        for kind in ("reactivities", "impressions", "hits", "optouts", "bounces")
        for scope, one in (("all_notifications", None), ("notification", "156"))
    ),
    *(
        (f"list_{kind}_of_{scope}", _events("actions", kind, one))
        for kind in ("reactivities", *ACTION_KINDS)
        for scope, one in (("all_actions", None), ("action", "000PE4"))
    ),
]  # fmt: skip
STDIN = {"create_notification": NEW_NOTIFICATION, "update_notification": NEW_NOTIFICATION}
STDIN |= {"create_action": NEW_ACTION, "update_action": NEW_ACTION}


def _routes() -> list[tuple[str, re.Pattern[str], str]]:
    """(method, path pattern, operationId) of every operation of the spec."""
    routes = []
    for path, item in load_spec()["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path)) + "$")
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                routes.append((method.upper(), pattern, operation["operationId"]))
    # a static segment wins over a template (/notifications/reactivities is not /notifications/{id})
    routes.sort(key=lambda r: r[1].pattern.count("[^/]+"))
    return routes


def _operation(line: str, routes: list[tuple[str, re.Pattern[str], str]]) -> str:
    method, path = line.split(" ")[:2]
    path = path.split("?")[0]
    return next(op for m, pattern, op in routes if m == method and pattern.match(path))


def test_the_table_covers_every_operation() -> None:
    assert sorted(op for op, _ in TABLE) == sorted(OPERATIONS)


def test_each_command_of_the_table_reaches_its_operation(
    np6_sandbox_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    routes = _routes()
    env = {"NP6_BASE_URL": np6_sandbox_url, "NP6_API_KEY": TEST_API_KEY, "COLUMNS": "200"}
    runner = CliRunner()
    missed: list[tuple[Any, ...]] = []
    for index, (operation, argv) in enumerate(TABLE):
        if argv[:2] == ["reactivities", "export"]:
            argv = [*argv, "--output", str(tmp_path / f"{index}.jsonl")]
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="np6"):
            result = runner.invoke(app, argv, env=env, input=STDIN.get(operation))
        reached = [_operation(r.getMessage(), routes) for r in caplog.records if " -> " in r.getMessage()]
        if result.exit_code != 0 or operation not in reached:
            missed.append((operation, argv, result.exit_code, reached, result.output[-300:]))
    assert not missed
