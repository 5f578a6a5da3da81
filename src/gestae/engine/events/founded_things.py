"""What an agreed act creates is no party to it: "agreed to set up a joint committee", "pledged
to form a unity government". The thing founded does not exist yet, so it cannot be the target;
only a partner named with "with" ("set up a committee with Uganda") is one."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.mentions import pobj_actors
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import prep_child
from gestae.resources.word_classes import words

FOUNDING_VERBS = words("founding_verbs")
# Verbs that found only with their particle: "set up", "draw up".
FOUNDING_PARTICLES = {"set": "up", "draw": "up"}


def founds(comp: Token) -> bool:
    """Whether a complement verb creates its object ("set up", "establish", "form")."""
    lemma = comp.lemma_.lower()
    particle = FOUNDING_PARTICLES.get(lemma)
    if particle is not None:
        return any(c.dep_ == "prt" and c.lower_ == particle for c in comp.children)
    return lemma in FOUNDING_VERBS


@rule("target.founded-thing")
def founded_thing(q: Search, comp: Token) -> list[Mention] | None:
    """'Kenya and Uganda agreed to set up a joint committee': the complement creates its object,
    which is no target; the partner it is created with is ('... a committee with Uganda'), else
    there is none from the complement (a mutual act still pairs its conjoined doers). None when
    the complement founds nothing.

    Example: Kenya and Uganda agreed to set up a joint border committee.
    """
    if not founds(comp):
        return None
    q.ev.trace.add("target.founded-thing", f"what '{comp.text}' creates is no party")
    # "set up a committee with Uganda": the parse may hang the partner on the thing made
    holders = [comp, *(c for c in comp.children if c.dep_ in ("dobj", "obj"))]
    for holder in holders:
        prep = prep_child(holder, "with")
        if prep is not None:
            return pobj_actors(q.ev.grammar, prep, q.ev.actors)
    return []
