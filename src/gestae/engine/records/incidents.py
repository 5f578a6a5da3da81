"""Deaths and injuries from accidents and disasters: records of kind "incident"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.actors import DocActors
from gestae.engine.casualties import casualties, is_casualty_verb, is_incident_cause
from gestae.engine.dates import resolve_date
from gestae.engine.places import Gazetteer, locate_event
from gestae.engine.records.untyped import untyped_record
from gestae.engine.rules import Trace, rule
from gestae.resources.contexts import sentence_contexts
from gestae.schema import Article, EventRecord, Trigger


@rule("record.incident")
def incident_records(
    article: Article,
    sentence_index: int,
    sent: Span,
    actors: DocActors,
    gazetteer: Gazetteer,
    valid_contexts: frozenset[str],
) -> list[EventRecord]:
    """People killed or hurt by an accident or disaster: an incident, not a political act.

    No political actor did it, so it has no PLOVER type; its casualties still count.

    Example: A ferry capsized on Lake Victoria, killing twenty passengers.
    """
    out = []
    for token in sent:
        if not is_casualty_verb(token) or any(c.dep_ == "neg" for c in token.children):
            continue
        cause = _cause(token)
        if cause is None:
            continue
        fatalities, injured = casualties(token)
        if fatalities is None and injured is None:
            continue
        trace = Trace()
        trace.add("record.incident", f"'{cause.text}' {token.lemma_}s people: no PLOVER type")
        trigger = Trigger(text=token.text, start=token.idx, end=token.idx + len(token))
        out.append(
            untyped_record(
                article,
                sentence_index,
                sent,
                "incident",
                trigger,
                trace,
                contexts=sentence_contexts(sent, valid_contexts),
                cameo=None,
                goldstein=None,
                date=resolve_date(token, article.published),
                location=locate_event(token, gazetteer, actors.countries()),
                negated=False,
                modality="asserted",
                reported_by=None,
                fatalities=fatalities,
                injured=injured,
                confidence=0.6,
            )
        )
    return out


def _cause(verb: Token) -> Token | None:
    """What killed, when it names an accident or disaster: "a ferry sinking", "the flood",
    "the drowning ... that killed", or the clause a participle hangs from ("capsized, killing")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB":
        subject = verb.head
    if subject is None:
        return None
    around = [subject.head] if subject.pos_ == "VERB" and subject.dep_ == "acl" else []
    for token in (subject, *subject.children, *around):
        # The clause's own subject counts too: "a fire swept the market, killing six".
        modifies = token.i == subject.i or token.dep_ in ("acl", "compound", "amod", "relcl")
        if subject.pos_ == "VERB" and (token.dep_ == "nsubj" or token in around):
            modifies = True  # or the noun the parse hung the clause on ("A fire swept ...")
        if modifies and is_incident_cause(token):
            return token
    return None
