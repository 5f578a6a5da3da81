"""Whom a reaction to an act noun is aimed at, found writing wire stories on the United
Nations: 'the General Assembly condemned the invasion of Guyana' is aimed at the invader, and
the 'of' object of an act of force is whom it struck, not whose act it was."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

CONDEMNED_ACTS = words("condemned_acts")
# CAMEO roots of a reaction to what another did: praise (05), disapproval (11), rejection (12).
REACTION_ROOTS = ("05", "11", "12")
# Dependents of the act noun that name its doer: "Russia's invasion", "the raid by police".
DOER_DEPS = frozenset({"poss"})
DOER_PREPS = frozenset({"by"})
# The preposition that names whom or what the act struck: "the invasion of Ukraine".
PATIENT_PREPS = frozenset({"of"})
# What an act of force strikes that is no party to a reaction: a state, a place, a mission.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
MISSIONS = words("foreign_missions")


def struck_object(cameo: str, obj: Token) -> bool:
    """The reaction's object is an act of force with no doer word of its own (the test of
    target.act-patient, without its trace)."""
    if not cameo.startswith(REACTION_ROOTS) or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    if obj.lemma_.lower() not in CONDEMNED_ACTS and obj.lower_ not in CONDEMNED_ACTS:
        return False
    # Only "the invasion of X": "blamed attacks on militants" names whom it blames. People
    # struck stay the target ("condemned the killing of the Chilean reporter": CHL JRN);
    # a state, a place or a mission struck does not.
    struck = [
        p
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ in PATIENT_PREPS
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if not any(p.ent_type_ in PLACE_ENTS or p.lemma_.lower() in MISSIONS for p in struck):
        return False
    # "the bombing of rebel positions by Nigerian jets": the parse may hang the doer lower.
    doer_words = [t for t in obj.subtree if t.dep_ in ("prep", "agent") and t.lower_ in DOER_PREPS]
    return not doer_words and not any(c.dep_ in DOER_DEPS for c in obj.children)


@rule("target.act-patient")
def act_patient(ev: Event, obj: Token) -> bool:
    """A reaction whose object is an act of force with no doer of its own, struck on a state,
    a place or a mission ("condemned the invasion of Ukraine", "the bombing of its embassy"),
    is aimed at the act's doer, never at where the act struck (people struck stay the
    target, "the killing of the Chilean reporter"): the 'of' object gives no target, nor does a place in
    it (thing_targets.held_over keeps it from record.implicit-target too), and the doer is found as record.condemned-act-doer finds it, or not at all.
    "Russia's invasion of Georgia" and "the raid by police" keep their doer.

    Example: The African Union condemned the invasion of Somalia.
    """
    if not struck_object(ev.entry.cameo, obj):
        return False
    ev.trace.add("target.act-patient", f"'{obj.text}' names whom the act struck, not its doer")
    return True
