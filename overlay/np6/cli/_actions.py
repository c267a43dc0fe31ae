"""`np6 actions ...`: list, inspect, validate, render and send e-mail and SMS marketing actions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

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
    one_contact,
    present,
    print_fields,
    print_json,
    print_rows,
)
from ._notifications import print_results

app = typer.Typer(help="E-mail and SMS actions: list, get, validate, render, send.", no_args_is_help=True)

Channel = Annotated[
    Literal["email", "sms"], typer.Option("--channel", help="The action's channel (sets the media type).")
]
ActionId = Annotated[str, typer.Argument(help="The action id, e.g. 000PE4.")]


def _state(action: Any) -> Any:
    informations = present(getattr(action, "informations", None))
    state = present(informations.state) if informations is not None else None
    return getattr(state, "value", state)


@app.command("list")
@handles_errors
def list_(base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """List the actions."""
    with NP6(api_key=api_key, base_url=base_url) as np6:
        actions = np6.actions.list()
    if as_json:
        print_json(actions)
        return
    rows = [[present(a.id), present(a.name), a.type_, _state(a)] for a in actions]
    print_rows("Actions", ["id", "name", "type", "state"], rows)


@app.command()
@handles_errors
def get(action: ActionId, base_url: BaseUrl = None, api_key: ApiKey = None, as_json: AsJson = False) -> None:
    """Show an action."""
    with NP6(api_key=api_key, base_url=base_url) as np6:
        found = np6.actions.get(action)
    if as_json:
        print_json(found)
        return
    content = present(getattr(found, "content", None))
    print_fields(
        f"Action {action}",
        [
            ("name", present(found.name)),
            ("type", found.type_),
            ("state", _state(found)),
            ("subject", present(getattr(content, "subject", None))),
        ],
    )


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
    with NP6(api_key=api_key, base_url=base_url) as np6:
        np6.actions.validate(action, for_test=for_test, test_segments=test_segment or None)
        state = _state(np6.actions.get(action))
    typer.echo(f"action {action} {'test-validated' if for_test else 'validated'} (state {state})")


@app.command()
@handles_errors
def render(
    action: ActionId,
    contact_id: ContactId = None,
    unicity: Unicity = None,
    hash_: Hash = None,
    channel: Channel = "email",
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Render the action's message for one contact (a preview; nothing is sent)."""
    who = one_contact(contact_id, unicity, hash_)
    with NP6(api_key=api_key, base_url=base_url) as np6:
        result = np6.actions.render(action, who, channel=channel)
    if as_json:
        print_json(result)
        return
    names = ("recipient", "subject", "text", "html")
    rows: list[tuple[str, Any]] = [("result", result.type_)]
    rows += [(name, present(getattr(result, name, None))) for name in names]
    print_fields(f"Action {action} rendered for {who.kind} {who.value}", rows)


@app.command()
@handles_errors
def send(
    action: ActionId,
    contact_id: Annotated[list[str], typer.Option("--contact-id", help="A recipient id (repeatable).")] = [],  # noqa: B006
    unicity: Annotated[list[str], typer.Option("--unicity", help="A recipient unicity (repeatable).")] = [],  # noqa: B006
    hash_: Annotated[list[str], typer.Option("--hash", help="A recipient hash (repeatable).")] = [],  # noqa: B006
    channel: Channel = "email",
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    as_json: AsJson = False,
) -> None:
    """Send the action to each recipient (the action must be validated for production)."""
    recipients = contacts(contact_id, unicity, hash_)
    with NP6(api_key=api_key, base_url=base_url) as np6:
        results = np6.actions.send(action, list(recipients), channel=channel)
    print_results(recipients, results, as_json)
