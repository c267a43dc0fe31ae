"""`--since` / `--until` values: the forms the command line accepts, and the ones it refuses (exit 2)."""

from __future__ import annotations

import pytest
import typer

from np6.cli._common import EXIT_USAGE, date_option, date_range

DAY = 1793491200000  # 2026-11-01T00:00:00Z


@pytest.mark.parametrize(
    ("given", "millis"),
    [
        ("2026-11-01", DAY),  # a date: midnight UTC
        ("2026-11-01T00:00:00Z", DAY),
        ("2026-11-01T01:00:00+01:00", DAY),
        ("2026-11-01T08:00", DAY + 8 * 3600_000),  # no offset: UTC (the library's rule, np6._dates)
        ("1793491200000", DAY),  # milliseconds
        ("1793491200s", DAY),  # Unix seconds, asked for explicitly
        ("5ms", 5),  # small millisecond values, asked for explicitly
        ("0", 0),  # the epoch is the same in seconds and milliseconds
        ("  1793491200000 ", DAY),
    ],
)
def test_accepted_forms(given: str, millis: int) -> None:
    assert date_option(given, "--since") == millis


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("1793491200", "looks like Unix seconds"),  # 2026 in seconds, January 1970 in milliseconds
        ("99999999999", "looks like Unix seconds"),  # the largest number refused
        ("last week", "accepted:"),
        ("2026-13-01", "accepted:"),
        ("1969-12-31", "before 1970"),
        ("99999999999999999999s", "--since"),
        ("9" * 5000, "--since"),  # beyond int()'s digit limit: still a usage error
        ("10000-01-01", "--since"),
    ],
)
def test_refused_forms(given: str, says: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as stopped:
        date_option(given, "--since")
    assert stopped.value.exit_code == EXIT_USAGE
    assert says in capsys.readouterr().err


def test_the_smallest_plausible_millisecond_timestamp_is_accepted() -> None:
    assert date_option("100000000000", "--since") == 100000000000  # 1973-03-03 in milliseconds


def test_until_must_be_after_since(capsys: pytest.CaptureFixture[str]) -> None:
    assert date_range("2026-11-01", "2026-11-02") == (DAY, DAY + 86400_000)
    assert date_range(None, "2026-11-02") == (None, DAY + 86400_000)
    for since, until in (("2026-11-02", "2026-11-01"), ("2026-11-01", "2026-11-01")):
        with pytest.raises(typer.Exit):
            date_range(since, until)
        assert "--until (" in capsys.readouterr().err
