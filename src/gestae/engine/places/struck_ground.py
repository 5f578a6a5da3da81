"""The ground an incident struck, told by a relative clause on the incident the event happened
in: "killed in a bomb attack that rocked the X suburb of Y", "died in violence that has gripped
northern Mali". The clause's verb says the incident fell on that ground (`struck_verbs`)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import shared_conjuncts, tally
from gestae.engine.rules import rule
from gestae.resources.place_words import PlaceWords

STRUCK_VERBS = PlaceWords("struck_verbs")
# "killed in an attack that ...", "wounded during clashes that ...", "died amid unrest that ..."
_INCIDENT_PREPS = frozenset({"amid", "during", "in"})
_RELATIVE_WORDS = frozenset({"that", "which"})


@rule("place.incident-struck")
def incident_struck(trigger: Token, resolver: Resolver) -> Match | None:
    """An event in an incident that a relative clause says rocked, hit or swept a place happened
    there: "killed in an attack that rocked the Kabul suburb of Paghman" is at Paghman. Only
    when the relative word is the clause's subject, so the incident itself struck the place.

    Example: Six soldiers were killed in a bomb attack that rocked the Kabul suburb of Paghman.
    """
    matches: list[Match] = []
    # "five were killed and 77 wounded in an attack that ...": the tally's second verb holds it
    verbs = (trigger, *[v for v in shared_conjuncts(trigger) if tally(v)])
    for prep in (c for verb in verbs for c in verb.children):
        if prep.dep_ != "prep" or prep.lower_ not in _INCIDENT_PREPS:
            continue
        for incident in prep.children:
            if incident.dep_ != "pobj" or incident.pos_ != "NOUN":
                continue
            for clause in incident.children:
                if clause.dep_ != "relcl" or clause.lemma_.lower() not in STRUCK_VERBS:
                    continue
                if not any(
                    c.dep_ == "nsubj" and c.lower_ in _RELATIVE_WORDS for c in clause.children
                ):
                    continue
                for ground in clause.children:
                    if ground.dep_ == "dobj" and (found := resolver.resolve_phrase(ground)):
                        matches.append(found)
    return resolver.best(matches)
