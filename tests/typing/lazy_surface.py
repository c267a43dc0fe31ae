"""`np6` and `np6_api.models` load their names on first use (PEP 562): type checkers still see each name,
and refuse a typo."""

from __future__ import annotations

from typing import assert_type

import np6
import np6_api.models
from np6 import DEFAULT_LIMITS, NP6, BatchProgress, Limits, NP6Error, batch_progress_of
from np6_api.models import Notification


def accepted(error: BaseException) -> None:
    assert_type(DEFAULT_LIMITS, Limits)
    assert_type(np6.DEFAULT_LIMITS, Limits)
    assert_type(batch_progress_of(error), BatchProgress | None)
    client: NP6 = np6.NP6(api_key="k", base_url="http://127.0.0.1:8080")
    client.close()
    if isinstance(error, np6.NP6Error):
        assert_type(error, NP6Error)
    assert_type(np6_api.models.Notification.from_dict({"type": "push-app"}), Notification)


def rejected() -> None:
    np6.NP7  # type: ignore[attr-defined]  # noqa: B018
    np6.Limits(max_dept=3)  # type: ignore[call-arg]


def models_rejected() -> None:
    np6_api.models.Notificaton  # type: ignore[attr-defined]  # noqa: B018
