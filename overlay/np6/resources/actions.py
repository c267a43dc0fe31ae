"""``np6.actions``: e-mail and SMS marketing actions, validation, renders, sends, exports and reactivity."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from .._bodies import build, coerce_body, model_class
from .._contacts import Contact
from .._exceptions import NP6ValidationError, StreamInterruptedError
from .._streaming import AsyncEventStream, EventStream
from ._common import (
    DEFAULT_BATCH_SIZE,
    Plan,
    action_id,
    arun_batches,
    as_list,
    check_batch_size,
    check_channel,
    check_raw,
    event_filters,
    millis_kwargs,
    reactivity_operation,
    run_batches,
    text_id,
)

if TYPE_CHECKING:
    import datetime

    from np6_api.models.execution_email_request import ExecutionEmailRequest
    from np6_api.models.execution_sms_request import ExecutionSmsRequest
    from np6_api.models.render_email_request import RenderEmailRequest
    from np6_api.models.render_links_request import RenderLinksRequest
    from np6_api.models.render_links_result import RenderLinksResult
    from np6_api.models.render_sms_request import RenderSmsRequest
    from np6_api.models.sort_order import SortOrder
    from np6_api.models.target_message_request import TargetMessageRequest

    from .._base_client import AsyncAPIClient, SyncAPIClient
    from .._types import Action, ActionRenderResult, ExecutionResult

    DateArg = datetime.datetime | int | None
    Message = ExecutionEmailRequest | ExecutionSmsRequest | Mapping[str, Any] | Contact
    RenderMessage = RenderEmailRequest | RenderSmsRequest | Mapping[str, Any] | Contact

__all__ = ["REACTIVITY_KINDS", "Actions", "AsyncActions"]

REACTIVITY_KINDS = (
    "bounces",
    "hits",
    "open_hits",
    "redirection_hits",
    "unsubscribe_hits",
    "mirror_hits",
    "form_hits",
)
"""``kind`` values of ``actions.reactivities()`` (``None`` is every event)."""

_EXECUTION = {"email": "ExecutionEmailRequest", "sms": "ExecutionSmsRequest"}
_RENDER = {"email": "RenderEmailRequest", "sms": "RenderSmsRequest"}


# ------------------------------------------------------------------------------------------- plans (no I/O)
def _message(item: object, schema: str, name: str, contact_key: str) -> Any:
    """A request model of ``schema`` from a model, a dict or a bare ``Contact`` (the recipient/receiver)."""
    if isinstance(item, Contact):
        who = item.to_dict() if contact_key == "recipient" else item.to_target()
        return build(schema, {contact_key: who})
    if not isinstance(item, Mapping):
        for other in (*_EXECUTION.values(), *_RENDER.values()):
            if other != schema and isinstance(item, model_class(other)):
                raise NP6ValidationError(
                    f"{name} is a {other}, but this call needs a {schema} (check channel=)"
                )
    return coerce_body(item, schema, name=name)


def _messages(items: object, schema: str, name: str, contact_key: str) -> builtins.list[Any]:
    return [_message(m, schema, f"{name}[{i}]", contact_key) for i, m in enumerate(as_list(items, name))]


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
            if isinstance(value, bool) or not isinstance(value, int):
                raise NP6ValidationError(f"{name.rstrip('_')} must be an int, got {value!r}")
            kwargs[name] = value
    return kwargs


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

    def list(self, *, creation_start: DateArg = None, creation_end: DateArg = None) -> builtins.list[Action]:
        """All actions (optionally created in ``[creation_start, creation_end)``)."""
        kwargs = millis_kwargs(creation_start=creation_start, creation_end=creation_end)
        return cast("builtins.list[Action]", self._client.request("list_actions", **kwargs))

    def get(self, id: str) -> Action:
        return cast("Action", self._client.request("get_action", id=action_id(id)))

    def create(self, body: Action | Mapping[str, Any]) -> Action:
        """Create an action (never retried once sent: a repeat would create a second one)."""
        return cast("Action", self._client.request("create_action", body=coerce_body(body, "Action")))

    def update(self, id: str, body: Action | Mapping[str, Any]) -> Action:
        aid = action_id(id)
        return cast("Action", self._client.request("update_action", id=aid, body=coerce_body(body, "Action")))

    def delete(self, id: str) -> None:
        self._client.request("delete_action", id=action_id(id))

    def duplicate(self, id: str, *, type: int | None = None, folder: int | None = None) -> Action:
        return cast("Action", self._client.request("duplicate_action", **_duplicate_kwargs(id, type, folder)))

    def validate(
        self,
        id: str,
        *,
        for_test: bool = False,
        test_segments: builtins.list[int] | None = None,
        campaign_analyser: bool | None = None,
        media_for_test: str | None = None,
        text_and_html: bool | None = None,
        comments: str | None = None,
        variables: builtins.list[dict[str, Any]] | None = None,
    ) -> None:
        """``for_test=True`` starts the test phase (proofs to ``test_segments``); ``False`` validates for
        production. Never retried once sent."""
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
        aid = action_id(id)
        self._client.request("unvalidate_action", id=aid, body=build("ValidationSettings", {}))

    def render(self, id: str, message: RenderMessage, *, channel: str = "email") -> ActionRenderResult:
        """Render one message (preview only). ``message`` may be a bare ``Contact`` (the receiver)."""
        aid = action_id(id)
        body = _message(message, _RENDER[check_channel(channel)], "message", "receiver")
        return cast("ActionRenderResult", self._client.request("render_action_message", id=aid, body=body))

    def render_many(
        self, id: str, messages: builtins.list[RenderMessage], *, channel: str = "email"
    ) -> builtins.list[ActionRenderResult]:
        aid = action_id(id)
        body = _messages(messages, _RENDER[check_channel(channel)], "messages", "receiver")
        if not body:
            return []
        return cast(
            "builtins.list[ActionRenderResult]",
            self._client.request("render_action_messages", id=aid, body=body),
        )

    def render_links(
        self, id: str, body: RenderLinksRequest | Mapping[str, Any] | Contact
    ) -> RenderLinksResult:
        aid = action_id(id)
        model = _message(body, "RenderLinksRequest", "body", "receiver")
        return cast("RenderLinksResult", self._client.request("render_action_links", id=aid, body=model))

    def send(
        self,
        id: str,
        messages: builtins.list[Message],
        *,
        channel: str = "email",
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> builtins.list[ExecutionResult]:
        """Send to each message's recipient, ``batch_size`` per request; one result per message, in order.

        A message is an ``Execution{Email,Sms}Request``, its JSON-shaped dict or a bare ``Contact``. Never
        retried once a batch may have reached NP6. If a batch fails, the error's ``batch_progress`` holds the
        results so far, the failed batch and the messages never tried.
        """
        aid = action_id(id)
        size = check_batch_size(batch_size)
        items = _messages(messages, _EXECUTION[check_channel(channel)], "messages", "recipient")

        def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            return cast(
                "builtins.list[Any]", self._client.request("send_action_messages", id=aid, body=chunk)
            )

        return run_batches(call, items, size, "send_action_messages")

    def send_one(self, id: str, message: Message, *, channel: str = "email") -> ExecutionResult:
        """Send to one recipient (never retried once sent)."""
        aid = action_id(id)
        body = _message(message, _EXECUTION[check_channel(channel)], "message", "recipient")
        return cast("ExecutionResult", self._client.request("send_action_message", id=aid, body=body))

    def send_to_target(
        self, id: str, target_id: str, body: TargetMessageRequest | Mapping[str, Any] | None = None
    ) -> ExecutionResult:
        """The older, target-based send (the contact id in the path). Never retried once sent."""
        aid = action_id(id)
        target = text_id(target_id, "target_id")
        model = coerce_body({} if body is None else body, "TargetMessageRequest")
        return cast(
            "ExecutionResult",
            self._client.request("send_action_message_to_target", id=aid, target_id=target, body=model),
        )

    def export_recipients(self, id: str) -> None:
        """Start an export of all recipients (the file is delivered out of band)."""
        self._client.request("export_action_recipients", id=action_id(id))

    def export_openers(self, id: str) -> None:
        self._client.request("export_action_openers", id=action_id(id))

    def export_clickers(self, id: str) -> None:
        self._client.request("export_action_clickers", id=action_id(id))

    def reactivities(
        self,
        kind: str | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateArg = None,
        activation_end: DateArg = None,
        reactivity_start: DateArg = None,
        reactivity_end: DateArg = None,
        sort: SortOrder | str | None = None,
        resume: StreamInterruptedError | None = None,
        raw: bool = False,
    ) -> EventStream:
        """Stream the events (``kind`` in ``REACTIVITY_KINDS``; None for all), one at a time.

        ``raw=True`` yields each event as the dict NP6 sent (no model parsing, faster).
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
        )


# ---------------------------------------------------------------------------------------------- async
class AsyncActions:
    """E-mail and SMS marketing actions (``client.actions`` of ``AsyncNP6``); same surface, ``async``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self, *, creation_start: DateArg = None, creation_end: DateArg = None
    ) -> builtins.list[Action]:
        kwargs = millis_kwargs(creation_start=creation_start, creation_end=creation_end)
        return cast("builtins.list[Action]", await self._client.request("list_actions", **kwargs))

    async def get(self, id: str) -> Action:
        return cast("Action", await self._client.request("get_action", id=action_id(id)))

    async def create(self, body: Action | Mapping[str, Any]) -> Action:
        return cast("Action", await self._client.request("create_action", body=coerce_body(body, "Action")))

    async def update(self, id: str, body: Action | Mapping[str, Any]) -> Action:
        aid = action_id(id)
        return cast(
            "Action", await self._client.request("update_action", id=aid, body=coerce_body(body, "Action"))
        )

    async def delete(self, id: str) -> None:
        await self._client.request("delete_action", id=action_id(id))

    async def duplicate(self, id: str, *, type: int | None = None, folder: int | None = None) -> Action:
        return cast(
            "Action", await self._client.request("duplicate_action", **_duplicate_kwargs(id, type, folder))
        )

    async def validate(
        self,
        id: str,
        *,
        for_test: bool = False,
        test_segments: builtins.list[int] | None = None,
        campaign_analyser: bool | None = None,
        media_for_test: str | None = None,
        text_and_html: bool | None = None,
        comments: str | None = None,
        variables: builtins.list[dict[str, Any]] | None = None,
    ) -> None:
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
        aid = action_id(id)
        await self._client.request("unvalidate_action", id=aid, body=build("ValidationSettings", {}))

    async def render(self, id: str, message: RenderMessage, *, channel: str = "email") -> ActionRenderResult:
        aid = action_id(id)
        body = _message(message, _RENDER[check_channel(channel)], "message", "receiver")
        return cast(
            "ActionRenderResult", await self._client.request("render_action_message", id=aid, body=body)
        )

    async def render_many(
        self, id: str, messages: builtins.list[RenderMessage], *, channel: str = "email"
    ) -> builtins.list[ActionRenderResult]:
        aid = action_id(id)
        body = _messages(messages, _RENDER[check_channel(channel)], "messages", "receiver")
        if not body:
            return []
        return cast(
            "builtins.list[ActionRenderResult]",
            await self._client.request("render_action_messages", id=aid, body=body),
        )

    async def render_links(
        self, id: str, body: RenderLinksRequest | Mapping[str, Any] | Contact
    ) -> RenderLinksResult:
        aid = action_id(id)
        model = _message(body, "RenderLinksRequest", "body", "receiver")
        return cast(
            "RenderLinksResult", await self._client.request("render_action_links", id=aid, body=model)
        )

    async def send(
        self,
        id: str,
        messages: builtins.list[Message],
        *,
        channel: str = "email",
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> builtins.list[ExecutionResult]:
        aid = action_id(id)
        size = check_batch_size(batch_size)
        items = _messages(messages, _EXECUTION[check_channel(channel)], "messages", "recipient")

        async def call(chunk: builtins.list[Any]) -> builtins.list[Any]:
            return cast(
                "builtins.list[Any]", await self._client.request("send_action_messages", id=aid, body=chunk)
            )

        return await arun_batches(call, items, size, "send_action_messages")

    async def send_one(self, id: str, message: Message, *, channel: str = "email") -> ExecutionResult:
        aid = action_id(id)
        body = _message(message, _EXECUTION[check_channel(channel)], "message", "recipient")
        return cast("ExecutionResult", await self._client.request("send_action_message", id=aid, body=body))

    async def send_to_target(
        self, id: str, target_id: str, body: TargetMessageRequest | Mapping[str, Any] | None = None
    ) -> ExecutionResult:
        aid = action_id(id)
        target = text_id(target_id, "target_id")
        model = coerce_body({} if body is None else body, "TargetMessageRequest")
        return cast(
            "ExecutionResult",
            await self._client.request("send_action_message_to_target", id=aid, target_id=target, body=model),
        )

    async def export_recipients(self, id: str) -> None:
        await self._client.request("export_action_recipients", id=action_id(id))

    async def export_openers(self, id: str) -> None:
        await self._client.request("export_action_openers", id=action_id(id))

    async def export_clickers(self, id: str) -> None:
        await self._client.request("export_action_clickers", id=action_id(id))

    def reactivities(
        self,
        kind: str | None = None,
        *,
        action_id: str | None = None,
        activation_start: DateArg = None,
        activation_end: DateArg = None,
        reactivity_start: DateArg = None,
        reactivity_end: DateArg = None,
        sort: SortOrder | str | None = None,
        resume: StreamInterruptedError | None = None,
        raw: bool = False,
    ) -> AsyncEventStream:
        """Async iterator of events (``async for``); see ``Actions.reactivities``."""
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
        )
