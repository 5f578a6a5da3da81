"""Places told inside the subject that does the act: an attack, a blast or a weapon whose own
phrases say where it struck ("a bomb attack on a mosque in northwest Pakistan killed 11", "a
wave of attacks across Iraq killed 30", "a bomb targeting a train in Sindh killed five"). What
such a subject did happened where it was. A party as subject ("militants from camps in
Pakistan killed six") says where the doers came from instead, so only incidents and weapons
are read.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import ASSAULT_NOUNS, CONTEST_NOUNS, is_any_frame
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import own_place, participles_on, phrase_places
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

_ATTACK_MEANS = words("attack_means")
_ATTACK_SERIES = words("attack_series")
# Phrases that compare, date or trace the incident, not place it: "an attack like the one in
# Madrid", "the worst blast since the bombing in Bali", "rockets from Gaza".
_UNPLACED_PREPS = frozenset(
    {"like", "unlike", "than", "since", "before", "after", "following", "from", "against"}
)
# Prepositions of a spread over ground, which place a series of attacks even on a bare name
# ("attacks across Iraq"); elsewhere "across" needs a frame noun ("across the border").
_SPREAD_PREPS = frozenset({"across", "throughout"})


def _acting_incident(subject: Token) -> bool:
    """An active subject that names an attack, a fight or a weapon: "a bomb attack", "a car
    bomb", "shelling", "a wave of bombings"."""
    if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.lower()
    return lemma in ASSAULT_NOUNS or lemma in CONTEST_NOUNS or lemma in _ATTACK_MEANS


def _incidents(trigger: Token) -> list[Token]:
    """The incident subjects that do the trigger's act, the one a later verb of a toll shares
    ("a bomb killed 22 and wounded 90") included, and the attacks a series gathers."""
    verb = trigger
    for _ in range(2):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    found: list[Token] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() in _ATTACK_SERIES:
            held = [
                pobj
                for prep in subject.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"
            ]
            found.extend(p for p in held if _acting_incident_word(p))
            if held and _acting_incident_word(held[0]):
                found.append(subject)  # "a wave of attacks on Monday across Iraq"
        elif _acting_incident(subject):
            found.append(subject)
    return found


def _acting_incident_word(noun: Token) -> bool:
    """An attack, fight or weapon noun whatever its role ("a wave of [bombings]")."""
    lemma = noun.lemma_.lower()
    return lemma in ASSAULT_NOUNS or lemma in CONTEST_NOUNS or lemma in _ATTACK_MEANS


def _subject_places(subject: Token, resolver: Resolver) -> list[Match]:
    """The places the incident's own phrases give, however deep, and those of a participle on
    it ("a bomb targeting a train in Sindh"); never a comparison, a time or an origin."""
    matches = resolver.locative_pps(subject)
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ in _UNPLACED_PREPS:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ in _SPREAD_PREPS and not is_any_frame(pobj):
                spread = resolver.resolve_phrase(pobj)
                matches.extend([spread] if spread is not None else [])
            elif pobj.pos_ == "NOUN":
                matches.extend(phrase_places(pobj, resolver))
    matches.extend(m for c in participles_on([subject]) if (m := own_place(c, resolver)))
    return matches


@rule("place.acting-incident")
def acting_incident(trigger: Token, resolver: Resolver) -> Match | None:
    """An attack, a blast or a weapon that does the act is where its own phrases put it,
    however deep: "a bomb attack on a mosque in northwest Pakistan killed 11", "a wave of
    attacks across Iraq killed 30", "a bomb targeting a train in Sindh killed five and wounded
    30" (the toll's later verb shares it). Only such subjects, never a party ("gunmen from
    camps in Chad killed six"), and never a comparison, time or origin ("an attack like the
    one in Madrid").

    Example: A bomb attack on a crowded mosque in northern Nigeria killed 11 worshippers.
    """
    return resolver.best([m for s in _incidents(trigger) for m in _subject_places(s, resolver)])
