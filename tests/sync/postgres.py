"""A throwaway PostgreSQL server for the sync tests: initdb into a temporary directory, started on a free
loopback port with its unix socket in that directory, trust authentication for loopback, stopped at the end.

initdb and postgres refuse to run as root: as root, the directory is handed to the `postgres` system user
and the binaries run through `runuser -u postgres`. Binaries are looked up in PATH, then in
/usr/lib/postgresql/*/bin (Debian's layout).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

START_TIMEOUT = 60.0  # seconds: a safety net for a loaded machine, not a timing assertion


class PostgresUnavailable(Exception):
    """No PostgreSQL binaries here (or no way to run them)."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    socket_dir: Path

    def url(self, database: str = "postgres", *, password: str | None = None, driver: str = "psycopg") -> str:
        auth = self.user if password is None else f"{self.user}:{password}"
        return f"postgresql+{driver}://{auth}@{self.host}:{self.port}/{database}"


def find_bin_dir() -> Path:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]), reverse=True
    )
    if candidates:
        return Path(candidates[0]).parent
    raise PostgresUnavailable(
        "no initdb in PATH nor in /usr/lib/postgresql/*/bin: apt-get install postgresql"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(base: Path, *, durable: bool = False) -> Iterator[Server]:
    """A PostgreSQL server in the directory `base` (as root, its parents must be searchable by others, as
    /tmp is), stopped and its files removed at the end. Tests run it with fsync off; `durable` keeps it on
    (benchmarks)."""
    bin_dir = find_bin_dir()
    prefix: list[str] = []
    user = "postgres"
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PostgresUnavailable("running as root without runuser: cannot start PostgreSQL")
        prefix = [runuser, "-u", "postgres", "--"]
    else:
        import pwd

        user = pwd.getpwuid(os.geteuid()).pw_name
    base.mkdir(parents=True, exist_ok=True)
    data = base / "data"
    sockets = base / "sockets"
    sockets.mkdir()
    if prefix:
        shutil.chown(base, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
    _run(
        [
            *prefix,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            user,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        timeout=300,
    )
    port = _free_port()
    log = base / "postgres.log"
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c max_connections=50"
    if not durable:
        options += " -c fsync=off"
    if prefix:
        log.touch()
        shutil.chown(log, "postgres", "postgres")
    _run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            str(int(START_TIMEOUT)),
            "start",
        ],
        timeout=START_TIMEOUT + 30,
        log=log,
    )
    try:
        _wait(port)
        yield Server("127.0.0.1", port, user, sockets)
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=120,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)


def _run(command: list[str], *, timeout: float, log: Path | None = None) -> None:
    done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    if done.returncode != 0:
        logged = log.read_text(errors="replace")[-3000:] if log is not None and log.exists() else ""
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout.decode(errors='replace')}"
            f"{done.stderr.decode(errors='replace')}{logged}"
        )


def _wait(port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def create_database(server: Server) -> str:
    name = "np6_" + uuid.uuid4().hex[:12]
    with psycopg.connect(
        host=server.host, port=server.port, user=server.user, dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name
