"""Small loopback servers for the contract suite's own tests: they record every request they receive.

`FakeNp6` answers every operation of the spec with a minimal valid response (so a run against it is clean),
except where a test tells it to misbehave. It is not an emulator: it keeps no state beyond the ids it hands
out and the ones it was told to delete, which is all the suite's safety logic and checks need.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

KEY = "contract-test-key-0123456789"

NOTIFICATION = {"type": "push-app", "id": 7, "name": "n"}
ACTION = {"type": "mailMessage", "id": "000PE4", "name": "a"}
RENDER = {"type": "success"}
EXECUTION = {"type": "success", "id": "497a760d-e444-484f-b964-125cf548bb9c"}


@dataclass
class Seen:
    method: str
    path: str
    body: Any


@dataclass
class FakeNp6:
    """Routes by (method, path pattern); `override` can replace one answer: (status, headers, body bytes)."""

    requests: list[Seen] = field(default_factory=list)
    override: Callable[[str, str], tuple[int, dict[str, str], bytes] | None] | None = None
    next_id: int = 100
    created: list[str] = field(default_factory=list)  # paths of the resources handed out: /actions/000101
    deleted: set[str] = field(default_factory=set)  # resource paths deleted (answered 404 from then on)
    lock: threading.Lock = field(default_factory=threading.Lock)
    key: str = KEY  # the X-Key it accepts

    def answer(self, method: str, path: str, body: Any) -> tuple[int, dict[str, str], bytes]:
        if self.override is not None:
            replaced = self.override(method, path)
            if replaced is not None:
                return replaced
        path = path.split("?", 1)[0]
        parts = path.strip("/").split("/")
        collection = parts[0]
        resource = "/" + "/".join(parts[:2])
        with self.lock:
            if resource in self.deleted:
                return 404, {}, b""  # the stateful phase's use_after_free check: gone stays gone
            if method == "DELETE" and len(parts) == 2:
                self.deleted.add(resource)
        with self.lock:
            self.next_id += 1
            new_id = self.next_id
        if method == "GET":
            if re.fullmatch(r"/(notifications|actions)", path):
                return _json([])
            if "reactivities" in parts:
                return _json([])
            if "export" in parts:
                return 204, {}, b""
            if "render" in parts:
                return _json(RENDER)
            return _json(NOTIFICATION if collection == "notifications" else ACTION)
        if method == "POST" and (len(parts) == 1 or parts[-1] == "duplication"):
            created = dict(NOTIFICATION if collection == "notifications" else ACTION)
            created["id"] = new_id if collection == "notifications" else f"000{new_id}"
            if len(parts) == 1 and isinstance(body, dict) and isinstance(body.get("name"), str):
                created["name"] = body["name"]
            with self.lock:
                self.created.append(f"/{collection}/{created['id']}")
            return _json(created)
        if method == "PUT":
            return _json(NOTIFICATION if collection == "notifications" else ACTION)
        if method == "DELETE" or parts[-1] in ("activation", "validation", "test"):
            return 204, {}, b""
        if parts[-1] in ("render", "renders"):
            if collection == "notifications":
                return _json(RENDER)
            return _json([RENDER] if parts[-1] == "renders" else RENDER)
        if parts[-1] == "links":
            return _json({"type": "success", "links": []})
        if parts[-1] in ("executions",):
            return _json([EXECUTION])
        return _json(EXECUTION)  # execution, targets/{id}


def _json(value: Any) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, json.dumps(value).encode()


def _handler(app: FakeNp6) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as separate writes; with Nagle on, each keep-alive answer waits ~40 ms
        # for the client's delayed ACK.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def handle_one(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
            app.requests.append(Seen(self.command, self.path, body))
            if self.headers.get("X-Key") != app.key:
                status, headers, payload = 401, {}, b""
            else:
                status, headers, payload = app.answer(self.command, self.path, body)
            self.send_response(status)
            if "x-request-id" not in {name.lower() for name in headers}:
                self.send_header("x-request-id", f"req-{uuid.uuid4()}")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = handle_one

    return Handler


@contextlib.contextmanager
def serve(app: FakeNp6) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(app))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
