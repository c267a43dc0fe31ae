"""tests/conftest.py's collection hook: tests marked `slow` first, none dropped, the rest in their order."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")


def test_slow_tests_come_first_and_nothing_is_dropped(pytester: pytest.Pytester) -> None:
    # The real hook, loaded from tests/conftest.py by path (`import conftest` may find another conftest.py).
    pytester.makeconftest(
        f"""
        import importlib.util

        spec = importlib.util.spec_from_file_location("np6_tests_conftest", {str(CONFTEST)!r})
        real = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(real)
        pytest_collection_modifyitems = real.pytest_collection_modifyitems
        """
    )
    pytester.makeini("[pytest]\nmarkers =\n    slow: long\n")
    pytester.makepyfile(
        test_a="""
        import pytest

        def test_one(): pass

        @pytest.mark.slow
        def test_two(): pass

        @pytest.mark.parametrize("n", [1, 2])
        def test_three(n): pass
        """,
        test_b="""
        import pytest

        pytestmark = pytest.mark.slow

        def test_four(): pass
        """,
        test_c="""
        def test_five(): pass
        """,
    )
    result = pytester.runpytest("--collect-only", "-q", "--strict-markers")
    assert result.ret == 0, result.stdout.str()
    collected = [line for line in result.stdout.lines if "::" in line]
    assert collected == [
        "test_a.py::test_two",
        "test_b.py::test_four",
        "test_a.py::test_one",
        "test_a.py::test_three[1]",
        "test_a.py::test_three[2]",
        "test_c.py::test_five",
    ]
