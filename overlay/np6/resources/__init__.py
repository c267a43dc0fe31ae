"""Resource namespaces of the client (``client.notifications``, ``client.actions``)."""

from .actions import Actions, AsyncActions
from .notifications import AsyncNotifications, Notifications

__all__ = ["Actions", "AsyncActions", "AsyncNotifications", "Notifications"]
