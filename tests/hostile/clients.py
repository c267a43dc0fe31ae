"""Run one call, sync or async, against a hostile base URL; get back what it returned or raised."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

import np6

KEY = "sk-hostile-5f4e3d2c1b"  # must never show up anywhere
MODES = ["sync", "async"]
ACTION = "000PE4"


def read(client: Any) -> Any:
    return client.actions.get(ACTION)


def send(client: Any) -> Any:
    return client.actions.send_one(ACTION, np6.Contact.unicity("someone@example.com"), channel="email")


@dataclass
class Outcome:
    result: Any
    error: BaseException | None


def run(
    mode: str,
    base_url: str,
    call: Callable[[Any], Any],
    *,
    key: str = KEY,
    http_client: Callable[[], httpx.Client | httpx.AsyncClient] | None = None,
    **options: Any,
) -> Outcome:
    """``call(client)`` with an ``NP6`` (sync) or ``AsyncNP6`` (async) bound to ``base_url``."""
    options.setdefault("timeout", 5.0)
    if mode == "sync":
        given = http_client() if http_client else None
        try:
            with np6.NP6(api_key=key, base_url=base_url, http_client=given, **options) as client:  # type: ignore[arg-type]
                return Outcome(call(client), None)
        except Exception as exc:
            return Outcome(None, exc)
        finally:
            if given is not None:
                given.close()  # type: ignore[union-attr]

    async def main() -> Outcome:
        given = http_client() if http_client else None
        try:
            async with np6.AsyncNP6(api_key=key, base_url=base_url, http_client=given, **options) as client:  # type: ignore[arg-type]
                result = call(client)
                if inspect.isawaitable(result):
                    result = await result
                return Outcome(result, None)
        except Exception as exc:
            return Outcome(None, exc)
        finally:
            if given is not None:
                await given.aclose()  # type: ignore[union-attr]

    return asyncio.run(main())
