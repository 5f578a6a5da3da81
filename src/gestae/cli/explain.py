"""`gestae explain`: show why a sentence was or was not coded."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gestae.engine.events import describe_entry
from gestae.engine.pipeline import Coder
from gestae.query.formats import render_table
from gestae.schema import Article


def explain_text(text: str, published: date | None, model: str | None, console: Console) -> None:
    coder = Coder(model=model, include_negated=True)
    article = Article(id="explain", text=text, published=published)
    doc = coder.nlp(text)
    actors = coder.analyse(article, doc)

    parse = Table(title="Parse", expand=False)
    for column in ("#", "token", "lemma", "pos", "dep", "head", "entity", "actor", "trigger"):
        parse.add_column(column)
    for token in doc:
        if token.is_space:
            continue
        mention = actors.at(token)
        actor = ", ".join(a.label() for a in mention.actors) if mention and mention.actors else ""
        if mention and mention.media:
            actor = "(media)"
        entry = coder.events.match(token)
        parse.add_row(
            str(token.i),
            token.text,
            token.lemma_,
            token.pos_,
            token.dep_,
            f"{token.head.i}:{token.head.text}",
            token.ent_type_,
            actor,
            describe_entry(entry) if entry else "",
        )
    console.print(parse)

    found = Table(title="Actors", expand=False)
    for column in ("text", "country", "sector", "kind", "name", "rule"):
        found.add_column(column, overflow="fold")
    for mention in actors.mentions:
        for a in mention.actors:
            found.add_row(a.text, a.country or "-", a.sector or "-", a.kind, a.name or "-", a.rule)
    console.print(found)

    records = coder.code_doc(article, doc)
    if not records:
        console.print(
            "[bold]No event coded.[/bold] An event needs a trigger from the lexicon (column "
            "'trigger') with a source or target actor attached by the parse."
        )
        return
    render_table([r.to_dict() for r in records], console, "Events")
    for record in records:
        label = record.event_type or "INCIDENT"
        console.print(
            f"[bold]{label}[/bold] {record.id}: {escape(record.explanation)}", highlight=False
        )
