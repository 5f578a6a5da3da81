"""The most specific place the text names: a place measured from a landmark is not the landmark.

"Mortar rounds hit houses in Qaryat Sufla, just south of Mosul": the bearing says where Qaryat
Sufla lies; the event was there, not in Mosul. The rules rank such a landmark below a place
named beside it, but when the gazetteer does not know the place and the tagger calls it a
person or an organisation ("at Kabwe Junction, 80 km north of the capital Lusaka"), no rule
keeps it, and the landmark, the one place the sentence is sure of, would win: a wrong place.
A name measured from a landmark is a place whatever the tagger says, so the event keeps that
name, unresolved, inside the landmark's country and admin1.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.phrases import ADVERBIAL_LOCATORS, LOCATIVE_PREPS
from gestae.engine.places.resolver import Match, Resolver

# How a landmark hangs below its bearing: "of [the capital] Lusaka", "of [the city of] X".
_LANDMARK_LINKS = frozenset({"pobj", "appos", "compound"})
# Nouns a landmark may be named by before its name: "north of the capital Lusaka".
_LANDMARK_NOUNS = frozenset({"capital", "city", "town", "village"})


def measured_place(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The name a landmark's bearing measures ("X, 50 km west of Y" gives X) when `found` is
    that landmark Y and X is the object of a locative preposition; else `found`. X is the
    gazetteer's place when it knows one in the landmark's country, else unresolved."""
    if found.entry is None:
        return found
    doc = trigger.doc
    bearing = _bearing_of(doc[found.end - 1])
    if bearing is None:
        return found
    name_end = bearing.left_edge.i
    if name_end < 1 or doc[name_end - 1].text != ",":
        return found
    head = doc[name_end - 2] if name_end >= 2 else None
    if head is None or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return found
    # "in X, north of Y", "at X Junction, 80 km north of Y": the name is itself a setting
    root = head
    while root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    if root.i != head.i or root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE_PREPS:
        return found
    known = resolver.resolve_name(head, located=True)
    if known is not None and known.entry is not None:
        return known if known.entry.country == found.entry.country else found
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i:
        start -= 1
    return Match(None, start, head.i + 1, container=found.entry)


def _bearing_of(landmark: Token) -> Token | None:
    """The compass word or distance a landmark is the "of" object of: "north" in "just north of
    Mosul", "west" in "50 km west of the capital Lusaka"."""
    word = landmark
    for _ in range(4):
        if word.dep_ == "pobj" and word.head.lower_ == "of":
            locator = word.head.head
            return locator if locator.lower_ in ADVERBIAL_LOCATORS else None
        if word.dep_ not in _LANDMARK_LINKS or word.head.i == word.i:
            return None
        if word.dep_ == "appos" and word.head.lemma_.lower() not in _LANDMARK_NOUNS:
            return None
        word = word.head
    return None
