"""Every public class and function of `np6` and `np6.types`, and each of their public methods and properties,
has a docstring: the API reference (`make docs`) is built from them and hides what has none."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType

import pytest

import np6
import np6.types
from np6.resources import Actions, AsyncActions, AsyncNotifications, Notifications

MODULES: list[ModuleType] = [np6, np6.types]
NAMESPACES = [Notifications, AsyncNotifications, Actions, AsyncActions]


def _public_objects() -> Iterator[tuple[str, object]]:
    seen: set[int] = set()
    roots = [(f"{m.__name__}.{n}", getattr(m, n)) for m in MODULES for n in m.__all__]
    roots += [(f"np6.resources.{c.__name__}", c) for c in NAMESPACES]
    for qualname, obj in roots:
        if not (inspect.isclass(obj) or inspect.isfunction(obj)) or id(obj) in seen:
            continue
        if obj.__module__.startswith("np6_api"):  # generated models: documented by the generator
            continue
        seen.add(id(obj))
        yield qualname, obj
        if inspect.isclass(obj):
            for name, member in vars(obj).items():
                if name.startswith("_"):
                    continue
                if isinstance(member, staticmethod | classmethod):
                    member = member.__func__
                if inspect.isfunction(member) or isinstance(member, property):
                    yield f"{qualname}.{name}", member


OBJECTS = list(_public_objects())


def test_the_surface_is_found() -> None:
    names = {name for name, _ in OBJECTS}
    assert {"np6.NP6", "np6.Contact.unicity", "np6.resources.Actions.send", "np6.NP6Error"} <= names


@pytest.mark.parametrize(("name", "obj"), OBJECTS, ids=[name for name, _ in OBJECTS])
def test_has_a_docstring(name: str, obj: object) -> None:
    assert (getattr(obj, "__doc__", None) or "").strip(), f"{name} has no docstring"
