"""A short soak in CI (the full 10,000-call run: ``python -m tests.faults.soak``)."""

from __future__ import annotations

import pytest

from .conftest import SECRET
from .soak import soak


@pytest.mark.slow
def test_soak_mixed_calls_with_random_faults(sandbox_url: str) -> None:
    figures = soak(sandbox_url, SECRET, calls=300, seed=1, max_seconds=90.0)
    assert not figures.unexpected, figures.unexpected[:10]
    assert figures.duplicates == 0 and figures.lost == 0, figures.summary()
    assert figures.faults_injected > 50 and figures.sends_ok > 10, figures.summary()
