"""Groups B and D: reactivity events of notifications and actions, filtered in SQL and streamed."""

from __future__ import annotations

from collections.abc import Callable

from np6_sandbox.events import EventQuery
from np6_sandbox.handlers.common import to_ms
from np6_sandbox.replies import Call, Problem, Reply

# operationId -> (scope, per resource?, event kind, link type)
ROUTES: dict[str, tuple[str, bool, str | None, str | None]] = {
    "list_reactivities_of_all_notifications": ("notification", False, None, None),
    "list_impressions_of_all_notifications": ("notification", False, "impression", None),
    "list_hits_of_all_notifications": ("notification", False, "hit", None),
    "list_optouts_of_all_notifications": ("notification", False, "optout", None),
    "list_bounces_of_all_notifications": ("notification", False, "bounce", None),
    "list_reactivities_of_notification": ("notification", True, None, None),
    "list_impressions_of_notification": ("notification", True, "impression", None),
    "list_hits_of_notification": ("notification", True, "hit", None),
    "list_optouts_of_notification": ("notification", True, "optout", None),
    "list_bounces_of_notification": ("notification", True, "bounce", None),
    "list_reactivities_of_all_actions": ("action", False, None, None),
    "list_bounces_of_all_actions": ("action", False, "bounce", None),
    "list_hits_of_all_actions": ("action", False, "hit", None),
    "list_reactivities_of_action": ("action", True, None, None),
    "list_bounces_of_action": ("action", True, "bounce", None),
    "list_hits_of_action": ("action", True, "hit", None),
}
for _link in ("open", "redirection", "unsubscribe", "mirror", "form"):
    ROUTES[f"list_{_link}_hits_of_all_actions"] = ("action", False, "hit", _link)
    ROUTES[f"list_{_link}_hits_of_action"] = ("action", True, "hit", _link)


def _bound(call: Call, name: str) -> int | None:
    value = call.query.get(name)
    return None if value is None else to_ms(value, name)


def list_events(call: Call) -> Reply:
    scope, per_resource, kind, link_type = ROUTES[call.operation_id]
    scope_id: str | None = None
    if per_resource:
        resource = call.path["id"]
        with call.store.lock:
            known = resource in (call.store.notifications if scope == "notification" else call.store.actions)
        if not known:
            raise Problem(404)
        scope_id = str(resource)
    query = EventQuery(
        scope=scope,
        scope_id=scope_id,
        kind=kind,
        link_type=link_type,
        activation_start=_bound(call, "activationStart"),
        activation_end=_bound(call, "activationEnd"),
        reactivity_start=_bound(call, "reactivityStart"),
        reactivity_end=_bound(call, "reactivityEnd"),
        sort=call.query.get("sort"),
    )
    return Reply(200, events=query)


HANDLERS: dict[str, Callable[[Call], Reply]] = dict.fromkeys(ROUTES, list_events)
