"""`np6 actions ...`: every e-mail and SMS action operation: list, get, create, update, delete, duplicate,
validate, unvalidate, render, render-many, render-links, send, send-one, send-to-target and the exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

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
)
from ._confirm import Yes, confirm
from ._sends import run_send, send_one_and_exit, unknown_if_interrupted

if TYPE_CHECKING:
    from .._base_client import RawBody

app = typer.Typer(
    help="E-mail and SMS actions: list, get, create, update, delete, duplicate, validate, unvalidate, "
    "render, send, exports.",
    no_args_is_help=True,
)

Channel = Annotated[
    Literal["email", "sms"] | None,
    typer.Option("--channel", help="email or sms (the media type); by default the action's own type."),
]
ActionId = Annotated[str, typer.Argument(help="The action id, e.g. 000PE4.")]
BodyFile = Annotated[
    str,
    typer.Option("--file", "-f", help="The action as a JSON or YAML object, from this file or - (stdin)."),
]
Data = Annotated[
    str | None,
    typer.Option(
        "--data", help='Data for the message\'s placeholders, a JSON object: \'{"product": "Tea"}\'.'
    ),
]
ContactIds = Annotated[list[str], typer.Option("--contact-id", help="A recipient id (repeatable).")]
Unicities = Annotated[list[str], typer.Option("--unicity", help="A recipient unicity (repeatable).")]
Hashes = Annotated[list[str], typer.Option("--hash", help="A recipient hash (repeatable).")]
BatchSize = Annotated[
    int, typer.Option("--batch-size", min=1, help="Recipients per request (a failed batch stops the send).")
]


def _state(action: Any) -> Any:
    informations = present(getattr(action, "informations", None))
    state = present(informations.state) if informations is not None else None
    return getattr(state, "value", state)


def _show(found: Any, as_json: bool, bodies: list[RawBody]) -> None:
    """An action: NP6's JSON (its answer's bytes), or its main fields."""
    if as_json:
        print_answer(bodies)
        return
    content = present(getattr(found, "content", None))
    print_fields(
        f"Action {present(found.id)}",
        [
            ("id", present(found.id)),
            ("name", present(found.name)),
            ("type", found.type_),
            ("state", _state(found)),
            ("subject", present(getattr(content, "subject", None))),
        ],
    )


@app.command("list")
@handles_errors
def list_(base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """List the actions."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        actions = np6.actions.list()
    if as_json:
        print_answer(bodies)
        return
    rows = [[present(a.id), present(a.name), a.type_, _state(a)] for a in actions]
    print_rows("Actions", ["id", "name", "type", "state"], rows)


@app.command()
@handles_errors
def get(action: ActionId, base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """Show an action."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        found = np6.actions.get(action)
    _show(found, as_json, bodies)


@app.command()
@handles_errors
def create(body: BodyFile, base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """Create an e-mail or SMS action from a JSON or YAML file (-f FILE, or -f - for stdin).

    The body is checked against the API's schema before anything is sent (a mistake names the field).
    """
    request = read_body(body, "--file")
    created_check = unknown_if_interrupted("the create", "np6 actions list")
    client = sdk_client(api_key=api_key, base_url=base_url)
    with client as np6, answers(as_json) as bodies, body_checked(body), created_check:
        created = np6.actions.create(request)
    _show(created, as_json, bodies)


@app.command()
@handles_errors
def update(
    action: ActionId,
    body: BodyFile,
    merge: Merge = True,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Change an action with the JSON or YAML object in -f FILE (or -f - for stdin).

    By default only the fields in the file change (np6 reads the action, merges, writes it back). With
    --replace the file is sent as NP6's update, which replaces the whole action: any field the file
    leaves out is erased on NP6's side. A validated action must be unvalidated first.
    """
    request = read_body(body, "--file")
    with (
        sdk_client(api_key=api_key, base_url=base_url) as np6,
        answers(as_json) as bodies,
        body_checked(body),
    ):
        write = np6.actions.update if merge else np6.actions.replace
        updated = write(action, request)
    _show(updated, as_json, bodies)  # with --merge: the PUT's answer, not the GET's


@app.command()
@handles_errors
def delete(action: ActionId, yes: Yes = False, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Delete an action, after a confirmation (--yes to skip it; without a terminal --yes is needed).

    Answering no exits 1 with nothing deleted.
    """
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        found = np6.actions.get(action)  # a 404 before asking; the name in the question
        confirm(f"delete action {action} ({present(found.name)!r})", yes)
        np6.actions.delete(action)
    say(f"action {action} deleted")


@app.command()
@handles_errors
def duplicate(
    action: ActionId,
    type_: Annotated[int | None, typer.Option("--type", help="NP6's duplication type (an int).")] = None,
    folder: Annotated[int | None, typer.Option("--folder", help="The folder id of the copy.")] = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Copy an action (the copy gets a new id and starts unvalidated); shows the copy."""
    copy_check = unknown_if_interrupted("the copy", "np6 actions list")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies, copy_check:
        copy = np6.actions.duplicate(action, type=type_, folder=folder)
    _show(copy, as_json, bodies)


@app.command()
@handles_errors
def validate(
    action: ActionId,
    for_test: Annotated[
        bool, typer.Option("--for-test/--production", help="Test phase (proofs) or production validation.")
    ] = False,
    test_segment: Annotated[list[int], typer.Option("--test-segment", help="Segment id for proofs.")] = [],  # noqa: B006
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
) -> None:
    """Validate an action: --for-test first (sends proofs), then --production."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.actions.validate(action, for_test=for_test, test_segments=test_segment or None)
        state = _state(np6.actions.get(action))
    say(f"action {action} {'test-validated' if for_test else 'validated'} (state {state})")


@app.command()
@handles_errors
def unvalidate(action: ActionId, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Take back an action's validation (test or production), so it can be edited again."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.actions.unvalidate(action)
        state = _state(np6.actions.get(action))
    say(f"action {action} unvalidated (state {state})")


@app.command()
@handles_errors
def render(
    action: ActionId,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    data: Data = None,
    channel: Channel = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Render the action's message for one contact (a preview; nothing is sent)."""
    who = one_contact(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        result = np6.actions.render(action, _render_item(who, extra), channel=channel)
    if as_json:
        print_answer(bodies)
        return
    print_fields(f"Action {action} rendered for {who.kind} {who.value}", _render_rows(result))


@app.command("render-many")
@handles_errors
def render_many(
    action: ActionId,
    contact_id: ContactIds = [],  # noqa: B006
    unicity: Unicities = [],  # noqa: B006
    hash_: Hashes = [],  # noqa: B006
    data: Data = None,
    channel: Channel = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Render the action's message for several contacts in one request (a preview; nothing is sent)."""
    recipients = contacts(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        messages = [_render_item(who, extra) for who in recipients]
        results = np6.actions.render_many(action, messages, channel=channel)
    if as_json:
        print_answer(bodies)
        return
    rows = [
        [f"{who.kind} {who.value}", *(value for _, value in _render_rows(result))]
        for who, result in zip(recipients, results, strict=True)
    ]
    print_rows(f"Action {action} rendered", ["contact", *_RENDER_FIELDS], rows)


@app.command("render-links")
@handles_errors
def render_links(
    action: ActionId,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    data: Data = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """List the links of the action's message as rendered for one contact."""
    who = one_contact(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        result = np6.actions.render_links(action, _render_item(who, extra))
    if as_json:
        print_answer(bodies)
        return
    print_rows(
        f"Links of action {action} for {who.kind} {who.value}",
        ["link"],
        [[link] for link in present(result.links) or []],
    )


@app.command()
@handles_errors
def send(
    action: ActionId,
    contact_id: ContactIds = [],  # noqa: B006
    unicity: Unicities = [],  # noqa: B006
    hash_: Hashes = [],  # noqa: B006
    data: Data = None,
    channel: Channel = None,
    batch_size: BatchSize = 1000,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Send the action to each recipient (the action must be validated for production).

    Exit code: 0 all sent, 3 some recipients failed, 1 none sent, 130 interrupted (says what was sent).
    """
    recipients = contacts(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        run_send(
            lambda: np6.actions.send(action, recipients, channel=channel, batch_size=batch_size, data=extra),
            recipients,
            as_json,
            (bodies, "send_action_messages"),
        )


@app.command("send-one")
@handles_errors
def send_one(
    action: ActionId,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    data: Data = None,
    channel: Channel = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Send the action to one recipient, with NP6's single-message operation.

    Exit code: 0 sent, 1 NP6 refused the recipient.
    """
    who = one_contact(contact_id, unicity, hash_)
    extra = json_option(data, "--data")
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        send_one_and_exit(
            who, lambda: np6.actions.send_one(action, who, channel=channel, data=extra), as_json, bodies
        )


@app.command("send-to-target")
@handles_errors
def send_to_target(
    action: ActionId,
    target: Annotated[
        str, typer.Argument(help="The contact id to send to (NP6's older, target-based send).")
    ],
    data: Data = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Send the action to one contact id with NP6's older target-based operation.

    Exit code: 0 sent, 1 NP6 refused it.
    """
    extra = json_option(data, "--data")
    body = None if extra is None else {"data": extra}
    with sdk_client(api_key=api_key, base_url=base_url) as np6, answers(as_json) as bodies:
        send_one_and_exit(
            Contact.id(target), lambda: np6.actions.send_to_target(action, target, body), as_json, bodies
        )


@app.command("export-recipients")
@handles_errors
def export_recipients(action: ActionId, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Ask NP6 to export the action's recipients (NP6 delivers the file itself, not to this command)."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.actions.export_recipients(action)
    say(f"export of the recipients of action {action} requested; NP6 delivers the file")


@app.command("export-openers")
@handles_errors
def export_openers(action: ActionId, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Ask NP6 to export the contacts who opened the action's message (delivered by NP6)."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.actions.export_openers(action)
    say(f"export of the openers of action {action} requested; NP6 delivers the file")


@app.command("export-clickers")
@handles_errors
def export_clickers(action: ActionId, base_url: BaseUrl = None, api_key: ApiKey = None) -> None:
    """Ask NP6 to export the contacts who clicked a link of the action's message (delivered by NP6)."""
    with sdk_client(api_key=api_key, base_url=base_url) as np6:
        np6.actions.export_clickers(action)
    say(f"export of the clickers of action {action} requested; NP6 delivers the file")


# --------------------------------------------------------------------------------------------- helpers
def _render_item(who: Contact, data: dict[str, Any] | None) -> Contact | dict[str, Any]:
    """A render (or render-links) message: the bare contact, or with --data the request with its data."""
    return who if data is None else {"receiver": who, "data": data}


_RENDER_FIELDS = ("result", "recipient", "subject", "text", "html")


def _render_rows(result: Any) -> list[tuple[str, Any]]:
    """The fields of a rendered message (`_RENDER_FIELDS`), in display order."""
    return [
        (name, present(getattr(result, "type_" if name == "result" else name, None)))
        for name in _RENDER_FIELDS
    ]
