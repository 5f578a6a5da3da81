"""What the commands share: exit codes, the error console, option declarations, and helpers.

Exit codes: 0 everything was coded; 1 some inputs were skipped (each reported on stderr,
summed up at the end, and listed by `--rejects FILE`); 2 nothing could be done (bad arguments,
missing model, unreadable store, or not one article coded). See docs/input.md.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from gestae.errors import GestaeError
from gestae.input.read import parse_published

if TYPE_CHECKING:
    from gestae.query.analysis import Filters

# Messages are never folded: a pipe or a log keeps each one on its own line.
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
WAIT_HELP = "Wait up to SECONDS for another gestae process writing the store to finish."
STORE = Path("gestae.duckdb")


# Options several commands share, declared once.
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that give none.")
]
ModelOption = Annotated[str | None, typer.Option(help="Installed spaCy English pipeline to use.")]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary file (YAML); repeatable."),
]
NegatedOption = Annotated[bool, typer.Option(help="Keep negated events (flagged negated=true).")]
IncidentsOption = Annotated[
    bool, typer.Option(help="Emit accident/disaster casualty records (kind=incident).")
]
StatementsOption = Annotated[
    bool,
    typer.Option(help="Emit CAMEO 01x statements: concern, condolences, denials (kind=statement)."),
]
BatchOption = Annotated[int, typer.Option(min=1, help="Articles parsed per batch.")]
RejectsOption = Annotated[
    Path | None,
    typer.Option(help="Write each skipped input (and each warning) here as a JSON line."),
]
JobsOption = Annotated[
    int | None,
    typer.Option(min=1, help="Worker processes (default: all cores), one pipeline each."),
]
PrefilterOption = Annotated[
    bool, typer.Option(help="Fully parse only sentences that can hold an event (faster).")
]
WaitOption = Annotated[float, typer.Option(min=0, help=WAIT_HELP)]

StoreOption = Annotated[Path, typer.Option(help="The DuckDB event store.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")]
ActorFilterOption = Annotated[
    str | None, typer.Option(help="Only events with this source or target country.")
]
DyadFilterOption = Annotated[
    tuple[str, str] | None,
    typer.Option(metavar="A B", help="Only events between these two actors (either way)."),
]
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
LimitOption = Annotated[int | None, typer.Option(min=1)]


class Format(StrEnum):
    """The formats a terminal command prints (each one described in `query.formats.FORMATS`)."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def store_filters(
    actor: str | None,
    dyad: tuple[str, str] | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
) -> Filters:
    from gestae.query.analysis import Filters

    return Filters(actor, dyad, False, event_type, date_option(since), date_option(until))


def fail(exc: GestaeError) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
    raise typer.Exit(EXIT_FAILED) from exc


def waiting(note: str) -> None:
    err.print(escape(note), highlight=False)


def upgraded(store: Any) -> None:
    """Say so when opening a store for writing upgraded its schema."""
    message = store.upgrade_message()
    if message:
        err.print(escape(message), highlight=False)


def stdout_console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=140)


def progress() -> Progress:
    """A live counter on a terminal; silent when stderr is a pipe or a file."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
