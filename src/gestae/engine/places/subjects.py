"""Places carried by the trigger's subject when that subject is itself an incident: "an attack
on a police post in Kano killed three", "shelling by army units in Ramadi killed nine". The
incident happened where its phrases put it, and what it did happened there too.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import (
    ASSAULT_NOUNS,
    CONTEST_NOUNS,
    INCIDENT_ACTS,
    SCENE_EVENT_NOUNS,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import phrase_places
from gestae.engine.rules import rule

# Phrases that compare or date the incident, not place it: "an attack like the one in Madrid".
_UNPLACED_PREPS = frozenset({"like", "unlike", "than", "since", "before", "after", "from"})


def _incident(subject: Token) -> bool:
    """A subject that names an incident: an assault, fight or scene noun ("the attack",
    "clashes", "a blast"), or a gerund of a violent act ("shelling by the army")."""
    lemma = subject.lemma_.lower()
    if subject.dep_ == "nsubj" and subject.pos_ == "NOUN":
        return lemma in ASSAULT_NOUNS or lemma in CONTEST_NOUNS or lemma in SCENE_EVENT_NOUNS
    return subject.dep_ == "csubj" and subject.tag_ == "VBG" and lemma in INCIDENT_ACTS


def _placed_phrases(subject: Token) -> list[Token]:
    """The subject's prepositional phrases that may place it (not comparisons or origins)."""
    return [
        prep
        for prep in subject.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ not in _UNPLACED_PREPS
    ]


@rule("place.incident-subject")
def incident_subject(trigger: Token, resolver: Resolver) -> Match | None:
    """An incident the trigger's subject names sets the scene through its phrases, however
    deep: "an attack on a police post in Kano killed three", "shelling by army units in
    Ramadi killed nine". Only an incident, never a party ("militants from camps in Pakistan
    killed six" says where the militants came from); comparisons and origins ("an attack like
    the one in Madrid", "a raid from bases in Chad") are not read.

    Example: An attack on a police post in Kano killed three officers on Monday.
    """
    matches: list[Match] = []
    for subject in trigger.children:
        if not _incident(subject):
            continue
        for prep in _placed_phrases(subject):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    matches.extend(phrase_places(pobj, resolver))
    return resolver.best(matches)
