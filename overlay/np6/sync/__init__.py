"""np6.sync: reactivity events into a database, incrementally and exactly once.

Needs the sync extra: `pip install 'np6-python[sync]'` (SQLAlchemy; psycopg for PostgreSQL)::

    from np6 import NP6
    from np6.sync import sync_events

    with NP6() as np6:
        result = sync_events(np6, into="postgresql+psycopg://etl@db/marketing", scope="actions", kind="hits")
        print(result.new, "new;", result.already_present, "already there; watermark", result.watermark_time)

Each run continues from the query's watermark minus a look-back (default one hour), commits events and the
watermark together batch by batch, and can be stopped at any point: the next run goes on, with no event lost
or stored twice (the reasoning is in `np6.sync._runner`). Tables: `np6_events`, `np6_watermarks`,
`np6_schema` (see `np6.sync._schema`). The command line is `np6 reactivities sync`.
"""

from ._errors import BadDatabaseURL, DatabaseError, SchemaTooNewError, SyncError
from ._runner import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_LOOK_BACK,
    DEFAULT_URL,
    SyncQuery,
    SyncResult,
    result_of,
    sync_events,
)
from ._urls import DatabaseURL
from ._urls import parse as parse_url

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_LOOK_BACK",
    "DEFAULT_URL",
    "BadDatabaseURL",
    "DatabaseError",
    "DatabaseURL",
    "SchemaTooNewError",
    "SyncError",
    "SyncQuery",
    "SyncResult",
    "parse_url",
    "result_of",
    "sync_events",
]
