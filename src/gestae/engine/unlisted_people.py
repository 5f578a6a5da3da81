"""The person a "he" most likely is when a name no actor stands on comes between.

"Nop Vy, the group's director, told reporters the ruling was unjust. He called for an appeal."
The tagger may not even take "Nop Vy" for a person's name, so the mention names no actor; a
"he" that looked only at actors would pass over him to a known person named further back and
give that person the appeal. A name that is the subject of a clause between that known person
and the pronoun, in the pronoun's sentence or the one before, and that is tagged a person or
says something, is who "he" most likely is:
- when the name is part of the full name of one person named before ("Geir Pedersen ... .
  Pedersen said ... . He called for ..."), the pronoun is that person
  (rule reference.surname-subject);
- otherwise the pronoun is left unresolved, since a wrong doer is worse than none
  (rule reference.unlisted-person).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from gestae.engine.mentions import DocActors
from gestae.resources.word_classes import words
from gestae.schema import Actor

UNLISTED_RULE = "reference.unlisted-person"
SURNAME_RULE = "reference.surname-subject"
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Verbs of saying (word class speech_verbs): an untagged name that says something is a person's.
_SAYING = words("speech_verbs")


@dataclass(frozen=True)
class Speaker:
    """A name subject between a pronoun and the person it would otherwise point to: the one
    person named before whose name holds it, or None when no one (or more than one) does."""

    word: Token
    person: Actor | None


def name_subject_between(token: Token, after: int, found: DocActors) -> Speaker | None:
    """The last name subject that no actor stands on, from character `after` on and before a
    subject pronoun, in its sentence or the one before."""
    if token.dep_ not in _SUBJECT_DEPS:
        return None
    doc, sent = token.doc, token.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for word in reversed(doc[start : token.i]):
        if word.idx >= after and word.dep_ in _SUBJECT_DEPS and _unplaced_name(word, found):
            return Speaker(word, named_before(word, found))
    return None


def _unplaced_name(word: Token, found: DocActors) -> bool:
    """A name heading a subject that names no actor: tagged a person, or untagged and saying."""
    if word.pos_ != "PROPN" or word.ent_type_ not in ("", "PERSON"):
        return False
    name = [word, *(c for c in word.children if c.dep_ == "compound" and c.pos_ == "PROPN")]
    if any((m := found.at(t)) is not None and m.actors for t in name):
        return False
    return word.ent_type_ == "PERSON" or word.head.lemma_.lower() in _SAYING


def named_before(word: Token, found: DocActors) -> Actor | None:
    """The one person named before whose name holds the word ("Pedersen": Geir Pedersen)."""
    key = word.lower_
    fits = {
        a.name or a.text: a
        for a in found.persons_seen
        if a.start < word.idx and key in (a.name or a.text).lower().split()
    }
    return next(iter(fits.values())) if len(fits) == 1 else None
