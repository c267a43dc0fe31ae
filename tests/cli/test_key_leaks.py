"""The API key never appears in what `np6` prints, whatever the key and however it was given.

Each scenario runs twice: with the key, and with a baseline key of the same length (tests/leaks.py): a
short key such as "a" also occurs in honest text, so it leaks only if it shows up more often than the
baseline does. -v is on, so the request log is searched too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import Ran, environment, run_np6

from leaks import assert_no_key

KEYS = ["a", 'k3y/"q"\\\\u0041', "clé-ünïcode-ключ", " padded\tkey\n", "Z" * 64]


def scenarios(url: str, key: str, tmp: Path) -> list[Ran]:
    env = environment(url, NP6_API_KEY=key)
    bare = environment(url)
    del bare["NP6_API_KEY"]
    out = tmp / f"export-{len(list(tmp.iterdir()))}.jsonl"
    return [
        run_np6("-v", "actions", "list", env=env),  # from the environment: 401 (or refused before I/O)
        run_np6("notifications", "get", "999999", "--api-key", key, "-v", env=bare),  # on the command line
        run_np6(
            "--api-key", key, "reactivities", "export", "--scope", "notifications", "-o", str(out), env=bare
        ),
    ]


def baseline_key(key: str) -> str:
    """Another key of the same length and the same kind of characters, so the same code paths run."""
    return "".join("b" if c.isalnum() and c != "b" else ("c" if c == "b" else c) for c in key)


@pytest.mark.slow
@pytest.mark.parametrize("key", KEYS, ids=[f"len{len(k)}-{i}" for i, k in enumerate(KEYS)])
def test_the_key_is_in_no_output(key: str, np6_sandbox_url: str, tmp_path: Path) -> None:
    runs = scenarios(np6_sandbox_url, key, tmp_path)
    baseline = scenarios(np6_sandbox_url, baseline_key(key), tmp_path)
    for ran, other in zip(runs, baseline, strict=True):
        assert ran.code != 0, ran  # none of these keys is the sandbox's
        assert "Traceback" not in ran.stderr
        assert_no_key([ran.stdout, ran.stderr], key, baseline=[other.stdout, other.stderr])
    for written in tmp_path.iterdir():  # an export that failed leaves nothing, and never the key
        assert_no_key(written.read_text(), key, baseline="")
