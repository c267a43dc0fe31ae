"""The sync's errors, in np6's tree: `np6.NP6Error` > `SyncError` > `DatabaseError` > `SchemaTooNewError`;
a bad `into` is an `np6.NP6ValidationError` (`BadDatabaseURL`). None of them holds a database password."""

from __future__ import annotations

from .._exceptions import NP6Error, NP6ValidationError


class SyncError(NP6Error):
    """A sync could not go on; what it committed before stays (see `np6.sync.result_of`)."""


class DatabaseError(SyncError):
    """The database refused or failed (connection, permissions, disk full...); the message names it with
    its password hidden, and the driver's error is chained."""


class SchemaTooNewError(DatabaseError):
    """The database's np6 tables were migrated by a newer np6-python: nothing is changed."""


class BadDatabaseURL(NP6ValidationError):
    """`into` is not a database URL SQLAlchemy can use."""
