"""`gestae rules`: every named rule with its example, and how often each fired on a corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gestae.errors import GestaeError


def register(app: typer.Typer) -> None:
    """Add the `rules` command to the `gestae` app."""
    app.command(name="rules")(rules)


def rules(
    corpus: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="Articles (.jsonl, as `gestae code` reads them): count how often each rule fired.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rules as JSON.")] = False,
) -> None:
    """List every named rule: id, stage, what it does and an example sentence."""
    try:
        listed = rule_rows(fired_counts(corpus) if corpus is not None else None)
    except GestaeError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(listed, ensure_ascii=False, indent=1))
        return
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    table = Table(title=f"{len(listed)} rules")
    columns = ["id", "stage", "summary", "example"] + (["fired"] if corpus is not None else [])
    for column in columns:
        table.add_column(column, overflow="fold", justify="right" if column == "fired" else "left")
    for row in listed:
        table.add_row(*(escape(str(row[c])) for c in columns))
    console.print(table)


def rule_rows(fired: Counter[str] | None = None) -> list[dict[str, Any]]:
    """The registered rules, by id; with `fired`, how many records each one produced."""
    import gestae.engine.pipeline  # noqa: F401  (importing the engine registers every rule)
    from gestae.engine.rules import REGISTRY

    rows: list[dict[str, Any]] = []
    for rule_id in sorted(REGISTRY):
        found = REGISTRY[rule_id]
        row: dict[str, Any] = {
            "id": found.id,
            "stage": found.stage,
            "summary": found.summary,
            "example": found.example,
            "module": found.module,
        }
        if fired is not None:
            row["fired"] = fired[rule_id]
        rows.append(row)
    return rows


def fired_counts(corpus: Path) -> Counter[str]:
    """How often each rule fired on `corpus`: its ids counted over the coded records' `rules`."""
    from gestae.engine.pipeline import Coder
    from gestae.input.read import read_inputs
    from gestae.schema import Article

    articles = (a for a in read_inputs([str(corpus)]) if isinstance(a, Article))
    counts: Counter[str] = Counter()
    for coded in Coder().code_many(articles):
        for record in coded.records:
            counts.update(record.rules)
    return counts
