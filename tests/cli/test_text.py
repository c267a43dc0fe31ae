"""The text rules under every command's output, in-process: escaping, TSV cells, CLI words, -v hoisting."""

from __future__ import annotations

import pytest
import typer

from np6.cli._app import _hoist_global_options, app
from np6.cli._common import cli_words, one_line, print_fields, print_rows, tsv_cell, visible


def test_visible_escapes_what_would_drive_a_terminal_and_keeps_the_rest() -> None:
    assert visible("a\x1b[31mb") == "a\\x1b[31mb"
    assert visible("over\rwrite\x07\x7f\x9b\u202e\u2066") == "over\\rwrite\\x07\\x7f\\x9b\\u202e\\u2066"
    assert visible("[bold]é 中 😀\ttab\nline \\ back") == "[bold]é 中 😀\ttab\nline \\ back"


def test_one_line_also_escapes_newlines_and_tabs() -> None:
    assert one_line("a\nb\tc\x1b") == "a\\nb\\tc\\x1b"


def test_tsv_cells_are_one_line_and_reversible() -> None:
    assert tsv_cell("a\tb\nc\\d\x1be") == "a\\tb\\nc\\\\d\\x1be"
    assert tsv_cell("[red]é[/red]") == "[red]é[/red]"


def test_piped_tables(capsys: pytest.CaptureFixture[str]) -> None:
    print_rows("ignored title", ["id", "name"], [[1, "a\tb"], [None, "x" * 500]])
    print_fields("ignored", [("name", "[b]x[/b]"), ("none", None)])
    assert capsys.readouterr().out == ("id\tname\n1\ta\\tb\n\t" + "x" * 500 + "\nname\t[b]x[/b]\nnone\t\n")


def test_library_messages_in_cli_words() -> None:
    assert cli_words("no API key: pass api_key=... or set NP6_API_KEY") == (
        "no API key: pass --api-key or set NP6_API_KEY"
    )
    assert cli_words("base_url 'x' is not a URL") == "--base-url 'x' is not a URL"
    assert cli_words("notification notification_id must be within") == "the notification id must be within"
    assert cli_words("unknown reactivity kind 'x': use None (all events) or one of a") == (
        "unknown reactivity kind 'x': leave out --kind (all events) or one of a"
    )


@pytest.mark.parametrize(
    ("args", "hoisted"),
    [
        (["actions", "list", "-v"], ["-v", "actions", "list"]),
        (["-v", "actions", "list"], ["-v", "actions", "list"]),
        (["actions", "list", "--verbose", "--json"], ["--verbose", "actions", "list", "--json"]),
        # the value of an option that takes one stays where it is
        (["notifications", "render", "1", "--data", "-v"], ["notifications", "render", "1", "--data", "-v"]),
        (["notifications", "render", "1", "--data=-v"], ["notifications", "render", "1", "--data=-v"]),
        (["contract", "--", "-v"], ["contract", "--", "-v"]),
    ],
)
def test_verbose_is_moved_to_the_front(args: list[str], hoisted: list[str]) -> None:
    assert _hoist_global_options(typer.main.get_command(app), args) == hoisted
