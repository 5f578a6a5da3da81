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
from gestae.engine.places.phrases import SPREAD_PREPS, incident_noun, is_any_frame
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import arguments, own_place, participles_on, phrase_places
from gestae.engine.rules import rule
from gestae.engine.syntax import of_objects, pobjs
from gestae.resources.word_classes import words

_ATTACK_SERIES = words("attack_series")
# Phrases that compare, date or trace the incident, not place it: "an attack like the one in
# Madrid", "the worst blast since the bombing in Bali", "rockets from Gaza".
_UNPLACED_PREPS = frozenset(
    {"like", "unlike", "than", "since", "before", "after", "following", "from", "against"}
)


def _subject_verb(trigger: Token) -> Token:
    """The verb whose subject does the trigger's act: the trigger, or the verb a later verb of
    a toll ("killed 22 and wounded 90") or an adverbial participle ("exploded, killing nine")
    without a subject of its own hangs on."""
    verb = trigger
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            break
        participle = verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")
        if not (verb.dep_ == "conj" or participle) or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    return verb


def _incidents(trigger: Token) -> list[Token]:
    """The incident subjects that do the trigger's act, and the attacks a series gathers ("a
    wave of bombings")."""
    found: list[Token] = []
    for subject in _subject_verb(trigger).children:
        if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
            continue
        if subject.lemma_.lower() in _ATTACK_SERIES:
            held = [pobj for pobj in of_objects(subject) if pobj.pos_ == "NOUN"]
            if held and incident_noun(held[0]):
                found.extend([held[0], subject])  # "a wave of attacks on Monday across Iraq"
        elif incident_noun(subject):
            found.append(subject)
    return found


def _subject_places(subject: Token, resolver: Resolver) -> list[Match]:
    """The places the incident's own phrases give, however deep, and those of a participle on
    it ("a bomb targeting a train in Sindh"); never a comparison, a time or an origin."""
    matches = resolver.locative_pps(subject)
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ in _UNPLACED_PREPS:
            continue
        for pobj in pobjs(prep):
            # a spread places a series of attacks even on a bare name ("attacks across Iraq");
            # elsewhere "across" needs a frame noun ("across the border")
            if prep.lower_ in SPREAD_PREPS and not is_any_frame(pobj):
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


@rule("place.shared-participle")
def shared_participle(trigger: Token, resolver: Resolver) -> Match | None:
    """A verb joined to another under its subject ("was shot and killed") shares the participle
    that says where that subject was: "a man riding a motorcycle in Nablus was shot and
    killed" is at Nablus for "killed" as for "shot" (`place.participle-phrase`). Participles of
    origin ("born in", "stationed in") say nothing of the scene.

    Example: A farmer working in his field near Jenin was shot and killed on Monday.
    """
    verb = _subject_verb(trigger)
    if verb.i == trigger.i:
        return None
    clauses = participles_on([*arguments(verb)])
    return resolver.best([m for clause in clauses if (m := own_place(clause, resolver))])
