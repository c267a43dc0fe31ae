"""One sandbox server per test process (np6_sandbox's pytest fixtures, reset before each test).

`make test` runs pytest with pytest-xdist (`-n auto --dist loadgroup`): several worker processes, each
collecting every test and running the ones it is handed, in any order, beside the others. So a test or
fixture must:

- bind servers to 127.0.0.1 on port 0 (never a fixed port), and take their URL from the fixture;
- write only under `tmp_path` / `tmp_path_factory` (per test, per worker), never into the checkout or a fixed
  path in /tmp; a file of the repository is read, not rewritten;
- expect a session-scoped fixture (a sandbox, a hostile server, a PostgreSQL cluster) to be built once per
  worker, not once per run: keep it cheap, give it its own port / data directory / database name (e.g.
  from `tmp_path_factory` or the `worker_id` fixture) and stop it at the end;
- not depend on another test having run before it in the same process;
- share nothing through the environment or the current directory except via `monkeypatch`.

Tests that must run on one worker together (a costly module-scoped fixture that should be built once, or
several modules writing one shared cache such as `.mypy_cache`) carry `pytest.mark.xdist_group("name")`
(as `pytestmark` for a whole module). A test that takes tens of seconds on its own carries
`pytest.mark.slow`: it is collected first, so a worker starts it at once instead of finishing the run alone
with it. `make test PYTEST_ARGS="-n 0"` runs everything in one process.
"""

from __future__ import annotations

import pytest

from support import restore_sigint

pytest_plugins = ["np6_sandbox.testing", "pytester"]


def pytest_configure(config: pytest.Config) -> None:
    """Children of a test run started in the background get Ctrl-C like from a terminal (support.py)."""
    restore_sigint()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `slow` first (a stable sort: the rest keep their order), for the xdist scheduler."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
