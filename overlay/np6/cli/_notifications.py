"""`np6 notifications ...`: every notification operation: list, get, create, update, delete, duplicate,
activate, deactivate, render (with or without a contact), test, execute and execute-one."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Any

import typer

from np6 import Contact

from ._bodies import Merge, body_checked, read_body
from ._common import (
    ApiKey,
    AsJson,
    BaseUrl,
    ContactId,
    Hash,
    Unicity,
    answers,
    contacts,
    handles_errors,
    json_option,
    one_contact,
    present,
    print_answer,
    print_fields,
    print_rows,
    say,
    sdk_client,
    usage_error,
)
from ._confirm import Yes, confirm
from ._sends import run_send, send_one_and_exit, unknown_if_interrupted

if TYPE_CHECKING:
    from .._base_client import RawBody

app = typer.Typer(
    help="Push notifications: list, get, create, update, delete, duplicate, activate, deactivate, render, "
    "test, execute.",
    no_args_is_help=True,
)

NotificationId = Annotated[int, typer.Argument(help="The notification id, e.g. 156.")]
BodyFile = Annotated[
    str,
    typer.Option(
        "--file", "-f", help="The notification as a JSON or YAML object, from this file or - (stdin)."
    ),
]
Data = Annotated[
    str | None,
    typer.Option("--data", help='Data for the placeholders, a JSON object: \'{"product": "Tea"}\'.'),
]
BatchSize = Annotated[
    int, typer.Option("--batch-size", min=1, help="Recipients per request (a failed batch stops the send).")
]

Version = Annotated[str, typer.Option("--version", help='"master" or a version UUID.', show_default=True)]
Label = Annotated[str | None, typer.Option("--label", help="Pick the version by its label instead.")]


def _version(np6: Any, notification: int, version: str, label: str | None) -> Any:
    """The version to use: --label looked up, or --version ("master" or a UUID, checked in CLI words)."""
    if label is not None:
        if version != "master":
            usage_error("give --version or --label, not both")
        return np6.notifications.select_version(notification, label=label)
    if version != "master":
        try:
            uuid.UUID(version)
        except ValueError:
            usage_error(
                f"--version: {version!r} is neither master nor a version UUID (or pick one by --label)"
            )
    return version


@app.command("list")
@handles_errors
def list_(base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """List the notifications."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        notifications = np6.notifications.list()
    if as_json:
        print_answer(bodies)
        return
    rows = []
    for n in notifications:
        versions = present(n.versions) or []
        master = next((present(v.label) for v in versions if v.master is True), None)
        rows.append([present(n.id), present(n.name), n.type_, present(n.active), len(versions), master])
    print_rows("Notifications", ["id", "name", "type", "active", "versions", "master"], rows)


@app.command()
@handles_errors
def get(
    notification: Annotated[int, typer.Argument(help="The notification id.")],
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Show a notification and its versions."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        found = np6.notifications.get(notification)
    _show(found, as_json, bodies)


def _show(found: Any, as_json: bool, bodies: list[RawBody]) -> None:
    """A notification: NP6's JSON (its answer's bytes), or its fields and a table of its versions."""
    if as_json:
        print_answer(bodies)
        return
    print_fields(
        f"Notification {present(found.id)}",
        [
            ("id", present(found.id)),
            ("name", present(found.name)),
            ("type", found.type_),
            ("active", present(found.active)),
        ],
    )
    rows = [
        [present(v.id), present(v.label), v.master is True, present(present(v.content) and v.content.title)]
        for v in present(found.versions) or []
    ]
    print_rows("Versions", ["id", "label", "master", "title"], rows)


@app.command()
@handles_errors
def create(body: BodyFile, base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """Create a notification from a JSON or YAML file (-f FILE, or -f - for stdin); shows what NP6 created.

    The body is checked against the API's schema before anything is sent (a mistake names the field).
    """
    request = read_body(body, "--file")
    created_check = unknown_if_interrupted("the create", "np6 notifications list")
    client = sdk_client(api_key=api_key, base_url=base_url)
    with client as np6, answers(as_json) as bodies, body_checked(body), created_check:
        created = np6.notifications.create(request)
    _show(created, as_json, bodies)


@app.command()
@handles_errors
def update(
    notification: NotificationId,
    body: BodyFile,
    merge: Merge = True,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Change a notification with the JSON or YAML object in -f FILE (or -f - for stdin).

    By default only the fields in the file change (np6 reads the notification, merges, writes it back).
    With --replace the file is sent as NP6's update, which replaces the whole notification: any field or
    version the file leaves out is erased on NP6's side.
    """
    request = read_body(body, "--file")
    with (
        sdk_client(api_key=api_key, base_url=base_url) as np6,
        answers(as_json) as bodies,
        body_checked(body),
    ):
        write = np6.notifications.update if merge else np6.notifications.replace
        updated = write(notification, request)
    _show(updated, as_json, bodies)  # with --merge: the PUT's answer, not the GET's


@app.command()
@handles_errors
def delete(
    notification: NotificationId, yes: Yes = False, base_url: BaseUrl = None, api_key: ApiKey = None
) -> None:
    """Delete a notification, after a confirmation (--yes to skip it; without a terminal --yes is needed).

    Answering no exits 1 with nothing deleted.
    """
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        found = np6.notifications.get(notification)  # a 404 before asking; the name in the question
        confirm(f"delete notification {notification} ({present(found.name)!r})", yes)
        np6.notifications.delete(notification)
    say(f"notification {notification} deleted")


@app.command()
@handles_errors
def duplicate(
    notification: NotificationId, base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False
) -> None:
    """Copy a notification (NP6 gives the copy new ids); shows the copy."""
    copy_check = unknown_if_interrupted("the copy", "np6 notifications list")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies, copy_check:
        copy = np6.notifications.duplicate(notification)
    _show(copy, as_json, bodies)


@app.command()
@handles_errors
def activate(notification: NotificationId, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Put a notification online (only an active notification can be executed)."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.notifications.activate(notification)
    say(f"notification {notification} activated")


@app.command()
@handles_errors
def deactivate(notification: NotificationId, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Take a notification offline."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.notifications.deactivate(notification)
    say(f"notification {notification} deactivated")


@app.command()
@handles_errors
def render(
    notification: Annotated[int, typer.Argument(help="The notification id.")],
    version: Version = "master",
    label: Label = None,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    data: Data = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Render a version of a notification, for one contact or (with none given) without a contact."""
    who = _maybe_contact(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        chosen = _version(np6, notification, version, label)
        result = np6.notifications.render(notification, version=chosen, contact=who, data=extra)
    if as_json:
        print_answer(bodies)  # the render's answer (after any --label lookup)
        return
    rendered = present(getattr(result, "render", None))
    meta = present(getattr(result, "meta", None))
    rows: list[tuple[str, Any]] = [("result", result.result.type_)]
    if meta is not None:
        rows += [("version", present(meta.version)), ("redirection", present(meta.redirection))]
    if rendered is not None:
        rows += [
            (name, present(getattr(rendered, name)))
            for name in ("title", "body", "icon", "thumbnail", "image")
        ]
    whom = "without a contact" if who is None else f"for {who.kind} {who.value}"
    print_fields(f"Notification {notification} rendered {whom}", rows)


@app.command()
@handles_errors
def test(
    notification: Annotated[int, typer.Argument(help="The notification id.")],
    recipient: Annotated[int, typer.Option("--recipient", help="The test recipient (NP6 documents an int).")],
    version: Version = "master",
    label: Label = None,
    title: Annotated[str | None, typer.Option("--title", help="Override the title.")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Override the body.")] = None,
    data: Data = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
) -> None:
    """Send a test of a version (sends a real push on a live account)."""
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        chosen = _version(np6, notification, version, label)
        np6.notifications.test(
            notification, recipient=recipient, version=chosen, title=title, body=body, data=extra
        )
    say(f"test of notification {notification} sent")


@app.command()
@handles_errors
def execute(
    notification: NotificationId,
    contact_id: Annotated[list[str], typer.Option("--contact-id", help="A recipient id (repeatable).")] = [],  # noqa: B006
    unicity: Annotated[list[str], typer.Option("--unicity", help="A recipient unicity (repeatable).")] = [],  # noqa: B006
    hash_: Annotated[list[str], typer.Option("--hash", help="A recipient hash (repeatable).")] = [],  # noqa: B006
    data: Data = None,
    batch_size: BatchSize = 1000,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Execute (send) the notification's master version to each recipient.

    Exit code: 0 all sent, 3 some recipients failed, 1 none sent, 130 interrupted (says what was sent).
    """
    recipients = contacts(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        run_send(
            lambda: np6.notifications.execute(notification, recipients, batch_size=batch_size, data=extra),
            recipients,
            as_json,
            (bodies, "execute_notification_batch"),
        )


@app.command("execute-one")
@handles_errors
def execute_one(
    notification: NotificationId,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    data: Data = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Execute (send) the notification to one recipient, with NP6's single-message operation.

    Exit code: 0 sent, 1 NP6 refused the recipient.
    """
    who = one_contact(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        send_one_and_exit(
            who, lambda: np6.notifications.execute_one(notification, who, data=extra), as_json, bodies
        )


def _maybe_contact(contact_id: str | None, unicity: str | None, hash_: str | None) -> Contact | None:
    """At most one of --contact-id / --unicity / --hash; None when none is given."""
    if contact_id is None and unicity is None and hash_ is None:
        return None
    return one_contact(contact_id, unicity, hash_)
