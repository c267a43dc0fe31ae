"""Running the sandbox: in-process on a free loopback port (tests, examples) or from the command line.

    python -m np6_sandbox --host 127.0.0.1 --port 8080 --api-key KEY [--api-key KEY2] [--seed-file FILE]

`--port 0` picks a free port; the line `NP6 sandbox listening on http://HOST:PORT` is printed (and flushed)
once the server accepts connections, so scripts can wait for it. Keys also come from NP6_SANDBOX_API_KEYS
(comma-separated); with no key at all the documented default key `sandbox` is used (and said so).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import socket
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import uvicorn

from np6_sandbox.app import DEFAULT_MAX_BODY, Sandbox
from np6_sandbox.seed import SeedError

DEFAULT_KEY = "sandbox"


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted sockets only when proto says TCP; without
    # it every response written in two parts (headers, body) waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _config(sandbox: Sandbox, log_level: str) -> uvicorn.Config:
    # h11 on purpose: the drop/truncate faults close the connection through its protocol cycle.
    return uvicorn.Config(sandbox, http="h11", lifespan="off", log_level=log_level, access_log=False)


@contextlib.contextmanager
def serve(
    sandbox: Sandbox | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    log_level: str = "warning",
    **options: Any,
) -> Iterator[str]:
    """Run a sandbox with uvicorn in a background thread; yield its base URL; stop it on exit.

    `options` go to `Sandbox(...)` when no sandbox is given (api_keys, seed_file, validate_responses...).
    """
    owned = sandbox is None
    sandbox = sandbox or Sandbox(**options)
    sock = _bind(host, port)
    server = uvicorn.Server(_config(sandbox, log_level))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="np6-sandbox", daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the NP6 sandbox failed to start")
            threading.Event().wait(0.01)
        yield _url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        if owned:
            sandbox.close()


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m np6_sandbox", description="Local emulator of the NP6 API 8.1.0."
    )
    cli.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    cli.add_argument("--port", type=int, default=8080, help="port; 0 picks a free one (default 8080)")
    cli.add_argument("--api-key", action="append", default=[], help="accepted X-Key (repeatable)")
    cli.add_argument("--seed-file", help="JSON seed file instead of the demo data set")
    cli.add_argument(
        "--max-body", type=int, default=DEFAULT_MAX_BODY, help="request body limit in bytes (413 past it)"
    )
    cli.add_argument(
        "--validate-responses", action="store_true", help="answer 500 when a response drifts from the spec"
    )
    cli.add_argument(
        "--spec", help="OpenAPI document to serve (default: the spec np6_api was generated from)"
    )
    cli.add_argument(
        "--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"]
    )
    return cli


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    keys = list(args.api_key)
    keys += [k.strip() for k in os.environ.get("NP6_SANDBOX_API_KEYS", "").split(",") if k.strip()]
    if not keys:
        keys = [DEFAULT_KEY]
        print(f"np6 sandbox: no --api-key given, accepting the default key {DEFAULT_KEY!r}", file=sys.stderr)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    try:
        sandbox = Sandbox(
            api_keys=keys,
            seed_file=args.seed_file,
            validate_responses=args.validate_responses,
            max_body=args.max_body,
            spec_path=args.spec,
        )
    except (SeedError, ValueError, OSError) as error:
        print(f"np6 sandbox: {error}", file=sys.stderr)
        return 2
    try:
        sock = _bind(args.host, args.port)
    except OSError as error:
        print(f"np6 sandbox: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 2
    server = uvicorn.Server(_config(sandbox, args.log_level))
    print(f"NP6 sandbox listening on {_url(sock)}", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        sandbox.close()
    return 0
