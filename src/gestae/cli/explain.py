"""`gestae explain`: show why a sentence was or was not coded."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from spacy.tokens import Doc, Token

from gestae.engine.config import CoderConfig
from gestae.engine.events import describe_entry
from gestae.engine.events.finder import Dropped
from gestae.engine.rules import REGISTRY
from gestae.query.formats import render_table
from gestae.schema import Article, EventRecord

if TYPE_CHECKING:
    from gestae.engine.actors import DocActors
    from gestae.engine.pipeline import Coder


def explain_text(text: str, published: date | None, model: str | None, console: Console) -> None:
    coder = CoderConfig(model=model, include_negated=True).build()
    article = Article(id="explain", text=text, published=published)
    doc = coder.parse_text(text)
    actors = coder.analyse(article, doc)
    parse, triggers = _parse_tables(coder, doc, actors)
    console.print(parse)
    if triggers.row_count:
        console.print(triggers)
    console.print(_actor_table(actors))
    records = coder.code_doc(article, doc)
    dropped: Dropped = []
    for sent in doc.sents:
        for candidate in coder.events.find(sent, actors, dropped):
            if _told(candidate.trigger, records):
                continue
            why = coder.records.why_unrecorded(sent, candidate, actors, include_negated=True)
            if why is not None:
                dropped.append((candidate.trigger, f"{UNRECORDED}: {why}"))
    if dropped:
        console.print(_dropped_table(dropped))
    if not records:
        console.print(
            "[bold]No event coded.[/bold] An event needs a trigger from the lexicon (see "
            "'Triggers') with a source or target actor attached by the parse."
        )
        return
    render_table([r.to_dict() for r in records], console, "Events")
    for record in records:
        label = record.event_type or "INCIDENT"
        console.print(
            f"[bold]{label}[/bold] {record.id}: {escape(record.explanation)}", highlight=False
        )
        console.print(trace_table(record, f"Rules: {label} {record.id}"))


def _parse_tables(coder: Coder, doc: Doc, actors: DocActors) -> tuple[Table, Table]:
    """One row a token, and the lexicon entry each trigger matched. Cells fold rather than end
    in '…', so an 80-column window or a file shows every word; the entries get a table of
    their own, where they can wrap."""
    parse = Table(title="Parse", expand=False)
    for column in ("#", "token", "lemma", "pos", "dep", "head", "entity", "actor"):
        parse.add_column(column, overflow="fold", min_width=len(column))
    triggers = Table(title="Triggers", expand=False, show_header=True)
    triggers.add_column("#", no_wrap=True)
    triggers.add_column("lexicon entry", overflow="fold")
    for token in doc:
        if token.is_space:
            continue
        mention = actors.at(token)
        actor = ", ".join(a.label() for a in mention.actors) if mention and mention.actors else ""
        if mention and mention.media:
            actor = "(media)"
        entry = coder.events.match(token)
        if entry is not None:
            triggers.add_row(f"{token.i} {escape(token.text)}", escape(describe_entry(entry)))
        parse.add_row(
            str(token.i),
            escape(token.text),
            escape(token.lemma_),
            token.pos_,
            token.dep_,
            f"{token.head.i}:{escape(token.head.text)}",
            token.ent_type_,
            escape(actor),
        )
    return parse, triggers


def _actor_table(actors: DocActors) -> Table:
    found = Table(title="Actors", expand=False)
    for column in ("text", "country", "sector", "kind", "name", "rule"):
        found.add_column(column, overflow="fold", min_width=len(column))
    for mention in actors.mentions:
        for a in mention.actors:
            found.add_row(
                escape(a.text),
                a.country or "-",
                a.sector or "-",
                a.kind,
                a.name or "-",
                escape(a.rule),
            )
    return found


# A candidate the finder kept but the record builder could not turn into a record.
UNRECORDED = "(record builder)"


def _told(trigger: Token, records: list[EventRecord]) -> bool:
    """Whether some record's trigger, or a word it lists in `also_told_by`, covers the token."""
    spans = [(r.trigger.start, r.trigger.end) for r in records if r.trigger is not None]
    for r in records:
        spans += [(int(w["start"]), int(w["end"])) for w in r.extra.get("also_told_by", [])]
    return any(start <= trigger.idx < end for start, end in spans)


def _dropped_table(dropped: Dropped) -> Table:
    """Triggers that matched but code nothing, each with the rule that dropped it and why."""
    table = Table(title="Matched but not coded", expand=False)
    table.add_column("trigger", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("why", overflow="fold")
    for token, rule_id in dropped:
        rule_id, _, why = rule_id.partition(": ")
        rule = REGISTRY.get(rule_id)
        summary = why or (rule.summary if rule else "")
        table.add_row(f"{token.i} {escape(token.text)}", rule_id, escape(summary))
    return table


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
