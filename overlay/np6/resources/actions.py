"""``np6.actions``: e-mail and SMS marketing actions, validation, renders, sends, exports and reactivity."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from .._bodies import build, check_json, coerce_body, model_class
from .._contacts import Contact, with_contacts
from .._exceptions import APIStatusError, NP6ValidationError, StreamInterruptedError
from .._results import ExecutionResults, action_render, single_success
from .._streaming import AsyncEventStream, EventStream
from .._types import ACTION_REACTIVITY_KINDS
from ._channels import channel_of_action, channel_of_messages, wrong_channel
from ._common import (
    DEFAULT_BATCH_SIZE,
    BatchedMessages,
    Plan,
    action_id,
    arun_batches,
    as_json,
    as_list,
    changes_of,
    check_batch_size,
    check_channel,
    check_concurrency,
    check_raw,
    event_filters,
    given,
    int32,
    merged,
    millis_kwargs,
    reactivity_operation,
    run_batches,
    text_id,
)

if TYPE_CHECKING:
    from np6_api.models.execution_email_request import ExecutionEmailRequest
    from np6_api.models.execution_sms_request import ExecutionSmsRequest
    from np6_api.models.execution_success import ExecutionSuccess
    from np6_api.models.render_email_request import RenderEmailRequest
    from np6_api.models.render_links_request import RenderLinksRequest
    from np6_api.models.render_links_result import RenderLinksResult
    from np6_api.models.render_mail_result import RenderMailResult
    from np6_api.models.render_sms_request import RenderSmsRequest
    from np6_api.models.sort_order import SortOrder
    from np6_api.models.target_message_request import TargetMessageRequest

    from .._base_client import AsyncAPIClient, SyncAPIClient
    from .._types import ActionReactivityKind, Channel, DateInput, Sort
    from ..types import Action, Event, RawEvent

    Message = ExecutionEmailRequest | ExecutionSmsRequest | Mapping[str, Any] | Contact
    RenderMessage = RenderEmailRequest | RenderSmsRequest | Mapping[str, Any] | Contact

__all__ = ["REACTIVITY_KINDS", "Actions", "AsyncActions"]

REACTIVITY_KINDS = ACTION_REACTIVITY_KINDS
"""``kind`` values of ``actions.reactivities()`` (``None`` is every event)."""

_EXECUTION = {"email": "ExecutionEmailRequest", "sms": "ExecutionSmsRequest"}
_RENDER = {"email": "RenderEmailRequest", "sms": "RenderSmsRequest"}


# ------------------------------------------------------------------------------------------- plans (no I/O)
def _message(item: object, schema: str, name: str, contact_key: str) -> Any:
    """A request model of ``schema`` from a model, a dict (a ``Contact`` may stand as its recipient or
    receiver) or a bare ``Contact`` (the recipient/receiver)."""
    if isinstance(
        item, Contact
    ):  # its text was checked when it was made: no JSON check (a bulk send's hot path)
        if contact_key == "recipient":
            return model_class(schema)(recipient=item.to_identifier())
        return model_class(schema).from_dict({contact_key: item.to_target()})
    if isinstance(item, Mapping):
        return coerce_body(with_contacts(item, schema), schema, name=name)
    for other in (*_EXECUTION.values(), *_RENDER.values()):
        if other != schema and isinstance(item, model_class(other)):
            raise NP6ValidationError(f"{name} is a {other}, but this call needs a {schema} (check channel=)")
    return coerce_body(item, schema, name=name)


def _listed(items: object, name: str) -> builtins.list[Any]:
    """The messages as a list, each dict's JSON checked (before the channel lookup, so before any I/O)."""
    listed = as_list(items, name)
    for index, item in enumerate(listed):
        if type(item) is not Contact and isinstance(item, Mapping):  # a Contact skips the slow ABC check
            check_json(item, f"{name}[{index}]", contacts=True)
    return listed


def _precheck(items: builtins.list[Any], schemas: Mapping[str, str], what: str) -> None:
    """Before looking the action's channel up (a request): refuse a dict message valid for neither channel."""
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            name = f"{what}[{index}]" if what == "messages" else what
            errors = []
            for schema in schemas.values():
                try:
                    coerce_body(with_contacts(item, schema), schema, name=name)
                except NP6ValidationError as exc:
                    errors.append(exc)
            if len(errors) == len(schemas):
                raise errors[0]


def _shared(items: builtins.list[Any], data: object, *, contacts: bool = True) -> builtins.list[Any]:
    """The messages with the shared ``data`` given to each that has none (a ``Contact`` becomes a dict,
    unless ``contacts=False``: then a bare ``Contact`` stays one, for ``_send`` to give it the data)."""
    if data is None:
        return items
    if not isinstance(data, Mapping):
        raise NP6ValidationError(f"data must be a dict, got {type(data).__name__}")
    check_json(data, "data")
    out: builtins.list[Any] = []
    for item in items:
        if type(item) is Contact and not contacts:
            out.append(item)
        elif isinstance(item, Contact):
            out.append({"recipient": item, "data": dict(data)})
        elif isinstance(item, Mapping):
            out.append(item if "data" in item else {**item, "data": dict(data)})
        else:
            fields = as_json(item, "message")
            out.append(fields if "data" in fields else {**fields, "data": dict(data)})
    return out


def _messages(items: builtins.list[Any], schema: str, name: str, contact_key: str) -> builtins.list[Any]:
    return [_message(m, schema, f"{name}[{i}]", contact_key) for i, m in enumerate(items)]


def _send(items: builtins.list[Any], schema: str, data: Mapping[str, Any] | None) -> BatchedMessages:
    """The checked messages of ``send`` (shared ``data`` already given to all but the bare Contacts)."""

    def model_of(index: int, item: Any) -> Any:
        return _message(item, schema, f"messages[{index}]", "recipient")

    def as_item(contact: Contact) -> Any:
        return contact if data is None else {"recipient": contact, "data": dict(data)}

    return BatchedMessages(items, model_of, as_item, "recipient", Contact.to_dict)


def _update_body(current: Any, patch: dict[str, Any]) -> Any:
    """The full action to PUT: what NP6 holds, with the changes merged in."""
    return coerce_body(merged(current.to_dict(), patch), "Action", name="changes")


def _validation_body(
    *,
    for_test: object,
    test_segments: object,
    campaign_analyser: object,
    media_for_test: object,
    text_and_html: object,
    comments: object,
    variables: object,
) -> Any:
    if not isinstance(for_test, bool):
        raise NP6ValidationError(f"for_test must be a bool, got {for_test!r}")
    body: dict[str, Any] = {"fortest": for_test}
    if test_segments is not None:
        segments = as_list(test_segments, "test_segments")
        if not all(isinstance(s, int) and not isinstance(s, bool) for s in segments):
            raise NP6ValidationError(f"test_segments must be a list of int segment ids, got {segments!r}")
        body["testSegments"] = segments
    for key, value, kind in (
        ("campaignAnalyser", campaign_analyser, bool),
        ("mediaForTest", media_for_test, str),
        ("textandHtml", text_and_html, bool),
        ("comments", comments, str),
    ):
        if value is not None:
            if not isinstance(value, kind):
                raise NP6ValidationError(f"{key} must be a {kind.__name__}, got {value!r}")
            body[key] = value
    if variables is not None:
        body["variables"] = as_list(variables, "variables")
    return coerce_body(body, "ValidationSettings")


def _duplicate_kwargs(id: object, type: object, folder: object) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"id": action_id(id)}
    for name, value in (("type_", type), ("folder", folder)):
        if value is not None:
            kwargs[name] = int32(value, name.rstrip("_"))
    return kwargs


def _target_id(value: object) -> str:
    """The contact id of the target-based send: a str, or a ``Contact`` by id (other kinds do not fit)."""
    if isinstance(value, Contact):
        if value.kind != "id":
            raise NP6ValidationError(
                f"target_id must be a contact id; {value!r} is a contact by {value.kind}"
            )
        return value.value
    return text_id(value, "target_id")


def _reactivity_plan(kind: object, action: object, **filters: Any) -> tuple[Plan, str | None, Any]:
    operation = reactivity_operation(kind, REACTIVITY_KINDS, "all_actions", "action", action is not None)
    kwargs, sort, resume = event_filters(**filters)
    if action is not None:
        kwargs["id"] = action_id(action, "action_id")
    return Plan(operation, kwargs), sort, resume


# ---------------------------------------------------------------------------------------------- sync
class Actions:
    """E-mail and SMS marketing actions (``client.actions``)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self._channels: dict[str, Channel] = {}

    def _channel(
        self, aid: str, channel: object, items: builtins.list[Any], schemas: Mapping[str, str], what: str
    ) -> Channel:
        """``channel`` if given; else the messages' (typed models); else the action's type, looked up once."""
        if channel is not None:
            return check_channel(channel)
        found = channel_of_messages(items) or self._channels.get(aid)
        if found is None:
            _precheck(items, schemas, what)
            found = channel_of_action(self.get(aid)) or "email"
            self._channels[aid] = found
        return found

    def _sending(self, aid: str, channel: Channel, operation_id: str, body: Any) -> Any:
        try:
            return self._client.request(operation_id, id=aid, body=body)
        except APIStatusError as exc:
            self._channels.pop(aid, None)  # the action's type may have changed: look it up again next time
            error = wrong_channel(exc, aid, channel)
            if error is exc:
                raise
            raise error from exc

    def list(
        self, *, creation_start: DateInput | None = None, creation_end: DateInput | None = None
    ) -> builtins.list[Action]:
        """All actions, optionally only those created in ``[creation_start, creation_end)``.

        Args:
            creation_start: A ``datetime``, milliseconds or an ISO 8601 string (without an offset: UTC).
            creation_end: Likewise; exclusive.

        Returns:
            The actions (``MailMessageAction``, ``SmsMessageAction`` or ``UnknownAction`` for other kinds).

        Raises:
            NP6ValidationError: A date that cannot be read, before any request.
        """
        kwargs = millis_kwargs(creation_start=creation_start, creation_end=creation_end)
        return cast("builtins.list[Action]", self._client.request("list_actions", **kwargs))

    def get(self, id: str) -> Action:
        """One action.

        Args:
            id: The action's id (e.g. ``"000PE4"``).

        Returns:
            The action.

        Raises:
            NotFoundError: No action has this id.
        """
        action = cast("Action", self._client.request("get_action", id=action_id(id)))
        kind = channel_of_action(action)
        if kind is not None:
            self._channels[id] = kind
        return action

    def create(self, body: Action | Mapping[str, Any]) -> Action:
        """Create an action. Never retried once sent: a repeat would create a second one.

        Args:
            body: A ``MailMessageAction``/``SmsMessageAction`` or its JSON-shaped dict (``"type"`` chooses).

        Returns:
            The action as NP6 stored it (with its new ``id``).

        Raises:
            NP6ValidationError: A field is wrong (the message names it), before any request.
        """
        return cast("Action", self._client.request("create_action", body=coerce_body(body, "Action")))

    def update(
        self,
        id: str,
        changes: Mapping[str, Any] | None = None,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> Action:
        """Change some fields of an action, keeping all the others (read, merge, write).

        NP6's PUT replaces the whole action, so this reads it first, merges the changes in (nested objects
        key by key, lists replaced) and writes the result back. Not atomic. To replace the action with
        exactly what you give, use ``replace()``.

        Args:
            id: The action's id.
            changes: The fields to change, as a JSON-shaped dict (``{"content": {"subject": "Hi"}}``).
            name: The new name.
            description: The new description.

        Returns:
            The action as NP6 stored it.

        Raises:
            NotFoundError: No action has this id.
            NP6ValidationError: No change given, or a field is wrong (before the write).
        """
        aid = action_id(id)
        patch = changes_of(changes, given(name=name, description=description))
        model = _update_body(self.get(aid), patch)
        return cast("Action", self._client.request("update_action", id=aid, body=model))

    def replace(self, id: str, body: Action | Mapping[str, Any]) -> Action:
        """Replace an action with ``body``: NP6's PUT. Every field left out is erased on NP6's side; to
        change a few fields only, use ``update()``.

        Args:
            id: The action's id.
            body: The complete action (a model or its JSON-shaped dict).

        Returns:
            The action as NP6 stored it.

        Raises:
            NotFoundError: No action has this id.
            NP6ValidationError: ``body`` is not a valid action (before any request).
        """
        aid = action_id(id)
        return cast("Action", self._client.request("update_action", id=aid, body=coerce_body(body, "Action")))

    def delete(self, id: str) -> None:
        """Delete an action.

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        self._client.request("delete_action", id=action_id(id))
        self._channels.pop(id, None)

    def duplicate(self, id: str, *, type: int | None = None, folder: int | None = None) -> Action:
        """Copy an action.

        Args:
            id: The action to copy.
            type: The copy's type code, if it should differ.
            folder: The folder to put the copy in.

        Returns:
            The copy.

        Raises:
            NotFoundError: No action has this id.
        """
        return cast("Action", self._client.request("duplicate_action", **_duplicate_kwargs(id, type, folder)))

    def validate(
        self,
        id: str,
        *,
        for_test: bool = False,
        test_segments: Iterable[int] | None = None,
        campaign_analyser: bool | None = None,
        media_for_test: str | None = None,
        text_and_html: bool | None = None,
        comments: str | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
    ) -> None:
        """Validate an action for production, or (``for_test=True``) start its test phase. Never retried once
        sent (a test validation sends proofs).

        Args:
            id: The action's id.
            for_test: Start the test phase (proofs to ``test_segments``) instead of validating.
            test_segments: Segment ids that receive the proofs.
            campaign_analyser: Run the campaign analyser.
            media_for_test: The medium of the proofs.
            text_and_html: Send both the text and the HTML part.
            comments: A comment for the validation.
            variables: Template variables.

        Raises:
            ConflictError: Already validated, or nothing to validate.
            NP6ValidationError: A wrong argument (before any request).
        """
        aid = action_id(id)
        body = _validation_body(
            for_test=for_test,
            test_segments=test_segments,
            campaign_analyser=campaign_analyser,
            media_for_test=media_for_test,
            text_and_html=text_and_html,
            comments=comments,
            variables=variables,
        )
        self._client.request("validate_action", id=aid, body=body)

    def unvalidate(self, id: str) -> None:
        """Take an action back out of validation (it can be edited again).

        Args:
            id: The action's id.

        Raises:
            ConflictError: The action is not validated.
        """
        aid = action_id(id)
        self._client.request("unvalidate_action", id=aid, body=build("ValidationSettings", {}))

    def render(self, id: str, message: RenderMessage, *, channel: Channel | None = None) -> RenderMailResult:
        """Render one message (a preview: nothing is sent).

        Args:
            id: The action's id.
            message: A bare ``Contact`` (the receiver), a ``Render{Email,Sms}Request`` or its dict (a
                ``Contact`` may stand as its ``receiver``).
            channel: ``"email"`` or ``"sms"``; by default the action's own (looked up once, then cached).

        Returns:
            The ``RenderMailResult`` (``subject``, ``html``, ``text``...; an SMS has ``text`` only).

        Raises:
            RenderError: NP6 answered something other than a success (kept in ``.raw``).
            WrongChannelError: The action refused this channel's body (415); the message names the other.
        """
        aid = action_id(id)
        listed = _listed([message], "message")
        chosen = self._channel(aid, channel, listed, _RENDER, "message")
        body = _message(listed[0], _RENDER[chosen], "message", "receiver")
        return cast(
            "RenderMailResult", action_render(self._sending(aid, chosen, "render_action_message", body))
        )

    def render_many(
        self, id: str, messages: Iterable[RenderMessage], *, channel: Channel | None = None
    ) -> builtins.list[RenderMailResult]:
        """Render several messages in one request (a preview: nothing is sent); one result each, in order.

        Args:
            id: The action's id.
            messages: Any iterable of what ``render()`` takes.
            channel: As in ``render()``.

        Returns:
            The ``RenderMailResult`` of each message.

        Raises:
            RenderError: A message did not render (the first such; ``.raw`` holds it).
            WrongChannelError: The action refused this channel's body (415).
        """
        aid = action_id(id)
        listed = _listed(messages, "messages")
        if not listed:
            return []
        chosen = self._channel(aid, channel, listed, _RENDER, "messages")
        body = _messages(listed, _RENDER[chosen], "messages", "receiver")
        results = self._sending(aid, chosen, "render_action_messages", body)
        return [cast("RenderMailResult", action_render(r)) for r in results]

    def render_links(
        self, id: str, body: RenderLinksRequest | Mapping[str, Any] | Contact
    ) -> RenderLinksResult:
        """The links of a message as rendered for a receiver (tracking links resolved).

        Args:
            id: The action's id.
            body: A bare ``Contact`` (the receiver), a ``RenderLinksRequest`` or its dict.

        Returns:
            The ``RenderLinksResult``.

        Raises:
            NotFoundError: Unknown action or contact.
        """
        aid = action_id(id)
        model = _message(body, "RenderLinksRequest", "body", "receiver")
        return cast("RenderLinksResult", self._client.request("render_action_links", id=aid, body=model))

    def send(
        self,
        id: str,
        messages: Iterable[Message],
        *,
        channel: Channel | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        concurrency: int = 1,
        data: Mapping[str, Any] | None = None,
    ) -> ExecutionResults:
        """Send to each message's recipient, ``batch_size`` per request; one result per message, in order.

        Never retried once a batch may have reached NP6.

        Args:
            id: The action's id.
            messages: Any iterable of ``Contact`` (the recipient), ``Execution{Email,Sms}Request`` or its
                dict (a ``Contact`` may stand as its ``recipient``).
            channel: ``"email"`` or ``"sms"``; by default the action's own (looked up once, then cached).
            batch_size: Messages per request.
            concurrency: Batches in flight at once (an int >= 1; above 1 with ``AsyncNP6`` only). Results
                stay in input order. A failed batch stops the send: no new batch starts, the batches in
                flight finish and are reported in ``batch_progress.later``; cancelling the send cancels them.
            data: Template data shared by every message that has no ``data`` of its own.

        Returns:
            ``ExecutionResults``: a list with ``.succeeded``, ``.failed`` (per-recipient errors: NP6 sent
            the others) and ``.unknown``; ``.check()`` raises ``RecipientError`` unless all succeeded.

        Raises:
            NP6ValidationError: A message is wrong (before any send).
            WrongChannelError: The action refused this channel's body (415).
            APIError: A batch failed; ``batch_progress`` tells what was sent, in flight, never tried. The
                same attribute is set on ``KeyboardInterrupt`` (``np6.batch_progress_of(exc)``).
        """
        aid = action_id(id)
        size = check_batch_size(batch_size)
        check_concurrency(concurrency, is_async=False)
        listed = _listed(messages, "messages")
        if not listed:
            return ExecutionResults()
        chosen = self._channel(aid, channel, listed, _EXECUTION, "messages")
        send = _send(_shared(listed, data, contacts=False), _EXECUTION[chosen], data)

        def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            body = send.batch(chunk)
            return cast("builtins.list[Any]", self._sending(aid, chosen, "send_action_messages", body))

        return run_batches(call, send.items, size, "send_action_messages", send.models)

    def send_one(
        self,
        id: str,
        message: Message,
        *,
        channel: Channel | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> ExecutionSuccess:
        """Send to one recipient. Never retried once sent.

        Args:
            id: The action's id.
            message: What ``send()`` takes for one message.
            channel: As in ``send()``.
            data: Template data, unless the message has its own.

        Returns:
            The ``ExecutionSuccess`` (the message id and the recipient's footprint).

        Raises:
            RecipientError: NP6 did not send to this recipient (``.raw`` holds its answer).
            WrongChannelError: The action refused this channel's body (415).
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        aid = action_id(id)
        listed = _listed([message], "message")
        chosen = self._channel(aid, channel, listed, _EXECUTION, "message")
        body = _message(_shared(listed, data)[0], _EXECUTION[chosen], "message", "recipient")
        return single_success(self._sending(aid, chosen, "send_action_message", body))

    def send_to_target(
        self, id: str, target_id: str | Contact, body: TargetMessageRequest | Mapping[str, Any] | None = None
    ) -> ExecutionSuccess:
        """The older, target-based send (the contact id in the path). Never retried once sent.

        Args:
            id: The action's id.
            target_id: The contact id (or a ``Contact.id(...)``).
            body: Template data and overrides (a ``TargetMessageRequest`` or its dict).

        Returns:
            The ``ExecutionSuccess``.

        Raises:
            RecipientError: NP6 did not send to this contact.
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        aid = action_id(id)
        target = _target_id(target_id)
        model = coerce_body({} if body is None else body, "TargetMessageRequest")
        return single_success(
            self._client.request("send_action_message_to_target", id=aid, target_id=target, body=model)
        )

    def export_recipients(self, id: str) -> None:
        """Start an export of the action's recipients (NP6 delivers the file out of band).

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        self._client.request("export_action_recipients", id=action_id(id))

    def export_openers(self, id: str) -> None:
        """Start an export of the contacts who opened the action's message (delivered out of band).

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        self._client.request("export_action_openers", id=action_id(id))

    def export_clickers(self, id: str) -> None:
        """Start an export of the contacts who clicked a link of the message (delivered out of band).

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        self._client.request("export_action_clickers", id=action_id(id))

    @overload
    def reactivities(
        self,
        kind: ActionReactivityKind | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateInput | None = None,
        activation_end: DateInput | None = None,
        reactivity_start: DateInput | None = None,
        reactivity_end: DateInput | None = None,
        sort: Sort | SortOrder | None = None,
        resume: StreamInterruptedError | None = None,
        raw: Literal[False] = False,
    ) -> EventStream[Event]: ...
    @overload
    def reactivities(
        self,
        kind: ActionReactivityKind | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateInput | None = None,
        activation_end: DateInput | None = None,
        reactivity_start: DateInput | None = None,
        reactivity_end: DateInput | None = None,
        sort: Sort | SortOrder | None = None,
        resume: StreamInterruptedError | None = None,
        raw: Literal[True],
    ) -> EventStream[RawEvent]: ...
    def reactivities(
        self,
        kind: ActionReactivityKind | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateInput | None = None,
        activation_end: DateInput | None = None,
        reactivity_start: DateInput | None = None,
        reactivity_end: DateInput | None = None,
        sort: Sort | SortOrder | None = None,
        resume: StreamInterruptedError | None = None,
        raw: bool = False,
    ) -> EventStream[Event] | EventStream[RawEvent]:
        """Stream the reactivity events, one at a time (flat memory, however many there are).

        The request is sent on the first ``next()``; close the stream (or use ``with``) to stop early.

        Args:
            kind: ``"bounces"``, ``"hits"``, ``"open_hits"``, ``"redirection_hits"``, ``"unsubscribe_hits"``,
                ``"mirror_hits"``, ``"form_hits"``, or ``None`` for every event.
            action_id: Only this action's events.
            activation_start: Events of sends at or after this date (``datetime``, milliseconds or ISO
                string; without an offset: UTC). Likewise ``activation_end`` (exclusive).
            activation_end: Events of sends before this date.
            reactivity_start: Events at or after this date.
            reactivity_end: Events before this date.
            sort: ``"asc"`` or ``"desc"`` on the event timestamp (``None``: unspecified).
            resume: The ``StreamInterruptedError`` of an earlier stream (needs ``sort="asc"``): restart
                after its last event, with no gap and no duplicate.
            raw: Yield each event as the dict NP6 sent (no model parsing, faster).

        Returns:
            An ``EventStream`` of ``Event`` models (``dict`` with ``raw=True``).

        Raises:
            NP6ValidationError: A wrong argument, at the call.
            StreamInterruptedError: The stream broke (while iterating); carries the resume point.
        """
        plan, sort_text, resume_point = _reactivity_plan(
            kind,
            action_id,
            activation_start=activation_start,
            activation_end=activation_end,
            reactivity_start=reactivity_start,
            reactivity_end=reactivity_end,
            sort=sort,
            resume=resume,
        )
        return EventStream(
            lambda: self._client.stream(plan.operation_id, **plan.kwargs),
            plan.operation_id,
            sort=sort_text,
            resume=resume_point,
            raw=check_raw(raw),
            limits=self._client.limits,
            deadline=self._client.deadline,
        )


# ---------------------------------------------------------------------------------------------- async
class AsyncActions:
    """E-mail and SMS marketing actions (``client.actions`` of ``AsyncNP6``); same surface, ``async``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self._channels: dict[str, Channel] = {}

    async def _channel(
        self, aid: str, channel: object, items: builtins.list[Any], schemas: Mapping[str, str], what: str
    ) -> Channel:
        """``channel`` if given; else the messages' (typed models); else the action's type, looked up once."""
        if channel is not None:
            return check_channel(channel)
        found = channel_of_messages(items) or self._channels.get(aid)
        if found is None:
            _precheck(items, schemas, what)
            found = channel_of_action(await self.get(aid)) or "email"
            self._channels[aid] = found
        return found

    async def _sending(self, aid: str, channel: Channel, operation_id: str, body: Any) -> Any:
        try:
            return await self._client.request(operation_id, id=aid, body=body)
        except APIStatusError as exc:
            self._channels.pop(aid, None)  # the action's type may have changed: look it up again next time
            error = wrong_channel(exc, aid, channel)
            if error is exc:
                raise
            raise error from exc

    async def list(
        self, *, creation_start: DateInput | None = None, creation_end: DateInput | None = None
    ) -> builtins.list[Action]:
        """All actions, optionally only those created in ``[creation_start, creation_end)``.

        Args:
            creation_start: A ``datetime``, milliseconds or an ISO 8601 string (without an offset: UTC).
            creation_end: Likewise; exclusive.

        Returns:
            The actions (``MailMessageAction``, ``SmsMessageAction`` or ``UnknownAction`` for other kinds).

        Raises:
            NP6ValidationError: A date that cannot be read, before any request.
        """
        kwargs = millis_kwargs(creation_start=creation_start, creation_end=creation_end)
        return cast("builtins.list[Action]", await self._client.request("list_actions", **kwargs))

    async def get(self, id: str) -> Action:
        """One action.

        Args:
            id: The action's id (e.g. ``"000PE4"``).

        Returns:
            The action.

        Raises:
            NotFoundError: No action has this id.
        """
        action = cast("Action", await self._client.request("get_action", id=action_id(id)))
        kind = channel_of_action(action)
        if kind is not None:
            self._channels[id] = kind
        return action

    async def create(self, body: Action | Mapping[str, Any]) -> Action:
        """Create an action. Never retried once sent: a repeat would create a second one.

        Args:
            body: A ``MailMessageAction``/``SmsMessageAction`` or its JSON-shaped dict (``"type"`` chooses).

        Returns:
            The action as NP6 stored it (with its new ``id``).

        Raises:
            NP6ValidationError: A field is wrong (the message names it), before any request.
        """
        return cast("Action", await self._client.request("create_action", body=coerce_body(body, "Action")))

    async def update(
        self,
        id: str,
        changes: Mapping[str, Any] | None = None,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> Action:
        """Change some fields of an action, keeping all the others (read, merge, write).

        NP6's PUT replaces the whole action, so this reads it first, merges the changes in (nested objects
        key by key, lists replaced) and writes the result back. Not atomic. To replace the action with
        exactly what you give, use ``replace()``.

        Args:
            id: The action's id.
            changes: The fields to change, as a JSON-shaped dict (``{"content": {"subject": "Hi"}}``).
            name: The new name.
            description: The new description.

        Returns:
            The action as NP6 stored it.

        Raises:
            NotFoundError: No action has this id.
            NP6ValidationError: No change given, or a field is wrong (before the write).
        """
        aid = action_id(id)
        patch = changes_of(changes, given(name=name, description=description))
        model = _update_body(await self.get(aid), patch)
        return cast("Action", await self._client.request("update_action", id=aid, body=model))

    async def replace(self, id: str, body: Action | Mapping[str, Any]) -> Action:
        """Replace an action with ``body``: NP6's PUT. Every field left out is erased on NP6's side; to
        change a few fields only, use ``update()``.

        Args:
            id: The action's id.
            body: The complete action (a model or its JSON-shaped dict).

        Returns:
            The action as NP6 stored it.

        Raises:
            NotFoundError: No action has this id.
            NP6ValidationError: ``body`` is not a valid action (before any request).
        """
        aid = action_id(id)
        return cast(
            "Action", await self._client.request("update_action", id=aid, body=coerce_body(body, "Action"))
        )

    async def delete(self, id: str) -> None:
        """Delete an action.

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        await self._client.request("delete_action", id=action_id(id))
        self._channels.pop(id, None)

    async def duplicate(self, id: str, *, type: int | None = None, folder: int | None = None) -> Action:
        """Copy an action.

        Args:
            id: The action to copy.
            type: The copy's type code, if it should differ.
            folder: The folder to put the copy in.

        Returns:
            The copy.

        Raises:
            NotFoundError: No action has this id.
        """
        return cast(
            "Action", await self._client.request("duplicate_action", **_duplicate_kwargs(id, type, folder))
        )

    async def validate(
        self,
        id: str,
        *,
        for_test: bool = False,
        test_segments: Iterable[int] | None = None,
        campaign_analyser: bool | None = None,
        media_for_test: str | None = None,
        text_and_html: bool | None = None,
        comments: str | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
    ) -> None:
        """Validate an action for production, or (``for_test=True``) start its test phase. Never retried once
        sent (a test validation sends proofs).

        Args:
            id: The action's id.
            for_test: Start the test phase (proofs to ``test_segments``) instead of validating.
            test_segments: Segment ids that receive the proofs.
            campaign_analyser: Run the campaign analyser.
            media_for_test: The medium of the proofs.
            text_and_html: Send both the text and the HTML part.
            comments: A comment for the validation.
            variables: Template variables.

        Raises:
            ConflictError: Already validated, or nothing to validate.
            NP6ValidationError: A wrong argument (before any request).
        """
        aid = action_id(id)
        body = _validation_body(
            for_test=for_test,
            test_segments=test_segments,
            campaign_analyser=campaign_analyser,
            media_for_test=media_for_test,
            text_and_html=text_and_html,
            comments=comments,
            variables=variables,
        )
        await self._client.request("validate_action", id=aid, body=body)

    async def unvalidate(self, id: str) -> None:
        """Take an action back out of validation (it can be edited again).

        Args:
            id: The action's id.

        Raises:
            ConflictError: The action is not validated.
        """
        aid = action_id(id)
        await self._client.request("unvalidate_action", id=aid, body=build("ValidationSettings", {}))

    async def render(
        self, id: str, message: RenderMessage, *, channel: Channel | None = None
    ) -> RenderMailResult:
        """Render one message (a preview: nothing is sent).

        Args:
            id: The action's id.
            message: A bare ``Contact`` (the receiver), a ``Render{Email,Sms}Request`` or its dict (a
                ``Contact`` may stand as its ``receiver``).
            channel: ``"email"`` or ``"sms"``; by default the action's own (looked up once, then cached).

        Returns:
            The ``RenderMailResult`` (``subject``, ``html``, ``text``...; an SMS has ``text`` only).

        Raises:
            RenderError: NP6 answered something other than a success (kept in ``.raw``).
            WrongChannelError: The action refused this channel's body (415); the message names the other.
        """
        aid = action_id(id)
        listed = _listed([message], "message")
        chosen = await self._channel(aid, channel, listed, _RENDER, "message")
        body = _message(listed[0], _RENDER[chosen], "message", "receiver")
        return cast(
            "RenderMailResult", action_render(await self._sending(aid, chosen, "render_action_message", body))
        )

    async def render_many(
        self, id: str, messages: Iterable[RenderMessage], *, channel: Channel | None = None
    ) -> builtins.list[RenderMailResult]:
        """Render several messages in one request (a preview: nothing is sent); one result each, in order.

        Args:
            id: The action's id.
            messages: Any iterable of what ``render()`` takes.
            channel: As in ``render()``.

        Returns:
            The ``RenderMailResult`` of each message.

        Raises:
            RenderError: A message did not render (the first such; ``.raw`` holds it).
            WrongChannelError: The action refused this channel's body (415).
        """
        aid = action_id(id)
        listed = _listed(messages, "messages")
        if not listed:
            return []
        chosen = await self._channel(aid, channel, listed, _RENDER, "messages")
        body = _messages(listed, _RENDER[chosen], "messages", "receiver")
        results = await self._sending(aid, chosen, "render_action_messages", body)
        return [cast("RenderMailResult", action_render(r)) for r in results]

    async def render_links(
        self, id: str, body: RenderLinksRequest | Mapping[str, Any] | Contact
    ) -> RenderLinksResult:
        """The links of a message as rendered for a receiver (tracking links resolved).

        Args:
            id: The action's id.
            body: A bare ``Contact`` (the receiver), a ``RenderLinksRequest`` or its dict.

        Returns:
            The ``RenderLinksResult``.

        Raises:
            NotFoundError: Unknown action or contact.
        """
        aid = action_id(id)
        model = _message(body, "RenderLinksRequest", "body", "receiver")
        return cast(
            "RenderLinksResult", await self._client.request("render_action_links", id=aid, body=model)
        )

    async def send(
        self,
        id: str,
        messages: Iterable[Message],
        *,
        channel: Channel | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        concurrency: int = 1,
        data: Mapping[str, Any] | None = None,
    ) -> ExecutionResults:
        """Send to each message's recipient, ``batch_size`` per request; one result per message, in order.

        Never retried once a batch may have reached NP6.

        Args:
            id: The action's id.
            messages: Any iterable of ``Contact`` (the recipient), ``Execution{Email,Sms}Request`` or its
                dict (a ``Contact`` may stand as its ``recipient``).
            channel: ``"email"`` or ``"sms"``; by default the action's own (looked up once, then cached).
            batch_size: Messages per request.
            concurrency: Batches in flight at once (an int >= 1; above 1 with ``AsyncNP6`` only). Results
                stay in input order. A failed batch stops the send: no new batch starts, the batches in
                flight finish and are reported in ``batch_progress.later``; cancelling the send cancels them.
            data: Template data shared by every message that has no ``data`` of its own.

        Returns:
            ``ExecutionResults``: a list with ``.succeeded``, ``.failed`` (per-recipient errors: NP6 sent
            the others) and ``.unknown``; ``.check()`` raises ``RecipientError`` unless all succeeded.

        Raises:
            NP6ValidationError: A message is wrong (before any send).
            WrongChannelError: The action refused this channel's body (415).
            APIError: A batch failed; ``batch_progress`` tells what was sent, in flight, never tried. The
                same attribute is set on ``KeyboardInterrupt`` (``np6.batch_progress_of(exc)``).
        """
        aid = action_id(id)
        size = check_batch_size(batch_size)
        parallel = check_concurrency(concurrency, is_async=True)
        listed = _listed(messages, "messages")
        if not listed:
            return ExecutionResults()
        chosen = await self._channel(aid, channel, listed, _EXECUTION, "messages")
        send = _send(_shared(listed, data, contacts=False), _EXECUTION[chosen], data)

        async def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            body = send.batch(chunk)
            return cast("builtins.list[Any]", await self._sending(aid, chosen, "send_action_messages", body))

        return await arun_batches(call, send.items, size, "send_action_messages", parallel, send.models)

    async def send_one(
        self,
        id: str,
        message: Message,
        *,
        channel: Channel | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> ExecutionSuccess:
        """Send to one recipient. Never retried once sent.

        Args:
            id: The action's id.
            message: What ``send()`` takes for one message.
            channel: As in ``send()``.
            data: Template data, unless the message has its own.

        Returns:
            The ``ExecutionSuccess`` (the message id and the recipient's footprint).

        Raises:
            RecipientError: NP6 did not send to this recipient (``.raw`` holds its answer).
            WrongChannelError: The action refused this channel's body (415).
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        aid = action_id(id)
        listed = _listed([message], "message")
        chosen = await self._channel(aid, channel, listed, _EXECUTION, "message")
        body = _message(_shared(listed, data)[0], _EXECUTION[chosen], "message", "recipient")
        return single_success(await self._sending(aid, chosen, "send_action_message", body))

    async def send_to_target(
        self, id: str, target_id: str | Contact, body: TargetMessageRequest | Mapping[str, Any] | None = None
    ) -> ExecutionSuccess:
        """The older, target-based send (the contact id in the path). Never retried once sent.

        Args:
            id: The action's id.
            target_id: The contact id (or a ``Contact.id(...)``).
            body: Template data and overrides (a ``TargetMessageRequest`` or its dict).

        Returns:
            The ``ExecutionSuccess``.

        Raises:
            RecipientError: NP6 did not send to this contact.
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        aid = action_id(id)
        target = _target_id(target_id)
        model = coerce_body({} if body is None else body, "TargetMessageRequest")
        return single_success(
            await self._client.request("send_action_message_to_target", id=aid, target_id=target, body=model)
        )

    async def export_recipients(self, id: str) -> None:
        """Start an export of the action's recipients (NP6 delivers the file out of band).

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        await self._client.request("export_action_recipients", id=action_id(id))

    async def export_openers(self, id: str) -> None:
        """Start an export of the contacts who opened the action's message (delivered out of band).

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        await self._client.request("export_action_openers", id=action_id(id))

    async def export_clickers(self, id: str) -> None:
        """Start an export of the contacts who clicked a link of the message (delivered out of band).

        Args:
            id: The action's id.

        Raises:
            NotFoundError: No action has this id.
        """
        await self._client.request("export_action_clickers", id=action_id(id))

    @overload
    def reactivities(
        self,
        kind: ActionReactivityKind | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateInput | None = None,
        activation_end: DateInput | None = None,
        reactivity_start: DateInput | None = None,
        reactivity_end: DateInput | None = None,
        sort: Sort | SortOrder | None = None,
        resume: StreamInterruptedError | None = None,
        raw: Literal[False] = False,
    ) -> AsyncEventStream[Event]: ...
    @overload
    def reactivities(
        self,
        kind: ActionReactivityKind | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateInput | None = None,
        activation_end: DateInput | None = None,
        reactivity_start: DateInput | None = None,
        reactivity_end: DateInput | None = None,
        sort: Sort | SortOrder | None = None,
        resume: StreamInterruptedError | None = None,
        raw: Literal[True],
    ) -> AsyncEventStream[RawEvent]: ...
    def reactivities(
        self,
        kind: ActionReactivityKind | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateInput | None = None,
        activation_end: DateInput | None = None,
        reactivity_start: DateInput | None = None,
        reactivity_end: DateInput | None = None,
        sort: Sort | SortOrder | None = None,
        resume: StreamInterruptedError | None = None,
        raw: bool = False,
    ) -> AsyncEventStream[Event] | AsyncEventStream[RawEvent]:
        """Stream the reactivity events, one at a time (flat memory, however many there are).

        The request is sent on the first ``next()``; close the stream (or use ``with``) to stop early.

        Args:
            kind: ``"bounces"``, ``"hits"``, ``"open_hits"``, ``"redirection_hits"``, ``"unsubscribe_hits"``,
                ``"mirror_hits"``, ``"form_hits"``, or ``None`` for every event.
            action_id: Only this action's events.
            activation_start: Events of sends at or after this date (``datetime``, milliseconds or ISO
                string; without an offset: UTC). Likewise ``activation_end`` (exclusive).
            activation_end: Events of sends before this date.
            reactivity_start: Events at or after this date.
            reactivity_end: Events before this date.
            sort: ``"asc"`` or ``"desc"`` on the event timestamp (``None``: unspecified).
            resume: The ``StreamInterruptedError`` of an earlier stream (needs ``sort="asc"``): restart
                after its last event, with no gap and no duplicate.
            raw: Yield each event as the dict NP6 sent (no model parsing, faster).

        Returns:
            An ``AsyncEventStream`` of ``Event`` models (``dict`` with ``raw=True``).

        Raises:
            NP6ValidationError: A wrong argument, at the call.
            StreamInterruptedError: The stream broke (while iterating); carries the resume point.
        """
        plan, sort_text, resume_point = _reactivity_plan(
            kind,
            action_id,
            activation_start=activation_start,
            activation_end=activation_end,
            reactivity_start=reactivity_start,
            reactivity_end=reactivity_end,
            sort=sort,
            resume=resume,
        )
        return AsyncEventStream(
            lambda: self._client.stream(plan.operation_id, **plan.kwargs),
            plan.operation_id,
            sort=sort_text,
            resume=resume_point,
            raw=check_raw(raw),
            limits=self._client.limits,
            deadline=self._client.deadline,
        )
