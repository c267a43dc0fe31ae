"""The OpenAPI document, read fast: the one loader of the overlay (dict bodies are checked against it) and
the sandbox (which serves and enforces it).

``scripts/regen.sh`` ships the spec inside the generated package as ``np6_api/openapi.yaml`` and, beside
it, a JSON copy (``openapi.yaml.json``: ``{"sha256": <of the YAML bytes>, "document": ...}``) that loads in
milliseconds where parsing the YAML takes a fifth of a second or more. The copy is trusted only when it
records the SHA-256 of these very YAML bytes; anything else (no copy, a stale or unreadable one) parses the
YAML. Cheap to import: yaml is imported only when the YAML must be parsed.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from typing import Any

__all__ = ["JSON_SUFFIX", "document_of", "json_copy", "safe_yaml_loader", "shipped_document"]

JSON_SUFFIX = ".json"  # openapi.yaml -> openapi.yaml.json
SHIPPED = "openapi.yaml"  # in the np6_api package


def json_copy(raw: bytes, document: Any) -> bytes:
    """The JSON copy of a YAML spec that ``document_of`` trusts: the document with the SHA-256 of its YAML."""
    copy = {"sha256": hashlib.sha256(raw).hexdigest(), "document": document}
    return json.dumps(copy, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def document_of(raw: bytes, copy: bytes | None) -> Any:
    """The document of the YAML spec ``raw``: from ``copy`` (its JSON copy's bytes, if any) when that copy
    was made from these bytes, else parsed from the YAML."""
    try:
        loaded = json.loads(copy) if copy is not None else None
    except ValueError:
        loaded = None
    if isinstance(loaded, dict) and loaded.get("sha256") == hashlib.sha256(raw).hexdigest():
        document = loaded.get("document")
        if isinstance(document, dict):
            return document
    import yaml

    return yaml.load(raw, Loader=safe_yaml_loader())


def safe_yaml_loader() -> Any:
    """libyaml's safe loader when PyYAML was built with it (the same document as ``yaml.safe_load``, several
    times faster), else PyYAML's own. Imports yaml: call it only when YAML must be read."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def shipped_document() -> dict[str, Any]:
    """The spec the generated client was made from (``np6_api/openapi.yaml``), through its JSON copy."""
    folder = resources.files("np6_api")
    raw = (folder / SHIPPED).read_bytes()
    try:
        copy: bytes | None = (folder / (SHIPPED + JSON_SUFFIX)).read_bytes()
    except OSError:
        copy = None
    document: dict[str, Any] = document_of(raw, copy)
    return document
