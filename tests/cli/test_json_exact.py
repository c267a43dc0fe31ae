"""`--json` prints exactly the API's JSON (issue 12): NP6's answer bytes, not a re-serialised model.

A tiny loopback server answers fixed bytes formatted the way a re-serialisation would change (dates with
milliseconds and `Z`, an unusual key order, `\\u` escapes, extra whitespace, no final newline); the real
console script must print those bytes. Against the sandbox, every `--json` command prints valid JSON equal
in value to the model the SDK parses.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from clirun import Ran, environment, run_np6, run_np6_tty

from np6 import NP6
from np6._base_client import RawBody, capture_bodies
from np6_sandbox.testing import TEST_API_KEY

Cli = Callable[..., Ran]
Routes = dict[tuple[str, str], list[bytes | tuple[int, bytes]]]

NOTIFICATION = (
    b'{ "versions" : [ { "label":"A", "master":true, "id":"ecce4585-1627-4495-90fc-7bbc27d2ae26",\n'
    b'   "content":{"title":"Caf\\u00e9 \\ud83d\\ude00 [b]","type":"default","body":"x"},\n'
    b'   "stamp":{"modification":"2026-11-02T10:11:08.873Z","creation":"2026-11-02T10:11:08.800Z"} } ],\n'
    b'  "name":"Spring \\"sale\\"", "id":156, "type":"push-app", "active":true,\n'
    b'  "stamp":{"modification":"2026-11-02T10:11:08.873Z","creation":"2026-11-02T10:11:08.000Z"}}'
)
ACTION = (
    b'{"name":"Welcome\\te-mail \\u00e9",\t"id":"000PE4", "type":"mailMessage",\r\n'
    b' "creationDate":"2026-11-02T10:11:08.873Z", "informations":{"state":50, "folder":0},\r\n'
    b' "content":{"text":"Hi","subject":"Welcome \\u001b[31m","html":"<p>Hi</p>"}}  \n\n'
)
RENDER = (
    b'{"render":{"body":" is on sale","title":"Hello \\u00c9"},  "type":"success",\n'
    b' "meta":{"stamp":{"time":1796177602068,"id":"d65946ed-a4ca-4bfe-8f9b-47a9af0c3fed"},'
    b'"version":"ecce4585-1627-4495-90fc-7bbc27d2ae26","notification":156}}'
)
SENT_1 = (
    b'[ {"recipient":{"id":"000R4M0T","type":"footprint"}, "id":"f3aeb238-3e75-4351-bfae-0a86d8c01501",'
    b' "type":"success"} ]\n'
)
SENT_2 = (
    b'[\n  {"id":"dbaf5f7e-573f-44ab-afa3-140966b8c7e1","type":"success",\n'
    b'   "recipient":{"type":"footprint","unicity":"a+b@example.com","id":"000R4M0U"}}\n]'
)
UPDATED = ACTION.replace(b"Welcome\\te-mail", b"Updated   ").rstrip()


class FixedServer:
    """Answers each (method, path) with the next of its fixed bodies (200 unless given, JSON), the last
    one again once the others are used."""

    def __init__(self) -> None:
        self.routes: Routes = {}
        self.seen: list[tuple[str, str]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                path = self.path.split("?", 1)[0]
                owner.seen.append((self.command, path))
                queue = owner.routes.get((self.command, path))
                if not queue:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                answer = queue.pop(0) if len(queue) > 1 else queue[0]
                status, body = answer if isinstance(answer, tuple) else (200, answer)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def fixed() -> Iterator[FixedServer]:
    server = FixedServer()
    server.routes = {
        ("GET", "/notifications/156"): [NOTIFICATION],
        ("GET", "/actions/000PE4"): [ACTION],
        ("PUT", "/actions/000PE4"): [UPDATED],
        ("POST", "/notifications/156/render"): [RENDER],
        ("POST", "/actions/000PE4/executions"): [SENT_1, SENT_2],
        ("POST", "/actions/000PE4/execution"): [SENT_1.strip()[1:-1].strip()],
    }
    try:
        yield server
    finally:
        server.close()


def np6_at(server: FixedServer, *args: str, stdin: bytes | None = None) -> Ran:
    return run_np6(*args, env=environment(server.url, NP6_API_KEY="fixed-key"), stdin=stdin)


def exactly(body: bytes) -> bytes:
    """What --json prints for one answer: its bytes, a newline added if it has none."""
    return body if body.endswith(b"\n") else body + b"\n"


@pytest.mark.parametrize(
    ("args", "body"),
    [
        (("notifications", "get", "156"), NOTIFICATION),
        (("actions", "get", "000PE4"), ACTION),
        (("notifications", "render", "156"), RENDER),
    ],
    ids=["notifications-get", "actions-get", "notifications-render"],
)
def test_one_answer_is_printed_byte_exact(fixed: FixedServer, args: tuple[str, ...], body: bytes) -> None:
    result = np6_at(fixed, *args, "--json")
    assert result.code == 0, result.stderr
    assert result.out_bytes == exactly(body)
    assert b".873Z" in result.out_bytes or args[1] == "render"  # not ".873000+00:00"


def test_a_send_in_one_batch_prints_its_answer_exactly(fixed: FixedServer) -> None:
    result = np6_at(
        fixed, "actions", "send", "000PE4", "--contact-id", "000R4M0T", "--channel", "email", "--json"
    )
    assert result.code == 0, result.stderr
    assert result.out_bytes == SENT_1
    assert fixed.seen == [("POST", "/actions/000PE4/executions")]


def test_a_send_in_several_batches_splices_each_batchs_items_exactly(fixed: FixedServer) -> None:
    args = ("--contact-id", "000R4M0T", "--contact-id", "000R4M0U", "--batch-size", "1")
    result = np6_at(fixed, "actions", "send", "000PE4", *args, "--json")
    assert result.code == 0, result.stderr
    # the channel lookup (GET) is not printed; each batch's items keep their bytes between its brackets
    inner_1 = SENT_1.strip()[1:-1]
    inner_2 = SENT_2.strip()[1:-1]
    assert result.out_bytes == b"[" + inner_1 + b"," + inner_2 + b"]\n"
    assert [item["recipient"]["id"] for item in json.loads(result.out_bytes)] == ["000R4M0T", "000R4M0U"]
    assert fixed.seen[0] == ("GET", "/actions/000PE4")


def test_a_send_stopped_by_a_failed_batch_prints_the_batches_sent(fixed: FixedServer) -> None:
    fixed.routes[("POST", "/actions/000PE4/executions")] = [SENT_1, (500, b'{"error": "down"}')]
    args = ("--contact-id", "000R4M0T", "--contact-id", "000R4M0U", "--batch-size", "1", "--channel", "email")
    result = np6_at(fixed, "actions", "send", "000PE4", *args, "--json")
    assert result.code == 3, result.stderr  # some sent, the rest not
    assert result.out_bytes == SENT_1


def test_update_merge_prints_the_puts_answer_not_the_gets(fixed: FixedServer) -> None:
    result = np6_at(fixed, "actions", "update", "000PE4", "-f", "-", "--json", stdin=b'{"name": "Updated"}')
    assert result.code == 0, result.stderr
    assert fixed.seen == [("GET", "/actions/000PE4"), ("PUT", "/actions/000PE4")]
    assert result.out_bytes == exactly(UPDATED)


def test_send_one_prints_its_answer_exactly(fixed: FixedServer) -> None:
    args = ("actions", "send-one", "000PE4", "--contact-id", "000R4M0T", "--channel", "email", "--json")
    result = np6_at(fixed, *args)
    assert result.code == 0, result.stderr
    assert result.out_bytes == exactly(SENT_1.strip()[1:-1].strip())


# C1 control (CSI) and a bidi override, raw inside a JSON string: valid JSON, but a terminal acts on them.
RAW_CONTROLS = '{"id":156,"type":"push-app","name":"a\u009b31mb\u202ec","versions":[]}'.encode()


def test_raw_controls_are_kept_piped_and_escaped_on_a_terminal(fixed: FixedServer) -> None:
    fixed.routes[("GET", "/notifications/156")] = [RAW_CONTROLS]
    piped = np6_at(fixed, "notifications", "get", "156", "--json")
    assert piped.code == 0, piped.stderr
    assert piped.out_bytes == RAW_CONTROLS + b"\n"
    env = {**environment(fixed.url, NP6_API_KEY="fixed-key"), "TERM": "xterm-256color", "COLUMNS": "400"}
    shown = run_np6_tty("notifications", "get", "156", "--json", env=env)
    assert shown.code == 0, shown.stderr
    assert shown.out_bytes == b'{"id":156,"type":"push-app","name":"a\\u009b31mb\\u202ec","versions":[]}\n'
    assert json.loads(shown.out_bytes) == json.loads(RAW_CONTROLS)


def test_capture_bodies_collects_only_inside_its_block(fixed: FixedServer) -> None:
    with NP6(api_key="fixed-key", base_url=fixed.url) as client:
        client.notifications.get(156)  # outside: nothing kept anywhere
        with capture_bodies() as bodies:
            found = client.notifications.get(156)
        client.actions.get("000PE4")
    assert bodies == [RawBody("get_notification", 200, NOTIFICATION)]
    assert found.id == 156


def test_answer_bytes_that_are_not_json_are_an_error_not_output(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from np6.cli._common import print_answer

    with pytest.raises(typer.Exit) as stopped:
        print_answer([RawBody("get_notification", 200, b'{"id": 156')])
    assert stopped.value.exit_code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "get_notification: NP6's answer is not UTF-8 JSON" in captured.err


# --- Against the sandbox: valid JSON, equal in value to the model the SDK parses ------------------------

EMAIL = "000PE4"
WHO = ("--contact-id", "000R4M0T")


def same_value(printed: bytes, model: Any) -> None:
    """`printed` parses as JSON, into the same model: equal in value to what the SDK returns."""
    data = json.loads(printed)
    if isinstance(model, list):
        assert isinstance(data, list) and len(data) == len(model)
        for item, one in zip(data, model, strict=True):
            same_value(json.dumps(item).encode(), one)
        return
    assert type(model).from_dict(data).to_dict() == model.to_dict()


def sdk(url: str) -> NP6:
    return NP6(api_key=TEST_API_KEY, base_url=url)


@pytest.mark.parametrize(
    ("args", "read"),
    [
        (("notifications", "list"), lambda c: c.notifications.list()),
        (("notifications", "get", "156"), lambda c: c.notifications.get(156)),
        (("actions", "list"), lambda c: c.actions.list()),
        (("actions", "get", EMAIL), lambda c: c.actions.get(EMAIL)),
        (("actions", "render", EMAIL, *WHO), None),
        (("actions", "render-many", EMAIL, *WHO, "--contact-id", "000R4M0U"), None),
        (("actions", "render-links", EMAIL, *WHO), None),
    ],
    ids=lambda v: "-".join(v[:2]) if isinstance(v, tuple) else "",
)
def test_sandbox_reads_print_the_models_value(cli: Cli, np6_sandbox_url: str, args: Any, read: Any) -> None:
    result = cli(*args, "--json")
    assert result.code == 0, result.stderr
    with sdk(np6_sandbox_url) as client:
        if read is None:  # a render is deterministic for the same contact: the SDK's own render
            who = [v for v in args[3:] if v != "--contact-id"]
            from np6 import Contact

            if args[1] == "render":
                model: Any = client.actions.render(EMAIL, Contact.id(who[0]))
            elif args[1] == "render-many":
                model = client.actions.render_many(EMAIL, [Contact.id(w) for w in who])
            else:
                model = client.actions.render_links(EMAIL, Contact.id(who[0]))
        else:
            model = read(client)
    same_value(result.out_bytes, model)


def test_sandbox_writes_print_what_np6_stored(cli: Cli, np6_sandbox_url: str) -> None:
    duplicated = cli("notifications", "duplicate", "156", "--json")
    assert duplicated.code == 0, duplicated.stderr
    copy = json.loads(duplicated.out_bytes)
    with sdk(np6_sandbox_url) as client:
        same_value(duplicated.out_bytes, client.notifications.get(copy["id"]))
    updated = cli("notifications", "update", str(copy["id"]), "-f", "-", "--json", stdin=b'{"name": "Copy"}')
    assert updated.code == 0, updated.stderr
    with sdk(np6_sandbox_url) as client:
        stored = client.notifications.get(copy["id"])
    assert stored.name == "Copy"
    same_value(updated.out_bytes, stored)


@pytest.mark.parametrize(
    "args",
    [
        ("actions", "send", EMAIL, *WHO, "--contact-id", "000R4M0U", "--batch-size", "1"),
        ("actions", "send-one", EMAIL, *WHO),
        ("notifications", "execute", "156", *WHO, "--contact-id", "000R4M0U", "--batch-size", "1"),
        ("notifications", "execute-one", "156", *WHO),
        ("notifications", "render", "156", *WHO),
    ],
    ids=lambda v: "-".join(v[:2]),
)
def test_sandbox_sends_and_renders_print_valid_json(cli: Cli, args: tuple[str, ...]) -> None:
    from np6_api.models.execution_success import ExecutionSuccess
    from np6_api.models.notification_render_success import NotificationRenderSuccess

    result = cli(*args, "--json")
    assert result.code == 0, result.stderr
    data = json.loads(result.out_bytes)
    items = data if isinstance(data, list) else [data]
    recipients = [args[i + 1] for i, v in enumerate(args) if v == "--contact-id"]
    model = NotificationRenderSuccess if args[1] == "render" else ExecutionSuccess
    for item in items:  # each parses into the model the SDK returns, and back to the same value
        assert item["type"] == "success"
        assert model.from_dict(item).to_dict().keys() == item.keys()
    if args[1] != "render":
        assert [i["recipient"]["id"] for i in items] == recipients
