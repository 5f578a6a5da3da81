"""A named site or piece of ground "near" a town is where the event was, not the town: "at the
Sharon junction near Netanya", "patrolled the Lamu Island near Mombasa". The town is only the
landmark that tells a reader where the named place lies; when the gazetteer does not know the
named place, the rules find the town alone and would give it, a wrong place. The event keeps
the name, unresolved, inside the landmark's country and admin1.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import LOCATIVE_PREPS, SITE_NOUNS, THOROUGHFARE_NOUNS
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import declare
from gestae.resources.place_words import PlaceWords

NEAR_LANDMARK = "place.near-landmark"
declare(
    NEAR_LANDMARK,
    """A site, road or piece of ground with a name of its own that a "near" phrase sets by a
    town ("at the Sharon junction near Netanya", "patrolled the Lamu Island near Mombasa") is
    the place, not the town: the name is kept, unresolved, in the town's country. Never a
    party's name ("shot a Hamas commander near Gaza": a commander is no ground), and a
    nameless site ("a checkpoint near Nablus") keeps the town.

    Example: A bomber detonated a device at the Sharon junction near Netanya on Sunday.
    """,
    __name__,
)
GROUND_NAME_NOUNS = PlaceWords("ground_name_nouns")
# Prepositions of closeness: the object is a landmark, not the scene.
_NEAR_PREPS = frozenset({"near", "nearby"})
# Entity labels a site's name may not carry: a party or a people ("a Hamas post").
_PARTY_ENTS = frozenset({"ORG", "NORP"})


def _landmark_prep(doc_root: Token) -> Token | None:
    """The "near" preposition whose object is the found place, through a settlement noun's
    "of" ("near the village of Shebaa")."""
    word = doc_root
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
        word = word.head.head
    if word.dep_ == "pobj" and word.head.lower_ in _NEAR_PREPS:
        return word.head
    return None


def _named_ground(ground: Token) -> tuple[int, int] | None:
    """The token span of a site or ground noun's own name: "the Sharon junction", "the Lamu
    Island"; None when it has none or the name is a party's."""
    lemma = ground.lemma_.lower()
    if not any(lemma in words for words in (SITE_NOUNS, THOROUGHFARE_NOUNS, GROUND_NAME_NOUNS)):
        return None
    names = [
        c for c in ground.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < ground.i
    ]
    if not names or any(n.ent_type_ in _PARTY_ENTS for n in names):
        return None
    return names[0].left_edge.i, ground.i + 1


def _setting(ground: Token) -> bool:
    """The named ground is a setting (a locative phrase's object) or ground acted on; the rule
    that found the town has already tied its phrase to the event."""
    if ground.dep_ == "pobj":
        return ground.head.lower_ in LOCATIVE_PREPS
    return ground.dep_ in ("dobj", "nsubjpass")


def near_landmark(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The named ground a "near" phrase sets by the found town, unresolved in its country
    (`place.near-landmark`); else `found`."""
    if found.entry is None:
        return found
    doc = trigger.doc
    roots = [t for t in doc[found.start : found.end] if not found.start <= t.head.i < found.end]
    if len(roots) != 1:
        return found
    prep = _landmark_prep(roots[0])
    if prep is None or not _setting(prep.head):
        return found
    span = _named_ground(prep.head)
    if span is None:
        return found
    named = Match(None, span[0], span[1], container=found.entry)
    resolver.notes[span] = NEAR_LANDMARK
    return named
