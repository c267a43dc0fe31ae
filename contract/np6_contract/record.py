"""`--record DIR`: keep the live answers, redacted, so a spec mismatch can become a spec fix and a test.

One JSON file per exchange under DIR/<operation_id>/. The API key is never written: the X-Key header (and
any other credential header) is replaced, and the key is masked in every encoding (see redact.py) in
everything else (URL, header names and values, bodies, after JSON decoding too) in case a server echoes it.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from np6_contract.redact import Redactor

SECRET_HEADERS = frozenset({"x-key", "authorization", "cookie", "set-cookie", "proxy-authorization"})


def _text(data: bytes | str | None) -> str | None:
    if data is None:
        return None
    if isinstance(data, bytes):
        return data.decode("utf-8", errors="replace")
    return data


@dataclass
class Recorder:
    """Writes redacted exchanges; safe to call from several threads."""

    directory: Path
    secrets: tuple[str, ...] = ()
    count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _redactor: Redactor = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._redactor = Redactor(self.secrets)

    def scrub(self, text: str) -> str:
        return self._redactor.text(text)

    def headers(self, headers: dict[str, str]) -> dict[str, str]:
        return {
            self.scrub(name): self._redactor.marker
            if name.lower() in SECRET_HEADERS
            else self.scrub(str(value))
            for name, value in headers.items()
        }

    def body(self, text: str | None) -> Any:
        if text is None or text == "":
            return None
        try:
            decoded = json.loads(text)
        except ValueError:
            return self.scrub(text)
        return self._redactor.value(decoded)  # decoded first: masks the key under any mix of escapes

    def record_httpx(self, operation_id: str, response: httpx.Response) -> Path:
        """Write one exchange made with httpx (the read-only tour, tests): ``record`` from its response."""
        request = response.request
        return self.record(
            operation_id=operation_id,
            method=request.method,
            url=str(request.url),
            request_headers=dict(request.headers),
            request_body=request.content or None,
            status=response.status_code,
            response_headers=dict(response.headers),
            response_body=response.content,
            elapsed=response.elapsed.total_seconds(),
        )

    def record(
        self,
        *,
        operation_id: str,
        method: str,
        url: str,
        request_headers: dict[str, str],
        request_body: bytes | str | None,
        status: int,
        response_headers: dict[str, str],
        response_body: bytes | None,
        elapsed: float,
    ) -> Path:
        """Write one exchange and return its path."""
        entry = {
            "operation_id": operation_id,
            "request": {
                "method": method,
                "url": self.scrub(url),
                "headers": self.headers(request_headers),
                "body": self.body(_text(request_body)),
            },
            "response": {
                "status": status,
                "headers": self.headers(response_headers),
                "body": self.body(_text(response_body)),
                "elapsed": round(elapsed, 4),
            },
        }
        with self._lock:
            self.count += 1
            number = self.count
        folder = self.directory / operation_id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{number:05d}.json"
        path.write_text(
            json.dumps(entry, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return path
