"""Records of acts PLOVER gives no type: a statement (CAMEO 01x) or an incident (an accident
or disaster that killed people). They share the fields every record takes from its sentence;
the type, mode, quad class and intensity stay empty, since no PLOVER type sets them."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from gestae.engine.records.merge import record_id
from gestae.engine.rules import Trace
from gestae.schema import Actor, Article, EventRecord, RecordKind, Trigger


def untyped_record(
    article: Article,
    sentence_index: int,
    sent: Span,
    kind: RecordKind,
    trigger: Trigger,
    trace: Trace,
    source: Actor | None = None,
    target: Actor | None = None,
    **fields: Any,
) -> EventRecord:
    """The record of kind `kind` on `trigger`; `fields` give what the kind sets itself (code,
    date, place, casualties, confidence ...)."""
    published = article.published
    return EventRecord(
        id=record_id(article.id, sentence_index, trigger.start, kind.upper(), source, target),
        article_id=article.id,
        published=published.isoformat() if published else None,
        sentence_index=sentence_index,
        sentence=sent.text.strip(),
        event_type=None,
        mode=None,
        quad_class=None,
        intensity=None,
        source=source,
        target=target,
        trigger=trigger,
        explanation=trace.explain(),
        kind=kind,
        rules=trace.ids(),
        **fields,
    )
