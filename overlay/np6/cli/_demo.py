"""`np6 demo`: the main job, end to end, against an embedded sandbox (nothing leaves the machine).

Create a push notification with two versions, render it for one contact by id, unicity and hash, pick a
version by label, execute it, read the reactivity events it produced, and send an e-mail action, printing
what happened at each step, then three commands to try next. Its first line comes before the sandbox's
imports, so `make demo` shows life at once.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import httpx
from rich.rule import Rule
from rich.text import Text

from np6 import NP6, Contact, NP6Error

from ._common import is_terminal, needs_extra, out, present, print_rows, say

NOTIFICATION: dict[str, Any] = {
    "type": "push-app",
    "name": "np6 demo: autumn sale",
    "description": "Created by `np6 demo`",
    "active": True,
    "versions": [
        {
            "master": True,
            "label": "A",
            "content": {
                "type": "default",
                "title": "Hello {{contact.fields.firstname}}",
                "body": "{{data.product}} is on sale",
            },
        },
        {
            "master": False,
            "label": "B",
            "content": {
                "type": "default",
                "title": "{{contact.fields.firstname}}, last chance",
                "body": "Only today",
            },
        },
    ],
}
UNKNOWN_CONTACT = "000ZZZZZ"


def sandbox_module() -> ModuleType:
    """np6_sandbox, or a one-line "install the sandbox extra" (it ships in the wheel, its server does not)."""
    try:
        import np6_sandbox
    except ImportError as error:  # starlette, uvicorn... come with the extra
        needs_extra("demo", "sandbox", error)
    return np6_sandbox


@contextmanager
def embedded_sandbox(sandbox: ModuleType) -> Iterator[tuple[str, str]]:
    """(base URL, key) of an in-process sandbox on a free loopback port, with its demo data set."""
    key = secrets.token_urlsafe(16)
    with sandbox.serve(api_keys=[key]) as url:
        yield url, key


def demo_data(sandbox: ModuleType) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], str]:
    """Three contacts and the e-mail action of the sandbox's demo data set (read, not copied, from it)."""
    ada, bob, carol = sandbox.DEMO["contacts"][:3]
    email_action = next(str(a["id"]) for a in sandbox.DEMO["actions"] if a["type"] == "mailMessage")
    return ada, bob, carol, email_action


def step(title: str) -> None:
    if is_terminal(sys.stdout):
        out.print(Rule(Text(title, style="bold"), align="left"))
    else:
        say(f"== {title}")


def human_time(timestamp: Any) -> str:
    """A millisecond timestamp as people read it (UTC)."""
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        return "" if timestamp is None else str(timestamp)
    moment = dt.datetime.fromtimestamp(timestamp / 1000, tz=dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


NEXT_STEPS = (
    "np6 sandbox --port 8080 --api-key demo        # this sandbox, kept running (in another terminal)",
    "np6 --base-url http://127.0.0.1:8080 --api-key demo notifications render 156 "
    '--unicity a+b@example.com --data \'{"product": "Tea"}\'',
    "np6 --base-url http://127.0.0.1:8080 --api-key demo reactivities export --scope notifications "
    "--format csv -o events.csv",
)


def run() -> None:
    say("np6 demo: starting an embedded NP6 sandbox on this machine (no network, no key needed)...")
    sandbox = sandbox_module()
    ada, bob, carol, email_action = demo_data(sandbox)
    with embedded_sandbox(sandbox) as (url, key), NP6(api_key=key, base_url=url) as np6:
        say(f"Embedded NP6 sandbox at {url} (demo contacts, one e-mail action, one SMS action)")

        step("1. Create a notification with two versions")
        created = np6.notifications.create(NOTIFICATION)
        nid = created.id
        if not isinstance(nid, int):
            raise NP6Error(f"the server created a notification without an id: {created.to_dict()}")
        versions = [
            [present(v.id), present(v.label), present(v.master)] for v in present(created.versions) or []
        ]
        print_rows(f"Notification {nid}: {created.name}", ["version id", "label", "master"], versions)

        step("2. Render the master version for a contact (by id, unicity, hash) with data")
        rows: list[list[Any]] = []
        tea = {"product": "Tea"}
        for who in (Contact.id(ada["id"]), Contact.unicity(ada["unicity"]), Contact.hash(ada["hash"])):
            rendered = np6.notifications.render(nid, contact=who, data=tea)
            rows.append([f"{who.kind} {who.value}", *_rendered(rendered)])
        bob_render = np6.notifications.render(
            nid, contact=Contact.unicity(bob["unicity"]), data={"product": "Coffee"}
        )
        rows.append([f"unicity {bob['unicity']}", *_rendered(bob_render)])
        print_rows(
            "Renders of the master version (data: product=Tea, then Coffee)",
            ["contact", "title", "body"],
            rows,
        )

        step("3. Pick version B by its label and render it")
        version_b = np6.notifications.select_version(nid, label="B")
        title, _ = _rendered(np6.notifications.render(nid, version=version_b, contact=Contact.id(ada["id"])))
        say(f"version {present(version_b.id)} (label B): title {title!r}")

        step("4. Execute the notification for two contacts")
        results = np6.notifications.execute(nid, [Contact.id(ada["id"]), Contact.id(carol["id"])])
        say(", ".join(f"{r.type_} ({present(getattr(r, 'id', None))})" for r in results))

        step("5. Read the reactivity events those executions produced")
        with np6.notifications.reactivities(notification_id=nid, sort="asc") as events:
            rows = [[e.type_, _contact(e), human_time(present(e.timestamp))] for e in events]
        print_rows(f"Events of notification {nid}", ["type", "contact", "time"], rows)

        step(f"6. Send the e-mail action {email_action} (one recipient does not exist)")
        sent = np6.actions.send(email_action, [Contact.unicity(ada["unicity"]), Contact.id(UNKNOWN_CONTACT)])
        for address, r in zip((ada["unicity"], UNKNOWN_CONTACT), sent, strict=True):
            detail = present(getattr(r, "value", None))
            say(f"{address}: {r.type_}" + (f" ({detail.type_})" if detail is not None else ""))

        step("7. What the sandbox delivered")
        outbox = httpx.get(f"{url}/_sandbox/outbox").json()
        messages = outbox if isinstance(outbox, list) else outbox.get("messages", [])
        say(f"{len(messages)} messages in the sandbox outbox; nothing left this machine.")

    step("Try next")
    for command in NEXT_STEPS:
        say(f"  {command}")


def _rendered(result: Any) -> tuple[str, str]:
    """(title, body) of a render result; what a new result kind holds is shown raw."""
    rendered = present(getattr(result, "render", None))
    if rendered is None:
        return str(result.to_dict()), ""
    return present(rendered.title) or "", present(rendered.body) or ""


def _contact(event: Any) -> str:
    try:
        receiver = event.source.detail.activation.receiver
        value = getattr(receiver, "value", receiver)
        return str(present(getattr(value, "id", None)) or "")
    except AttributeError:
        return ""
