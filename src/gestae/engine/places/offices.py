"""The place whose office the event's victim holds: "Mexico's police chief was shot",
"gunmen killed Kandahar's governor". A late rule: any place the sentence sets wins over it.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import rule
from gestae.resources.place_words import PlaceWords

OFFICE_NOUNS = PlaceWords("office_nouns")
# The victim of the trigger: its passive subject or its object.
_VICTIM_DEPS = frozenset({"nsubjpass", "dobj"})
# An office held elsewhere: "Britain's ambassador to Iraq", "Iraq's envoy in Paris".
_POSTED_PREPS = frozenset({"at", "in", "to"})


def _posted(holder: Token) -> bool:
    """An office holder whose own phrase says where the office is held."""
    return any(c.dep_ == "prep" and c.lower_ in _POSTED_PREPS for c in holder.children)


def _victims(trigger: Token) -> list[Token]:
    """The trigger's victims, and those of the verb it is joined to when it has no subject
    of its own ("was shot and nearly killed")."""
    words = [trigger]
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    if trigger.dep_ == "conj" and not own_subject:
        words.append(trigger.head)
    return [c for word in words for c in word.children if c.dep_ in _VICTIM_DEPS]


@rule("place.office-owner")
def office_owner(trigger: Token, resolver: Resolver) -> Match | None:
    """A victim named as a place's office holder was struck where the office is, when nothing
    else in the sentence places the event: "Mexico's police chief was shot", "gunmen killed
    Kandahar's governor". Only holders of an office (`office_nouns`), never kin or belongings
    ("Houston's brother", "China's first bomb"), and not one posted elsewhere ("Britain's
    ambassador to Iraq").

    Example: Mexico's acting police chief was shot dead outside his home on Thursday.
    """
    matches: list[Match] = []
    for holder in _victims(trigger):
        if holder.lemma_.lower() not in OFFICE_NOUNS or _posted(holder):
            continue
        for owner in holder.children:
            if owner.dep_ == "poss" and owner.pos_ == "PROPN" and owner.ent_type_ in ("GPE", "LOC"):
                found = resolver.resolve_name(owner)
                if found is not None:
                    matches.append(found)
    return resolver.best(matches)
