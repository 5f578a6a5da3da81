"""Tree helpers the dates stage reads a clause with: is a token a verb, finite, past; which
verb carries an event's tense. Kept apart from engine/dates.py, which decides attachment."""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.rules import rule
from gestae.engine.syntax import article_gerund
from gestae.resources.lexicon import Lexicon

__all__ = [
    "clause_verb",
    "determined_gerund",
    "has_subject",
    "is_finite",
    "is_past",
    "is_past_event",
    "is_verb",
    "light_carrier",
    "span_root",
]

_PRESENT_AUX_TAGS = frozenset({"VBP", "VBZ", "MD"})


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


@rule("date.determined-gerund")
def determined_gerund(tok: Token) -> bool:
    """An "-ing" word the parser calls a verb but an article makes a noun, the object of a
    preposition ("exchanged fire at the Torkham crossing late on Monday"): a date under it
    dates the verb above, as it would under any noun of place.

    Example: Guards clashed at the Kashi crossing on Sunday.
    """
    return article_gerund(tok)


def is_finite(tok: Token) -> bool:
    if "Fin" in tok.morph.get("VerbForm", []):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.lower_ != "to"
        for c in tok.children
    )


def span_root(span: Span) -> Token:
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span.root


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def is_past(tok: Token) -> bool:
    """True for "planned to" / "was going to", which are not future from the article's view."""
    if tok.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)


def clause_verb(trigger: Token) -> Token | None:
    """The finite verb whose tense the trigger's event takes: the trigger itself, the verb an
    event noun is an argument of, or the verb a participle or infinitive hangs from."""
    cur = trigger
    if not is_verb(cur):
        head = cur.head
        if head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.i == cur.i or not is_verb(head):
            return None
        cur = head
    for _ in range(3):
        if is_finite(cur) or cur.head.i == cur.i or not is_verb(cur.head):
            break
        cur = cur.head
    return cur


def is_past_event(trigger: Token) -> bool:
    """Simple past or past perfect ("stormed", "had been arrested"), not "have attacked"."""
    verb = clause_verb(trigger)
    if verb is None:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in _PRESENT_AUX_TAGS or c.lower_ == "to" for c in aux):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.tag_ == "VBD" for c in aux))


def light_carrier(trigger: Token) -> Token:
    """The light verb whose object noun is the act ("launched an offensive", "staged a raid":
    `light_verbs` in triggers.yaml): its clause is the act's clause; any other trigger is its
    own."""
    head = trigger.head
    light = head.lemma_.lower() in Lexicon.load().light_verbs
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and head.i != trigger.i and light:
        return head
    return trigger
