"""`import np6` is lazy (PEP 562), and the public surface is the same as when it was eager.

Every public name of `np6` (and of `np6.types` and `np6.sync`) is importable and is the very object of the
module that defines it; the imports that type checkers and IDEs read (`if TYPE_CHECKING:` in
`np6/__init__.py`), the names loaded on first use and `__all__` agree; `import np6` and `np6 --version` in
a fresh interpreter load none of what is deferred (issue 13, start-up).
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import np6
import np6.sync
import np6.types
from np6 import _base_client
from np6.cli import version_line
from np6_sandbox.testing import TEST_API_KEY

INIT = Path(np6.__file__)

# What `import np6` alone must not load: the client and everything it pulls in.
DEFERRED = (
    "np6._client",
    "np6._base_client",
    "np6._exceptions",
    "np6._limits",
    "np6._streaming",
    "np6.resources",
    "np6.types",
    "np6_api",
    "httpx",
    "httpcore",
    "asyncio",
    "attrs",
    "typer",
    "click",
    "rich",
)


def static_imports() -> dict[str, str]:
    """name -> defining module, from the `if TYPE_CHECKING:` block of np6/__init__.py (what mypy reads)."""
    tree = ast.parse(INIT.read_text())
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1
    found: dict[str, str] = {}
    for node in blocks[0].body:
        assert isinstance(node, ast.ImportFrom), ast.dump(node)
        if node.module == "typing":  # annotations of __init__.py itself
            continue
        assert node.level == 1
        for alias in node.names:
            assert alias.asname is None
            found[alias.name] = f"np6.{node.module}"
    return found


def modules_after(code: str, argv: list[str] | None = None) -> set[str]:
    """`sys.modules` once `code` has run in a fresh interpreter (at exit, for a console script's `main`)."""
    probe = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print('MODULES', json.dumps(sorted(sys.modules)), file=sys.__stderr__))\n"
        f"sys.argv = {argv or ['-c']!r}\n{code}"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (line,) = (line for line in proc.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


def deferred_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == d or m.startswith(d + ".") for d in DEFERRED))


def test_the_static_imports_the_lazy_table_and_all_agree() -> None:
    static = static_imports()
    assert set(static) == set(np6.__all__) - {"__version__"}
    assert {name: f"np6{source}" for name, source in np6._SOURCES.items()} == static
    assert len(np6.__all__) == len(set(np6.__all__))


@pytest.mark.parametrize("name", sorted(np6.__all__))
def test_each_public_name_is_its_defining_modules_object(name: str) -> None:
    module = importlib.import_module(static_imports().get(name, "np6._version"))
    assert getattr(np6, name) is getattr(module, name)
    namespace: dict[str, object] = {}
    exec(f"from np6 import {name}", namespace)
    assert namespace[name] is getattr(module, name)
    defined_in = getattr(getattr(np6, name), "__module__", None)
    if isinstance(getattr(np6, name), type) or callable(getattr(np6, name)):
        # pickle finds classes and functions by `__module__` and name: that module holds the same object
        assert getattr(sys.modules[defined_in], getattr(np6, name).__qualname__) is getattr(np6, name)


def test_star_import_and_dir_list_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from np6 import *", namespace)
    assert set(np6.__all__) <= set(namespace)
    assert set(np6.__all__) <= set(dir(np6))


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="module 'np6' has no attribute 'NP7'"):
        np6.NP7  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(np6, "_SOURCES_")
    with pytest.raises(ImportError, match="NP7"):
        exec("from np6 import NP7", {})


def test_errors_and_limits_pickle_and_match_isinstance_as_before() -> None:
    error = pickle.loads(pickle.dumps(np6.NP6ValidationError("bad argument")))
    assert isinstance(error, np6.NP6Error) and isinstance(error, np6.NP6ValidationError)
    assert str(error) == "bad argument"
    assert pickle.loads(pickle.dumps(np6.Limits(max_depth=3))) == np6.Limits(max_depth=3)


@pytest.mark.parametrize("module", [np6.types, np6.sync], ids=lambda m: m.__name__)
def test_public_names_of_the_submodules_are_importable_and_the_same(module: object) -> None:
    for name in module.__all__:  # type: ignore[attr-defined]
        namespace: dict[str, object] = {}
        exec(f"from {module.__name__} import {name}", namespace)  # type: ignore[attr-defined]
        value = namespace[name]
        assert value is getattr(module, name)
        if isinstance(value, type):
            assert getattr(sys.modules[value.__module__], value.__qualname__) is value


def test_import_np6_loads_none_of_the_deferred_modules() -> None:
    loaded = modules_after("import np6")
    assert deferred_in(loaded) == []
    assert sorted(m for m in loaded if m.startswith("np6")) == ["np6", "np6._version"]


def test_a_public_name_loads_its_module_on_first_use() -> None:
    loaded = modules_after("import np6\nnp6.NP6Error")
    assert "np6._exceptions" in loaded
    assert "np6._client" not in loaded
    assert {"np6._client", "httpx"} <= modules_after("from np6 import NP6")


def test_constructing_a_client_loads_neither_the_transport_nor_asyncio_nor_models() -> None:
    """What a client needs before its first request: httpx; httpcore (the transport) comes with the first
    request, as with `httpx.Client`, and each model with the call that parses it."""
    for client in ("NP6", "AsyncNP6"):
        loaded = modules_after(f"import np6\nnp6.{client}(api_key='k', base_url='http://127.0.0.1:9')")
        assert "np6._client" in loaded
        assert [m for m in loaded if m.split(".")[0] in ("httpcore", "asyncio", "h11", "anyio")] == []
        assert not {"np6._deadline_backends", "np6_api.models.notification"} & loaded


def test_np6_version_loads_neither_the_client_nor_the_cli_framework() -> None:
    loaded = modules_after("from np6.cli import main\nmain()", ["np6", "--version"])
    assert deferred_in(loaded) == []


def test_np6_version_prints_the_same_line() -> None:
    script = Path(sys.executable).with_name("np6")
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, version_line() + "\n", "")
    assert version_line() == f"np6 {np6.__version__} (np6-python, NP6 API 8.1.0)"


def test_a_sync_client_calls_np6_without_loading_asyncio(np6_sandbox_url: str) -> None:
    """asyncio is imported where the async client needs it, never on the sync path (start-up cost)."""
    loaded = modules_after(
        "import np6\n"
        f"with np6.NP6(api_key={TEST_API_KEY!r}, base_url={np6_sandbox_url!r}, max_retries=0) as client:\n"
        "    assert client.notifications.get(156).id == 156\n"
        "    try:\n"
        "        client.notifications.get(999999)\n"
        "    except np6.NotFoundError:\n"
        "        pass\n"
    )
    assert {"np6._client", "httpcore", "np6_api"} <= {
        m.split(".")[0] if m.startswith("np6_api") else m for m in loaded
    }
    assert "asyncio" not in loaded


def test_the_async_retry_wait_sleeps_what_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_async_sleep` (patched out by the other tests) imports asyncio itself and waits the policy's time."""
    waits: list[float] = []

    async def recorded(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_base_client, "_async_sleep", _ORIGINAL_ASYNC_SLEEP)
    monkeypatch.setattr(asyncio, "sleep", recorded)
    asyncio.run(_base_client._async_sleep(0.25))
    assert waits == [0.25]


_ORIGINAL_ASYNC_SLEEP = _base_client._async_sleep  # at collection, before the autouse fixture patches it
