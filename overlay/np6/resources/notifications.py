"""``np6.notifications``: push notifications, their versions, renders, tests, executions and reactivity."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from .._bodies import build, check_json, coerce_body
from .._contacts import Contact, as_contact, as_test_recipient, notification_recipient, with_contacts
from .._exceptions import NP6ValidationError, StreamInterruptedError, VersionNotFoundError
from .._results import ExecutionResults, NotificationRender, notification_render, single_success
from .._streaming import AsyncEventStream, EventStream
from .._types import NOTIFICATION_REACTIVITY_KINDS
from ._common import (
    DEFAULT_BATCH_SIZE,
    BatchedMessages,
    Plan,
    arun_batches,
    as_json,
    as_list,
    changes_of,
    check_batch_size,
    check_concurrency,
    check_raw,
    event_filters,
    given,
    merged,
    notification_id,
    reactivity_operation,
    run_batches,
    version_id,
)

if TYPE_CHECKING:
    from np6_api.models.execution_success import ExecutionSuccess
    from np6_api.models.notification import Notification
    from np6_api.models.notification_execution_request import NotificationExecutionRequest
    from np6_api.models.notification_test_request import NotificationTestRequest
    from np6_api.models.notification_version import NotificationVersion
    from np6_api.models.sort_order import SortOrder

    from .._base_client import AsyncAPIClient, SyncAPIClient
    from .._types import (
        DateInput,
        NotificationExecutionDict,
        NotificationReactivityKind,
        NotificationSettingsDict,
        NotificationTypeName,
        NotificationVersionDict,
        Sort,
        TestRecipientDict,
        TypedObjectDict,
        VersionInput,
    )
    from ..types import Event, RawEvent

    Execution = NotificationExecutionRequest | NotificationExecutionDict | Mapping[str, Any] | Contact

__all__ = ["REACTIVITY_KINDS", "AsyncNotifications", "Notifications"]

REACTIVITY_KINDS = NOTIFICATION_REACTIVITY_KINDS
"""``kind`` values of ``notifications.reactivities()`` (``None`` is every event)."""


# ------------------------------------------------------------------------------------------- plans (no I/O)
def _render_plan(id: object, version: object, contact: object, data: object) -> Plan:
    nid = notification_id(id)
    vid = version_id(version)
    who = None if contact is None else as_contact(contact)
    if data is not None:
        if not isinstance(data, Mapping):
            raise NP6ValidationError(f"data must be a dict, got {type(data).__name__}")
        check_json(data, "data")
    base: dict[str, Any] = {"id": nid} if vid is None else {"id": nid, "version": vid}
    suffix = "" if vid is None else "_version"
    if who is None or data is not None:
        body: dict[str, Any] = {}
        if who is not None:
            body["receiver"] = {who.kind: who.value}
        if data is not None:
            body["data"] = dict(data)
        return Plan(
            f"render_notification{suffix}", {**base, "body": build("NotificationRenderRequest", body)}
        )
    if who.kind == "id":
        return Plan(f"render_notification{suffix}_for_contact_id", {**base, "contact": who.value})
    query = {"unicity": who.value} if who.kind == "unicity" else {"hash_": who.value}
    return Plan(f"render_notification{suffix}_for_contact", {**base, **query})


def _test_plan(id: object, version: object, request: object, body: object, fields: dict[str, Any]) -> Plan:
    """``request`` (or, for compatibility, a dict/model passed as ``body``) is the whole request; the
    keywords (``body`` when it is a str) are merged over it."""
    nid = notification_id(id)
    vid = version_id(version)
    if body is not None and not isinstance(body, str):
        if request is not None:
            raise NP6ValidationError("give the test request either as request= or as body=, not both")
        request, body = body, None
    data = with_contacts(as_json(request, "request"), "NotificationTestRequest")
    keywords = given(body=body, **fields)
    if "recipient" in keywords:
        keywords["recipient"] = as_test_recipient(keywords["recipient"])
    model = coerce_body({**data, **keywords}, "NotificationTestRequest", name="request")
    if vid is None:
        return Plan("test_notification", {"id": nid, "body": model})
    return Plan("test_notification_version", {"id": nid, "version": vid, "body": model})


def _execution(item: object, name: str, overrides: Mapping[str, Any]) -> Any:
    """One execution request: a ``Contact`` (the recipient), a dict (a ``Contact`` allowed as its
    ``recipient``) or a model; the shared ``overrides`` fill the fields the item does not set."""
    if isinstance(item, Contact):
        data: dict[str, Any] = {"recipient": notification_recipient(item)}
    elif isinstance(item, Mapping):
        data = with_contacts(item, "NotificationExecutionRequest")
    elif not overrides:
        return coerce_body(item, "NotificationExecutionRequest", name=name)
    else:
        data = as_json(coerce_body(item, "NotificationExecutionRequest", name=name), name)
    return coerce_body({**overrides, **data}, "NotificationExecutionRequest", name=name)


def _executions(items: object, overrides: Mapping[str, Any]) -> BatchedMessages:
    """The checked executions of ``execute`` (a bare ``Contact`` with the overrides: ``BatchedMessages``)."""

    def model_of(index: int, item: Any) -> Any:
        return _execution(item, f"executions[{index}]", overrides)

    return BatchedMessages(
        as_list(items, "executions"), model_of, lambda contact: contact, "recipient", notification_recipient
    )


def _create_body(body: object, fields: dict[str, Any]) -> Any:
    if body is None and "type" not in fields:
        fields = {"type": "push-app", **fields}
    return coerce_body({**as_json(body, "body"), **fields}, "Notification")


def _update_body(current: Notification, patch: dict[str, Any]) -> Any:
    """The full notification to PUT: what NP6 holds, with the changes merged in."""
    return coerce_body(merged(current.to_dict(), patch), "Notification", name="changes")


def _reactivity_plan(kind: object, notification: object, **filters: Any) -> tuple[Plan, str | None, Any]:
    operation = reactivity_operation(
        kind, REACTIVITY_KINDS, "all_notifications", "notification", notification is not None
    )
    kwargs, sort, resume = event_filters(**filters)
    if notification is not None:
        kwargs["id"] = notification_id(notification, "notification_id")
    return Plan(operation, kwargs), sort, resume


def _overrides(*, variables: object, **fields: object) -> dict[str, Any]:
    """The shared overrides of an execution, under their JSON names."""
    return given(**fields, variables=None if variables is None else as_list(variables, "variables"))


def _pick_version(notification: Notification, version: object, label: str | None) -> NotificationVersion:
    from np6_api.types import Unset

    versions = [] if isinstance(notification.versions, Unset) else notification.versions
    if label is not None:
        if not isinstance(label, str):
            raise NP6ValidationError(f"label must be a str, got {type(label).__name__}")
        found = [v for v in versions if v.label == label]
        wanted = f"label {label!r}"
    else:
        vid = version_id(version)
        found = (
            [v for v in versions if v.master is True] if vid is None else [v for v in versions if v.id == vid]
        )
        wanted = "the master version" if vid is None else f"version {vid}"
    if found:
        return found[0]
    available = [
        (
            None if isinstance(v.id, Unset) else str(v.id),
            None if isinstance(v.label, Unset) else v.label,
            v.master is True,
        )
        for v in versions
    ]
    listing = ", ".join(f"{i} (label {lb!r}{', master' if m else ''})" for i, lb, m in available) or "none"
    nid = None if isinstance(notification.id, Unset) else notification.id
    raise VersionNotFoundError(
        f"notification {nid} has no {wanted}; available versions: {listing}", available=available
    )


# ---------------------------------------------------------------------------------------------- sync
class Notifications:
    """Push notifications (``client.notifications``)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(self) -> builtins.list[Notification]:
        """All notifications.

        Returns:
            The notifications, each with its versions.
        """
        return cast("builtins.list[Notification]", self._client.request("list_notifications"))

    def get(self, id: int) -> Notification:
        """One notification.

        Args:
            id: The notification's id (an int32).

        Returns:
            The notification with its versions.

        Raises:
            NotFoundError: No notification has this id.
        """
        return cast("Notification", self._client.request("get_notification", id=notification_id(id)))

    def create(
        self,
        body: Notification | Mapping[str, Any] | None = None,
        *,
        type: NotificationTypeName | None = None,
        name: str | None = None,
        description: str | None = None,
        active: bool | None = None,
        settings: NotificationSettingsDict | Mapping[str, Any] | None = None,
        application: str | None = None,
        task: Mapping[str, Any] | None = None,
        versions: Iterable[NotificationVersionDict | Mapping[str, Any]] | None = None,
    ) -> Notification:
        """Create a notification, from keywords (``create(name=..., versions=[...])``) or a whole ``body``.

        Never retried once sent: a repeat would create a second one.

        Args:
            body: A ``Notification`` or its JSON-shaped dict; the keywords are set over it.
            type: ``"push-app"`` (the default when neither ``body`` nor ``type`` gives one).
            name: The name.
            description: The description.
            active: The online state.
            settings: Urgency, purpose, expiration, marketing pressure (NP6 sets the category).
            application: The UUID of the notifiable application that binds subscribers.
            task: The task that triggers executions.
            versions: The versions; exactly one has ``"master": True``.

        Returns:
            The notification as NP6 stored it (with its new ``id``).

        Raises:
            NP6ValidationError: A field is wrong (the message names it), before any request.
        """
        model = _create_body(
            body,
            given(
                type=type,
                name=name,
                description=description,
                active=active,
                settings=settings,
                application=application,
                task=task,
                versions=None if versions is None else as_list(versions, "versions"),
            ),
        )
        return cast("Notification", self._client.request("create_notification", body=model))

    def update(
        self,
        id: int,
        changes: Mapping[str, Any] | None = None,
        *,
        type: NotificationTypeName | None = None,
        name: str | None = None,
        description: str | None = None,
        active: bool | None = None,
        settings: NotificationSettingsDict | Mapping[str, Any] | None = None,
        application: str | None = None,
        task: Mapping[str, Any] | None = None,
        versions: Iterable[NotificationVersionDict | Mapping[str, Any]] | None = None,
    ) -> Notification:
        """Change some fields of a notification, keeping all the others (read, merge, write).

        NP6's PUT replaces the whole notification, so this reads it first, merges the changes in (nested
        objects key by key; a list, e.g. ``versions``, is replaced as a whole) and writes the result back.
        Not atomic: a change made by someone else between the read and the write is overwritten. To replace
        the notification with exactly what you give, use ``replace()``.

        Args:
            id: The notification's id.
            changes: The fields to change, as a JSON-shaped dict (``{"settings": {"urgent": True}}``).
            type: See ``create()``; each keyword given changes that field.
            name: The new name.
            description: The new description.
            active: The new online state.
            settings: Settings to merge in.
            application: The new application UUID.
            task: The task fields to merge in.
            versions: The new list of versions (replaces all of them).

        Returns:
            The notification as NP6 stored it.

        Raises:
            NotFoundError: No notification has this id.
            NP6ValidationError: No change given, or a field is wrong (before the write).
        """
        nid = notification_id(id)
        fields = given(
            type=type,
            name=name,
            description=description,
            active=active,
            settings=settings,
            application=application,
            task=task,
            versions=None if versions is None else as_list(versions, "versions"),
        )
        patch = changes_of(changes, fields)
        model = _update_body(self.get(nid), patch)
        return cast("Notification", self._client.request("update_notification", id=nid, body=model))

    def replace(self, id: int, body: Notification | Mapping[str, Any]) -> Notification:
        """Replace a notification with ``body``: NP6's PUT. Every field left out is erased on NP6's side
        (description, versions, application...); to change a few fields only, use ``update()``.

        Args:
            id: The notification's id.
            body: The complete notification (a ``Notification`` or its JSON-shaped dict).

        Returns:
            The notification as NP6 stored it.

        Raises:
            NotFoundError: No notification has this id.
            NP6ValidationError: ``body`` is not a valid notification (before any request).
        """
        nid = notification_id(id)
        model = coerce_body(body, "Notification")
        return cast("Notification", self._client.request("update_notification", id=nid, body=model))

    def delete(self, id: int) -> None:
        """Delete a notification.

        Args:
            id: The notification's id.

        Raises:
            NotFoundError: No notification has this id.
        """
        self._client.request("delete_notification", id=notification_id(id))

    def duplicate(self, id: int) -> Notification:
        """Copy a notification (a new id; the same versions).

        Args:
            id: The notification to copy.

        Returns:
            The copy.

        Raises:
            NotFoundError: No notification has this id.
        """
        return cast("Notification", self._client.request("duplicate_notification", id=notification_id(id)))

    def activate(self, id: int) -> None:
        """Put a notification online.

        Args:
            id: The notification's id.

        Raises:
            NotFoundError: No notification has this id.
        """
        self._client.request("activate_notification", id=notification_id(id))

    def deactivate(self, id: int) -> None:
        """Take a notification offline.

        Args:
            id: The notification's id.

        Raises:
            NotFoundError: No notification has this id.
        """
        self._client.request("deactivate_notification", id=notification_id(id))

    def render(
        self,
        id: int,
        *,
        version: VersionInput = "master",
        contact: Contact | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> NotificationRender:
        """Render a version for a contact (a preview: nothing is sent).

        ``contact=None``, or ``data`` given, uses the POST render (``data`` and the contact as receiver);
        otherwise the GET render for the contact's id, unicity or hash.

        Args:
            id: The notification's id.
            version: ``"master"`` (default), a version UUID (``str`` or ``uuid.UUID``) or a version object
                (see ``select_version()``).
            contact: Whom to render for: ``Contact.id(...)``, ``.unicity(...)`` or ``.hash(...)``.
            data: Data the templates use.

        Returns:
            A ``NotificationRender``: ``.render.title``, ``.render.body``, ... and ``.meta``.

        Raises:
            RenderError: NP6 answered something other than a success (kept in ``.raw``).
            NotFoundError: Unknown notification, version or contact.
        """
        plan = _render_plan(id, version, contact, data)
        return notification_render(self._client.request(plan.operation_id, **plan.kwargs))

    def test(
        self,
        id: int,
        request: NotificationTestRequest | Mapping[str, Any] | None = None,
        *,
        recipient: Contact | int | TestRecipientDict | None = None,
        version: VersionInput = "master",
        title: str | None = None,
        body: str | NotificationTestRequest | Mapping[str, Any] | None = None,
        icon: str | None = None,
        thumbnail: str | None = None,
        image: str | None = None,
        data: Mapping[str, Any] | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
        expiration: TypedObjectDict | Mapping[str, Any] | None = None,
        redirection: TypedObjectDict | Mapping[str, Any] | None = None,
        channel: TypedObjectDict | Mapping[str, Any] | None = None,
    ) -> None:
        """Send a test of a version to one recipient (``test(156, recipient=Contact.id("42"))``).

        Never retried once sent.

        Args:
            id: The notification's id.
            request: The whole test request (a model or its dict); the keywords are set over it.
            recipient: Who gets the test: NP6 documents an integer contact id, so a ``Contact.id`` with a
                numeric id, an ``int``, or the dict ``{"type": ..., "value": <int>}``.
            version: Which version (as in ``render()``).
            title: Overrides the version's title (likewise ``body``, ``icon``, ``thumbnail``, ``image``).
            body: The body text override (a ``str``). For compatibility, a request model or dict given here
                is taken as ``request``.
            icon: Icon override.
            thumbnail: Thumbnail override.
            image: Image override.
            data: Data the templates use.
            variables: Template variables.
            expiration: Expiration override.
            redirection: Redirection override.
            channel: Display channel override (``{"type": "literal", "value": ...}``).

        Raises:
            NP6ValidationError: No recipient, or a field is wrong (before any request).
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        plan = _test_plan(
            id,
            version,
            request,
            body,
            dict(
                recipient=recipient,
                title=title,
                icon=icon,
                thumbnail=thumbnail,
                image=image,
                data=data,
                variables=None if variables is None else as_list(variables, "variables"),
                expiration=expiration,
                redirection=redirection,
                channel=channel,
            ),
        )
        self._client.request(plan.operation_id, **plan.kwargs)

    def execute(
        self,
        id: int,
        executions: Iterable[Execution],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        concurrency: int = 1,
        title: str | None = None,
        body: str | None = None,
        icon: str | None = None,
        thumbnail: str | None = None,
        image: str | None = None,
        data: Mapping[str, Any] | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
        redirection: TypedObjectDict | Mapping[str, Any] | None = None,
        channel: TypedObjectDict | Mapping[str, Any] | None = None,
        urgent: bool | None = None,
    ) -> ExecutionResults:
        """Execute (send) for each item, ``batch_size`` per request; one result per item, in order.

        The keyword overrides (``title="Sale"``, ``data={...}``) apply to every item that does not set
        the field itself. Never retried once a batch may have reached NP6.

        Args:
            id: The notification's id.
            executions: Any iterable of ``Contact`` (the recipient), ``NotificationExecutionRequest`` or
                its dict (a ``Contact`` may stand as the dict's ``recipient``).
            batch_size: Items per request.
            concurrency: Batches in flight at once (an int >= 1; above 1 with ``AsyncNP6`` only). Results
                stay in input order. A failed batch stops the send: no new batch starts, the batches in
                flight finish and are reported in ``batch_progress.later``; cancelling the send cancels them.
            title: Shared title override (likewise ``body``, ``icon``, ``thumbnail``, ``image``).
            body: Shared body text override.
            icon: Shared icon override.
            thumbnail: Shared thumbnail override.
            image: Shared image override.
            data: Shared template data.
            variables: Shared template variables.
            redirection: Shared redirection override.
            channel: Shared display channel override.
            urgent: Shared urgency.

        Returns:
            ``ExecutionResults``: a list with ``.succeeded``, ``.failed`` (per-recipient errors: NP6 sent
            the others) and ``.unknown``; ``.check()`` raises ``RecipientError`` unless all succeeded.

        Raises:
            NP6ValidationError: An item is wrong (before any request).
            APIError: A batch failed; ``batch_progress`` tells what was sent, in flight, never tried. The
                same attribute is set on ``KeyboardInterrupt`` (``np6.batch_progress_of(exc)``).
        """
        nid = notification_id(id)
        size = check_batch_size(batch_size)
        check_concurrency(concurrency, is_async=False)
        overrides = _overrides(
            title=title,
            body=body,
            icon=icon,
            thumbnail=thumbnail,
            image=image,
            data=data,
            variables=variables,
            redirection=redirection,
            channel=channel,
            urgent=urgent,
        )
        sends = _executions(executions, overrides)

        def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            body = sends.batch(chunk)
            return cast(
                "builtins.list[Any]", self._client.request("execute_notification_batch", id=nid, body=body)
            )

        return run_batches(call, sends.items, size, "execute_notification_batch", sends.models)

    def execute_one(
        self,
        id: int,
        execution: Execution,
        *,
        title: str | None = None,
        body: str | None = None,
        icon: str | None = None,
        thumbnail: str | None = None,
        image: str | None = None,
        data: Mapping[str, Any] | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
        redirection: TypedObjectDict | Mapping[str, Any] | None = None,
        channel: TypedObjectDict | Mapping[str, Any] | None = None,
        urgent: bool | None = None,
    ) -> ExecutionSuccess:
        """Execute (send) for one recipient; the overrides are those of ``execute()``.

        Never retried once sent.

        Args:
            id: The notification's id.
            execution: A ``Contact``, a ``NotificationExecutionRequest`` or its dict.
            title: Title override (likewise ``body``, ``icon``, ``thumbnail``, ``image``).
            body: Body text override.
            icon: Icon override.
            thumbnail: Thumbnail override.
            image: Image override.
            data: Template data.
            variables: Template variables.
            redirection: Redirection override.
            channel: Display channel override.
            urgent: Urgency.

        Returns:
            The ``ExecutionSuccess`` (the message id and the recipient's footprint).

        Raises:
            RecipientError: NP6 did not send to this recipient (``.raw`` holds its answer).
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        nid = notification_id(id)
        overrides = _overrides(
            title=title,
            body=body,
            icon=icon,
            thumbnail=thumbnail,
            image=image,
            data=data,
            variables=variables,
            redirection=redirection,
            channel=channel,
            urgent=urgent,
        )
        model = _execution(execution, "execution", overrides)
        return single_success(self._client.request("execute_notification", id=nid, body=model))

    def select_version(
        self,
        notification_or_id: Notification | int,
        version: VersionInput = "master",
        *,
        label: str | None = None,
    ) -> NotificationVersion:
        """The version that is master (default), has this id, or (``label=``) this label.

        Args:
            notification_or_id: A notification (no request) or its id (one ``get()``).
            version: ``"master"`` or a version UUID.
            label: Choose by label instead (e.g. ``"B"``).

        Returns:
            The ``NotificationVersion`` (pass it as ``version=`` to ``render()``, ``test()``).

        Raises:
            VersionNotFoundError: No version matches (a ``LookupError``); the message lists them.
        """
        notification = (
            self.get(notification_or_id) if isinstance(notification_or_id, int) else notification_or_id
        )
        return _pick_version(notification, version, label)

    @overload
    def reactivities(
        self,
        kind: NotificationReactivityKind | None = None,
        *,
        notification_id: int | None = None,
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
        kind: NotificationReactivityKind | None = None,
        *,
        notification_id: int | None = None,
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
        kind: NotificationReactivityKind | None = None,
        *,
        notification_id: int | None = None,
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
            kind: ``"impressions"``, ``"hits"``, ``"optouts"``, ``"bounces"``, or ``None`` for every event.
            notification_id: Only this notification's events.
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
            notification_id,
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
class AsyncNotifications:
    """Push notifications (``client.notifications`` of ``AsyncNP6``); same surface, ``async`` methods."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(self) -> builtins.list[Notification]:
        """All notifications.

        Returns:
            The notifications, each with its versions.
        """
        return cast("builtins.list[Notification]", await self._client.request("list_notifications"))

    async def get(self, id: int) -> Notification:
        """One notification.

        Args:
            id: The notification's id (an int32).

        Returns:
            The notification with its versions.

        Raises:
            NotFoundError: No notification has this id.
        """
        return cast("Notification", await self._client.request("get_notification", id=notification_id(id)))

    async def create(
        self,
        body: Notification | Mapping[str, Any] | None = None,
        *,
        type: NotificationTypeName | None = None,
        name: str | None = None,
        description: str | None = None,
        active: bool | None = None,
        settings: NotificationSettingsDict | Mapping[str, Any] | None = None,
        application: str | None = None,
        task: Mapping[str, Any] | None = None,
        versions: Iterable[NotificationVersionDict | Mapping[str, Any]] | None = None,
    ) -> Notification:
        """Create a notification, from keywords (``create(name=..., versions=[...])``) or a whole ``body``.

        Never retried once sent: a repeat would create a second one.

        Args:
            body: A ``Notification`` or its JSON-shaped dict; the keywords are set over it.
            type: ``"push-app"`` (the default when neither ``body`` nor ``type`` gives one).
            name: The name.
            description: The description.
            active: The online state.
            settings: Urgency, purpose, expiration, marketing pressure (NP6 sets the category).
            application: The UUID of the notifiable application that binds subscribers.
            task: The task that triggers executions.
            versions: The versions; exactly one has ``"master": True``.

        Returns:
            The notification as NP6 stored it (with its new ``id``).

        Raises:
            NP6ValidationError: A field is wrong (the message names it), before any request.
        """
        model = _create_body(
            body,
            given(
                type=type,
                name=name,
                description=description,
                active=active,
                settings=settings,
                application=application,
                task=task,
                versions=None if versions is None else as_list(versions, "versions"),
            ),
        )
        return cast("Notification", await self._client.request("create_notification", body=model))

    async def update(
        self,
        id: int,
        changes: Mapping[str, Any] | None = None,
        *,
        type: NotificationTypeName | None = None,
        name: str | None = None,
        description: str | None = None,
        active: bool | None = None,
        settings: NotificationSettingsDict | Mapping[str, Any] | None = None,
        application: str | None = None,
        task: Mapping[str, Any] | None = None,
        versions: Iterable[NotificationVersionDict | Mapping[str, Any]] | None = None,
    ) -> Notification:
        """Change some fields of a notification, keeping all the others (read, merge, write).

        NP6's PUT replaces the whole notification, so this reads it first, merges the changes in (nested
        objects key by key; a list, e.g. ``versions``, is replaced as a whole) and writes the result back.
        Not atomic: a change made by someone else between the read and the write is overwritten. To replace
        the notification with exactly what you give, use ``replace()``.

        Args:
            id: The notification's id.
            changes: The fields to change, as a JSON-shaped dict (``{"settings": {"urgent": True}}``).
            type: See ``create()``; each keyword given changes that field.
            name: The new name.
            description: The new description.
            active: The new online state.
            settings: Settings to merge in.
            application: The new application UUID.
            task: The task fields to merge in.
            versions: The new list of versions (replaces all of them).

        Returns:
            The notification as NP6 stored it.

        Raises:
            NotFoundError: No notification has this id.
            NP6ValidationError: No change given, or a field is wrong (before the write).
        """
        nid = notification_id(id)
        fields = given(
            type=type,
            name=name,
            description=description,
            active=active,
            settings=settings,
            application=application,
            task=task,
            versions=None if versions is None else as_list(versions, "versions"),
        )
        patch = changes_of(changes, fields)
        model = _update_body(await self.get(nid), patch)
        return cast("Notification", await self._client.request("update_notification", id=nid, body=model))

    async def replace(self, id: int, body: Notification | Mapping[str, Any]) -> Notification:
        """Replace a notification with ``body``: NP6's PUT. Every field left out is erased on NP6's side
        (description, versions, application...); to change a few fields only, use ``update()``.

        Args:
            id: The notification's id.
            body: The complete notification (a ``Notification`` or its JSON-shaped dict).

        Returns:
            The notification as NP6 stored it.

        Raises:
            NotFoundError: No notification has this id.
            NP6ValidationError: ``body`` is not a valid notification (before any request).
        """
        nid = notification_id(id)
        model = coerce_body(body, "Notification")
        return cast("Notification", await self._client.request("update_notification", id=nid, body=model))

    async def delete(self, id: int) -> None:
        """Delete a notification.

        Args:
            id: The notification's id.

        Raises:
            NotFoundError: No notification has this id.
        """
        await self._client.request("delete_notification", id=notification_id(id))

    async def duplicate(self, id: int) -> Notification:
        """Copy a notification (a new id; the same versions).

        Args:
            id: The notification to copy.

        Returns:
            The copy.

        Raises:
            NotFoundError: No notification has this id.
        """
        return cast(
            "Notification", await self._client.request("duplicate_notification", id=notification_id(id))
        )

    async def activate(self, id: int) -> None:
        """Put a notification online.

        Args:
            id: The notification's id.

        Raises:
            NotFoundError: No notification has this id.
        """
        await self._client.request("activate_notification", id=notification_id(id))

    async def deactivate(self, id: int) -> None:
        """Take a notification offline.

        Args:
            id: The notification's id.

        Raises:
            NotFoundError: No notification has this id.
        """
        await self._client.request("deactivate_notification", id=notification_id(id))

    async def render(
        self,
        id: int,
        *,
        version: VersionInput = "master",
        contact: Contact | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> NotificationRender:
        """Render a version for a contact (a preview: nothing is sent).

        ``contact=None``, or ``data`` given, uses the POST render (``data`` and the contact as receiver);
        otherwise the GET render for the contact's id, unicity or hash.

        Args:
            id: The notification's id.
            version: ``"master"`` (default), a version UUID (``str`` or ``uuid.UUID``) or a version object
                (see ``select_version()``).
            contact: Whom to render for: ``Contact.id(...)``, ``.unicity(...)`` or ``.hash(...)``.
            data: Data the templates use.

        Returns:
            A ``NotificationRender``: ``.render.title``, ``.render.body``, ... and ``.meta``.

        Raises:
            RenderError: NP6 answered something other than a success (kept in ``.raw``).
            NotFoundError: Unknown notification, version or contact.
        """
        plan = _render_plan(id, version, contact, data)
        return notification_render(await self._client.request(plan.operation_id, **plan.kwargs))

    async def test(
        self,
        id: int,
        request: NotificationTestRequest | Mapping[str, Any] | None = None,
        *,
        recipient: Contact | int | TestRecipientDict | None = None,
        version: VersionInput = "master",
        title: str | None = None,
        body: str | NotificationTestRequest | Mapping[str, Any] | None = None,
        icon: str | None = None,
        thumbnail: str | None = None,
        image: str | None = None,
        data: Mapping[str, Any] | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
        expiration: TypedObjectDict | Mapping[str, Any] | None = None,
        redirection: TypedObjectDict | Mapping[str, Any] | None = None,
        channel: TypedObjectDict | Mapping[str, Any] | None = None,
    ) -> None:
        """Send a test of a version to one recipient (``test(156, recipient=Contact.id("42"))``).

        Never retried once sent.

        Args:
            id: The notification's id.
            request: The whole test request (a model or its dict); the keywords are set over it.
            recipient: Who gets the test: NP6 documents an integer contact id, so a ``Contact.id`` with a
                numeric id, an ``int``, or the dict ``{"type": ..., "value": <int>}``.
            version: Which version (as in ``render()``).
            title: Overrides the version's title (likewise ``body``, ``icon``, ``thumbnail``, ``image``).
            body: The body text override (a ``str``). For compatibility, a request model or dict given here
                is taken as ``request``.
            icon: Icon override.
            thumbnail: Thumbnail override.
            image: Image override.
            data: Data the templates use.
            variables: Template variables.
            expiration: Expiration override.
            redirection: Redirection override.
            channel: Display channel override (``{"type": "literal", "value": ...}``).

        Raises:
            NP6ValidationError: No recipient, or a field is wrong (before any request).
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        plan = _test_plan(
            id,
            version,
            request,
            body,
            dict(
                recipient=recipient,
                title=title,
                icon=icon,
                thumbnail=thumbnail,
                image=image,
                data=data,
                variables=None if variables is None else as_list(variables, "variables"),
                expiration=expiration,
                redirection=redirection,
                channel=channel,
            ),
        )
        await self._client.request(plan.operation_id, **plan.kwargs)

    async def execute(
        self,
        id: int,
        executions: Iterable[Execution],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        concurrency: int = 1,
        title: str | None = None,
        body: str | None = None,
        icon: str | None = None,
        thumbnail: str | None = None,
        image: str | None = None,
        data: Mapping[str, Any] | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
        redirection: TypedObjectDict | Mapping[str, Any] | None = None,
        channel: TypedObjectDict | Mapping[str, Any] | None = None,
        urgent: bool | None = None,
    ) -> ExecutionResults:
        """Execute (send) for each item, ``batch_size`` per request; one result per item, in order.

        The keyword overrides (``title="Sale"``, ``data={...}``) apply to every item that does not set
        the field itself. Never retried once a batch may have reached NP6.

        Args:
            id: The notification's id.
            executions: Any iterable of ``Contact`` (the recipient), ``NotificationExecutionRequest`` or
                its dict (a ``Contact`` may stand as the dict's ``recipient``).
            batch_size: Items per request.
            concurrency: Batches in flight at once (an int >= 1; above 1 with ``AsyncNP6`` only). Results
                stay in input order. A failed batch stops the send: no new batch starts, the batches in
                flight finish and are reported in ``batch_progress.later``; cancelling the send cancels them.
            title: Shared title override (likewise ``body``, ``icon``, ``thumbnail``, ``image``).
            body: Shared body text override.
            icon: Shared icon override.
            thumbnail: Shared thumbnail override.
            image: Shared image override.
            data: Shared template data.
            variables: Shared template variables.
            redirection: Shared redirection override.
            channel: Shared display channel override.
            urgent: Shared urgency.

        Returns:
            ``ExecutionResults``: a list with ``.succeeded``, ``.failed`` (per-recipient errors: NP6 sent
            the others) and ``.unknown``; ``.check()`` raises ``RecipientError`` unless all succeeded.

        Raises:
            NP6ValidationError: An item is wrong (before any request).
            APIError: A batch failed; ``batch_progress`` tells what was sent, in flight, never tried. The
                same attribute is set on ``KeyboardInterrupt`` (``np6.batch_progress_of(exc)``).
        """
        nid = notification_id(id)
        size = check_batch_size(batch_size)
        parallel = check_concurrency(concurrency, is_async=True)
        overrides = _overrides(
            title=title,
            body=body,
            icon=icon,
            thumbnail=thumbnail,
            image=image,
            data=data,
            variables=variables,
            redirection=redirection,
            channel=channel,
            urgent=urgent,
        )
        sends = _executions(executions, overrides)

        async def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            body = sends.batch(chunk)
            return cast(
                "builtins.list[Any]",
                await self._client.request("execute_notification_batch", id=nid, body=body),
            )

        return await arun_batches(
            call, sends.items, size, "execute_notification_batch", parallel, sends.models
        )

    async def execute_one(
        self,
        id: int,
        execution: Execution,
        *,
        title: str | None = None,
        body: str | None = None,
        icon: str | None = None,
        thumbnail: str | None = None,
        image: str | None = None,
        data: Mapping[str, Any] | None = None,
        variables: Iterable[Mapping[str, Any]] | None = None,
        redirection: TypedObjectDict | Mapping[str, Any] | None = None,
        channel: TypedObjectDict | Mapping[str, Any] | None = None,
        urgent: bool | None = None,
    ) -> ExecutionSuccess:
        """Execute (send) for one recipient; the overrides are those of ``execute()``.

        Never retried once sent.

        Args:
            id: The notification's id.
            execution: A ``Contact``, a ``NotificationExecutionRequest`` or its dict.
            title: Title override (likewise ``body``, ``icon``, ``thumbnail``, ``image``).
            body: Body text override.
            icon: Icon override.
            thumbnail: Thumbnail override.
            image: Image override.
            data: Template data.
            variables: Template variables.
            redirection: Redirection override.
            channel: Display channel override.
            urgent: Urgency.

        Returns:
            The ``ExecutionSuccess`` (the message id and the recipient's footprint).

        Raises:
            RecipientError: NP6 did not send to this recipient (``.raw`` holds its answer).
            SendOutcomeUnknownError: The request may have reached NP6 but no answer came.
        """
        nid = notification_id(id)
        overrides = _overrides(
            title=title,
            body=body,
            icon=icon,
            thumbnail=thumbnail,
            image=image,
            data=data,
            variables=variables,
            redirection=redirection,
            channel=channel,
            urgent=urgent,
        )
        model = _execution(execution, "execution", overrides)
        return single_success(await self._client.request("execute_notification", id=nid, body=model))

    async def select_version(
        self,
        notification_or_id: Notification | int,
        version: VersionInput = "master",
        *,
        label: str | None = None,
    ) -> NotificationVersion:
        """The version that is master (default), has this id, or (``label=``) this label.

        Args:
            notification_or_id: A notification (no request) or its id (one ``get()``).
            version: ``"master"`` or a version UUID.
            label: Choose by label instead (e.g. ``"B"``).

        Returns:
            The ``NotificationVersion`` (pass it as ``version=`` to ``render()``, ``test()``).

        Raises:
            VersionNotFoundError: No version matches (a ``LookupError``); the message lists them.
        """
        notification = (
            await self.get(notification_or_id) if isinstance(notification_or_id, int) else notification_or_id
        )
        return _pick_version(notification, version, label)

    @overload
    def reactivities(
        self,
        kind: NotificationReactivityKind | None = None,
        *,
        notification_id: int | None = None,
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
        kind: NotificationReactivityKind | None = None,
        *,
        notification_id: int | None = None,
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
        kind: NotificationReactivityKind | None = None,
        *,
        notification_id: int | None = None,
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
            kind: ``"impressions"``, ``"hits"``, ``"optouts"``, ``"bounces"``, or ``None`` for every event.
            notification_id: Only this notification's events.
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
            notification_id,
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
