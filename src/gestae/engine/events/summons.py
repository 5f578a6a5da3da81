"""Who summoned an envoy when the passive names no agent: the office the envoy was summoned
to. "The Iranian ambassador was summoned to the Czech foreign ministry" is the Czech
government's summons (CAMEO 114), as "the Czech foreign ministry summoned ..." is."""

from __future__ import annotations

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import pobj_actors
from gestae.engine.rules import rule

# Verbs that summon, with the particle a phrasal one needs ("was called in").
SUMMON_VERBS = frozenset({("summon", ""), ("call", "in")})


@rule("source.summoned-to")
def summoned_to(ev: Event) -> list[Mention]:
    """An envoy summoned "to" a ministry or an office, with no "by", was summoned by the
    state that office belongs to.

    Example: The Iranian ambassador was summoned to the Czech foreign ministry on Monday.
    """
    verb = ev.clause
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if (verb.lemma_.lower(), particle) not in SUMMON_VERBS:
        return []
    envoys = [ev.actors.at(c) for c in verb.children if c.dep_ == "nsubjpass"]
    # "the French envoy was summoned to the ministry": a bare office that takes the envoy's
    # own country from the sentence says nothing of who summoned him.
    own = {a.country for m in envoys if m is not None for a in m.actors}
    found: list[Mention] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        found += [
            m
            for m in pobj_actors(ev.grammar, prep, ev.actors)
            if m.actors and not any(a.country in own for a in m.actors)
        ]
    return ev.found("source.summoned-to", found)
