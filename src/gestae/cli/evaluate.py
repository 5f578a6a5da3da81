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
    from gestae.run.eval_report import Report


def register(app: typer.Typer) -> None:
    app.command(name="eval")(evaluate_gold)


def evaluate_gold(
    gold: Annotated[Path, typer.Argument(help="Gold file.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="gestae | conflibert-class | conflibert-spans | event-location",
        ),
    ] = "gestae",
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    prefilter: Annotated[
        bool, typer.Option(help="Fully parse only sentences that can hold an event.")
    ] = True,
    split: Annotated[
        bool,
        typer.Option(
            "--split",
            help="Score the fixed check and tune parts of a development file separately "
            "(judge changes by check).",
        ),
    ] = False,
) -> None:
    """Code gold sentences and print precision, recall and F1 by type and class."""
    from gestae.engine.config import CoderConfig
    from gestae.run.evaluation import evaluate, evaluate_split

    try:
        coder = CoderConfig(model=model, prefilter=prefilter).build()
        reports = (
            {str(k): v for k, v in evaluate_split(gold, fmt, coder.code).items()}
            if split
            else {"all": evaluate(gold, fmt, coder.code)}
        )
    except GestaeError as exc:
        fail(exc)
    if as_json:
        import json

        dumped = {part: report.as_dict() for part, report in reports.items()}
        typer.echo(json.dumps(dumped if split else dumped["all"], indent=2))
        return
    for part, report in reports.items():
        _print_report(gold, report, part)
    if split:
        _print_split_summary(reports)


def _print_split_summary(reports: dict[str, Report]) -> None:
    """Each figure of check beside tune, and the gap that shows fitting to tune."""
    check, tune = reports["check"], reports["tune"]
    table = Table(title="check beside tune (judge by check)")
    for column in ("figure", "check", "tune", "tune - check"):
        table.add_column(column, justify="right")
    for name, value in check.figures.items():
        other = tune.figures.get(name, 0.0)
        table.add_row(name, f"{value:.3f}", f"{other:.3f}", f"{other - value:+.3f}")
    stdout_console().print(table)


def _print_report(gold: Path, report: Report, part: str) -> None:
    """The figures, then tables of scores, per-class scores and confusions, as far as the gold
    format gives them."""
    from gestae.run.evaluation import confusion_rows

    console = stdout_console()
    # Escaped: unescaped, Rich took "[check part]" for a style tag and dropped it, so the two
    # parts printed under the same heading and readers quoted tune figures as check.
    which = "" if part == "all" else escape(f" [{part} part]")
    console.print(
        f"[bold]{escape(str(gold))}{which}[/bold] ({report.format}): {report.sentences} sentences"
    )
    for name, value in report.figures.items():
        console.print(f"  {name}: {value:.3f}")
    if report.format == "event-location":
        _print_verb_recall(report)
        return
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


def _print_verb_recall(report: Report, rows: int = 30) -> None:
    """Recall of the most frequent marked words: where the missing events are."""
    table = Table(title=f"event recall by marked word ({rows} most frequent)")
    for column in ("word", "gold", "coded", "recall"):
        table.add_column(column, justify="right")
    ranked = sorted(report.per_class.items(), key=lambda kv: (-(kv[1].tp + kv[1].fn), kv[0]))
    for word, prf in ranked[:rows]:
        table.add_row(word, str(prf.tp + prf.fn), str(prf.tp), f"{prf.recall:.3f}")
    stdout_console().print(table)
