"""Every generated module must import: broken endpoint modules (e.g. issue #1451's `NameError: Unset`)
are only seen when each module is imported, not by `import np6_api`."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import np6_api

from support import GENERATED


def _module_names() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(np6_api.__path__, "np6_api."))


def test_installed_package_is_the_generated_tree() -> None:
    assert np6_api.__file__ is not None
    assert (GENERATED / "py.typed").is_file()
    assert (GENERATED / "api").is_dir() and (GENERATED / "models").is_dir()


def test_there_are_endpoint_and_model_modules() -> None:
    names = _module_names()
    assert any(n.startswith("np6_api.api.") for n in names)
    assert any(n.startswith("np6_api.models.") for n in names)


@pytest.mark.parametrize("name", _module_names())
def test_module_imports(name: str) -> None:
    importlib.import_module(name)
