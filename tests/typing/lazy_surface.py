"""`np6` loads its names on first use (PEP 562); type checkers still see each one and refuse a typo."""

from __future__ import annotations

from typing import assert_type

import np6
from np6 import DEFAULT_LIMITS, NP6, BatchProgress, Limits, NP6Error, batch_progress_of


def accepted(error: BaseException) -> None:
    assert_type(DEFAULT_LIMITS, Limits)
    assert_type(np6.DEFAULT_LIMITS, Limits)
    assert_type(batch_progress_of(error), BatchProgress | None)
    client: NP6 = np6.NP6(api_key="k", base_url="http://127.0.0.1:8080")
    client.close()
    if isinstance(error, np6.NP6Error):
        assert_type(error, NP6Error)


def rejected() -> None:
    np6.NP7  # type: ignore[attr-defined]  # noqa: B018
    np6.Limits(max_dept=3)  # type: ignore[call-arg]
