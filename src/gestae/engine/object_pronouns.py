"""Whom an object "him" or "her" stands for when its own sentence names that person plainly,
before the last person who was a subject further back is tried.

- "The army removed Mugabe and jailed him": the object of a verb joined to an earlier verb
  whose object is one person is that person (rule reference.shared-object).
- "Mendoza was convicted on three of the charges against him": a pronoun in a charge or
  accusation phrase is the subject of its clause, when that subject is one person: an actor
  of kind person, or a name no actor stands on that is part of one person's name told
  before (rule reference.charged-subject).

Otherwise nothing is decided here: a wrong person is worse than the usual reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import pointer
from gestae.engine.rules import rule
from gestae.engine.unlisted_people import named_before
from gestae.resources.word_classes import words
from gestae.schema import Actor

SHARED_OBJECT_RULE = "reference.shared-object"
PARTICIPLE_OBJECT_RULE = "reference.participle-object"
CHARGED_SUBJECT_RULE = "reference.charged-subject"
_OBJECT_PRONOUNS = frozenset({"him", "her"})
_PARTICIPLE_PRONOUNS = frozenset({"them", "him", "her"})
# Nouns of a charge or claim made against someone ("the charges against him", "the case
# against her"): the person they are against is the one the clause is about.
_CHARGE_NOUNS = words("charge_nouns") | {"case", "complaint", "lawsuit"}
_SUBJECTS = ("nsubj", "nsubjpass")


def object_antecedent(token: Token, found: DocActors) -> tuple[Actor, str] | None:
    """The person an object pronoun stands for by its own sentence, and the rule that says so."""
    if token.lower_ not in _OBJECT_PRONOUNS or token.pos_ != "PRON":
        return None
    shared = _shared_object(token, found)
    if shared is not None:
        return shared, SHARED_OBJECT_RULE
    charged = _charged_subject(token, found)
    if charged is not None:
        return charged, CHARGED_SUBJECT_RULE
    return None


def _one_person(word: Token, found: DocActors) -> Actor | None:
    mention = found.at(word)
    if mention is None or len(mention.actors) != 1 or word.pos_ == "PRON":
        return None  # a name said again ("Bashir" after "Omar al-Bashir") is one too
    actor = mention.actors[0]
    if actor.kind != "person" or id(actor) in found.plural_ids or word.tag_ in ("NNS", "NNPS"):
        return None
    return actor


def _shared_object(token: Token, found: DocActors) -> Actor | None:
    """ "removed Mugabe and jailed him": the one person object of the first verb."""
    verb = token.head
    if token.dep_ != "dobj" or verb.dep_ != "conj" or verb.pos_ != "VERB":
        return None
    first = verb.head
    if first.pos_ != "VERB" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None  # "police arrested Ali and a court jailed him": another clause
    objects = [c for c in first.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ == "conj" for c in objects[0].children):
        return None
    return _one_person(objects[0], found)


def _charged_subject(token: Token, found: DocActors) -> Actor | None:
    """ "X was convicted on the charges against him": the clause's one person subject."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return None
    noun = token.head.head
    if noun.lemma_.lower() not in _CHARGE_NOUNS:
        return None
    verb = noun
    while verb.dep_ in ("prep", "pobj", "dobj") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < token.i]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    actor = _one_person(subject, found)
    if actor is not None:
        return actor
    if found.at(subject) is not None or subject.pos_ != "PROPN":
        return None
    return named_before(subject, found)


@rule(PARTICIPLE_OBJECT_RULE)
def participle_object(token: Token, found: DocActors) -> Mention | None:
    """ "Peru expelled two Bolivian diplomats, accusing them of spying": the object of a
    participle that hangs on a verb is that verb's one object, when the number agrees ("them"
    a plural or several actors, "him" or "her" one person). Without it a plural of people,
    being no group, leaves "them" unresolved and the accusation with no target.

    Example: Peru expelled two Bolivian diplomats on Monday, accusing them of spying.
    """
    verb = token.head
    if token.lower_ not in _PARTICIPLE_PRONOUNS or token.dep_ != "dobj" or verb.tag_ != "VBG":
        return None  # "accusing it of": the object-pronoun rules of "it" decide
    main = verb.head
    if verb.dep_ != "advcl" or main.pos_ != "VERB" or main.i > verb.i:
        return None
    objects = [c for c in main.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ == "conj" for c in objects[0].children):
        return None
    mention = found.at(objects[0])
    if mention is None or not mention.actors or mention.reference:
        return None
    many = len(mention.actors) > 1 or objects[0].tag_ in ("NNS", "NNPS")
    if many != (token.lower_ == "them"):
        return None
    if not many and mention.actors[0].kind != "person":
        return None
    what = f"{mention.actors[0].text} ({PARTICIPLE_OBJECT_RULE})"
    return pointer(token, mention.actors, what, whole_phrase=False)
