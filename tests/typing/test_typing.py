"""Type tests: each file of tests/typing/ passes `mypy --strict` (see README.md there for the conventions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from typecheck import mypy_diagnostics

# With tests/test_readme.py on one xdist worker: both run mypy on the shared .mypy_cache, one run at a time.
pytestmark = pytest.mark.xdist_group("mypy")

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("test_"))

# Files whose cases the library cannot satisfy yet, with the reason (strict: remove the entry once it passes).
PENDING: dict[str, str] = {}


@pytest.fixture(scope="module")
def diagnostics() -> dict[Path, list[str]]:
    return mypy_diagnostics(CASES, HERE)


def test_there_are_cases() -> None:
    assert {"calls.py", "generated_client.py"} <= {p.name for p in CASES}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(reason=PENDING[p.name], strict=True)])
        if p.name in PENDING
        else pytest.param(p, id=p.stem)
        for p in CASES
    ],
)
def test_case_file_type_checks(case: Path, diagnostics: dict[Path, list[str]]) -> None:
    errors = [line for line in diagnostics[case] if ": error:" in line]
    assert not errors, "\n".join(diagnostics[case])
