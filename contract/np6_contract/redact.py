"""Masking the API key in everything the suite writes (`--record` files, the text report, JUnit).

A server may echo the key in any encoding, so each secret is masked in every form a layer could write it:
raw, JSON-escaped (`\\uXXXX`, `\\/`), Python-escaped, URL-encoded (upper- and lower-case hex, `+` for
spaces). JSON bodies are also masked after decoding, which covers any mix of escapes. Masking never depends
on the key's length: a one-character key is masked wherever that character occurs in what the server or
the fuzzer produced (the suite's own words are left alone), which is the price of never writing it.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterable
from typing import Any

# Three markers with no character in common: a secret's forms can be inside at most one of them.
MARKERS = ("[REDACTED]", "<redacted>", "***")
_MAX_ROUNDS = 8


def forms(secret: str) -> set[str]:
    """The secret as it could appear in text written by some layer (empty set for an empty secret)."""
    if not secret:
        return set()
    quoted = {
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote(secret),
        urllib.parse.quote_plus(secret),
        urllib.parse.quote_plus(secret, safe=""),
    }
    found = {
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        json.dumps(secret)[1:-1].replace("/", "\\/"),
        json.dumps(secret, ensure_ascii=False)[1:-1].replace("/", "\\/"),
        "".join(f"\\u{ord(c):04x}" for c in secret),
        "".join(f"\\u{ord(c):04X}" for c in secret),
        repr(secret)[1:-1],
        repr(secret.encode("utf-8", "surrogatepass"))[2:-1],
        secret.encode("utf-8", "surrogatepass").decode("latin-1"),
        *quoted,
        *(re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), q) for q in quoted),
    }
    return {f for f in found if f}


class Redactor:
    """Masks a set of secrets in text and in decoded JSON values."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self._forms = sorted({f for s in secrets for f in forms(s)}, key=len, reverse=True)
        self.marker = next(m for m in MARKERS if not any(f in m for f in self._forms))

    def text(self, text: str) -> str:
        """`text` with every form of every secret replaced by the marker.

        Replacing can create a new occurrence across a marker's edge; it repeats until none is left, and in
        the unlikely case it still finds one the whole text is replaced.
        """
        if not self._forms:
            return text
        for _ in range(_MAX_ROUNDS):
            if not any(form in text for form in self._forms):
                return text
            for form in self._forms:
                text = text.replace(form, self.marker)
        return text if not any(form in text for form in self._forms) else self.marker

    def value(self, value: Any) -> Any:
        """A decoded JSON value with every string (member names too) masked."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {self.text(str(key)): self.value(item) for key, item in value.items()}
        if isinstance(value, int | float) and not isinstance(value, bool):
            written = json.dumps(value)
            masked = self.text(written)
            return value if masked == written else masked  # a numeric key echoed as a number
        return value
