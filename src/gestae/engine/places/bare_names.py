"""Bare proper names in a locative phrase that the tagger does not call places.

The small English model tags many towns and villages of conflict news as organisations,
persons or dates ("killed in Mayadeen", "attacked Doron-Baga", "in Kwande"). After a
preposition that sets a scene ("in", "inside", "near", "outside") such a name is a place
unless something says it is a party or an institution: a determiner ("in the Senate"), an
institution word ("inside Evin Prison"), an entry of the actor dictionary ("in Hamas"), a
person's full name, a calendar name ("in March").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from gestae.engine.places.phrases import (
    AREA_NOUNS,
    ASSAULT_NOUNS,
    PERSON_ACTS,
    SETTLEMENT_NOUNS,
    is_frame,
)
from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.place_words import PlaceWords

BARE_NAME_PREPS = PlaceWords("bare_name_preps")
INSTITUTION_WORDS = PlaceWords("institution_words")
CALENDAR_NAMES = PlaceWords("calendar_names")
# Entity labels a bare place name may carry; places (GPE, LOC, FAC) are read elsewhere.
_MISTAGGED = frozenset({"", "ORG", "PERSON", "DATE"})


def is_bare_place_name(prep: Token, pobj: Token, start: int) -> bool:
    """The name `doc[start : pobj.i + 1]`, object of `prep`, reads as a place the tagger
    missed: no determiner, title, institution word, known party or calendar name."""
    if prep.lower_ not in BARE_NAME_PREPS or pobj.pos_ != "PROPN" or pobj.head.i != prep.i:
        return False
    if prep.head.pos_ != "VERB":
        return False  # on a verb only: "killed in X", not "a delegation in X" or "a raid in X"
    if pobj.ent_type_ not in _MISTAGGED or not pobj.text[:1].isupper() or pobj.text.isupper():
        return False
    words = pobj.doc[start : pobj.i + 1]
    if any(c.dep_ in ("det", "poss", "nummod") for c in pobj.children):
        return False
    if any(w.lower_ in INSTITUTION_WORDS or w.lower_ in CALENDAR_NAMES for w in words):
        return False
    if any(w.ent_type_ == "NORP" for w in words) or pobj.lemma_.lower() in ASSAULT_NOUNS:
        return False  # a headline's "Killed in Iraqi Raid"
    if pobj.ent_type_ == "PERSON" and len(words.text.split()) > 1:
        return False  # "in Ahmed Shah" is a person's name; "in Garin-Lawan" may be a village
    return not ActorDictionary.load().lookup(words.text)


# An initial inside a name ("Edward T. Adams"): places are not written with one.
_INITIAL = re.compile(r"^[A-Z]\.$")


def person_named(head: Token) -> bool:
    """A name the tagger calls a person that its own words show is one: a title or person noun
    right before it ("photographer Edward Adams", "spokesman Omar"), or an initial inside
    it ("Edward T. Adams"). Such a name is never read as a place, known or not."""
    if head.ent_type_ != "PERSON":
        return False
    words = [w for w in head.doc[head.left_edge.i : head.i + 1] if w.ent_type_ == "PERSON"]
    if len(words) > 1 and any(_INITIAL.match(w.text) for w in words):
        return True
    first = words[0].i if words else head.i
    if first == 0:
        return False
    before = head.doc[first - 1]
    if before.dep_ not in ("compound", "appos") and before.head.i != head.i:
        return False
    return _person_word(before)


def _person_word(word: Token) -> bool:
    """A title or a noun of a kind of person ("spokesman", "photographer", "commander")."""
    actors = ActorDictionary.load()
    lemma = word.lemma_.lower()
    return bool(actors.title(word.text) or actors.title(lemma) or actors.sector_of_noun(lemma))


def settlement_apposed(head: Token) -> bool:
    """ "In Dhamar Gurey, a small village in central Somalia": an appositive settlement or
    area noun says the name before it is a place, whatever the tagger calls it."""
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and is_frame(child):
            lemma = child.lemma_.lower()
            if lemma in SETTLEMENT_NOUNS or lemma == "camp" or lemma in AREA_NOUNS:
                return True
    return False


# Pronouns only a person is referred to by: "Ortiz was captured as he left".
_PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her"})


def described_person(head: Token) -> bool:
    """A name the sentence itself describes as a person, whatever the gazetteer says: an age
    or a person noun beside it ("Medina, 42,", "Castillo, a rebel commander,", "the 30-year-old
    Salinas"), "born in", a person noun as the verb's other subject, "his" in its own phrase
    ("Toledo and his bodyguards"), or "he" as the subject of a clause on the act done to it
    ("captured as he left"). A captured person is no town."""
    for child in head.children:
        if child.dep_ == "appos" and (child.like_num or _person_word(child)):
            return True
        if child.dep_ == "acl" and child.lower_ == "born":
            return True
        if child.dep_ == "amod" and child.lower_ == "old" and child.ent_type_ == "DATE":
            return True
    # "Toledo and his bodyguards", not "the battle for X along with his escorts"
    mates = [c for c in head.children if c.dep_ == "conj"]
    if any(w.lower_ in _PERSONAL_PRONOUNS and w.dep_ == "poss" for m in mates for w in m.children):
        return True
    verb = head.head
    if head.dep_ not in ("nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    for child in verb.children:
        if child.i != head.i and child.dep_ == head.dep_ and _person_word(child):
            return True  # "A former officer ..., Durango was captured"
    # "captured as he left": in "bombed in 1940, yet she scoffed" the clause is another act
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i > head.i]
    if any(
        w.dep_ == "nsubj" and w.lower_ in _PERSONAL_PRONOUNS for c in clauses for w in c.children
    ):
        return True
    return head.dep_ == "nsubjpass" and _acts_as_person(verb, clauses)


PERSON_ACT = "place.person-act"
declare(
    PERSON_ACT,
    """A name an act is done to is a person, not a town, when a clause on the act with no
    subject of its own tells what only a person does (`person_acts`): "Ortiz was captured while
    trying to flee", "Omar was captured after being wounded".

    Example: Maldonado was captured by soldiers while trying to flee the country.
    """,
    __name__,
)


def _acts_as_person(verb: Token, clauses: list[Token]) -> bool:
    """A subjectless clause on `verb` (an adverbial clause, or the gerund of its "after",
    "before" or "while" phrase) whose verb is one only persons do: its subject is the name."""
    gerunds = [
        c
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("after", "before", "while")
        for c in prep.children
        if c.dep_ == "pcomp" and c.tag_ in ("VBG", "VBN")  # "after being wounded"
    ]
    for clause in [*clauses, *gerunds]:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        words = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
        if any(w.lemma_.lower() in PERSON_ACTS for w in words):
            return True
    return False


declare(
    "place.calendar-name",
    """A month, weekday or feast (`calendar_names`) heading a place phrase is a day, however
    the tagger reads it: "in Thailand's restive South Saturday" has no place "Saturday".

    Example: Insurgents detonated a roadside bomb in the restive South Saturday.
    """,
    __name__,
)


# Actor dictionary roles whose names are never a place's: a people, a party.
_PARTY_ROLES = frozenset({"demonym", "organization"})


def names_people(text: str) -> bool:
    """Whether the actor dictionary reads `text` as a people, a nationality or an organisation
    ("Druze", "Sierra Leonean", "Hezbollah"): "the Druze area" is where a people lives and "a
    Hezbollah base" whose base it is; the name is no place's. The resolver asks it of a name
    with its article too ("an al-Qaida compound" is no place "Qaida")."""
    return any(e.role in _PARTY_ROLES for e in ActorDictionary.load().lookup(text))
