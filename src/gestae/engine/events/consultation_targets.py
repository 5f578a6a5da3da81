"""Whom a consultation named by a noun is with: "attended the Ukraine talks", "hosted talks on
Sudan with Egyptian officials", "requested consultations with the United States". A name in front of the noun or in its "on" phrase is what the
talks are about (PLOVER's topic, never a party); only a "with", "between" or "of" phrase, or an
owner ("Iran's talks with the agency"), names the parties."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.mentions import actor_group, pobj_actors
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

CONSULTATION_NOUNS = words("consultation_nouns")
# Prepositions on a consultation noun that name its parties ("a meeting of Arab ministers").
PARTY_PREPS = ("with", "between", "of")


def consultation_noun(q: Search, obj: Token) -> bool:
    """Whether `obj` names a consultation the act takes part in, asks for, welcomes or stops
    ("attended the talks", "requested consultations with", "banned a meeting of")."""
    return obj.lemma_.lower() in CONSULTATION_NOUNS and obj.pos_ == "NOUN"


@rule("target.talks-topic")
def talks_parties(q: Search, obj: Token) -> list[Mention] | None:
    """'attended the Ukraine talks', 'hosted talks on Sudan with Egyptian officials': the parties
    of a consultation noun are its "with", "between" or "of" objects and its owner; a name in front
    of it or in its "on" phrase is its topic, no target; an outcome the consultation obtains
    names no party either (target.negotiated-outcome). None when `obj` is neither.

    Example: Norway hosted talks on Sudan with Egyptian officials.
    """
    if not consultation_noun(q, obj):
        return negotiated_with(q, obj)
    ev = q.ev
    found: list[Mention] = []
    for dependent in obj.children:
        if dependent.dep_ == "poss":
            found += actor_group(ev.grammar, dependent, ev.actors)
        elif dependent.dep_ == "prep" and dependent.lower_ in PARTY_PREPS:
            found += pobj_actors(ev.grammar, dependent, ev.actors)
    # "Armenia-Azerbaijan peace talks": names of two or more states in front are the parties;
    # one alone ("the Ukraine talks") is the topic.
    named = [m for t in obj.lefts if (m := ev.actors.at(t)) is not None and m.actors]
    if len({a.country for m in named for a in m.actors if a.country}) > 1:
        found += named
    parties = [m for i, m in enumerate(found) if m.actors and m not in found[:i]]
    listed = ", ".join(m.actors[0].label() for m in parties) or "none named"
    ev.trace.add("target.talks-topic", f"'{obj.text}': parties {listed}; its topic is no target")
    return parties


NEGOTIATED_OUTCOMES = words("negotiated_outcomes")
# CAMEO roots of consultation (04): meet, negotiate, mediate.
CONSULT_ROOT = "04"


@rule("target.negotiated-outcome")
def negotiated_with(q: Search, obj: Token) -> list[Mention] | None:
    """'negotiated her release with the captors', 'negotiated the release of the hostages with
    Hamas': what a consultation obtains names who it is for, not the party it is held with;
    only a "with" or "between" phrase (on the verb or in the outcome) names that party. None when
    `obj` is no outcome of a consultation.

    Example: Qatar negotiated the release of the hostages with Hamas.
    """
    if not q.ev.entry.cameo.startswith(CONSULT_ROOT) or obj.pos_ != "NOUN":
        return None
    if obj.lemma_.lower() not in NEGOTIATED_OUTCOMES:
        return None
    ev = q.ev
    found: list[Mention] = []
    # The parse may hang the phrase on the outcome's own "of" object ("the release of the
    # hostages with Hamas"), so the whole outcome phrase is read.
    for dependent in [*q.token.children, *obj.subtree]:
        if dependent.dep_ == "prep" and dependent.lower_ in ("with", "between"):
            found += pobj_actors(ev.grammar, dependent, ev.actors)
    parties = [m for i, m in enumerate(found) if m.actors and m not in found[:i]]
    listed = ", ".join(m.actors[0].label() for m in parties) or "none named"
    ev.trace.add("target.negotiated-outcome", f"'{obj.text}' obtained; parties {listed}")
    return parties
