"""Fixtures of the sync tests: a real PostgreSQL server for the session (skipped when PostgreSQL is not
installed, unless NP6_REQUIRE_POSTGRES=1, as in CI, which makes that a failure), a fresh database per test,
and `database_url` parametrized over SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres import PostgresUnavailable, Server, create_database, running


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    base = Path(tempfile.mkdtemp(prefix="np6-postgres-"))
    try:
        with running(base) as server:
            yield server
    except PostgresUnavailable as error:
        if os.environ.get("NP6_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"NP6_REQUIRE_POSTGRES=1 but {error}")
        pytest.skip(str(error))
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: Server) -> str:
    return postgres_server.url(create_database(postgres_server))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'events.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"{request.param}_url"))
