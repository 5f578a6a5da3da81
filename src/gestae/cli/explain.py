"""`gestae explain`: show why a sentence was or was not coded."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gestae.engine.config import CoderConfig
from gestae.engine.events import describe_entry
from gestae.query.formats import render_table
from gestae.schema import Article, EventRecord


def explain_text(text: str, published: date | None, model: str | None, console: Console) -> None:
    coder = CoderConfig(model=model, include_negated=True).build()
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
        console.print(trace_table(record, f"Rules: {label} {record.id}"))


def trace_table(record: EventRecord, title: str) -> Table:
    """The record's rule trace, one step a row (steps not yet named show no rule id)."""
    table = Table(title=title, expand=False)
    table.add_column("rule", no_wrap=True)
    table.add_column("words", overflow="fold")
    for rule_id, words in trace_steps(record.explanation, record.rules):
        table.add_row(rule_id or "-", escape(words))
    return table


def trace_steps(explanation: str, rule_ids: list[str]) -> list[tuple[str, str]]:
    """(rule id, words) for each step of an explanation written as `[rule.id] words; ...`.

    The ids come from the record's `rules`, so the words may hold any character; free text
    before the first named step (reasons not yet turned into rules) gives steps without an id.
    """
    marks: list[tuple[int, str]] = []
    position = 0
    for rule_id in rule_ids:
        at = explanation.find(f"[{rule_id}]", position)
        if at >= 0:
            marks.append((at, rule_id))
            position = at + len(rule_id) + 2
    head = explanation[: marks[0][0]] if marks else explanation
    steps = [("", part.strip()) for part in head.split("; ") if part.strip(" ;")]
    for k, (at, rule_id) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(explanation)
        words = explanation[at + len(rule_id) + 2 : end].strip().removesuffix(";").strip()
        steps.append((rule_id, words))
    return steps
