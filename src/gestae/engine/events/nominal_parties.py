"""Parties named inside a noun the act takes or is: whom a charge denied was made by ("denied
charges by Chilean officials"), whom a talk named again is with ("his first summit with
X ... a second summit"), and whom a worry or a hope is about ("concern for Museveni's
health"). Each finds a party only where the words tie it to the noun, since a wrong target is
worse than none."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, pobj_actors, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child, objects, prep_child
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Nouns of a complaint: an accusation, a charge, a claim, a criticism.
COMPLAINT_NOUNS = words("reacted_complaints")
# Prepositions on a complaint noun that name who made it ("charges by X", "claims from X").
MAKER_PREPS = ("by", "from")
# Codes of an answer to a complaint: a denial (016), a disapproval (11), a rejection (12).
ANSWER_CODES = ("016", "11", "12")
CONSULTATION_NOUNS = words("consultation_nouns")
# Words that tell a consultation as one more of those told before ("a second summit").
REPEATED_WORDS = frozenset({"another", "second", "third", "further", "next", "new", "more"})
# Determiners of a consultation the article has named ("the talks", "those negotiations").
DEFINITE = frozenset({"the", "these", "those", "that", "this"})
# Prepositions of a consultation noun that name its parties.
PARTY_PREPS = ("with", "between")
# Prepositions that say what a consultation is about: a topic of its own is a new talk.
TOPIC_PREPS = ("on", "about", "over", "regarding", "concerning")
# Pessimistic (012) and optimistic (013) remarks: a worry, a doubt, a hope about something.
FEELING_CODES = frozenset({"012", "013"})
# Prepositions that say what a feeling is about ("concern over", "skeptical of").
FEELING_PREPS = ("about", "over", "for", "of", "at", "on", "regarding", "concerning")


@rule("target.charge-maker")
def charge_makers(q: Search, obj: Token) -> list[Mention] | None:
    """'denied charges by Chilean officials', 'rejected accusations from several African
    states': answering a complaint whose "by" or "from" phrase names who made it is aimed at
    them, as answering "Chile's charges" is. None when `obj` is no such complaint.

    Example: Peru denied charges by Chilean officials that it had armed the rebels.
    """
    if not q.ev.entry.cameo.startswith(ANSWER_CODES):
        return None
    if obj.lemma_.lower() not in COMPLAINT_NOUNS and obj.lower_ not in COMPLAINT_NOUNS:
        return None
    # The parse may hang the phrase on the verb ("denied the charges by the opposition"); a
    # passive's "by" is its doer, never the complaint's maker.
    heads = [obj] if _passive(q.token) else [obj, q.token]
    found: list[Mention] = []
    for head in heads:
        for word in MAKER_PREPS:
            prep = prep_child(head, word)
            if prep is not None and not found:
                found = _makers(q, prep)
    if not found:
        return None
    return q.found("target.charge-maker", found)


def _makers(q: Search, prep: Token) -> list[Mention]:
    """The actors a "by" or "from" phrase names; never a place or a thing ("from prison")."""
    return [m for m in pobj_actors(q.ev.grammar, prep, q.ev.actors) if m.actors]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


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
    while not holders and head.head is not head:
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


@rule("target.feeling-topic")
def feeling_topic(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'expressed concern for President Museveni's health', 'is skeptical of Peru's plan',
    'voiced optimism about Bolivian reforms': a worry or a hope is about the party its "about",
    "over", "for" or "of" phrase names, or whose the thing it names is; only a party with a
    country (never "concern for the victims"), and none from the feeling's own owner.

    Example: Chile expressed concern for President Boric's health on Monday.
    """
    if entry.cameo not in FEELING_CODES:
        return []
    for head in (token, *objects(token)):
        for word in FEELING_PREPS:
            prep = prep_child(head, word)
            obj = child(prep, {"pobj"}) if prep is not None else None
            if obj is None:
                continue
            found = with_country(actor_group(ev.grammar, obj, ev.actors, owner=True))
            if found:
                return ev.found("target.feeling-topic", found)
    return []
