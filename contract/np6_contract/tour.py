"""The read-only tour for key holders: every GET operation once, recorded, then the drift report.

Ids come from the list answers (the first notification and its master version, the first action); a
contact for the render previews comes from the first event that names one. Reactivity lists ask for a
narrow window (`reactivityStart`/`reactivityEnd`, the last hour by default) so the tour stays small. Only GET
is ever sent; the three exports are left out (they can be very large); an operation whose ids could not be
found is listed as skipped. Everything is recorded by the contract suite's recorder (the key never written).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from np6_contract.drift import Report, SpecIndex, compare
from np6_contract.record import Recorder

SKIPPED_EXPORTS = frozenset({"export_action_recipients", "export_action_openers", "export_action_clickers"})
FIRST = (
    "list_notifications",
    "list_actions",
    "list_reactivities_of_all_notifications",
    "list_reactivities_of_all_actions",
)
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class TourError(Exception):
    """A bad argument, named as the command line names it."""


@dataclass
class Tour:
    """What one tour did: the calls made, the operations skipped (with why) and the drift report."""

    calls: list[tuple[str, int]] = field(default_factory=list)  # (operation id, status)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # transport errors
    report: Report | None = None


def _get_operations(spec: SpecIndex) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(operation id, path template, parameters) of every GET, the list operations first."""
    found = []
    for op_id, (at, op) in spec.operations.items():
        item_at, method = at.rsplit("/", 1)
        if method != "get":
            continue
        item = spec.node(item_at)
        params = [
            spec.resolve(raw, "")[0] for raw in (item.get("parameters") or []) + (op.get("parameters") or [])
        ]
        path = item_at.removeprefix("/paths/").replace("~1", "/").replace("~0", "~")
        found.append((op_id, path, params))
    return sorted(found, key=lambda f: FIRST.index(f[0]) if f[0] in FIRST else len(FIRST))


def _contact(value: Any, depth: int = 0) -> dict[str, str]:
    """id / unicity / hash of the first contact footprint in the events (receivers sit at various depths:
    `source.detail.activation.receiver.value` for notification events)."""
    if depth > 12:
        return {}
    if isinstance(value, dict):
        if value.get("type") == "footprint":
            return {k: str(value[k]) for k in ("id", "unicity", "hash") if isinstance(value.get(k), str)}
        items = list(value.values())
    elif isinstance(value, list):
        items = value[:50]
    else:
        return {}
    for item in items:
        if found := _contact(item, depth + 1):
            return found
    return {}


def run(
    directory: Path,
    *,
    base_url: str,
    api_key: str,
    hours: float = 1.0,
    spec_path: Path | None = None,
    transport: httpx.BaseTransport | None = None,
    progress: Callable[[str], None] | None = None,
) -> Tour:
    """Call every GET operation once, record under directory, and compare the recordings with the spec."""
    if not api_key.strip():
        raise TourError("--api-key (or NP6_API_KEY) is needed: the tour reads your account")
    if not 0 < hours <= 24 * 31:
        raise TourError("--hours must be more than 0 and at most 744 (31 days)")
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise TourError(f"DIR: {directory} exists and is not an empty directory (the tour never mixes runs)")
    from np6_contract.drift import default_spec

    spec = SpecIndex.load(spec_path or default_spec())
    recorder = Recorder(directory, secrets=(api_key,))
    now = int(time.time() * 1000)
    window = {"reactivityStart": str(now - int(hours * 3_600_000)), "reactivityEnd": str(now), "sort": "asc"}
    ids: dict[str, str] = {}
    tour = Tour()
    with httpx.Client(
        base_url=base_url,
        headers={"X-Key": api_key},
        timeout=TIMEOUT,
        transport=transport,
        follow_redirects=False,
    ) as client:
        for op_id, template, params in _get_operations(spec):
            if op_id in SKIPPED_EXPORTS:
                tour.skipped.append((op_id, "exports can be very large"))
                continue
            values = _path_values(template, ids)
            if values is None:
                tour.skipped.append((op_id, "no id for it in the list answers"))
                continue
            query = _query(params, window, ids)
            if query is None:
                tour.skipped.append((op_id, "no contact found in the events of the window"))
                continue
            path = template.format(**values)
            if progress:
                progress(f"GET {template}")
            try:
                response = client.get(path, params=query)
            except httpx.HTTPError as error:
                tour.failed.append((op_id, type(error).__name__))
                continue
            recorder.record_httpx(op_id, response)
            tour.calls.append((op_id, response.status_code))
            _learn(op_id, response, ids)
    if tour.calls:
        tour.report = compare(directory, spec_path or default_spec(), (api_key,))
    return tour


def _path_values(template: str, ids: Mapping[str, str]) -> dict[str, str] | None:
    values: dict[str, str] = {}
    scope = "notification" if template.startswith("/notifications") else "action"
    for name, key in (("{id}", scope), ("{version}", "version"), ("{contact}", "contact_id")):
        if name in template:
            if key not in ids:
                return None
            values[name[1:-1]] = ids[key]
    return values


def _query(
    params: list[dict[str, Any]], window: Mapping[str, str], ids: Mapping[str, str]
) -> dict[str, str] | None:
    names = {p.get("name") for p in params if p.get("in") == "query"}
    query = {k: v for k, v in window.items() if k in names}
    if {"unicity", "hash"} <= names:  # the render preview of a contact given by unicity
        if "contact_unicity" not in ids:
            return None
        query["unicity"] = ids["contact_unicity"]
    return query


def _learn(op_id: str, response: httpx.Response, ids: dict[str, str]) -> None:
    """Take the ids later operations need from a list answer."""
    if response.status_code != 200:
        return
    try:
        body = response.json()
    except ValueError:
        return
    if op_id == "list_notifications" and isinstance(body, list) and body and isinstance(body[0], dict):
        if "id" in body[0]:
            ids["notification"] = str(body[0]["id"])
        versions = body[0].get("versions")
        if isinstance(versions, list):
            master = next((v for v in versions if isinstance(v, dict) and v.get("master")), None)
            if master and "id" in master:
                ids["version"] = str(master["id"])
    elif op_id == "list_actions" and isinstance(body, list) and body and isinstance(body[0], dict):
        if "id" in body[0]:
            ids["action"] = str(body[0]["id"])
    elif "reactivities" in op_id and "contact_id" not in ids:
        contact = _contact(body)
        if "id" in contact:
            ids["contact_id"] = contact["id"]
        if "unicity" in contact:
            ids["contact_unicity"] = contact["unicity"]
