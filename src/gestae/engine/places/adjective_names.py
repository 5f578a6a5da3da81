"""A place's name that the tagger reads as an adjective of its frame noun.

"In southern Aleppo countryside", "in western Kasese district": the small tagger often tags a
town's name before a frame noun as an adjective (and sometimes as a nationality), which the
frame's own names (compounds, and adjectives only when tagged a place) leave out. Read it when
the gazetteer knows the word as a place where the sentence is, and the actor dictionary does
not read it as a people ("the Syrian countryside", "the Kurdish region" name no town).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from gestae.engine.places.bare_names import names_people
from gestae.engine.places.match import Match
from gestae.engine.places.phrases import COMPASS_WORDS
from gestae.engine.rules import declare
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.gazetteer import Gazetteer

ADJECTIVE_NAME = "place.adjective-name"
declare(
    ADJECTIVE_NAME,
    """A town's name hung on a frame noun as an adjective, however the tagger labels it, is the
    frame's name when the gazetteer knows it in a country the sentence or article names (or it
    is a city) and the actor dictionary reads no people in it: "in southern Aleppo
    countryside" is Aleppo's countryside, "the Syrian countryside" names no place.

    Example: Warplanes struck rebel positions in southern Aleppo countryside on Monday.
    """,
    __name__,
)
# A city this large is the place its name says without a hint (as for names acted on).
_CITY_POPULATION = 100_000
# Words that are no names whatever their case.
_TAGS = frozenset({"ADJ", "PROPN"})
# What an adjective may name: a town or an administrative area. A country's adjective is its
# demonym, and "Baltic", "Caribbean", "Pacific" name seas and regions, never a frame's own name
# ("the three Baltic states").
_NAMED = frozenset({"town", "admin1", "admin2"})


def _candidate(word: Token) -> bool:
    """A capitalised adjective inside the sentence, not a compass word ("Eastern Province")."""
    if word.dep_ != "amod" or word.pos_ not in _TAGS or not word.text[:1].isupper():
        return False
    if word.is_sent_start or word.lower_ in COMPASS_WORDS or not word.is_alpha:
        return False
    return word.ent_type_ in ("", "NORP") or word.ent_type_ in PLACE_ENTITY_TYPES


def adjective_name(frame: Token, gaz: Gazetteer, hints: Sequence[str]) -> Match | None:
    """The place an adjective on `frame` names (`place.adjective-name`), or None."""
    for word in frame.lefts:
        if not _candidate(word) or names_people(word.text):
            continue
        # its own name only: "Jewish" is an alternate name of Russia's Jewish Autonomous Oblast
        entry = gaz.lookup(word.text, hints, alternates=False)
        if entry is None or entry.precision not in _NAMED:
            continue
        hinted = {gaz.country_code(hint) for hint in hints}
        if entry.country in hinted or entry.population >= _CITY_POPULATION:
            return Match(entry, word.i, word.i + 1)
    return None
