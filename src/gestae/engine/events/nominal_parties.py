"""Parties named inside a noun the act takes or is: whom a talk named again is with ("his
first summit with X ... a second summit"). It finds a party only where the words tie it to the
noun, since a wrong target is worse than none."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import pobj_actors, with_country
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child, prep_child
from gestae.resources.word_classes import words

CONSULTATION_NOUNS = words("consultation_nouns")
# Words that tell a consultation as one more of those told before ("a second summit").
REPEATED_WORDS = frozenset({"another", "second", "third", "further", "next", "new", "more"})
# Determiners of a consultation the article has named ("the talks", "those negotiations").
DEFINITE = frozenset({"the", "these", "those", "that", "this"})
# Prepositions of a consultation noun that name its parties.
PARTY_PREPS = ("with", "between")
# Prepositions that say what a consultation is about: a topic of its own is a new talk.
TOPIC_PREPS = ("on", "about", "over", "regarding", "concerning")


@rule("target.repeated-talks")
def repeated_talks(ev: Event, token: Token) -> list[Mention]:
    """'praised his first summit with X and said he was working on a second summit', 'officials
    in negotiations with X were moved ... less emphasis on the talks': a consultation noun
    that names no party of its own is with the party of the consultation named before it in
    its sentence, or in the sentence before when it is told as the same or one more ("the
    talks", "a second summit"). Only a party with a country other than the doer's; a talk with
    a topic of its own there ("talks on trade") is taken for a new one; the talk before must
    be held by the doer's side (in the same sentence, by no one named).

    Example: Kenya praised its first summit with Uganda and planned a second summit for May.
    """
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CONSULTATION_NOUNS:
        return []
    if any(prep_child(token, word) is not None for word in (*PARTY_PREPS, *TOPIC_PREPS)):
        return []
    sent = token.sent
    before = [t for t in sent if t.i < token.i]
    if sent.start > 0 and _told_again(token):
        before = list(token.doc[sent.start - 1].sent) + before
    own = _doer_countries(ev, token)
    for word in reversed(before):
        if word.pos_ != "NOUN" or word.lemma_.lower() not in CONSULTATION_NOUNS:
            continue
        held_by = _doer_countries(ev, word)
        if not (held_by & own or (not held_by and word.sent == sent)):
            continue  # another side's talk ("Chile met Peru. Bolivia plans a second summit")
        found: list[Mention] = []
        for prep_word in PARTY_PREPS:
            prep = prep_child(word, prep_word)
            if prep is not None:
                found += with_country(pobj_actors(ev.grammar, prep, ev.actors))
        found = [m for m in found if not {a.country for a in m.actors} & own]
        if found:
            return ev.found("target.repeated-talks", found, f"'{word.text}' told before")
    return []


def _told_again(token: Token) -> bool:
    """'the talks', 'a second summit': a consultation told as one named before, or one more."""
    return any(
        c.lower_ in DEFINITE or c.lower_ in REPEATED_WORDS
        for c in token.children
        if c.dep_ in ("det", "amod", "advmod")
    )


def _doer_countries(ev: Event, token: Token) -> set[str]:
    """Countries of whoever holds the consultation: the noun's owner, else the subject of the
    verb it hangs from; the party of an earlier talk that shares one is the doer's own side."""
    holders: list[Token] = [c for c in token.children if c.dep_ == "poss"]
    head = token
    while not holders and head.head.i != head.i:  # spaCy makes a new Token each access
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subject = child(head, SUBJECT_DEPS)
            if subject is not None:
                holders.append(subject)
    countries: set[str] = set()
    for holder in holders:
        mention = ev.actors.at(holder)
        if mention is not None:
            countries |= {a.country for a in mention.actors if a.country}
    return countries
