"""Whom a reaction to a decision or an accusation told before is aimed at. Diplomatic news
tells a step, then the other side's answer: "The EU imposed sanctions on Iran on Monday.
Tehran condemned the decision." or "Poland accused Minsk of spying. Belarus denied the
accusation." The answering sentence names only "the decision" or "the accusation", so the
record had no target, though the answer is plainly aimed at whoever took the step.

Narrow, since a wrong target is worse than none: only a disapproval or a rejection (CAMEO 11x,
12x) or a denial statement (016) with no target, whose object is a definite noun of a step
taken ("the decision", "the move", "these measures") or of a charge ("the accusation", "the
allegations") with no doer of its own; only from the nearest of the three sentences before that
tells a step of that kind (a charge: an accusation; a step: an act of pressure or a
concession); only when that sentence names exactly one doer; never the reacting actor itself.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from gestae.engine.records.carried_sources import Earlier, doer_told_before, with_actor
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor, EventRecord

DECISION_NOUNS = words("reacted_decisions")
CHARGE_NOUNS = words("reacted_charges")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# The steps "the decision" or "the move" retells: acts of pressure and concessions.
STEP_TYPES = frozenset(
    {"SANCTION", "COERCE", "THREATEN", "MOBILIZE", "REJECT", "CONCEDE", "RETREAT"}
)
REACTION_ROOTS = ("11", "12")
DENIAL = "016"
REACH = 3


def _reaction(record: EventRecord) -> bool:
    """A disapproval or rejection event, or a denial statement, with no target, not denied."""
    if record.target is not None or record.negated or not record.cameo:
        return False
    if record.kind == "statement":
        return record.cameo == DENIAL
    return record.kind == "event" and record.cameo.startswith(REACTION_ROOTS)


def _object(trigger: Span) -> Token | None:
    """The definite noun the reaction is about, bare of any word that could name a doer of
    its own ("the decision by Kenya", "Kenya's move", "the congressional move" name theirs)."""
    for tok in trigger:
        for child in tok.children:
            if child.dep_ != "dobj":
                continue
            kids = list(child.children)
            if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids):
                return None
            if any(c.dep_ not in ("det", "punct") and c.lower_ != "as" for c in kids):
                return None  # "condemned the decision as illegal" keeps it bare
            return child
    return None


def _own_state(record: EventRecord, doer: Actor) -> bool:
    """The doer told before may be the reacting actor's own state, named without a body
    ("both Afghan rivals accused each other ... a spokesman for the president rejected the
    accusations"): no other side to aim the reaction at."""
    source = record.source
    if source is None or doer.country is None or doer.country != source.country:
        return False
    return doer.sector is None or doer.sector == source.sector


@rule("record.reacted-step-doer")
def reacted_step_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'The EU imposed sanctions on Iran. Tehran condemned the decision': a reaction to a
    step or a charge the article told before, named with "the" and no doer of its own, is
    aimed at that step's or charge's one doer.

    Example: Chile expelled two Bolivian diplomats on Monday. La Paz condemned the decision.
    """
    if not earlier or not _reaction(record):
        return None
    trigger = sent.doc.char_span(record.trigger.start, record.trigger.end, "expand")
    obj = None if trigger is None else _object(trigger)
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    acts: Callable[[EventRecord], bool]
    if lemma in CHARGE_NOUNS:
        acts = lambda r: r.event_type == "ACCUSE"  # noqa: E731
    elif lemma in DECISION_NOUNS:
        acts = lambda r: r.event_type in STEP_TYPES  # noqa: E731
    else:
        return None
    found = doer_told_before(record, earlier, acts, REACH)
    if found is None:
        return None
    index, doer = found
    if _own_state(record, doer):
        return None
    why = f"target: '{obj.text}' is the step sentence {index} told, taken by it"
    return with_actor(record, "target", doer, "record.reacted-step-doer", why)
