"""Path and query strings coerced to the JSON value their schema expects, as JSON Schema reads it."""

from __future__ import annotations

import httpx
import pytest

from np6_sandbox.testing import TEST_API_KEY


@pytest.mark.parametrize(
    ("raw", "status"),
    [("156", 200), ("156.0", 200), ("1.56e2", 200), ("156.5", 400), ("1e999999999", 400), ("abc", 400)],
)
def test_an_integer_path_parameter_accepts_any_integral_number(
    np6_sandbox_url: str, raw: str, status: int
) -> None:
    answer = httpx.get(f"{np6_sandbox_url}/notifications/{raw}", headers={"X-Key": TEST_API_KEY})
    assert answer.status_code == status, answer.text
