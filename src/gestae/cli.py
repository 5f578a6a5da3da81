"""The `gestae` command line: a thin layer over the pipeline, the store and the outputs.

Exit codes: 0 everything was coded; 1 some inputs were skipped (each reported on stderr);
2 nothing could be done (bad arguments, missing model, unreadable store).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from gestae import __version__
from gestae.errors import GestaeError
from gestae.model import Article
from gestae.output import as_dicts, render_table, write_csv, write_jsonl
from gestae.read import Rejection, parse_published, read_inputs

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Code news articles into PLOVER/CAMEO event records: who did what to whom, when, where.",
)
err = Console(stderr=True)

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gestae {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """gestae: res gestae, things done."""


@app.command()
def code(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.jsonl, .txt), directories, or - for stdin.")
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that give none.")
    ] = None,
    db: Annotated[
        Path | None, typer.Option(help="Also store articles and events in this DuckDB file.")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="Installed spaCy English pipeline to use.")
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor dictionary file (YAML); repeatable."),
    ] = None,
    include_negated: Annotated[
        bool, typer.Option(help="Keep negated events (flagged negated=true).")
    ] = False,
    incidents: Annotated[
        bool, typer.Option(help="Emit accident/disaster casualty records (kind=incident).")
    ] = True,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles parsed per batch.")] = 16,
) -> None:
    """Code articles into event records (JSON Lines by default)."""
    when = _date_option(published)
    rejections: list[Rejection] = []
    try:
        from gestae.pipeline import Coder

        coder = Coder(
            model=model,
            actor_files=actors or [],
            include_negated=include_negated,
            include_incidents=incidents,
        )
        with ExitStack() as stack:
            store = None
            if db is not None:
                from gestae.store import EventStore

                store = stack.enter_context(EventStore(db))
            out: TextIO = (
                stack.enter_context(output.open("w", encoding="utf-8", newline=""))
                if output
                else sys.stdout
            )

            def articles() -> Iterator[Article]:
                for item in read_inputs(inputs, when):
                    if isinstance(item, Rejection):
                        rejections.append(item)
                        err.print(f"[yellow]{escape(str(item))}[/yellow]", highlight=False)
                    else:
                        yield item

            collected: list[dict[str, Any]] = []
            csv_header = True
            n_articles = n_events = 0
            started = time.perf_counter()
            with _progress() as progress:
                task = progress.add_task("coding", total=None)
                for coded in coder.code_many(articles(), batch_size=batch_size):
                    n_articles += 1
                    n_events += len(coded.records)
                    if store is not None:
                        store.write(coded.article, coded.records)
                    dicts = list(as_dicts(coded.records))
                    if fmt is Format.jsonl:
                        write_jsonl(dicts, out)
                    elif fmt is Format.csv:
                        write_csv(dicts, out, header=csv_header)
                        csv_header = False
                    else:
                        collected.extend(dicts)
                    rate = n_articles / max(time.perf_counter() - started, 1e-9)
                    progress.update(
                        task,
                        description=f"{n_articles} articles, {n_events} events, {rate:.1f} articles/s",
                    )
            if fmt is Format.table:
                # Pipes and files get a wide table instead of Rich's 80-column default.
                console = Console(file=out, width=140) if output else _stdout_console()
                render_table(collected, console, f"{n_events} events from {n_articles} articles")
            if store is not None:
                stored_articles, stored_events = store.counts()
                err.print(
                    f"stored in {escape(str(db))}: {stored_articles} articles, {stored_events} events"
                )
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    if rejections:
        err.print(f"[yellow]{len(rejections)} input(s) skipped[/yellow]")
        raise typer.Exit(EXIT_FAILED if n_articles == 0 else EXIT_PARTIAL)


@app.command()
def events(
    db: Annotated[Path, typer.Option(help="The DuckDB event store.")] = Path("gestae.duckdb"),
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    event_type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Only events with this source or target country.")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """List events from a store written by `gestae code --db`."""
    from gestae.store import EventStore

    try:
        with EventStore(db, read_only=True) as store:
            records = list(store.events(limit=limit, event_type=event_type, actor=actor))
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    if fmt is Format.jsonl:
        write_jsonl(records, sys.stdout)
    elif fmt is Format.csv:
        write_csv(records, sys.stdout)
    else:
        render_table(records, _stdout_console(), f"{len(records)} events in {db}")


@app.command()
def explain(
    sentence: Annotated[str, typer.Argument(help="A sentence or short text to explain.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
) -> None:
    """Show the parse, the actors, the triggers and the rules behind each coded event."""
    from gestae.explain import explain_text

    try:
        explain_text(sentence, _date_option(published), model, Console())
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc


@app.command()
def actor(
    phrase: Annotated[
        str, typer.Argument(help='An actor phrase, e.g. "Prime Minister Boris Johnson".')
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for time-aware offices.")
    ] = None,
    context: Annotated[str, typer.Option(help="Earlier text of the article, for references.")] = "",
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor dictionary file (YAML); repeatable."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the actors as JSON.")] = False,
) -> None:
    """Resolve one actor phrase and show why: country, sector, name and the rule used."""
    from dataclasses import asdict

    from gestae.pipeline import Coder

    try:
        coder = Coder(actor_files=actors or [])
        mention = coder.resolve_actor(phrase, _date_option(on), context)
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    found = mention.actors if mention else []
    if as_json:
        import json

        typer.echo(json.dumps([asdict(a) for a in found], ensure_ascii=False))
        return
    console = _stdout_console()
    if mention is not None and mention.media:
        console.print(f"{escape(phrase)}: a media outlet or platform, never an actor")
        return
    if not found:
        console.print(f"{escape(phrase)}: no actor (not in the dictionaries, or a generic noun)")
        raise typer.Exit(EXIT_PARTIAL)
    table = Table(title=f"{phrase}" + (f" on {on}" if on else ""))
    for column in ("country", "sector", "kind", "name", "wikidata", "why"):
        table.add_column(column, overflow="fold")
    for a in found:
        table.add_row(
            a.country or "-",
            a.sector or "-",
            a.kind,
            a.name or "-",
            a.wikidata or "-",
            escape(a.rule),
        )
    console.print(table)


@app.command(name="eval")
def evaluate_gold(
    gold: Annotated[Path, typer.Argument(help="Gold file.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="gestae | conflibert-class | conflibert-spans")
    ] = "gestae",
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Code gold sentences and print precision, recall and F1 by type and class."""
    from gestae.evaluation import evaluate
    from gestae.pipeline import Coder

    try:
        coder = Coder(model=model)
        report = evaluate(gold, fmt, coder.code)
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    if as_json:
        import json

        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    from gestae.evaluation import confusion_rows

    console = _stdout_console()
    console.print(
        f"[bold]{escape(str(gold))}[/bold] ({report.format}): {report.sentences} sentences"
    )
    for name, value in report.figures.items():
        console.print(f"  {name}: {value:.3f}")
    if report.scores:
        table = Table(title="scores")
        for column in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="right")
        for name, prf in report.scores.items():
            table.add_row(
                name,
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                str(prf.tp),
                str(prf.fp),
                str(prf.fn),
            )
        console.print(table)
    if report.per_class:
        table = Table(title="per class")
        for column in ("class", "precision", "recall", "F1", "gold", "predicted"):
            table.add_column(column, justify="right")
        for name, prf in sorted(report.per_class.items()):
            table.add_row(
                name,
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                str(prf.tp + prf.fn),
                str(prf.tp + prf.fp),
            )
        console.print(table)
    rows = list(confusion_rows(report))
    if rows:
        table = Table(title="confusion (rows gold, columns predicted; first event per sentence)")
        labels = [label for label, _ in rows]
        table.add_column("gold")
        for label in labels:
            table.add_column(label[:8], justify="right")
        for label, counts in rows:
            table.add_row(label, *[str(counts[p]) if counts[p] else "." for p in labels])
        console.print(table)


def _stdout_console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=140)


def _progress() -> Progress:
    """A live counter on a terminal; silent when stderr is a pipe or a file."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def main() -> None:
    app()
