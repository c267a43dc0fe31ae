"""What a send or execute reports, and its exit code, including when it stops half-way.

The rule (also in `np6 --help`): 0 every recipient succeeded; 3 (EXIT_PARTIAL) some succeeded and some did
not (NP6 refused them, a later batch failed, or the outcome of a batch is unknown); 1 none succeeded;
130 Ctrl-C, after saying what was sent, what may have been sent and what was never tried.
One row per recipient, in the order given: NP6's result, or "outcome unknown" / "not sent" when it stopped.
With --json: NP6's answers as it sent them (`print_batch_answers`: several batches spliced into one array),
only the results of the batches that count as sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from np6 import APIError, RecipientError, SendOutcomeUnknownError

from ._common import (
    EXIT_API_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    error_message,
    note,
    present,
    print_answer,
    print_batch_answers,
    print_error,
    print_rows,
)

UNKNOWN = "outcome unknown"
NOT_SENT = "not sent"


if TYPE_CHECKING:  # the client is imported by the commands that send, not when the app is built
    from .._base_client import RawBody

    # With --json: the bodies collected by `answers()` and the operation of the batches.
    Answers = tuple[list[RawBody], str]


def run_send(send: Callable[[], list[Any]], recipients: list[Any], as_json: bool, answered: Answers) -> None:
    """Run `send` (one result per recipient), print the outcome and exit with the documented code."""
    try:
        results = send()
    except KeyboardInterrupt as interrupt:
        from np6 import batch_progress_of

        progress = batch_progress_of(interrupt)
        if progress is None:
            note("interrupted: the messages being sent may or may not have been sent (outcome unknown)")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        _stopped(recipients, progress, as_json, answered, in_flight=UNKNOWN, reason="interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except APIError as error:
        progress = error.batch_progress
        if progress is None or not progress.results:
            raise  # nothing was sent before it: an ordinary API error
        in_flight = UNKNOWN if isinstance(error, SendOutcomeUnknownError) else NOT_SENT
        code = _stopped(recipients, progress, as_json, answered, in_flight=in_flight, reason="stopped")
        print_error(error_message(error))
        raise typer.Exit(code) from None
    print_results(recipients, results, as_json, answered=answered)
    succeeded = sum(1 for r in results if _succeeded(r))
    note(f"{succeeded} sent, {len(results) - succeeded} failed")
    raise typer.Exit(exit_code(succeeded, len(results)))


def exit_code(succeeded: int, total: int) -> int:
    """0 all succeeded (or nothing to send), 3 some did, 1 none did."""
    if succeeded == total:
        return EXIT_OK
    return EXIT_PARTIAL if succeeded else EXIT_API_ERROR


def send_one_and_exit(
    who: Any, send: Callable[[], Any], as_json: bool, bodies: list[RawBody] | None = None
) -> NoReturn:
    """A single-message send: its result (--json: NP6's answer, with `answers()`'s `bodies`), exit 0 if
    sent, 1 if NP6 refused the recipient."""
    try:
        result = send()
    except RecipientError as refused:
        if as_json:
            print_answer(bodies or [])
        else:
            print_results([who], [refused.result], as_json=False)
        note(f"not sent to {_label(who)}")
        raise typer.Exit(EXIT_API_ERROR) from None
    except KeyboardInterrupt:
        note(f"interrupted: the message to {_label(who)} may or may not have been sent (outcome unknown)")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if as_json:
        print_answer(bodies or [])
    else:
        print_results([who], [result], as_json=False)
    raise typer.Exit(EXIT_OK)


def print_results(
    recipients: list[Any],
    results: list[Any],
    as_json: bool,
    extra: tuple[list[Any], ...] = (),
    answered: Answers | None = None,
) -> None:
    """One row per recipient: success with the message id, or the error NP6 gave (--json: NP6's answers to
    the batches that gave these `results`)."""
    if as_json:
        if answered is None:
            raise RuntimeError("print_results: --json needs the answers collected by answers()")
        print_batch_answers(*answered, len(results))
        return
    rows = []
    for who, result in zip(recipients, results, strict=False):
        detail = present(getattr(result, "value", None))
        rows.append(
            [
                _label(who),
                result.type_,
                present(getattr(result, "id", None)),
                present(getattr(detail, "type_", None)) if detail is not None else None,
            ]
        )
    print_rows("Results", ["recipient", "result", "message id", "error"], [*rows, *extra])


def _stopped(
    recipients: list[Any],
    progress: Any,
    as_json: bool,
    answered: Answers | None,
    *,
    in_flight: str,
    reason: str,
) -> int:
    """Report a send that stopped between batches; returns the exit code it deserves (3 or 1)."""
    done, failed, unsent = len(progress.results), len(progress.failed), len(progress.unsent)
    rest = recipients[done:]
    extra = [[_label(who), in_flight, None, None] for who in rest[:failed]]
    extra += [[_label(who), NOT_SENT, None, None] for who in rest[failed : failed + unsent]]
    print_results(recipients, progress.results, as_json, tuple(extra), answered)
    succeeded = sum(1 for r in progress.results if _succeeded(r))
    refused = sum(1 for r in progress.results if getattr(r, "type_", None) == "error")
    odd = done - succeeded - refused  # a result kind this SDK does not know: it may have been sent
    maybe = f", {odd} of an unknown result kind (may have been sent)" if odd else ""
    note(
        f"{reason}: {succeeded} sent, {refused} refused by NP6{maybe}, {failed} {in_flight}"
        f" (the batch in flight), {unsent} never tried"
    )
    return EXIT_PARTIAL if succeeded else EXIT_API_ERROR


def _succeeded(result: Any) -> bool:
    return getattr(result, "type_", None) == "success"


def _label(who: Any) -> str:
    return f"{who.kind} {who.value}"


@contextmanager
def unknown_if_interrupted(what: str, check: str) -> Iterator[None]:
    """Ctrl-C during a write that is never retried (create, duplicate): it may have happened (exit 130)."""
    try:
        yield
    except KeyboardInterrupt:
        note(f"interrupted: {what} may or may not have been done; check with {check}")
        raise typer.Exit(EXIT_INTERRUPTED) from None
