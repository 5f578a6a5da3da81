"""An incident that is the subject of its own effect ("Saturday's blast killed 12 people").

News names a violent incident by its noun and dates the noun, not the verb: "Saturday's
blast killed 12", "the 2008 attack on Mumbai killed 166", "the raid, carried out on Sunday,
freed 40 hostages", "the siege, which began on Friday, left 20 dead". The verb tells what the
incident did as it happened, so the noun's date is the verb's.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.date_periods import words
from gestae.engine.rules import rule
from gestae.resources.word_classes import words as word_class

__all__ = ["effect_subject", "incident_subject"]

_SUBJECTS = frozenset({"nsubj"})


@rule("date.incident-subject")
def incident_subject(verb: Token) -> list[int]:
    """A simple-past act of an incident's kind (`episode_incidents`, `episode_acts` in
    data/dates.yaml: "killed", "freed", "wounded") whose subject is a violent incident's noun
    (`incident_nouns`: "the blast", "the raid") takes the date the noun is given: a
    possessive or premodifier ("Saturday's blast", "the 2008 attack"), a participle ("the
    raid, carried out on Sunday") or a relative clause saying when it happened ("the siege,
    which began on Friday"). The tokens returned are the noun and those clauses.

    Example: The raid, carried out on Saturday near Gao, killed six militants.
    """
    vocabulary = words().vocabulary
    if verb.tag_ != "VBD" or verb.lemma_.lower() not in (
        vocabulary.episode_incidents | vocabulary.episode_acts
    ):
        return []
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []
    noun = _incident_noun(verb)
    if noun is None:
        return []
    occurred = vocabulary.occurrence_verbs
    clauses = [
        c.i
        for c in noun.children
        if (c.dep_ == "acl" and c.tag_ == "VBN")
        or (c.dep_ == "relcl" and c.lemma_.lower() in occurred)
    ]
    return [noun.i, *clauses]


@rule("date.incident-effect")
def effect_subject(verb: Token) -> Token | None:
    """The referring incident noun ("the attack", "the raid"; `incident_nouns`) that is the
    subject of a simple-past effect with no date of its own ("The attack left 12 pupils
    wounded", "The raid killed 14 fighters and wounded six"; `episode_incidents`,
    `episode_acts`, `incident_effects`): the effect happened as the incident did, so it takes
    the day the article gives the incident (date.incident-retold finds it). "A blast",
    "another attack" and "the attacks" point to no one incident told before and are left
    alone, and so is a noun with details of its own ("the attack on a police station in
    Zaria"); "has killed", "would leave" are not told as done then.

    Example: Gunmen stormed a school in Kaduna on Friday. The attack left 12 pupils wounded.
    """
    vocabulary = words().vocabulary
    effects = (
        vocabulary.episode_incidents | vocabulary.episode_acts | word_class("incident_effects")
    )
    head = _effect_head(verb)
    if head.tag_ != "VBD" or any(
        t.lemma_.lower() not in effects or any(c.dep_ in ("aux", "auxpass") for c in t.children)
        for t in (verb, head)
    ):
        return None
    noun = _incident_noun(head)
    if noun is None:
        return None
    return noun if all(_bare(c) for c in noun.children) else None


def _incident_noun(verb: Token) -> Token | None:
    """The verb's subject when it is a violent incident's noun ("the blast", "the raid")."""
    noun = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if noun is None or noun.pos_ != "NOUN":
        return None
    return noun if noun.lemma_.lower() in words().vocabulary.incident_nouns else None


def _bare(child: Token) -> bool:
    """A word that names no detail of the incident's own: "the", "its", "deadly". "The attack
    on a police station in Zaria" or "the Zaria attack" may be another incident."""
    return child.dep_ in ("det", "poss", "amod", "punct") or (
        child.dep_ == "compound" and child.pos_ != "PROPN"
    )


def _effect_head(verb: Token) -> Token:
    """The verb whose subject an effect shares: its own, a subjectless conjunct's first verb
    ("killed nine soldiers and wounded 12"), or the verb that left its object so ("left 12
    pupils wounded")."""
    if verb.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "dobj":
        return verb.head.head
    return verb
