"""A minimal loopback HTTP/1.1 server answering fixed bytes per route (not collected by pytest).

    python benchmarks/fixed_server.py ROUTES.json     # prints "listening on http://127.0.0.1:PORT"

``ROUTES.json`` maps ``"METHOD /path"`` (no query) to ``{"body": <JSON value>}`` or, for a reactivity stream,
``{"events": N, "template": <one event>}``: the array of N copies of the event with ``id`` and ``timestamp``
made unique (built once at start-up, served with a Content-Length); ``"step": MS`` (default 1) spaces the
timestamps, e.g. to spread the events over days. Unknown routes get 404. Keep-alive,
TCP_NODELAY (asyncio's default), one thread: the server costs a few tens of microseconds per request, so
the per-call benchmarks measure the client, not the server.
"""

from __future__ import annotations

import asyncio
import json
import sys

STREAM_CHUNK = 1 << 20


def event_array(template: dict[str, object], count: int, step: int = 1) -> bytes:
    """``count`` copies of ``template`` (ids ``00000000-0000-4000-8000-<n>``, timestamps 1.6e12 + n*step)."""
    marked = dict(template, id="@ID@", timestamp=-4242)
    head, rest = json.dumps(marked, separators=(",", ":")).split('"@ID@"')
    middle, tail = rest.split("-4242")
    parts = [
        f'{head}"00000000-0000-4000-8000-{n:012x}"{middle}{1_600_000_000_000 + n * step}{tail}'
        for n in range(count)
    ]
    return ("[" + ",".join(parts) + "]").encode()


def load_routes(path: str) -> dict[str, bytes]:
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)
    routes: dict[str, bytes] = {}
    for route, what in spec.items():
        if "events" in what:
            routes[route] = event_array(what["template"], int(what["events"]), int(what.get("step", 1)))
        else:
            routes[route] = json.dumps(what["body"], separators=(",", ":")).encode()
    return routes


async def handle(
    routes: dict[str, bytes], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length:
                await reader.readexactly(length)
            body = routes.get(f"{method} {target.split('?', 1)[0]}")
            status = b"200 OK" if body is not None else b"404 Not Found"
            body = body if body is not None else b""
            writer.write(
                b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nx-request-id: fixed\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
            )
            if len(body) <= STREAM_CHUNK:
                writer.write(body)
            else:
                view = memoryview(body)
                for start in range(0, len(body), STREAM_CHUNK):
                    writer.write(view[start : start + STREAM_CHUNK])
                    await writer.drain()
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main(path: str) -> None:
    routes = load_routes(path)
    server = await asyncio.start_server(lambda r, w: handle(routes, r, w), "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    print(f"listening on http://127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
