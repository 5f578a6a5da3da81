"""A town written after a holder noun and a comma ("marched in the capital, Harare, on
Monday") that the small model hangs on the verb as an adverb instead of on the noun: it is the
town the holder noun names, as `place.held-name` reads the apposition when the parse gets it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import HOLDER_NOUNS, apposed_to_place
from gestae.engine.places.resolver import Resolver

HELD_NAME = "place.held-name"
# Where the parse hangs the slipped name: an adverb or an apposition of the verb.
SLIPPED_DEPS = frozenset({"npadvmod", "appos"})
# Prepositions that put the event inside the town; "outside the capital, X," or "near the
# capital, X," make the town a landmark of another place, not the scene.
WITHIN_PREPS = frozenset(
    {"in", "at", "across", "through", "throughout", "into", "inside", "within"}
)


def slipped_held(word: Token, owners: list[Token], resolver: Resolver) -> Iterator[Match]:
    """The town after "the capital," in the locative phrase of the word or of one of its
    arguments (`owners`: "joined a rally in the capital, Lome,"), hung on the word."""
    doc = word.doc
    # The parse hangs the name on the clause's verb: the word, or the light verb of its noun.
    hosts = {word.i, word.head.i, *(o.i for o in owners)}
    for prep in (c for owner in (word, *owners) for c in owner.children):
        if prep.dep_ != "prep" or prep.lower_ not in WITHIN_PREPS:
            continue
        for holder in prep.children:
            if holder.lemma_.lower() not in HOLDER_NOUNS or holder.i + 2 >= len(doc):
                continue
            name = doc[holder.i + 2]  # "the capital, Harare": holder, comma, name
            if name.head.i not in hosts or name.dep_ not in SLIPPED_DEPS or name.pos_ != "PROPN":
                continue
            if not apposed_to_place(name):
                continue
            found = resolver.resolve_name(name, located=True)
            if found is not None and found.entry is not None and found.entry.precision == "town":
                resolver.notes[(found.start, found.end)] = HELD_NAME
                yield found
