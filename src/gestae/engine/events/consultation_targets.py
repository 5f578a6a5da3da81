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
    of it or in its "on" phrase is its topic, no target. None when `obj` is no such noun.

    Example: Norway hosted talks on Sudan with Egyptian officials.
    """
    if not consultation_noun(q, obj):
        return None
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
