"""np6_api used alone: the obvious setup type-checks; a missing key does not."""

from __future__ import annotations

from np6_api import AuthenticatedClient
from np6_api.api.notification_management import get_notification
from np6_api.models import Notification
from np6_api.types import Response


def accepted(url: str, key: str) -> None:
    with AuthenticatedClient(base_url=url, token=key) as client:
        response: Response[Notification] = get_notification.sync_detailed(156, client=client)
        if isinstance(response.parsed, Notification):
            print(response.parsed.name)


def rejected(url: str) -> None:
    AuthenticatedClient(base_url=url)  # type: ignore[call-arg]
    with AuthenticatedClient(base_url=url, token="k") as client:
        get_notification.sync("156", client=client)  # type: ignore[arg-type]
