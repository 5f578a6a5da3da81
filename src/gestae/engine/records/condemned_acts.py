"""Whom a condemnation of an act told before is aimed at. News tells an attack, then the
reactions: "An Israeli airstrike killed a commander in Beirut. Lebanon condemned the strike."
The condemning sentence names no doer, so the record had no target; "the strike" is the act
just told, and disapproving it is aimed at whoever did it.

Narrow, since a wrong target is worse than none: only a disapproval (CAMEO 11x) with no target,
whose object is a definite act noun ("the strike", "this attack") with no doer of its own;
only from the nearest of the three sentences before that tells an act of force; only when
that sentence names exactly one doer; never the condemner itself.
"""

from __future__ import annotations

from spacy.tokens import Span

from gestae.engine.records.carried_sources import (
    Earlier,
    doer_told_before,
    reaction_trigger,
    with_actor,
)
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import EventRecord

CONDEMNED_ACTS = words("condemned_acts")
CONDEMNED_RULINGS = words("condemned_rulings")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
RULING_TYPES = frozenset({"SANCTION"})  # "the verdict": a conviction or sentence told before
DISAPPROVAL_ROOT = "11"
REACH = 3


@rule("record.condemned-act-doer")
def condemned_act_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'Rebels shelled Goma on Monday. Kenya condemned the attack': disapproving an act the
    article told before, named with "the" and no doer of its own, is aimed at that act's one
    doer. A verdict, sentence or ruling criticised so ("the EU criticised the verdict") is
    aimed at the court whose conviction or sentence the article told.

    Example: Rebels shelled a market in Goma on Monday. Kenya condemned the attack.
    """
    trigger = reaction_trigger(record, sent, earlier, lambda c: c.startswith(DISAPPROVAL_ROOT))
    if trigger is None:
        return None
    obj = next((c for c in trigger.root.children if c.dep_ == "dobj"), None)
    lemma = obj.lemma_.lower() if obj is not None else ""
    types = FORCE_TYPES if lemma in CONDEMNED_ACTS else RULING_TYPES
    if obj is None or (lemma not in CONDEMNED_ACTS and lemma not in CONDEMNED_RULINGS):
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
        return None
    found = doer_told_before(record, earlier, lambda r: r.event_type in types, REACH)
    if found is None:
        return None
    index, doer = found
    why = f"target: '{obj.text}' is the act sentence {index} told, done by it"
    return with_actor(record, "target", doer, "record.condemned-act-doer", why)
