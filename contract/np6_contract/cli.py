"""Command line of the contract suite. `main(argv)` returns the exit code so `np6 contract` can wrap it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from np6_contract.report import write_junit, write_text
from np6_contract.runner import Options, run
from np6_contract.safety import Contact

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
NP6_URL = "https://api-cm.np6.com"

DESCRIPTION = """\
Check an NP6 API server (the live platform or the sandbox) against the np6-python OpenAPI spec.

Safe by default: only GET operations run. --allow-writes adds creates, updates, deletes and previews, aimed
only at resources this run creates (named np6-contract-<run id>-..., deleted at the end even after a failure).
--allow-sends adds operations that deliver messages (executions, tests, validations, activation), and then
only to the contacts given with --send-to. The API key is read from NP6_API_KEY when --api-key is not given
and is never printed or recorded.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="np6-contract", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--base-url", default=NP6_URL, help=f"server to test (default: {NP6_URL})")
    p.add_argument("--api-key", help="API key (default: $NP6_API_KEY)")
    p.add_argument(
        "--allow-writes", action="store_true", help="also create/update/delete this run's resources"
    )
    p.add_argument(
        "--allow-sends", action="store_true", help="also send messages (needs --allow-writes, --send-to)"
    )
    p.add_argument(
        "--send-to",
        action="append",
        default=[],
        metavar="CONTACT",
        help="allowed recipient: id:ID, unicity:VALUE, hash:HASH or segment:N (repeatable)",
    )
    p.add_argument(
        "--negative",
        action="store_true",
        help="also send invalid data and check it is rejected (off by default against live accounts)",
    )
    p.add_argument("--report", type=Path, metavar="FILE.xml", help="write a JUnit XML report")
    p.add_argument("--record", type=Path, metavar="DIR", help="save every exchange, redacted, under DIR")
    p.add_argument("--seed", type=int, help="hypothesis seed, for a reproducible run")
    p.add_argument("--max-examples", type=int, default=10, help="generated cases per operation and phase")
    p.add_argument("--stateful-steps", type=int, default=10, help="max steps of the stateful phase")
    p.add_argument("--phases", default="examples,coverage,fuzzing,stateful", help="comma-separated phases")
    p.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="OPERATION_ID",
        help="only this operation (repeatable)",
    )
    p.add_argument("--spec", type=Path, help="OpenAPI document (default: the one shipped with np6_api)")
    p.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    return p


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the suite and return 0 when nothing failed, 1 on any failure, 2 on a usage error."""
    out = out or sys.stdout
    p = parser()
    try:
        args = p.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already explained
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    key = args.api_key or os.environ.get("NP6_API_KEY", "")
    if not key:
        p.print_usage(sys.stderr)
        print("np6-contract: no API key (--api-key or NP6_API_KEY)", file=sys.stderr)
        return EXIT_USAGE
    try:
        contacts = tuple(Contact.parse(value) for value in args.send_to)
    except ValueError as exc:
        print(f"np6-contract: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.allow_sends and not args.allow_writes:
        print(
            "np6-contract: --allow-sends needs --allow-writes (sends go to resources the run creates)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.allow_sends and not contacts:
        print("np6-contract: --allow-sends needs at least one --send-to contact", file=sys.stderr)
        return EXIT_USAGE
    phases = tuple(p.strip() for p in args.phases.split(",") if p.strip())
    options = Options(
        base_url=args.base_url,
        api_key=key,
        allow_writes=args.allow_writes,
        allow_sends=args.allow_sends,
        send_to=contacts,
        seed=args.seed,
        max_examples=args.max_examples,
        negative=args.negative,
        stateful_steps=args.stateful_steps,
        record_dir=args.record,
        spec=args.spec,
        request_timeout=args.timeout,
        operations=tuple(args.operation),
        phases=phases,
    )
    result = run(options)
    if args.report is not None:
        write_junit(result, args.report)
    write_text(result, out)
    out.flush()
    return EXIT_OK if result.ok else EXIT_FAILURES
