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
from gestae.resources.actor_dictionary import ActorDictionary

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


def _inside_name(party: Token, prep: Token) -> bool:
    """A phrase that belongs to the party's name ("al-Qaeda in Iraq", "the Islamic State in
    Iraq and Syria", "of" for "in"): the tagger keeps it inside the name, or the actor dictionary knows the
    name with it."""
    if prep.ent_type_ and prep.ent_iob_ == "I":
        return True
    doc = party.doc
    start = next(t.i for t in party.subtree if t.dep_ != "det")
    ends = [prep.right_edge.i + 1]
    ends.extend(c.right_edge.i + 1 for c in prep.children if c.dep_ == "pobj")
    words = [doc[start:end].text for end in ends] + [doc[start : end - 1].text for end in ends]
    # "the Islamic State in Iraq and Syria" is listed as "of Iraq and Syria"
    words.extend(w.replace(" in ", " of ") for w in list(words))
    return any(ActorDictionary.load().lookup(w) for w in words if w)


@rule("place.named-agent")
def named_agent(trigger: Token, resolver: Resolver) -> Match | None:
    """A named by-agent's locative phrase says where it acted, as a common noun's does
    (`place.argument-phrase`): "captured by the Northern Alliance in Afghanistan", "shot by
    Hamas gunmen near Gaza". A phrase the tagger keeps inside the name ("killed by the Islamic
    State in Iraq") is the group's name, not a place.

    Example: He was captured by the Northern Alliance in Afghanistan in 2001.
    """
    matches: list[Match] = []
    for agent in trigger.children:
        if agent.dep_ != "agent":
            continue
        for party in agent.children:
            if party.dep_ != "pobj" or party.pos_ != "PROPN":
                continue
            preps = [
                c for c in party.children if c.dep_ == "prep" and not _inside_name(party, c)
            ]
            matches.extend(
                m
                for m in resolver.locative_pps(party)
                if any(p.left_edge.i <= m.start and m.end <= p.right_edge.i + 1 for p in preps)
            )
    return resolver.best(matches)
