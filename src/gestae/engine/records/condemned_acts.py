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
    aim_at_doer_told,
    definite_object,
    reaction_trigger,
)
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import EventRecord

CONDEMNED_ACTS = words("condemned_acts")
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
DISAPPROVAL_ROOT = "11"


@rule("record.condemned-act-doer")
def condemned_act_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'Rebels shelled Goma on Monday. Kenya condemned the attack': disapproving an act the
    article told before, named with "the" and no doer of its own, is aimed at that act's one
    doer.

    Example: Rebels shelled a market in Goma on Monday. Kenya condemned the attack.
    """
    trigger = reaction_trigger(record, sent, earlier, lambda c: c.startswith(DISAPPROVAL_ROOT))
    if trigger is None:
        return None
    obj = definite_object(trigger)
    if obj is None or obj.lemma_.lower() not in CONDEMNED_ACTS:
        return None
    why = f"target: '{obj.text}' is the act sentence {{index}} told, done by it"
    acts = lambda r: r.event_type in FORCE_TYPES  # noqa: E731
    return aim_at_doer_told(record, earlier, acts, "record.condemned-act-doer", why)
