"""Running the sandbox: in-process on a free loopback port (tests, examples) or from the command line.

    python -m np6_sandbox --host 127.0.0.1 --port 8080 --api-key KEY [--api-key KEY2] [--seed-file FILE]

`--port 0` picks a free port; the line `NP6 sandbox listening on http://HOST:PORT` is printed (and flushed)
once the server accepts connections, so scripts can wait for it. Keys also come from NP6_SANDBOX_API_KEYS
(comma-separated); with no key at all the documented default key `sandbox` is used (and said so).
`parser()` is the one option parser: `np6 sandbox` passes its arguments to `main()` untouched.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from np6_sandbox import connections
from np6_sandbox.admin import TOKEN_HEADER, is_loopback
from np6_sandbox.app import DEFAULT_MAX_BODY, Sandbox
from np6_sandbox.connections import DEFAULT_HEADER_TIMEOUT, DEFAULT_KEEP_ALIVE_TIMEOUT
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


def _config(
    sandbox: ASGIApp,
    log_level: str,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    keep_alive_timeout: float = DEFAULT_KEEP_ALIVE_TIMEOUT,
) -> uvicorn.Config:
    # h11 on purpose: the drop/truncate faults close the connection through its protocol cycle.
    return uvicorn.Config(
        sandbox,
        http=connections.protocol(header_timeout),
        lifespan="off",
        log_level=log_level,
        access_log=False,
        timeout_keep_alive=max(1, math.ceil(keep_alive_timeout)),
    )


def is_loopback_host(host: str) -> bool:
    return host == "localhost" or is_loopback(host.strip("[]"))


@contextlib.contextmanager
def serve(
    sandbox: Sandbox | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    log_level: str = "warning",
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    keep_alive_timeout: float = DEFAULT_KEEP_ALIVE_TIMEOUT,
    **options: Any,
) -> Iterator[str]:
    """Run a sandbox with uvicorn in a background thread; yield its base URL; stop it on exit.

    `options` go to `Sandbox(...)` when no sandbox is given (api_keys, seed_file, validate_responses,
    admin_token...). Connections get `header_timeout` seconds to send each request's headers.
    """
    owned = sandbox is None
    sandbox = sandbox or Sandbox(**options)
    sock = _bind(host, port)
    server = uvicorn.Server(_config(sandbox, log_level, header_timeout, keep_alive_timeout))
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


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _positive_int(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) < 19 and int(text) > 0):
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return int(text)


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) < 6 and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {text!r}")
    return int(text)


def parser(prog: str = "python -m np6_sandbox") -> argparse.ArgumentParser:
    """THE option parser of the sandbox: `python -m np6_sandbox` and `np6 sandbox` both use it."""
    cli = argparse.ArgumentParser(
        prog=prog,
        description="Local emulator of the NP6 API 8.1.0 (see sandbox/README.md).",
        epilog="Keys also come from NP6_SANDBOX_API_KEYS (comma-separated), the admin token from "
        f"NP6_SANDBOX_ADMIN_TOKEN. Admin calls send the token in the {TOKEN_HEADER} header.",
    )
    cli.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    cli.add_argument("--port", type=_port, default=8080, help="port; 0 picks a free one (default 8080)")
    cli.add_argument("--api-key", action="append", default=[], help="accepted X-Key (repeatable)")
    cli.add_argument("--seed-file", help="JSON seed file instead of the demo data set")
    cli.add_argument(
        "--max-body",
        type=_positive_int,
        default=DEFAULT_MAX_BODY,
        help=f"request body limit in bytes, 413 past it (default {DEFAULT_MAX_BODY})",
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
    cli.add_argument(
        "--admin-token",
        help=f"require this token (header {TOKEN_HEADER}) on /_sandbox/ admin calls and accept them from "
        "any address; without it they answer loopback clients only",
    )
    cli.add_argument(
        "--header-timeout",
        type=_seconds,
        default=DEFAULT_HEADER_TIMEOUT,
        help="seconds a connection has to send a request's headers before it is closed "
        f"(default {DEFAULT_HEADER_TIMEOUT:g})",
    )
    cli.add_argument(
        "--keep-alive-timeout",
        type=_seconds,
        default=DEFAULT_KEEP_ALIVE_TIMEOUT,
        help=f"seconds an idle kept-alive connection stays open (default {DEFAULT_KEEP_ALIVE_TIMEOUT:g})",
    )
    return cli


class _Stopped(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class _Stopper:
    """SIGTERM/SIGINT/SIGHUP handler: before the server runs, stop at once (`_Stopped`); while it runs,
    shut it down gracefully (uvicorn does this itself for SIGINT/SIGTERM, then re-raises them to us)."""

    def __init__(self) -> None:
        self.server: uvicorn.Server | None = None
        self.signum: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signum = self.signum or signum
        if self.server is None:
            raise _Stopped(signum)
        self.server.should_exit = True

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        for sig in STOP_SIGNALS:
            signal.signal(sig, self)
        try:
            yield
        finally:
            for sig in STOP_SIGNALS:
                signal.signal(sig, signal.SIG_IGN)  # a second signal must not cut the clean-up short


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m np6_sandbox") -> int:
    """Run the sandbox until stopped; the exit status (2 for a usage error).

    Whatever stops it (a return, an error, SIGTERM, SIGINT, SIGHUP), the temporary files it created are
    removed; stopped by a signal, it then ends by that same signal, as service managers expect.
    """
    try:
        args = parser(prog).parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error argparse already explained
        return exit_.code if isinstance(exit_.code, int) else 2
    keys = list(args.api_key)
    keys += [k.strip() for k in os.environ.get("NP6_SANDBOX_API_KEYS", "").split(",") if k.strip()]
    if not keys:
        keys = [DEFAULT_KEY]
        print(f"np6 sandbox: no --api-key given, accepting the default key {DEFAULT_KEY!r}", file=sys.stderr)
    admin_token = args.admin_token or os.environ.get("NP6_SANDBOX_ADMIN_TOKEN") or None
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    handlers = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    stopper = _Stopper()
    sandbox: Sandbox | None = None
    try:
        with stopper.installed():
            try:
                sandbox = Sandbox(
                    api_keys=keys,
                    seed_file=args.seed_file,
                    validate_responses=args.validate_responses,
                    max_body=args.max_body,
                    spec_path=args.spec,
                    admin_token=admin_token,
                )
            except (SeedError, ValueError, OSError) as error:
                print(f"np6 sandbox: {error}", file=sys.stderr)
                return 2
            if not is_loopback_host(args.host):
                print(
                    f"np6 sandbox: warning: --host {args.host} is not a loopback address, so other machines "
                    "can reach the API (with a key); the /_sandbox/ admin surface "
                    + (
                        f"needs the {TOKEN_HEADER} header"
                        if admin_token
                        else "stays loopback-only (give --admin-token to open it)"
                    ),
                    file=sys.stderr,
                )
            try:
                sock = _bind(args.host, args.port)
            except OSError as error:
                print(f"np6 sandbox: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
                return 2
            server = uvicorn.Server(
                _config(sandbox, args.log_level, args.header_timeout, args.keep_alive_timeout)
            )
            print(f"NP6 sandbox listening on {_url(sock)}", flush=True)
            stopper.server = server
            server.run(sockets=[sock])
    except _Stopped:
        pass  # stopper.signum says which signal
    finally:
        if sandbox is not None:
            sandbox.close()
        if threading.current_thread() is threading.main_thread():
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
    if stopper.signum is not None:
        _die_by(stopper.signum)
        return 128 + stopper.signum
    return 0


def _die_by(signum: int) -> None:
    """End the process by `signum` with its default action (exit status "killed by SIGTERM")."""
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)
