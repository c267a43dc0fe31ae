"""np6_sandbox's modules import one another without a circle (admin.py and app.py used to import each
other): the graph of module-level imports inside the package, read from the sources, has no cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import np6_sandbox

PACKAGE = Path(np6_sandbox.__file__).parent


def imports() -> dict[str, set[str]]:
    """module -> the package's modules it imports (the package's __init__ re-exports and is left out)."""
    modules = {
        ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        if name == "__init__":
            continue
        found: set[str] = set()
        for node in ast.parse(path.read_text()).body:  # module level only: a function's import is lazy
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("np6_sandbox"):
                base = node.module.removeprefix("np6_sandbox").lstrip(".")
                targets = [f"{base}.{alias.name}".lstrip(".") for alias in node.names] + [base]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
                targets = [n.removeprefix("np6_sandbox.") for n in names if n.startswith("np6_sandbox.")]
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def test_admin_does_not_import_app() -> None:
    graph = imports()
    assert "app" in graph["server"]  # the reader works: it sees server.py import app.py
    assert "admin" in graph["app"]
    seen, todo = set(), ["admin"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    assert "app" not in seen, seen


def test_no_import_circle() -> None:
    graph = imports()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            visit(target, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_a_sandbox_starts_without_importing_the_client() -> None:
    """Finding the shipped spec must not import np6_api (its client imports httpx: half a second), and
    jsonschema waits for the first value the compiled validators do not accept (a quarter of a second)."""
    code = (
        "import sys\n"
        "from np6_sandbox import Sandbox\n"
        "sandbox = Sandbox()\n"
        "sandbox.close()\n"
        "heavy = ('np6_api', 'httpx', 'jsonschema')\n"
        "print(sandbox.spec.path.name, sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["openapi.yaml", "[]"]
