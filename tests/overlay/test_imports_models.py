"""`np6_api.models` imports each model on first use (PEP 562), through openapi/templates/models_init.py.jinja.

Importing one model module (what the client does for a call) no longer imports the package's ~140 models;
`from np6_api.models import X`, `np6_api.models.X`, `__all__` and `dir()` give the same objects as before,
and type checkers still read ordinary imports (tests/typing/lazy_surface.py).
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import np6_api.models
from np6_sandbox.testing import TEST_API_KEY

INIT = Path(np6_api.models.__file__)


def static_imports() -> dict[str, str]:
    """model -> module, from the `if TYPE_CHECKING:` block (what mypy reads)."""
    tree = ast.parse(INIT.read_text())
    (block,) = (n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    found = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        if node.module != "typing":
            assert node.level == 1 and len(node.names) == 1
            found[node.names[0].name] = f"np6_api.models.{node.module}"
    return found


def test_the_static_imports_the_lazy_table_and_all_agree() -> None:
    static = static_imports()
    assert len(static) > 100
    assert set(static) == set(np6_api.models.__all__)
    assert {name: f"np6_api.models{source}" for name, source in np6_api.models._MODULES.items()} == static


@pytest.mark.parametrize("name", sorted(np6_api.models.__all__))
def test_each_model_is_its_modules_object(name: str) -> None:
    module = importlib.import_module(static_imports()[name])
    namespace: dict[str, object] = {}
    exec(f"from np6_api.models import {name}", namespace)
    assert namespace[name] is getattr(np6_api.models, name) is getattr(module, name)
    assert name in dir(np6_api.models)


def test_an_unknown_model_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Notificaton'"):
        np6_api.models.Notificaton  # type: ignore[attr-defined]  # noqa: B018


def test_a_call_imports_only_the_models_it_needs(np6_sandbox_url: str) -> None:
    code = (
        "import json, sys, np6\n"
        f"with np6.NP6(api_key={TEST_API_KEY!r}, base_url={np6_sandbox_url!r}, max_retries=0) as client:\n"
        "    assert client.notifications.get(156).id == 156\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('np6_api.models.'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = set(json.loads(proc.stdout.splitlines()[-1]))
    assert "np6_api.models.notification" in loaded
    # none of the event, action or request models a notification does not refer to
    assert not {"np6_api.models.hit_event", "np6_api.models.mail_message_action"} & loaded
    assert len(loaded) < len(np6_api.models.__all__) // 4
