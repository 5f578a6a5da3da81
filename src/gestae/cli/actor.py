"""Commands that show why: `gestae explain` for a sentence, `gestae actor` for one phrase."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gestae.cli.options import EXIT_PARTIAL, ActorsOption, date_option, fail, stdout_console
from gestae.errors import GestaeError


def register(app: typer.Typer) -> None:
    app.command()(explain)
    app.command()(actor)


def explain(
    sentence: Annotated[str, typer.Argument(help="A sentence or short text to explain.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
) -> None:
    """Show the parse, the actors, the triggers and the rules behind each coded event."""
    from gestae.cli.explain import explain_text

    try:
        explain_text(sentence, date_option(published), model, Console())
    except GestaeError as exc:
        fail(exc)


def actor(
    phrase: Annotated[
        str, typer.Argument(help='An actor phrase, e.g. "Prime Minister Boris Johnson".')
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for time-aware offices.")
    ] = None,
    context: Annotated[str, typer.Option(help="Earlier text of the article, for references.")] = "",
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the actors as JSON.")] = False,
) -> None:
    """Resolve one actor phrase and show why: country, sector, name and the rule used."""
    from dataclasses import asdict

    from gestae.engine.config import CoderConfig

    try:
        coder = CoderConfig(actor_files=tuple(actors or ())).build()
        mention = coder.resolve_actor(phrase, date_option(on), context)
    except GestaeError as exc:
        fail(exc)
    found = mention.actors if mention else []
    if as_json:
        import json

        typer.echo(json.dumps([asdict(a) for a in found], ensure_ascii=False))
        return
    console = stdout_console()
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
