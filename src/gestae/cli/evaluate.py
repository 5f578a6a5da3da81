"""`gestae eval`: code gold sentences and score the coder against them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from gestae.cli.options import fail, stdout_console
from gestae.errors import GestaeError

if TYPE_CHECKING:
    from gestae.run.evaluation import Report


def register(app: typer.Typer) -> None:
    app.command(name="eval")(evaluate_gold)


def evaluate_gold(
    gold: Annotated[Path, typer.Argument(help="Gold file.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="gestae | conflibert-class | conflibert-spans")
    ] = "gestae",
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    prefilter: Annotated[
        bool, typer.Option(help="Fully parse only sentences that can hold an event.")
    ] = True,
) -> None:
    """Code gold sentences and print precision, recall and F1 by type and class."""
    from gestae.engine.config import CoderConfig
    from gestae.run.evaluation import evaluate

    try:
        coder = CoderConfig(model=model, prefilter=prefilter).build()
        report = evaluate(gold, fmt, coder.code)
    except GestaeError as exc:
        fail(exc)
    if as_json:
        import json

        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    _print_report(gold, report)


def _print_report(gold: Path, report: Report) -> None:
    """The figures, then tables of scores, per-class scores and confusions, as far as the gold
    format gives them."""
    from gestae.run.evaluation import confusion_rows

    console = stdout_console()
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
