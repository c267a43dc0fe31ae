"""Group A: notifications, their versions, renders, tests and executions."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from np6_sandbox import events as ev
from np6_sandbox.handlers.common import (
    contact_by_id,
    contact_from_query,
    error_result,
    iso_now,
    obj,
    resolve,
    resolve_plain,
)
from np6_sandbox.render import context, render
from np6_sandbox.replies import Call, Problem, Reply, bad, empty, ok
from np6_sandbox.store import Contact, Store

CONTENT_FIELDS = ("title", "body", "icon", "thumbnail", "image")


def _get(store: Store, notification_id: int) -> dict[str, Any]:
    notification = store.notifications.get(notification_id)
    if notification is None:
        raise Problem(404)
    return notification


def _master(notification: Mapping[str, Any]) -> dict[str, Any]:
    return next(v for v in notification["versions"] if v.get("master") is True)


def _version(notification: Mapping[str, Any], version_id: str) -> dict[str, Any]:
    for version in notification["versions"]:
        if str(version.get("id", "")).lower() == version_id.lower():
            return dict(version)
    raise Problem(404)


def normalise(
    store: Store, body: Mapping[str, Any], notification_id: int, previous: Mapping[str, Any] | None
) -> dict[str, Any]:
    """Assign ids and stamps; enforce exactly one master version (creating one when none is given)."""
    notification = copy.deepcopy(dict(body))
    now = iso_now(store)
    notification["id"] = notification_id
    created = (previous or {}).get("stamp", {}).get("creation", now)
    notification["stamp"] = {"creation": created, "modification": now}
    notification.setdefault("active", bool((previous or {}).get("active", False)))
    versions = notification.get("versions") or [
        {"master": True, "label": "A", "content": {"type": "default"}}
    ]
    masters = sum(1 for v in versions if v.get("master") is True)
    if masters != 1:
        raise bad("versions", f"exactly one version must have master: true (found {masters})")
    seen: set[str] = set()
    for index, version in enumerate(versions):
        version.setdefault("id", str(uuid.uuid4()))
        version.setdefault("master", False)
        key = str(version["id"]).lower()
        if key in seen:
            raise bad(f"versions.{index}.id", "duplicate version id")
        seen.add(key)
        version["stamp"] = {"creation": version.get("stamp", {}).get("creation", now), "modification": now}
    notification["versions"] = versions
    return notification


def _literal(value: Any, ctx: Mapping[str, Any], default: str) -> str:
    """A channel/redirection object rendered to its string (`{type: literal, value}` in NP6 applications)."""
    if isinstance(value, Mapping):
        if isinstance(value.get("value"), str):
            return render(value["value"], ctx)
        if isinstance(value.get("type"), str):
            return str(value["type"])
    return default


def subscription(application: str, contact: Contact) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"np6-sandbox:{application}:{contact.id}"))


def rendered(
    store: Store,
    notification: Mapping[str, Any],
    version: Mapping[str, Any],
    contact: Contact | None,
    data: Mapping[str, Any] | None,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The render result NP6 answers: meta (what was rendered for whom) and the five rendered strings."""
    ctx = context(contact, data)
    content = version.get("content") or {}
    over = overrides or {}
    meta: dict[str, Any] = {
        "notification": notification["id"],
        "version": version["id"],
        "stamp": ev.stamp(store.now_ms()),
        "channel": _literal(over.get("channel", version.get("channel")), ctx, "default"),
        "redirection": _literal(over.get("redirection", version.get("redirection")), ctx, ""),
    }
    application = notification.get("application")
    if isinstance(application, str):
        meta["application"] = application
        if contact is not None:
            meta["subscription"] = subscription(application, contact)
    body = {
        name: render(over[name] if isinstance(over.get(name), str) else content.get(name), ctx)
        for name in CONTENT_FIELDS
    }
    return {"type": "success", "meta": meta, "render": body}


# ------------------------------------------------------------------ CRUD


def list_notifications(call: Call) -> Reply:
    with call.store.lock:
        return ok([call.store.notifications[k] for k in sorted(call.store.notifications)])


def create_notification(call: Call) -> Reply:
    store = call.store
    with store.lock:
        notification = normalise(store, call.body, store.new_notification_id(), None)
        store.notifications[notification["id"]] = notification
        return ok(notification)


def get_notification(call: Call) -> Reply:
    with call.store.lock:
        return ok(_get(call.store, call.path["id"]))


def update_notification(call: Call) -> Reply:
    store = call.store
    with store.lock:
        previous = _get(store, call.path["id"])
        notification = normalise(store, call.body, previous["id"], previous)
        store.notifications[previous["id"]] = notification
        return ok(notification)


def delete_notification(call: Call) -> Reply:
    with call.store.lock:
        _get(call.store, call.path["id"])
        del call.store.notifications[call.path["id"]]
    return empty(204)


def duplicate_notification(call: Call) -> Reply:
    store = call.store
    with store.lock:
        source = copy.deepcopy(_get(store, call.path["id"]))
        if isinstance(source.get("name"), str):
            source["name"] += " (copy)"
        source["active"] = False
        for version in source["versions"]:
            version["id"] = str(uuid.uuid4())
            version.pop("stamp", None)
        source.pop("stamp", None)
        notification = normalise(store, source, store.new_notification_id(), None)
        store.notifications[notification["id"]] = notification
        return ok(notification)


def _set_active(call: Call, active: bool) -> Reply:
    with call.store.lock:
        notification = _get(call.store, call.path["id"])
        if bool(notification.get("active")) == active:
            raise Problem(409)
        notification["active"] = active
    return empty(204)


def activate_notification(call: Call) -> Reply:
    return _set_active(call, True)


def deactivate_notification(call: Call) -> Reply:
    return _set_active(call, False)


# ------------------------------------------------------------------ renders


def _render_for(call: Call, version_id: str | None, contact: Contact | None, data: Any) -> Reply:
    with call.store.lock:
        notification = _get(call.store, call.path["id"])
        version = _version(notification, version_id) if version_id else _master(notification)
        return ok(
            rendered(call.store, notification, version, contact, data if isinstance(data, Mapping) else None)
        )


def _body_contact(call: Call) -> Contact | None:
    receiver = call.body.get("receiver") if isinstance(call.body, Mapping) else None
    if not receiver:
        return None
    contact = resolve_plain(call.store, receiver)
    if contact is None:
        raise Problem(404)
    return contact


def render_notification(call: Call) -> Reply:
    return _render_for(call, None, _body_contact(call), call.body.get("data"))


def render_notification_version(call: Call) -> Reply:
    return _render_for(call, call.path["version"], _body_contact(call), call.body.get("data"))


def render_notification_for_contact_id(call: Call) -> Reply:
    _get(call.store, call.path["id"])
    return _render_for(call, None, contact_by_id(call.store, call.path["contact"]), None)


def render_notification_for_contact(call: Call) -> Reply:
    _get(call.store, call.path["id"])
    return _render_for(call, None, contact_from_query(call.store, call.query), None)


def render_notification_version_for_contact_id(call: Call) -> Reply:
    _version(_get(call.store, call.path["id"]), call.path["version"])
    return _render_for(call, call.path["version"], contact_by_id(call.store, call.path["contact"]), None)


def render_notification_version_for_contact(call: Call) -> Reply:
    _version(_get(call.store, call.path["id"]), call.path["version"])
    return _render_for(call, call.path["version"], contact_from_query(call.store, call.query), None)


# ------------------------------------------------------------------ tests and executions


def _test(call: Call, version_id: str | None) -> Reply:
    store = call.store
    with store.lock:
        notification = _get(store, call.path["id"])
        version = _version(notification, version_id) if version_id else _master(notification)
        result = rendered(store, notification, version, None, call.body.get("data"), call.body)
        store.record(
            {
                "kind": "notification-test",
                "notification": notification["id"],
                "version": version["id"],
                "recipient": call.body.get("recipient"),
                "media_type": "push",
                "content": result["render"],
                "meta": result["meta"],
            }
        )
    return empty(204)


def test_notification(call: Call) -> Reply:
    return _test(call, None)


def test_notification_version(call: Call) -> Reply:
    return _test(call, call.path["version"])


def _outcomes(
    contact: Contact, ts: int, activation: dict[str, Any], meta: Mapping[str, Any]
) -> list[dict[str, Any]]:
    produced: list[dict[str, Any]] = []
    for step, outcome in enumerate(contact.outcomes, start=1):
        at = ts + step * 1000
        if outcome == "impression":
            produced.append(ev.notification_event("impression", at, activation))
        elif outcome in ("hit", "redirection"):
            link = {"type": "redirection", "label": None, "uri": meta.get("redirection", "")}
            produced.append(ev.notification_event("hit", at, activation, link=link))
        elif outcome == "optout":
            optout = {"type": "channel", "channel": meta.get("channel", "default")}
            produced.append(ev.notification_event("optout", at, activation, optout=optout))
        elif outcome == "bounce":
            produced.append(ev.notification_event("bounce", at, activation, bounce=ev.PUSH_BOUNCE))
    return produced


def _known(call: Call, recipient: Any) -> bool:
    """Echo a recipient in an error result only when it is a documented contact identification."""
    kind = recipient.get("type") if isinstance(recipient, Mapping) else None
    known = ("id", "unicity", "hash", "footprint", "contact")
    return kind in known and call.spec.component("ContactIdentification").is_valid(recipient)


def _execute_one(call: Call, notification: dict[str, Any], item: Mapping[str, Any]) -> dict[str, Any]:
    store = call.store
    recipient = item.get("recipient")
    contact = (
        resolve(store, recipient.get("value"))
        if isinstance(recipient, Mapping) and recipient.get("type") == "contact"
        else None
    )
    if contact is None:
        return error_result("recipient not found", recipient if _known(call, recipient) else None)
    version = _master(notification)
    result = rendered(store, notification, version, contact, item.get("data"), item)
    meta = result["meta"]
    now = store.now_ms()
    message_id = str(uuid.uuid4())
    stamp = obj(item.get("stamp"))
    activation = {
        "id": notification["id"],
        "version": version["id"],
        "kind": "application",
        "receiver": {"type": "contact", "value": contact.footprint()},
        **({"application": meta["application"]} if "application" in meta else {}),
        **({"subscription": meta["subscription"]} if "subscription" in meta else {}),
        "stamp": {
            "time": now,
            "id": stamp.get("id") or meta["stamp"]["id"],
            "thread": stamp.get("thread") or meta["stamp"]["thread"],
        },
        "channel": meta["channel"],
        "urgent": bool(item.get("urgent", (notification.get("settings") or {}).get("urgent", False))),
        "expiration": ev.NO_EXPIRATION,
    }
    store.record(
        {
            "kind": "notification",
            "message": message_id,
            "notification": notification["id"],
            "version": version["id"],
            "recipient": contact.footprint(),
            "media_type": "push",
            "content": result["render"],
            "meta": meta,
        }
    )
    store.events.add(
        [ev.notification_event("execution", now, activation), *_outcomes(contact, now, activation, meta)]
    )
    return {"type": "success", "id": message_id, "recipient": contact.footprint()}


def _executable(call: Call) -> dict[str, Any]:
    notification = _get(call.store, call.path["id"])
    if not notification.get("active"):
        raise Problem(409)
    return notification


def execute_notification(call: Call) -> Reply:
    with call.store.lock:
        notification = _executable(call)
        return ok(_execute_one(call, notification, call.body))


def execute_notification_batch(call: Call) -> Reply:
    with call.store.lock:
        notification = _executable(call)
        return ok([_execute_one(call, notification, item) for item in call.body])


HANDLERS: dict[str, Callable[[Call], Reply]] = {
    handler.__name__: handler
    for handler in (
        list_notifications,
        create_notification,
        get_notification,
        update_notification,
        delete_notification,
        duplicate_notification,
        activate_notification,
        deactivate_notification,
        render_notification,
        render_notification_version,
        render_notification_for_contact_id,
        render_notification_for_contact,
        render_notification_version_for_contact_id,
        render_notification_version_for_contact,
        test_notification,
        test_notification_version,
        execute_notification,
        execute_notification_batch,
    )
}
