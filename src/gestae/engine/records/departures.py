"""Leaving a body is cutting ties with it. The lexicon codes a withdrawal from an agreement or
an organisation named by its noun ("withdrew from the alliance") as SANCTION 161; a body named
by its own name ("withdrew from ECOWAS") matches only the bare withdrawal frame, a military
retreat (CAMEO 0874). This rule reads the name the dictionaries resolve instead."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.ontology import Ontology

RETREAT_CODE = "0874"
TIES_CODE = "161"
# Sector of an intergovernmental body ("ECOWAS", "the African Union").
BODY_SECTOR = "IGO"
# Words that lead to what is left: "withdrew from", "pulled out of".
LEAVING_PREPS = frozenset({"from", "of"})


def _left(verb: Token) -> list[Token]:
    """The objects of 'from' or 'out of' on the verb or on its particle ('pulled out of')."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "prt" or c.lower_ == "out")]
    return [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in LEAVING_PREPS
        for o in p.children
        if o.dep_ == "pobj"
    ]


@rule("record.left-body")
def left_body(draft: Draft, ontology: Ontology) -> None:
    """A state withdrawing from an intergovernmental body the dictionaries name ('Mali and
    Niger withdrew from ECOWAS') cuts ties with it (SANCTION 161), as 'withdrew from the
    alliance' does; it is no military retreat.

    Example: Burkina Faso withdrew from ECOWAS in January.
    """
    if draft.cameo != RETREAT_CODE:
        return
    bodies = []
    for obj in _left(draft.candidate.trigger):
        mention = draft.actors.at(obj)
        if mention is not None and any(a.sector == BODY_SECTOR for a in mention.actors):
            bodies.append(obj)
    if not bodies:
        return
    draft.trace.add("record.left-body", f"'{bodies[0].text}' left: SANCTION {TIES_CODE}")
    draft.retype(ontology, TIES_CODE)
