"""`gestae lexicon`: the trigger lexicon's size, and the gap report over a corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from gestae.cli.options import fail, stdout_console
from gestae.errors import GestaeError

if TYPE_CHECKING:
    from gestae.resources.lexicon_decisions import LexiconDecisions
    from gestae.run.lexicon_gaps import Gap


def register(app: typer.Typer) -> None:
    """Add the `lexicon` command to the `gestae` app."""
    app.command(name="lexicon")(lexicon)


def lexicon(
    gaps: Annotated[
        Path | None,
        typer.Option(
            "--gaps",
            exists=True,
            dir_okay=False,
            help="Articles (.jsonl with 'text', as `gestae code` reads them, or event_location "
            "gold): list the words heading clauses with actors that match no trigger frame.",
        ),
    ] = None,
    top: Annotated[int, typer.Option(help="How many gap lemmas to list.")] = 50,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Also list decided lemmas (lexicon_decisions.yaml), marked."),
    ] = False,
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """Without --gaps: the lexicon's size. With --gaps: its gaps on a corpus, by frequency."""
    from gestae.resources.lexicon import Lexicon
    from gestae.resources.lexicon_decisions import load_decisions

    try:
        decisions = load_decisions()
        if gaps is None:
            entries = Lexicon.load()
            typer.echo(
                f"{len(entries)} trigger entries over "
                f"{len({(e.lemma, e.pos) for e in entries})} lemmas; "
                f"{len(decisions.decisions)} gap decisions"
            )
            return
        found = _gaps(gaps, model, decisions)
    except GestaeError as exc:
        fail(exc)
    shown = [g for g in found if show_all or g.decision is None][:top]
    if as_json:
        typer.echo(json.dumps([g.as_dict() for g in shown], ensure_ascii=False, indent=1))
        return
    table = Table(title=f"lexicon gaps in {gaps.name} ({len(found)} lemmas, top {len(shown)})")
    for column in ("lemma", "pos", "count", "entries", "decision", "first seen", "sentence"):
        table.add_column(column, overflow="fold")
    for gap in shown:
        decided = gap.decision
        verdict = (
            ""
            if decided is None
            else ("covered " + ",".join(decided.covered_by) if decided.covered_by else "no event")
        )
        table.add_row(
            gap.lemma,
            gap.pos,
            str(gap.count),
            "frames" if gap.has_entries else "-",
            verdict,
            f"{gap.example[0]}@{gap.example[1]}",
            escape(gap.example_text),
        )
    stdout_console().print(table)


def _gaps(corpus: Path, model: str | None, decisions: LexiconDecisions) -> list[Gap]:
    """Parse the corpus's texts and list its gaps (decided ones marked)."""
    from gestae.engine.config import CoderConfig
    from gestae.input.read import read_inputs
    from gestae.run.lexicon_gaps import find_gaps
    from gestae.schema import Article

    coder = CoderConfig(model=model).build()
    articles = (a for a in read_inputs([str(corpus)]) if isinstance(a, Article))
    return find_gaps(articles, coder, decisions)
