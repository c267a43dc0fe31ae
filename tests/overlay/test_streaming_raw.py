"""`reactivities(raw=True)`: each event exactly as the server sent it, resumable like the parsed stream."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import np6


def seed_bounce() -> dict[str, Any]:
    """A notification bounce as NP6 documents it, plus a field and a date format the models would rewrite."""
    from support import load_spec

    spec = load_spec()["paths"]["/notifications/reactivities/bounces"]["get"]["responses"]["200"]
    event: dict[str, Any] = spec["content"]["application/json"]["examples"]["seed-004-bounce"]["value"][0]
    return {**event, "shiny": {"new": [1, 2]}}


def test_raw_events_are_the_json_the_server_sent(sandbox_client: np6.NP6, np6_sandbox_url: str) -> None:
    event = seed_bounce()
    httpx.post(f"{np6_sandbox_url}/_sandbox/events", json=[event]).raise_for_status()
    with sandbox_client.notifications.reactivities("bounces", raw=True) as stream:
        (got,) = list(stream)
    assert got == json.loads(json.dumps(event))
    assert got["source"]["detail"]["activation"]["expiration"] == "0001-01-01T00:00:00Z"
    (parsed,) = list(sandbox_client.notifications.reactivities("bounces"))
    assert parsed.to_dict()["source"]["detail"]["activation"]["expiration"] != "0001-01-01T00:00:00Z"


def test_a_raw_stream_resumes_exactly_once(sandbox_client: np6.NP6, np6_sandbox_url: str) -> None:
    for _ in range(2):  # two events per millisecond: the cut falls inside a timestamp
        httpx.post(
            f"{np6_sandbox_url}/_sandbox/events/generate",
            json={"count": 1500, "scope": "actions", "kind": "hit", "start": 1_700_000_000_000},
        ).raise_for_status()
    fault = {"operation": "list_hits_of_all_actions", "kind": "truncate", "count": 1}
    httpx.post(f"{np6_sandbox_url}/_sandbox/faults", json=fault).raise_for_status()
    seen: list[str] = []
    with pytest.raises(np6.StreamInterruptedError) as cut:
        for event in sandbox_client.actions.reactivities("hits", sort="asc", raw=True):
            assert isinstance(event, dict)
            seen.append(event["id"])
    seen += [
        e["id"] for e in sandbox_client.actions.reactivities("hits", sort="asc", raw=True, resume=cut.value)
    ]
    assert len(seen) == len(set(seen)) == 3000


def test_raw_must_be_a_bool(sandbox_client: np6.NP6) -> None:
    with pytest.raises(np6.NP6ValidationError, match="raw"):
        sandbox_client.notifications.reactivities(raw="yes")  # type: ignore[arg-type]
