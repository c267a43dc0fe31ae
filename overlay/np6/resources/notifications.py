"""``np6.notifications``: push notifications, their versions, renders, tests, executions and reactivity."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from .._bodies import build, coerce_body
from .._contacts import Contact, as_contact
from .._exceptions import NP6ValidationError, StreamInterruptedError, VersionNotFoundError
from .._streaming import AsyncEventStream, EventStream
from ._common import (
    DEFAULT_BATCH_SIZE,
    Plan,
    arun_batches,
    as_list,
    check_batch_size,
    check_raw,
    event_filters,
    notification_id,
    reactivity_operation,
    run_batches,
    version_id,
)

if TYPE_CHECKING:
    import datetime

    from np6_api.models.notification import Notification
    from np6_api.models.notification_execution_request import NotificationExecutionRequest
    from np6_api.models.notification_test_request import NotificationTestRequest
    from np6_api.models.notification_version import NotificationVersion
    from np6_api.models.sort_order import SortOrder

    from .._base_client import AsyncAPIClient, SyncAPIClient
    from .._types import ExecutionResult, NotificationRenderResult

    DateArg = datetime.datetime | int | None

__all__ = ["REACTIVITY_KINDS", "AsyncNotifications", "Notifications"]

REACTIVITY_KINDS = ("impressions", "hits", "optouts", "bounces")
"""``kind`` values of ``notifications.reactivities()`` (``None`` is every event)."""


# ------------------------------------------------------------------------------------------- plans (no I/O)
def _render_plan(id: object, version: object, contact: object, data: object) -> Plan:
    nid = notification_id(id)
    vid = version_id(version)
    who = None if contact is None else as_contact(contact)
    if data is not None and not isinstance(data, Mapping):
        raise NP6ValidationError(f"data must be a dict, got {type(data).__name__}")
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


def _test_plan(id: object, version: object, body: object) -> Plan:
    nid = notification_id(id)
    vid = version_id(version)
    model = coerce_body(body, "NotificationTestRequest")
    if vid is None:
        return Plan("test_notification", {"id": nid, "body": model})
    return Plan("test_notification_version", {"id": nid, "version": vid, "body": model})


def _execution(item: object, name: str) -> Any:
    if isinstance(item, Contact):
        return build(
            "NotificationExecutionRequest", {"recipient": {"type": "contact", "value": item.to_dict()}}
        )
    return coerce_body(item, "NotificationExecutionRequest", name=name)


def _executions(items: object) -> builtins.list[Any]:
    return [_execution(item, f"executions[{i}]") for i, item in enumerate(as_list(items, "executions"))]


def _reactivity_plan(kind: object, notification: object, **filters: Any) -> tuple[Plan, str | None, Any]:
    operation = reactivity_operation(
        kind, REACTIVITY_KINDS, "all_notifications", "notification", notification is not None
    )
    kwargs, sort, resume = event_filters(**filters)
    if notification is not None:
        kwargs["id"] = notification_id(notification, "notification_id")
    return Plan(operation, kwargs), sort, resume


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
        """All notifications."""
        return cast("builtins.list[Notification]", self._client.request("list_notifications"))

    def get(self, id: int) -> Notification:
        return cast("Notification", self._client.request("get_notification", id=notification_id(id)))

    def create(self, body: Notification | Mapping[str, Any]) -> Notification:
        """Create a notification (never retried once sent: a repeat would create a second one)."""
        model = coerce_body(body, "Notification")
        return cast("Notification", self._client.request("create_notification", body=model))

    def update(self, id: int, body: Notification | Mapping[str, Any]) -> Notification:
        """Replace a notification (a full replacement)."""
        nid = notification_id(id)
        model = coerce_body(body, "Notification")
        return cast("Notification", self._client.request("update_notification", id=nid, body=model))

    def delete(self, id: int) -> None:
        self._client.request("delete_notification", id=notification_id(id))

    def duplicate(self, id: int) -> Notification:
        return cast("Notification", self._client.request("duplicate_notification", id=notification_id(id)))

    def activate(self, id: int) -> None:
        self._client.request("activate_notification", id=notification_id(id))

    def deactivate(self, id: int) -> None:
        self._client.request("deactivate_notification", id=notification_id(id))

    def render(
        self,
        id: int,
        *,
        version: object = "master",
        contact: Contact | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> NotificationRenderResult:
        """Render a version (``"master"``, a version UUID or a version object) for a contact.

        ``contact=None``, or ``data`` given, uses the POST render (with ``data`` and the contact as receiver);
        otherwise the GET render for the contact's id, unicity or hash.
        """
        plan = _render_plan(id, version, contact, data)
        return cast("NotificationRenderResult", self._client.request(plan.operation_id, **plan.kwargs))

    def test(
        self, id: int, *, body: NotificationTestRequest | Mapping[str, Any], version: object = "master"
    ) -> None:
        """Send a test of a version (never retried once sent)."""
        plan = _test_plan(id, version, body)
        self._client.request(plan.operation_id, **plan.kwargs)

    def execute(
        self,
        id: int,
        executions: builtins.list[NotificationExecutionRequest | Mapping[str, Any] | Contact],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> builtins.list[ExecutionResult]:
        """Execute (send) for each item, ``batch_size`` per request; one result per item, in order.

        An item is a ``NotificationExecutionRequest``, its JSON-shaped dict or a bare ``Contact``. If a batch
        fails, the error's ``batch_progress`` tells which items were sent, failed or never tried.
        """
        nid = notification_id(id)
        size = check_batch_size(batch_size)
        items = _executions(executions)

        def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            return cast(
                "builtins.list[Any]", self._client.request("execute_notification_batch", id=nid, body=chunk)
            )

        return run_batches(call, items, size, "execute_notification_batch")

    def execute_one(
        self, id: int, execution: NotificationExecutionRequest | Mapping[str, Any] | Contact
    ) -> ExecutionResult:
        """Execute (send) for one recipient (never retried once sent)."""
        nid = notification_id(id)
        body = _execution(execution, "execution")
        return cast("ExecutionResult", self._client.request("execute_notification", id=nid, body=body))

    def select_version(
        self, notification_or_id: Notification | int, version: object = "master", *, label: str | None = None
    ) -> NotificationVersion:
        """The version that is master (default), has this id, or (``label=``) this label.

        Raises ``VersionNotFoundError`` (a ``LookupError``) listing the available versions if none matches.
        """
        notification = (
            self.get(notification_or_id) if isinstance(notification_or_id, int) else notification_or_id
        )
        return _pick_version(notification, version, label)

    def reactivities(
        self,
        kind: str | None = None,
        *,
        notification_id: int | None = None,
        activation_start: DateArg = None,
        activation_end: DateArg = None,
        reactivity_start: DateArg = None,
        reactivity_end: DateArg = None,
        sort: SortOrder | str | None = None,
        resume: StreamInterruptedError | None = None,
        raw: bool = False,
    ) -> EventStream:
        """Stream the events (``kind`` in ``REACTIVITY_KINDS``; None for all), one at a time.

        Dates are timezone-aware datetimes or millisecond ints (naive datetimes are refused). The request is
        sent on the first ``next()``; close the stream (or use ``with``) to stop early. ``raw=True`` yields
        each event as the dict NP6 sent (no model parsing, faster): what exports and pipelines want.
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
        )


# ---------------------------------------------------------------------------------------------- async
class AsyncNotifications:
    """Push notifications (``client.notifications`` of ``AsyncNP6``); same surface, ``async`` methods."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(self) -> builtins.list[Notification]:
        return cast("builtins.list[Notification]", await self._client.request("list_notifications"))

    async def get(self, id: int) -> Notification:
        return cast("Notification", await self._client.request("get_notification", id=notification_id(id)))

    async def create(self, body: Notification | Mapping[str, Any]) -> Notification:
        model = coerce_body(body, "Notification")
        return cast("Notification", await self._client.request("create_notification", body=model))

    async def update(self, id: int, body: Notification | Mapping[str, Any]) -> Notification:
        nid = notification_id(id)
        model = coerce_body(body, "Notification")
        return cast("Notification", await self._client.request("update_notification", id=nid, body=model))

    async def delete(self, id: int) -> None:
        await self._client.request("delete_notification", id=notification_id(id))

    async def duplicate(self, id: int) -> Notification:
        return cast(
            "Notification", await self._client.request("duplicate_notification", id=notification_id(id))
        )

    async def activate(self, id: int) -> None:
        await self._client.request("activate_notification", id=notification_id(id))

    async def deactivate(self, id: int) -> None:
        await self._client.request("deactivate_notification", id=notification_id(id))

    async def render(
        self,
        id: int,
        *,
        version: object = "master",
        contact: Contact | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> NotificationRenderResult:
        plan = _render_plan(id, version, contact, data)
        return cast("NotificationRenderResult", await self._client.request(plan.operation_id, **plan.kwargs))

    async def test(
        self, id: int, *, body: NotificationTestRequest | Mapping[str, Any], version: object = "master"
    ) -> None:
        plan = _test_plan(id, version, body)
        await self._client.request(plan.operation_id, **plan.kwargs)

    async def execute(
        self,
        id: int,
        executions: builtins.list[NotificationExecutionRequest | Mapping[str, Any] | Contact],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> builtins.list[ExecutionResult]:
        nid = notification_id(id)
        size = check_batch_size(batch_size)
        items = _executions(executions)

        async def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            return cast(
                "builtins.list[Any]",
                await self._client.request("execute_notification_batch", id=nid, body=chunk),
            )

        return await arun_batches(call, items, size, "execute_notification_batch")

    async def execute_one(
        self, id: int, execution: NotificationExecutionRequest | Mapping[str, Any] | Contact
    ) -> ExecutionResult:
        nid = notification_id(id)
        body = _execution(execution, "execution")
        return cast("ExecutionResult", await self._client.request("execute_notification", id=nid, body=body))

    async def select_version(
        self, notification_or_id: Notification | int, version: object = "master", *, label: str | None = None
    ) -> NotificationVersion:
        notification = (
            await self.get(notification_or_id) if isinstance(notification_or_id, int) else notification_or_id
        )
        return _pick_version(notification, version, label)

    def reactivities(
        self,
        kind: str | None = None,
        *,
        notification_id: int | None = None,
        activation_start: DateArg = None,
        activation_end: DateArg = None,
        reactivity_start: DateArg = None,
        reactivity_end: DateArg = None,
        sort: SortOrder | str | None = None,
        resume: StreamInterruptedError | None = None,
        raw: bool = False,
    ) -> AsyncEventStream:
        """Async iterator of events (``async for``); see ``Notifications.reactivities``."""
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
        )
