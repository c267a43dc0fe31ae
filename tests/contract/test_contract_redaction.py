"""`np6 contract --record` files, the text report and JUnit never hold the key, whatever its length and
however the server echoes it: raw, JSON-escaped (`\\uXXXX`, `\\/`), URL-encoded (issue 10, item 5).

A one-character key also occurs in honest text, so each run is compared with the same run under another key
of the same length (tests/leaks.py's `baseline=`): a form of the key may not occur more often than there.
"""

from __future__ import annotations

import io
import json
import urllib.parse
from pathlib import Path

import pytest
from contract_servers import FakeNp6, serve

from leaks import assert_no_key
from np6_contract.cli import main

# Odd characters that the suite's own output (JSON structure, uuids, timings) does not hold by itself.
KEYS = ["~", "^|", "/~!", "|^~`", "!~^|`", "~" + "^|`!/" * 12 + "~"]
BASELINE_CHARS = "@$;:"


def _forms_echoed(key: str) -> dict[str, str]:
    """The key in every encoding a careless server could send it back in, as JSON string contents."""
    return {
        "raw": json.dumps(key)[1:-1],
        "unicode": "".join(f"\\u{ord(c):04x}" for c in key),
        "UNICODE": "".join(f"\\u{ord(c):04X}" for c in key),
        "slash": json.dumps(key)[1:-1].replace("/", "\\/"),
        "url": urllib.parse.quote(key, safe=""),
        "url_lower": urllib.parse.quote(key, safe="").lower(),
        "mixed": "".join(c if i % 2 else f"\\u{ord(c):04x}" for i, c in enumerate(key)),
    }


def echoing(key: str) -> FakeNp6:
    """A server answering GET /notifications with the key everywhere, in a body that breaks the spec."""
    forms = _forms_echoed(key)
    members = ", ".join(f'"{name}": "{value}"' for name, value in forms.items())
    # `type` must be push-app: the violation (and so the failure message in the reports) carries the key.
    body = f'[{{"type": "{forms["unicode"]}", "id": 1, "name": "{forms["raw"]}", {members}}}]'.encode()

    def override(method: str, path: str) -> tuple[int, dict[str, str], bytes] | None:
        if method == "GET" and path.split("?")[0] == "/notifications":
            headers = {
                "Content-Type": "application/json",
                "X-Echo": key,
                "X-Echo-Url": forms["url"],
                "X-Echo-Json": forms["unicode"],
                f"X-{forms['url']}": "name",
            }
            return 200, headers, body
        return None

    return FakeNp6(override=override, key=key)


def _run(key: str, tmp: Path) -> list[str]:
    """One suite run on list_notifications with --record and --report; every text it wrote."""
    out = io.StringIO()
    record, junit = tmp / "rec", tmp / "junit.xml"
    with serve(echoing(key)) as url:
        args = ["--base-url", url, "--api-key", key, "--seed", "1", "--max-examples", "1"]
        args += ["--operation", "list_notifications", "--phases", "examples,coverage"]
        code = main([*args, "--record", str(record), "--report", str(junit)], out=out)
    text = out.getvalue()
    assert code == 1, text  # the spec violation was found and reported
    assert "list_notifications" in text.split("Failures", 1)[1]
    files = sorted(record.rglob("*.json"))
    assert files, text
    return [text, junit.read_text(encoding="utf-8"), *(f.read_text(encoding="utf-8") for f in files)]


@pytest.mark.slow
@pytest.mark.parametrize("key", KEYS, ids=[f"len{len(k)}" for k in KEYS])
def test_no_written_file_or_report_holds_the_key(tmp_path: Path, key: str) -> None:
    written = _run(key, tmp_path / "key")
    baseline_key = (BASELINE_CHARS * len(key))[: len(key)]
    baseline = _run(baseline_key, tmp_path / "baseline")
    assert_no_key(written, key, baseline=baseline)
    recorded = [json.loads(text) for text in written[2:]]
    echoed = [r for r in recorded if r["response"]["status"] == 200]
    assert echoed, "the server's echo was not recorded"
    headers = {name.lower(): value for name, value in echoed[0]["response"]["headers"].items()}
    assert headers["x-echo"] == headers["x-echo-url"] == headers["x-echo-json"]
    assert headers["x-echo"] in ("[REDACTED]", "<redacted>", "***")
    assert echoed[0]["response"]["body"][0]["raw"] == headers["x-echo"]
