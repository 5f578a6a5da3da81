"""Whose a possessive phrase is: "his forces", "its jets", "their ambassadors" take the
country of the subject named before them in the same sentence (rule actor.possessor-country),
not that of a place the sentence names."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors
from gestae.engine.pair_owners import pair_owner_countries
from gestae.resources.word_classes import words
from gestae.schema import Actor

PERSON_POSSESSIVES = words("person_possessives")
BODY_POSSESSIVES = words("body_possessives")
POSSESSOR_RULE = "actor.possessor-country: the country of the possessor"
# The government a named leader heads ("the Assad regime"): a body "its" may stand for.
LEADER_BODY_NOUNS = words("leader_body_nouns")
LEADER_BODY_RULE = "reference.leader-body"
# A state's mission abroad: "its embassy" is the state's named before it, wherever it stands.
MISSIONS = words("foreign_missions")


def leader_body(actor: Actor) -> bool:
    """'the Trump administration', 'the Assad regime': a phrase the dictionary reads as its
    leader, though it names the government he heads, which 'its' can stand for (rule
    reference.leader-body)."""
    words_ = actor.text.split()
    return actor.kind == "person" and len(words_) > 1 and words_[-1].lower() in LEADER_BODY_NOUNS


def possessor_person(head: Token, found: DocActors) -> Actor | None:
    """'The army chief said his forces ...': the person a "his/her" before a sector noun points
    to, when it is the last person with a country named as a subject earlier in the same
    sentence (rule actor.possessor-country); "Israel's military said its jets struck ...": an
    "its/their" subject, the last subject before with a country, a body too. Nothing
    otherwise: a possessive pointing to another sentence's actor is left unresolved."""
    poss = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    word = poss[0].lower_ if poss else ""
    if word not in BODY_POSSESSIVES and word not in PERSON_POSSESSIVES:
        return None
    mission = head.lemma_.lower() in MISSIONS  # "said protesters attacked its embassy"
    if word in BODY_POSSESSIVES and head.dep_ not in ("nsubj", "nsubjpass") and not mission:
        return None  # "France recalled its ambassadors to Canberra": the act's own, kept open
    # "his/her" a person's, "its" a body's or state's, "their" either.
    kinds = {"person"} if word in PERSON_POSSESSIVES else {"state", "group", "organization"}
    if word in BODY_POSSESSIVES and word != "its":
        kinds.add("person")
    start = head.sent.start_char
    here = [
        a
        for a in found.subjects_seen
        if (a.kind in kinds or (word == "its" and leader_body(a)))
        and a.country
        and start <= a.start < poss[0].idx
    ]
    several = word != "its" and word in BODY_POSSESSIVES
    several = several and (len({a.country for a in here}) > 1 or _conjoined_subject(head))
    if not here or several:
        return None  # "Egypt and Turkey withdrew their ambassadors": whose is not said
    return here[-1]


def _conjoined_subject(head: Token) -> bool:
    """Whether the nearest subject above a phrase joins several ("Egypt and Turkey")."""
    for verb in head.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i]
        if subjects:
            return any(c.dep_ == "conj" for c in subjects[0].children)
    return False


def possessor_country(head: Token, found: DocActors, bits: list[str]) -> list[str | None]:
    """ "The army chief said his forces ...": the country of the person "his" points to; "the
    two countries' forces": the states of the pair (actor.pair-owner)."""
    holder = possessor_person(head, found)
    if holder is None or not holder.country:
        return pair_owner_countries(head, found, bits)
    body = f", the body ({LEADER_BODY_RULE})" if leader_body(holder) else ""
    bits.append(f"{POSSESSOR_RULE} ({holder.name or holder.text}{body}, {holder.country})")
    return [holder.country]
