"""Database URLs: parsed once, checked before any connection, and never shown with their password.

A URL may carry a password in two places: `user:PASSWORD@host` and, for libpq-style drivers, a query
parameter (`?password=...`). `redacted()` hides both; `scrub()` removes the password from any text (a
driver's error message could echo what it was given), in its plain and URL-encoded forms.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ._errors import BadDatabaseURL

HIDDEN = "***"
_PLACEHOLDER = "np6HiddenSecret"  # URL-safe; rendered, then shown as ***
_SECRET_QUERY_KEYS = frozenset({"password", "passwd", "pwd", "sslpassword"})


@dataclass(frozen=True)
class DatabaseURL:
    """A parsed database URL, with what must never be printed set apart."""

    url: URL
    secrets: tuple[str, ...]

    @property
    def backend(self) -> str:
        """`sqlite`, `postgresql`, ...: the dialect without its driver."""
        return self.url.get_backend_name()

    def redacted(self) -> str:
        """The URL with every password shown as ***: what messages and summaries print."""
        url = self.url
        if url.password is not None:
            url = url.set(password=_PLACEHOLDER)
        hidden = {k: _PLACEHOLDER for k in url.query if k.lower() in _SECRET_QUERY_KEYS}
        if hidden:
            url = url.update_query_dict(hidden)
        return url.render_as_string(hide_password=False).replace(_PLACEHOLDER, HIDDEN)

    def scrub(self, text: str) -> str:
        """`text` with any password of this URL replaced by ***."""
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        return text


def parse(text: str) -> DatabaseURL:
    """Parse `text` (BadDatabaseURL when it is not `dialect[+driver]://...`), keeping its secrets apart.

    `postgresql://` means psycopg 3 (the sync extra's driver), not SQLAlchemy's default psycopg2.
    """
    raw_secrets = _raw_secrets(text)
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as error:
        message = _scrub(str(error), raw_secrets)
        raise BadDatabaseURL(
            f"into: not a database URL ({message}); expected e.g. sqlite:///np6-events.db or "
            "postgresql+psycopg://user@host/dbname"
        ) from None
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # the [sync] extra's driver, not psycopg2
    try:
        url.get_dialect()
    except NoSuchModuleError:
        raise BadDatabaseURL(
            f"into: SQLAlchemy has no database {url.drivername!r} (e.g. sqlite, postgresql, mysql+pymysql)"
        ) from None
    _check_sqlite_file(url)
    secrets = set(raw_secrets)
    if url.password is not None:
        secrets.add(str(url.password))
    for key, value in url.query.items():
        if key.lower() in _SECRET_QUERY_KEYS:
            secrets.update([value] if isinstance(value, str) else value)
    found = {s for s in secrets if s}
    for secret in list(found):
        found.add(urllib.parse.quote(secret, safe=""))
        found.add(urllib.parse.quote_plus(secret, safe=""))
    # Longest first, so a password that contains another one is hidden whole.
    return DatabaseURL(url, tuple(sorted(found, key=len, reverse=True)))


def _check_sqlite_file(url: URL) -> None:
    """A SQLite file in a directory that does not exist, or a directory, is a bad `into` (SQLite would
    only say "unable to open database file")."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    if url.database.startswith("file:"):  # a URI filename: SQLite's business
        return
    path = Path(url.database)
    if path.is_dir():
        raise BadDatabaseURL(f"into: {path} is a directory, not a database file")
    if not path.parent.is_dir():
        raise BadDatabaseURL(f"into: the directory of {path} does not exist")


def _raw_secrets(text: str) -> set[str]:
    """The password as written in `text`, even when the URL does not parse (it must not be echoed)."""
    found: set[str] = set()
    _, sep, rest = text.partition("://")
    if sep:
        authority = rest.split("/", 1)[0].split("?", 1)[0]
        userinfo, at, _ = authority.rpartition("@")
        if at and ":" in userinfo:
            found.add(userinfo.split(":", 1)[1])
    query = text.partition("?")[2]
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if key.lower() in _SECRET_QUERY_KEYS:
            found.add(value)
    for piece in list(found):
        found.add(urllib.parse.unquote(piece))
    return {s for s in found if s}


def _scrub(text: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    return text
