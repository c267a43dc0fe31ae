"""Group C: e-mail and SMS actions, the validation state machine, renders, sends and exports.

State machine (NP6's, as observed live): a new action is 10 (draft) without content, 20 with content;
`POST .../validation {"fortest": true}` moves 20 -> 38 (test-validated, proofs recorded in the outbox);
`{"fortest": false}` (or null/absent) moves 38 -> 50 (validated, sendable); `DELETE .../validation` moves
38 or 50 back to 20. Any other transition, and any send from a state other than 50, is 409 with no body.
Updating a validated action (38/50) is 409 too: unvalidate it first.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from np6_sandbox import events as ev
from np6_sandbox.handlers.common import contact_by_id, error_result, iso_now, obj, resolve, to_ms
from np6_sandbox.render import context, links, render
from np6_sandbox.replies import Call, Problem, Reply, bad, empty, ok
from np6_sandbox.store import Contact, Store

EMAIL = "application/vnd.np6.cm.email"
SMS = "application/vnd.np6.cm.sms"
MEDIA_BY_TYPE = {"mailMessage": EMAIL, "smsMessage": SMS}
DRAFT, WITH_CONTENT, TEST_VALIDATED, VALIDATED = 10, 20, 38, 50

#: outcome name -> (event kind, link type or None) for e-mail/SMS sends; see README.
MESSAGE_OUTCOMES: dict[str, tuple[str, str | None]] = {
    "hit": ("hit", "open"),
    "open": ("hit", "open"),
    "redirection": ("hit", "redirection"),
    "unsubscribe": ("hit", "unsubscribe"),
    "optout": ("hit", "unsubscribe"),
    "mirror": ("hit", "mirror"),
    "form": ("hit", "form"),
    "bounce": ("bounce", None),
}


def _get(store: Store, action_id: str) -> dict[str, Any]:
    action = store.actions.get(action_id)
    if action is None:
        raise Problem(404)
    return action


def state(action: Mapping[str, Any]) -> int | None:
    value = (action.get("informations") or {}).get("state")
    return value if isinstance(value, int) else None


def has_content(action: Mapping[str, Any]) -> bool:
    content = action.get("content") or {}
    if not isinstance(content, Mapping):
        return False
    keys = ("subject", "html", "text") if action.get("type") == "mailMessage" else ("textContent",)
    return any(isinstance(content.get(k), str) and content[k] for k in keys)


def normalise(
    store: Store, body: Mapping[str, Any], action_id: str, previous: Mapping[str, Any] | None
) -> dict[str, Any]:
    action = copy.deepcopy(dict(body))
    action["id"] = action_id
    action["creationDate"] = (previous or {}).get("creationDate") or iso_now(store)
    informations = dict(action.get("informations") or {})
    informations["state"] = WITH_CONTENT if has_content(action) else DRAFT
    action["informations"] = informations
    return action


def _set_state(action: dict[str, Any], value: int) -> None:
    action["informations"] = {**(action.get("informations") or {}), "state": value}


# ------------------------------------------------------------------ CRUD and workflow


def list_actions(call: Call) -> Reply:
    start, end = call.query.get("creation_start"), call.query.get("creation_end")
    low = to_ms(start, "creation_start") if start is not None else None
    high = to_ms(end, "creation_end") if end is not None else None
    with call.store.lock:
        chosen = []
        for action in call.store.actions.values():
            created = to_ms(action.get("creationDate"), "creationDate") if action.get("creationDate") else 0
            if (low is None or created >= low) and (high is None or created < high):
                chosen.append(action)
        return ok(chosen)


def _emulated(call: Call) -> None:
    """Only the kinds the sandbox emulates can be created (the spec's UnknownAction is for reading)."""
    if call.body.get("type") not in MEDIA_BY_TYPE:
        raise bad(
            "type",
            f"the sandbox emulates {' and '.join(MEDIA_BY_TYPE)} actions only",
            "unsupported action type",
        )


def create_action(call: Call) -> Reply:
    _emulated(call)
    store = call.store
    with store.lock:
        action = normalise(store, call.body, store.new_action_id(), None)
        store.actions[action["id"]] = action
        return ok(action)


def get_action(call: Call) -> Reply:
    with call.store.lock:
        return ok(_get(call.store, call.path["id"]))


def update_action(call: Call) -> Reply:
    _emulated(call)
    store = call.store
    with store.lock:
        previous = _get(store, call.path["id"])
        if state(previous) in (TEST_VALIDATED, VALIDATED):
            raise Problem(409)
        action = normalise(store, call.body, previous["id"], previous)
        store.actions[action["id"]] = action
        return ok(action)


def delete_action(call: Call) -> Reply:
    with call.store.lock:
        _get(call.store, call.path["id"])
        del call.store.actions[call.path["id"]]
    return empty(204)


def duplicate_action(call: Call) -> Reply:
    store = call.store
    with store.lock:
        source = copy.deepcopy(_get(store, call.path["id"]))
        if isinstance(source.get("name"), str):
            source["name"] += " (copy)"
        source.pop("creationDate", None)
        folder = call.query.get("folder")
        if isinstance(folder, int):
            source["informations"] = {**(source.get("informations") or {}), "folder": folder}
        action = normalise(store, source, store.new_action_id(), None)
        store.actions[action["id"]] = action
        return ok(action)


def validate_action(call: Call) -> Reply:
    store = call.store
    with store.lock:
        action = _get(store, call.path["id"])
        current = state(action)
        if call.body.get("fortest") is True:
            if current != WITH_CONTENT:
                raise Problem(409)
            _set_state(action, TEST_VALIDATED)
            store.record(
                {
                    "kind": "action-proof",
                    "action": action["id"],
                    "testSegments": call.body.get("testSegments", []),
                    "media_type": MEDIA_BY_TYPE.get(str(action.get("type")), "unknown"),
                }
            )
        else:
            if current != TEST_VALIDATED:
                raise Problem(409)
            _set_state(action, VALIDATED)
    return empty(204)


def unvalidate_action(call: Call) -> Reply:
    with call.store.lock:
        action = _get(call.store, call.path["id"])
        if state(action) not in (TEST_VALIDATED, VALIDATED):
            raise Problem(409)
        _set_state(action, WITH_CONTENT)
    return empty(204)


# ------------------------------------------------------------------ renders


def _typed(call: Call, action: Mapping[str, Any]) -> str:
    """The action's media type; 415 when the request's body type is the other one (or the kind is unknown)."""
    expected = MEDIA_BY_TYPE.get(str(action.get("type")))
    if expected is None or call.media_type not in (None, expected):
        raise Problem(415)
    return expected


def render_message(action: Mapping[str, Any], contact: Contact, item: Mapping[str, Any]) -> dict[str, Any]:
    """A rendered e-mail (RenderMailResult) or SMS (the same shape, `text` only)."""
    ctx = context(contact, obj(item.get("data")))
    content = obj(action.get("content"))
    override = obj(item.get("content"))
    target = obj(item.get("context"))
    if action.get("type") == "smsMessage":
        body = override.get("textContent", content.get("textContent"))
        phone = contact.fields.get("phone")
        return {
            "type": "success",
            "recipient": target.get("recipient") or (phone if isinstance(phone, str) else contact.unicity),
            "text": render(body, ctx),
        }
    headers = obj(item.get("headers")) or obj(content.get("headers"))
    sender = obj(headers.get("from"))
    domain = sender.get("domain", "sandbox.invalid")
    result: dict[str, Any] = {
        "type": "success",
        "recipient": target.get("recipient") or contact.unicity,
        "sender": {
            "value": f"{sender.get('prefix', 'noreply')}@{domain}",
            "label": render(sender.get("label", ""), ctx),
            "reply": headers.get("reply", ""),
            "bounce": f"bounce@{domain}",
        },
        "subject": render(item.get("subject", content.get("subject")), ctx),
        "html": render(override.get("html", content.get("html")), ctx),
        "text": render(override.get("text", content.get("text")), ctx),
        "headers": {},
    }
    if isinstance(override.get("amp"), str):
        result["amp"] = render(override["amp"], ctx)
    return result


def render_action_message(call: Call) -> Reply:
    with call.store.lock:
        action = _get(call.store, call.path["id"])
        _typed(call, action)
        contact = resolve(call.store, call.body.get("receiver"))
        if contact is None:
            raise Problem(404)
        return ok(render_message(action, contact, call.body))


def render_action_messages(call: Call) -> Reply:
    """One result per definition; any unknown receiver makes it a 404 (the spec has no error render item)."""
    with call.store.lock:
        action = _get(call.store, call.path["id"])
        _typed(call, action)
        contacts = [resolve(call.store, item.get("receiver")) for item in call.body]
        if any(contact is None for contact in contacts):
            raise Problem(404)
        return ok([render_message(action, c, item) for c, item in zip(contacts, call.body, strict=True) if c])


def render_action_links(call: Call) -> Reply:
    with call.store.lock:
        action = _get(call.store, call.path["id"])
        contact = resolve(call.store, call.body.get("receiver"))
        if contact is None:
            raise Problem(404)
        if action.get("type") != "mailMessage":
            return ok({"type": "success", "links": []})
        return ok({"type": "success", "links": links(render_message(action, contact, call.body)["html"])})


# ------------------------------------------------------------------ sends


def _sendable(call: Call) -> dict[str, Any]:
    action = _get(call.store, call.path["id"])
    if call.operation_id != "send_action_message_to_target":
        _typed(call, action)
    elif action.get("type") not in MEDIA_BY_TYPE:
        raise Problem(415)
    if state(action) != VALIDATED:
        raise Problem(409)
    return action


def _outcomes(
    contact: Contact, ts: int, activation: dict[str, Any], source: str, uri: str
) -> list[dict[str, Any]]:
    produced = []
    for step, outcome in enumerate(contact.outcomes, start=1):
        if outcome not in MESSAGE_OUTCOMES:
            continue
        kind, link_type = MESSAGE_OUTCOMES[outcome]
        at = ts + step * 1000
        if kind == "bounce":
            produced.append(ev.message_event("bounce", at, activation, source, bounce=ev.MAIL_BOUNCE))
        else:
            link = {"type": link_type, "label": None, "uri": uri if link_type == "redirection" else ""}
            produced.append(ev.message_event("hit", at, activation, source, link=link))
    return produced


def send_one(call: Call, action: dict[str, Any], contact: Contact, item: Mapping[str, Any]) -> dict[str, Any]:
    """Send one message (outbox entry, execution event, the contact's outcomes); its success result."""
    store = call.store
    media = MEDIA_BY_TYPE[action["type"]]
    message = render_message(action, contact, item)
    now = store.now_ms()
    message_id = str(uuid.uuid4())
    given = obj(item.get("stamp"))
    stamp = ev.stamp(now, given.get("id"), given.get("thread"))
    source = "email" if media == EMAIL else "sms"
    activation = {
        "id": action["id"],
        "kind": "message",
        "receiver": contact.footprint(),
        "stamp": stamp,
        "recipient": message["recipient"],
    }
    execution = {
        "id": action["id"],
        "kind": "message",
        "recipient": contact.footprint(),
        "data": dict(obj(item.get("data"))),
        "stamp": stamp,
    }
    store.record(
        {
            "kind": source,
            "message": message_id,
            "action": action["id"],
            "recipient": contact.footprint(),
            "address": message["recipient"],
            "media_type": media,
            "content": message,
        }
    )
    hrefs = links(message.get("html", "")) if media == EMAIL else []
    store.events.add(
        [
            ev.message_event("execution", now, activation, source, execution=execution),
            *_outcomes(contact, now, activation, source, hrefs[0] if hrefs else ""),
        ]
    )
    return {"type": "success", "id": message_id, "recipient": contact.footprint()}


def _send_item(call: Call, action: dict[str, Any], item: Mapping[str, Any]) -> dict[str, Any]:
    contact = resolve(call.store, item.get("recipient"))
    if contact is None:
        return error_result("recipient not found", item.get("recipient"))
    return send_one(call, action, contact, item)


def send_action_message(call: Call) -> Reply:
    with call.store.lock:
        action = _sendable(call)
        return ok(_send_item(call, action, call.body))


def send_action_messages(call: Call) -> Reply:
    with call.store.lock:
        action = _sendable(call)
        return ok([_send_item(call, action, item) for item in call.body])


def send_action_message_to_target(call: Call) -> Reply:
    with call.store.lock:
        action = _sendable(call)
        contact = contact_by_id(call.store, call.path["targetId"])
        return ok(send_one(call, action, contact, call.body))


# ------------------------------------------------------------------ exports


def _export(call: Call, kind: str) -> Reply:
    with call.store.lock:
        _get(call.store, call.path["id"])
        call.store.exports.append({"kind": kind, "action": call.path["id"], "time": call.store.now_ms()})
    return empty(204)


def export_action_recipients(call: Call) -> Reply:
    return _export(call, "recipients")


def export_action_openers(call: Call) -> Reply:
    return _export(call, "openers")


def export_action_clickers(call: Call) -> Reply:
    return _export(call, "clickers")


HANDLERS: dict[str, Callable[[Call], Reply]] = {
    handler.__name__: handler
    for handler in (
        list_actions,
        create_action,
        get_action,
        update_action,
        delete_action,
        duplicate_action,
        validate_action,
        unvalidate_action,
        render_action_message,
        render_action_messages,
        render_action_links,
        send_action_message,
        send_action_messages,
        send_action_message_to_target,
        export_action_recipients,
        export_action_openers,
        export_action_clickers,
    )
}
