"""`np6 notifications ...`: list, inspect, render, test and execute push notifications."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from np6 import NP6

from ._common import (
    ApiKey,
    AsJson,
    BaseUrl,
    ContactId,
    Hash,
    Unicity,
    contacts,
    handles_errors,
    json_option,
    one_contact,
    present,
    print_fields,
    print_json,
    print_rows,
    usage_error,
)

app = typer.Typer(help="Push notifications: list, get, render, test, execute.", no_args_is_help=True)

Version = Annotated[str, typer.Option("--version", help='"master" or a version UUID.', show_default=True)]
Label = Annotated[str | None, typer.Option("--label", help="Pick the version by its label instead.")]


def _version(np6: Any, notification: int, version: str, label: str | None) -> Any:
    if label is not None:
        if version != "master":
            usage_error("give --version or --label, not both")
        return np6.notifications.select_version(notification, label=label)
    return version


@app.command("list")
@handles_errors
def list_(base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """List the notifications."""
    with NP6(api_key=api_key, base_url=base_url) as np6:
        notifications = np6.notifications.list()
    if as_json:
        print_json(notifications)
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
    with NP6(api_key=api_key, base_url=base_url) as np6:
        found = np6.notifications.get(notification)
    if as_json:
        print_json(found)
        return
    print_fields(
        f"Notification {notification}",
        [("name", present(found.name)), ("type", found.type_), ("active", present(found.active))],
    )
    rows = [
        [present(v.id), present(v.label), v.master is True, present(present(v.content) and v.content.title)]
        for v in present(found.versions) or []
    ]
    print_rows("Versions", ["id", "label", "master", "title"], rows)


@app.command()
@handles_errors
def render(
    notification: Annotated[int, typer.Argument(help="The notification id.")],
    version: Version = "master",
    label: Label = None,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    data: Annotated[str | None, typer.Option("--data", help="Render data, a JSON object.")] = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Render a version of a notification for one contact."""
    who = one_contact(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with NP6(api_key=api_key, base_url=base_url) as np6:
        chosen = _version(np6, notification, version, label)
        result = np6.notifications.render(notification, version=chosen, contact=who, data=extra)
    if as_json:
        print_json(result)
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
    print_fields(f"Notification {notification} rendered for {who.kind} {who.value}", rows)


@app.command()
@handles_errors
def test(
    notification: Annotated[int, typer.Argument(help="The notification id.")],
    recipient: Annotated[int, typer.Option("--recipient", help="The test recipient (NP6 documents an int).")],
    version: Version = "master",
    label: Label = None,
    title: Annotated[str | None, typer.Option("--title", help="Override the title.")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Override the body.")] = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
) -> None:
    """Send a test of a version (sends a real push on a live account)."""
    request: dict[str, Any] = {"recipient": {"type": "contact", "value": recipient}}
    request.update({k: v for k, v in (("title", title), ("body", body)) if v is not None})
    with NP6(api_key=api_key, base_url=base_url) as np6:
        chosen = _version(np6, notification, version, label)
        np6.notifications.test(notification, body=request, version=chosen)
    typer.echo(f"test of notification {notification} sent")


@app.command()
@handles_errors
def execute(
    notification: Annotated[int, typer.Argument(help="The notification id.")],
    contact_id: Annotated[list[str], typer.Option("--contact-id", help="A recipient id (repeatable).")] = [],  # noqa: B006
    unicity: Annotated[list[str], typer.Option("--unicity", help="A recipient unicity (repeatable).")] = [],  # noqa: B006
    hash_: Annotated[list[str], typer.Option("--hash", help="A recipient hash (repeatable).")] = [],  # noqa: B006
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Execute (send) the notification's master version to each recipient."""
    recipients = contacts(contact_id, unicity, hash_)
    with NP6(api_key=api_key, base_url=base_url) as np6:
        results = np6.notifications.execute(notification, list(recipients))
    print_results(recipients, results, as_json)


def print_results(recipients: list[Any], results: list[Any], as_json: bool) -> None:
    """One row per recipient: success with the message id, or the error NP6 gave."""
    if as_json:
        print_json(results)
        return
    rows = []
    for who, result in zip(recipients, results, strict=True):
        detail = present(getattr(result, "value", None))
        rows.append(
            [
                f"{who.kind} {who.value}",
                result.type_,
                present(getattr(result, "id", None)),
                present(detail.type_) if detail is not None else None,
            ]
        )
    print_rows("Results", ["recipient", "result", "message id", "error"], rows)
    failed = sum(1 for r in results if r.type_ != "success")
    typer.echo(f"{len(results) - failed} sent, {failed} failed")
