"""Bounds on what a server can make the client hold or wait for.

NP6's deepest documented object nests under 10 levels and its largest documented bodies are small; a body
or an event beyond these limits is a broken or hostile server, and the client raises a typed error instead
of exhausting memory or time. Every limit is an argument of ``NP6``/``AsyncNP6`` (``limits=Limits(...)``).
"""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]

MiB = 1024 * 1024


@attrs.frozen(kw_only=True)
class Limits:
    """What one response may cost; each bound raises a typed ``np6.NP6Error`` when crossed.

    ``max_body_size``: bytes of a non-streamed body, after decompression.
    ``max_error_body_size``: bytes read of an error response's body (the rest is discarded, never re-read).
    ``max_event_size``: bytes of one event in a streamed list of events.
    ``max_depth``: nesting of any parsed JSON value (arrays and objects), streamed or not.
    ``max_decompression_ratio``: decompressed bytes per received byte before a body counts as a bomb.
    ``deadline``: seconds one attempt may take in total, headers and body (``None``: the largest phase of
    ``timeout``, so ``timeout=2`` gives 2 s), so a server dripping a byte at a time cannot outlive the
    timeout. A retried call may take up to ``max_retries + 1`` deadlines plus the backoff. An event stream
    (an export may rightly take hours) is bounded by progress instead: the headers, then each event, must
    arrive within the deadline (the time the caller spends on the events does not count), else a resumable
    ``StreamInterruptedError``.
    """

    max_body_size: int = 64 * MiB
    max_error_body_size: int = 64 * 1024
    max_event_size: int = 4 * MiB
    max_depth: int = 64
    max_decompression_ratio: int = 200
    deadline: float | None = None


DEFAULT_LIMITS = Limits()
