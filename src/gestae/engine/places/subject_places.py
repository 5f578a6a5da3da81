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
from gestae.engine.places.phrases import (
    ACTING_INCIDENT_NOUNS,
    ASSAULT_NOUNS,
    CONTEST_NOUNS,
    is_any_frame,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import (
    arguments,
    own_place,
    participles_on,
    phrase_places,
    setting,
)
from gestae.engine.rules import declare, rule
from gestae.engine.syntax import of_objects, pobjs
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


def _incident_word(noun: Token) -> bool:
    """An attack, fight, violent incident or weapon noun: "attack", "shelling", "car bomb"."""
    lemma = noun.lemma_.lower()
    return (
        lemma in ASSAULT_NOUNS
        or lemma in CONTEST_NOUNS
        or lemma in ACTING_INCIDENT_NOUNS
        or lemma in _ATTACK_MEANS
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
            if held and _incident_word(held[0]):
                found.extend([held[0], subject])  # "a wave of attacks on Monday across Iraq"
        elif _incident_word(subject):
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


SUBJECT_ELSEWHERE = "place.subject-elsewhere"
declare(
    SUBJECT_ELSEWHERE,
    """A place in the subject's own phrase that lies in another country than the trigger's own
    locative phrase says where the subject is now, not where the act was: "the 30 refugees in
    Dadaab were captured in Somalia" were captured in Somalia. A subject's place in the same
    country may still be the more specific scene ("the 30 refugees in Dadaab were captured in
    Kenya" is at Dadaab).

    Example: The 30 refugees in Dadaab were captured in Somalia.
    """,
    __name__,
)


def own_over_subject(trigger: Token, resolver: Resolver) -> Match | None:
    """The trigger's own locative place, when only a place of another country in its
    subject's phrase outranked it (`place.subject-elsewhere`)."""
    own = resolver.best(resolver.locative_pps(trigger))
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own is None or own.entry is None or not subjects:
        return None
    spans = [(s.left_edge.i, s.right_edge.i) for s in subjects]
    pool = [m for _, m in setting(trigger, resolver)]
    inside = [m for m in pool if any(a <= m.start and m.end - 1 <= b for a, b in spans)]
    rest = resolver.best([m for m in pool if m not in inside])
    if rest is None or (rest.start, rest.end) != (own.start, own.end):
        return None
    # an unknown name ("a shop in the X area") may be a part of the place the trigger names
    if any(m.entry is None or m.entry.country == own.entry.country for m in inside):
        return None
    resolver.notes[(own.start, own.end)] = SUBJECT_ELSEWHERE
    return own
