"""What every `np6` subcommand shares: connection options, error handling and exit codes, output.

Exit codes (documented in `np6 --help` and the README):

    0    everything succeeded
    1    the API or the network failed (the message names the host and NP6's request id), or an I/O
         error while writing an output file (disk full, ...)
    2    usage error: a bad option value, a file that cannot be used, a missing extra
    3    a send or execute where some recipients failed
    130  interrupted (Ctrl-C), after saying how far the command got

Output is faithful: what the API (or the user) gave is never read as Rich markup, and control characters
(ANSI escape sequences, carriage returns, bidi overrides) are shown escaped (`\\x1b`) on a terminal.
When stdout is not a terminal, tables become tab-separated lines that never wrap (see `print_rows`).
The API key is read from `--api-key` or `NP6_API_KEY` and never printed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from np6 import APIError, APIStatusError, Contact, NP6Error, NP6ValidationError

from .._dates import to_millis

if TYPE_CHECKING:  # the client (httpx, np6_api) is imported by the commands that call NP6, not by --help
    from .._base_client import RawBody
    from .._client import NP6

P = ParamSpec("P")
R = TypeVar("R")

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # a send or execute where some recipients failed and others succeeded
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), after saying how far the command got

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 API or network error (or an output file could not be written); 2 usage error; "
    "3 some recipients of a send failed; 130 interrupted."
)

# soft_wrap: Rich never inserts line breaks into what it prints; tables size themselves to the terminal.
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

BaseUrl = Annotated[
    str | None,
    typer.Option("--base-url", envvar="NP6_BASE_URL", show_default=False, help="API URL (default: NP6's)"),
]
ApiKey = Annotated[
    str | None,
    typer.Option("--api-key", envvar="NP6_API_KEY", show_default=False, show_envvar=True, help="API key"),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print the API's JSON instead of a table.")]
ContactId = Annotated[str | None, typer.Option("--contact-id", help="The contact's id, e.g. 000R4M0T.")]
Unicity = Annotated[str | None, typer.Option("--unicity", help="The contact's unicity, e.g. its e-mail.")]
Hash = Annotated[str | None, typer.Option("--hash", help="The contact's hash (32 hex characters).")]


# --- Faithful text ---------------------------------------------------------------------------------------

# C0 controls (except tab and newline, handled per context), DEL, C1 controls, and the Unicode format
# characters that reorder or hide text on a terminal (bidi embeddings/overrides/isolates, marks).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t", "\\": "\\\\"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` safe for a terminal: control characters and escape sequences shown escaped (`\\x1b[31m`).

    Tabs and newlines are kept (a table cell may hold several lines); everything else is as given.
    """
    return _CONTROL.sub(lambda m: _escape(m.group()), text)


_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """`text` as one visible line (messages): newlines and tabs escaped too."""
    return _LINE_BREAKING.sub(lambda m: _escape(m.group()), text)


_TSV_SPECIAL = re.compile("[\\\\\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def tsv_cell(text: str) -> str:
    """One tab-separated cell on one line, reversibly: backslash, tab, newline and controls escaped."""
    return _TSV_SPECIAL.sub(lambda m: _escape(m.group()), text)


def cell(value: Any) -> str:
    """The text of a value in a table ("" for None/UNSET)."""
    value = present(value)
    return "" if value is None else str(value)


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


# --- Errors and messages ---------------------------------------------------------------------------------

# The library speaks Python (argument names); the command line speaks in flags.
_CLI_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bpass api_key=\.\.\. or set NP6_API_KEY"), "pass --api-key or set NP6_API_KEY"),
    (re.compile(r"\bapi_key=(\.\.\.)?"), "--api-key"),
    (re.compile(r"\bapi_key\b"), "--api-key"),
    (re.compile(r", or pass allow_insecure=True if you really mean it"), ""),
    (re.compile(r"\bbase_url\b"), "--base-url"),
    (re.compile(r"\breactivity_start\b"), "--since"),
    (re.compile(r"\breactivity_end\b"), "--until"),
    (re.compile(r"\s*Resume with reactivities\(\.\.\., resume=exc\)[^.]*\.?"), ""),
    (re.compile(r"use None \(all events\)"), "leave out --kind (all events)"),
    (  # WrongChannelError (h3b-commands' send/render commands)
        re.compile(r"pass channel='(email|sms)' \(or channel=None to follow the action's type\)"),
        r"use --channel \1 (or leave out --channel to follow the action's type)",
    ),
    (re.compile(r"\bbatch_size\b"), "--batch-size"),
    (re.compile(r"\bnotification notification_id\b"), "the notification id"),  # positional or --id
    (re.compile(r"\baction action_id\b"), "the action id"),
)


def cli_words(message: str) -> str:
    """A library message in the command line's words (`--api-key`, not `api_key=`)."""
    for pattern, replacement in _CLI_WORDS:
        message = pattern.sub(replacement, message)
    return message


def print_error(message: str) -> None:
    """`error: <message>` on stderr, on one line, nothing in it read as markup."""
    line = Text("error:", style="bold red")
    line.append(" " + one_line(message))
    err.print(line)


def note(message: str) -> None:
    """A status line on stderr (progress, summaries): stdout stays for the command's output."""
    err.print(Text(one_line(message)))


def say(message: str) -> None:
    """A line of the command's output on stdout, control characters neutralised on a terminal."""
    sys.stdout.write((one_line(message) if is_terminal(sys.stdout) else message) + "\n")


def usage_error(message: str) -> NoReturn:
    print_error(message)
    raise typer.Exit(EXIT_USAGE)


def io_error(message: str) -> NoReturn:
    print_error(message)
    raise typer.Exit(EXIT_API_ERROR)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        return None if host is None else host if parts.port is None else f"{host}:{parts.port}"
    except ValueError:
        return None


def error_message(error: NP6Error) -> str:
    """The one line for an SDK error: the message in CLI words, plus the host and NP6's request id."""
    message = cli_words(str(error))
    details = []
    host = _host(error.url) if isinstance(error, APIError) else None
    if host is not None and host not in message:
        details.append(f"host {host}")
    if isinstance(error, APIStatusError) and error.request_id and error.request_id not in message:
        details.append(f"request id {error.request_id}")
    return message + (f" ({', '.join(details)})" if details else "")


def api_error(error: NP6Error) -> NoReturn:
    print_error(error_message(error))
    raise typer.Exit(EXIT_API_ERROR)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Map the overlay's errors to the documented exit codes with a one-line message."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except NP6ValidationError as error:
            usage_error(cli_words(str(error)))
        except NP6Error as error:
            api_error(error)
        except KeyboardInterrupt:
            print_error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper


def needs_extra(command: str, extra: str, error: ImportError) -> NoReturn:
    """`np6 <command>` cannot run without an optional extra: say exactly what to install (exit 2)."""
    missing = f" ({error.name} is not installed)" if error.name else ""
    usage_error(f"np6 {command} needs the {extra} extra{missing}: pip install 'np6-python[{extra}]'")


# --- Options ---------------------------------------------------------------------------------------------


def one_contact(contact_id: str | None, unicity: str | None, hash_: str | None) -> Contact:
    """Exactly one of --contact-id / --unicity / --hash (named as flags, not as Contact's arguments)."""
    given = {k: v for k, v in (("id", contact_id), ("unicity", unicity), ("hash", hash_)) if v is not None}
    if len(given) != 1:
        usage_error("give exactly one of --contact-id, --unicity, --hash")
    return Contact(**given)


def contacts(contact_ids: list[str], unicities: list[str], hashes: list[str]) -> list[Contact]:
    """Recipients from repeatable --contact-id / --unicity / --hash, in that order."""
    found = [
        *(Contact.id(v) for v in contact_ids),
        *(Contact.unicity(v) for v in unicities),
        *(Contact.hash(v) for v in hashes),
    ]
    if not found:
        usage_error("give at least one recipient with --contact-id, --unicity or --hash")
    return found


DATES_HELP = (
    "an ISO date or date-time (2026-11-01, 2026-11-01T08:00:00+01:00; without an offset it is UTC), "
    "milliseconds since the epoch (1793577600000), or Unix seconds with an s suffix (1793577600s)"
)
_SECONDS = re.compile(r"([0-9]{1,20})s")
_MILLIS = re.compile(r"([0-9]{1,20})(ms)?")
# A bare integer below this is not a plausible millisecond timestamp (it is before 1973-03-03 in ms, and
# reads as a date between 1970 and 5138 in seconds): refusing it catches Unix seconds given by mistake.
_SMALLEST_MILLIS = 10**11
_LATEST_MILLIS = 253402300799999  # 9999-12-31T23:59:59.999Z


def date_option(value: str | None, option: str) -> dt.datetime | int | None:
    """A `--since`/`--until` value as milliseconds since the epoch (see DATES_HELP); usage error otherwise.

    ISO text goes to the library's date rule (np6._dates: no offset means UTC). A bare number that looks
    like Unix seconds is refused rather than read as milliseconds of January 1970.
    """
    if value is None:
        return None
    text = value.strip()
    given: int | str = text
    if seconds := _SECONDS.fullmatch(text):
        given = int(seconds.group(1)) * 1000
    elif millis := _MILLIS.fullmatch(text):
        given = int(millis.group(1))
        if millis.group(2) is None and 0 < given < _SMALLEST_MILLIS:
            usage_error(
                f"{option}: {value} looks like Unix seconds, not milliseconds; write {value}s for seconds,"
                f" {value}000 for milliseconds, or an ISO date"
            )
    try:
        result = to_millis(given, name=option)
    except NP6ValidationError as error:
        hint = f" (accepted: {DATES_HELP})" if isinstance(given, str) else ""
        usage_error(cli_words(str(error)) + hint)
    if result is None or result > _LATEST_MILLIS:
        usage_error(f"{option}: {value} is out of range")
    return result


def date_range(since: str | None, until: str | None) -> tuple[int | None, int | None]:
    """--since and --until in milliseconds; --until before (or at) --since is a usage error."""
    start = date_option(since, "--since")
    end = date_option(until, "--until")
    if isinstance(start, int) and isinstance(end, int) and end <= start:
        usage_error(f"--until ({until}) must be after --since ({since}): that range holds no event")
    return (start if isinstance(start, int) else None, end if isinstance(end, int) else None)


def json_option(value: str | None, option: str) -> dict[str, Any] | None:
    if value is None:
        return None
    try:
        data = json.loads(value)
    except json.JSONDecodeError as error:
        usage_error(f"{option}: not JSON ({error.msg} at line {error.lineno} column {error.colno})")
    if not isinstance(data, dict):
        usage_error(f"{option}: expected a JSON object")
    return data


# --- Output ----------------------------------------------------------------------------------------------


def as_data(model: Any) -> Any:
    """The JSON shape of a generated model (or a list of them)."""
    if isinstance(model, list):
        return [as_data(m) for m in model]
    return model.to_dict() if hasattr(model, "to_dict") else model


# Characters json.dumps leaves raw that a terminal would act on; escaped they mean the same JSON.
_JSON_RAW_CONTROL = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def print_json(value: Any) -> None:
    """JSON the CLI makes itself (a report), non-ASCII kept; escapes json.dumps leaves out added on a
    terminal. What NP6 answered is printed with `print_answer` / `print_batch_answers` instead."""
    text = json.dumps(as_data(value), indent=2, ensure_ascii=False, default=str)
    if is_terminal(sys.stdout):
        text = _JSON_RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")


def sdk_client(*, api_key: str | None, base_url: str | None) -> NP6:
    """The SDK's client, imported here so that --help and usage errors never load httpx or np6_api."""
    from .._client import NP6

    return NP6(api_key=api_key, base_url=base_url)


@contextmanager
def answers(as_json: bool) -> Iterator[list[RawBody]]:
    """With --json, collect NP6's answer bodies of the requests made in the block (for `print_answer`)."""
    if not as_json:
        yield []
        return
    from .._base_client import capture_bodies

    with capture_bodies() as bodies:
        yield bodies


def _json_text(body: RawBody) -> tuple[str, Any]:
    """NP6's body as text and its parsed value; not UTF-8 JSON is an API error (exit 1), never printed."""
    try:
        text = body.content.decode("utf-8-sig")  # a byte-order mark is not part of the JSON text
        return text, json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        print_error(f"{body.operation_id}: NP6's answer is not UTF-8 JSON, so --json cannot print it")
        raise typer.Exit(EXIT_API_ERROR) from None


def _write_answer(text: str) -> None:
    # Valid JSON holds no raw C0 control character; on a terminal, the C1 controls and bidi marks it may
    # hold raw (only ever inside strings) are written as \u escapes: the same JSON, nothing a terminal
    # acts on. Piped, the text is NP6's exactly.
    if is_terminal(sys.stdout):
        text = _JSON_RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def print_answer(bodies: list[RawBody]) -> None:
    """--json of a command whose result is one answer: exactly NP6's last answer (e.g. the PUT of an
    `update --merge`, after its GET), plus a newline if it has none (see `_write_answer` for a terminal)."""
    if not bodies:  # every --json command makes a request that answers a body before printing
        raise RuntimeError("print_answer: no answer was collected (the command must run in answers())")
    _write_answer(_json_text(bodies[-1])[0])


def print_batch_answers(bodies: list[RawBody], operation_id: str, items: int) -> None:
    """--json of a batched send: one JSON array of the first `items` results, each batch's items as NP6 sent
    them. One batch is printed exactly; several are spliced: `[` + the text between each answer's
    brackets (empty ones left out) joined by `,` + `]`. A batch whose answer did not count as sent (it came
    after those `items`) is left out."""
    parts: list[str] = []
    count = 0
    for body in bodies:
        if body.operation_id != operation_id or count >= items:
            continue
        text, value = _json_text(body)
        if not isinstance(value, list):
            print_error(f"{operation_id}: NP6's answer is not a JSON array")
            raise typer.Exit(EXIT_API_ERROR)
        count += len(value)
        parts.append(text)
    if len(parts) == 1:
        _write_answer(parts[0])
        return
    inner = (part.strip(" \t\r\n")[1:-1] for part in parts)
    _write_answer("[" + ",".join(i for i in inner if i.strip(" \t\r\n")) + "]")


def _write_tsv(lines: Iterable[Iterable[Any]]) -> None:
    sys.stdout.writelines("\t".join(tsv_cell(cell(v)) for v in line) + "\n" for line in lines)


def print_fields(title: str, rows: list[tuple[str, Any]]) -> None:
    """Name/value pairs: a two-column table on a terminal, `name<TAB>value` lines otherwise."""
    if not is_terminal(sys.stdout):
        _write_tsv(rows)
        return
    table = Table(title=Text(visible(title)), show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for name, value in rows:
        table.add_row(Text(visible(name)), Text(visible(cell(value))))
    out.print(table)


def print_rows(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    """A table on a terminal; otherwise a header line and one tab-separated line per row, never wrapped.

    Piped cells escape backslash, tab, newline and control characters (`\\\\`, `\\t`, `\\n`, `\\x1b`),
    so each row is one line and `cut -f` works.
    """
    if not is_terminal(sys.stdout):
        _write_tsv([columns, *rows])
        return
    table = Table(title=Text(visible(title)), title_justify="left")
    for column in columns:
        table.add_column(Text(visible(column)), overflow="fold")
    for row in rows:
        table.add_row(*(Text(visible(cell(v))) for v in row))
    out.print(table)


def present(value: Any) -> Any:
    """None for the generated client's UNSET, the value otherwise."""
    from np6_api.types import Unset

    return None if isinstance(value, Unset) else value
