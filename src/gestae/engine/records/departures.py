"""Leaving a body is cutting ties with it. The lexicon codes a withdrawal from an agreement or
an organisation named by its noun ("withdrew from the alliance") as SANCTION 161; a body named
by its own name ("withdrew from ECOWAS") matches only the bare withdrawal frame, a military
retreat (CAMEO 0874). This rule reads the name the dictionaries resolve instead."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.records.draft import Draft, state_of
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.resources.ontology import Ontology
from gestae.schema import Actor

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


EXPEL_CODE = "166"
# Owners that make the forces the doer's own: "ordered its troops to leave".
OWN_MARKERS = frozenset({"its", "their", "his", "her", "our"})


@rule("record.own-forces-out")
def own_forces_out(draft: Draft, ontology: Ontology) -> None:
    """A state that orders its own forces to leave ('Moscow ordered its troops to leave the
    town') withdraws them (RETREAT 0874); only another's forces are expelled (SANCTION 166).
    The withdrawal's target is the country of the place left, if the sentence names one.

    Example: Russia ordered its troops to leave Kherson on Wednesday.
    """
    if draft.cameo != EXPEL_CODE or not draft.sources:
        return
    verb = draft.candidate.trigger
    forces = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    # A country the doer took only from the article's context proves nothing about whose forces.
    home = {a.country for a in draft.sources if a.country and CONTEXT_COUNTRY not in a.rule}
    own = any(
        any(c.dep_ == "poss" and c.lower_ in OWN_MARKERS for c in f.children) for f in forces
    ) or (bool(home) and bool(draft.targets) and all(t.country in home for t in draft.targets))
    if not forces or not own:
        return
    left = [
        a
        for comp in verb.children
        if comp.dep_ == "xcomp"
        for obj in comp.children
        if obj.dep_ in ("dobj", "obj")
        for a in _place_states(draft, obj)
        if a.country not in home
    ]
    draft.trace.add(
        "record.own-forces-out", f"'{forces[0].text}' are its own: RETREAT {RETREAT_CODE}"
    )
    draft.retype(ontology, RETREAT_CODE)
    draft.targets = left


def _place_states(draft: Draft, obj: Token) -> list[Actor]:
    """The states a left place's words name ('leave Ukraine'), kept as states."""
    mention = draft.actors.at(obj)
    found = [a for a in mention.actors if a.country] if mention is not None else []
    return [
        state_of(a, a.country, "target: the country its forces leave") for a in found if a.country
    ]


@rule("record.home-departure")
def home_departure(draft: Draft) -> bool:
    """Forces that leave a town of their own country ('Malian troops left Bamako for Gao')
    move, they do not retreat: False drops the record. Leaving another's country or town
    ('the last US troops left Afghanistan') stays a withdrawal (RETREAT 0874).

    Example: Malian troops left Bamako for Gao on Monday.
    """
    if draft.cameo != RETREAT_CODE or draft.candidate.entry.lemma != "leave":
        return True
    home = {a.country for a in draft.sources if a.country}
    left = {draft.location.country} if draft.location is not None else set()
    left |= {t.country for t in draft.targets if t.country}
    if not home or not left or not left <= home:
        return True
    draft.trace.add("record.home-departure", "its own country's town left: a move, no retreat")
    return False
