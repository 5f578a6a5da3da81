"""A name the text calls a village is not a sizeable town abroad that shares it; a name the
tagger calls an organisation is not a small one."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from gestae.engine.mentions import compound_text
from gestae.engine.places.match import Match
from gestae.engine.rules import rule
from gestae.resources.gazetteer import Gazetteer, PlaceEntry

# Frame nouns for settlements smaller than a town.
VILLAGE_NOUNS = frozenset({"hamlet", "village"})
# A village of more people than this is a town the text would not call a village.
VILLAGE_MAX = 50_000


def village_namesake(frame: Token, entry: PlaceEntry, gaz: Gazetteer, hints: Sequence[str]) -> bool:
    """Whether `entry`, read for a name `frame` calls a village, is a large town elsewhere."""
    if frame.lemma_.lower() not in VILLAGE_NOUNS:
        return False
    if entry.precision != "town" or entry.population <= VILLAGE_MAX:
        return False
    return _unhinted(entry, gaz, hints)


def _unhinted(entry: PlaceEntry, gaz: Gazetteer, hints: Sequence[str]) -> bool:
    """No country the article points to is the place's."""
    return entry.country not in {gaz.country_code(hint) for hint in hints}


def name_frame(name: Token) -> Token:
    """The frame noun a name is written with: "the village of X" (its "of"), "X village"."""
    return name.head.head if name.dep_ == "pobj" and name.head.lower_ == "of" else name.head


@rule("place.village-size")
def village_size(
    frame: Token,
    found: Match | None,
    gaz: Gazetteer,
    hints: Sequence[str],
    notes: dict[tuple[int, int], str],
) -> Match | None:
    """A name framed as a village ("the village of X", "X village") whose only reading is a
    town of over 50,000 people in a country the article does not point to is a namesake, not
    the village: "the village of Kuki" in a story of raids is no Japanese city. The name stays
    unresolved, so it sets no country for the event or its actors.

    Example: Gunmen killed eleven farmers in the village of Kuki on Tuesday.
    """
    if found is None or found.entry is None:
        return found
    if not village_namesake(frame, found.entry, gaz, hints):
        return found
    notes[(found.start, found.end)] = "place.village-size"
    return None


def framed_lookup(gaz: Gazetteer, name: Token, hints: Sequence[str]) -> PlaceEntry | None:
    """The gazetteer's reading of a name with its compound words, none when the text calls it
    a village and the reading is a large town elsewhere (`place.village-size`), or when the
    tagger calls the name an organisation and the reading is a small town elsewhere
    (`organisation_namesake`)."""
    entry = gaz.lookup(compound_text(name), hints)
    if entry is None or village_namesake(name_frame(name), entry, gaz, hints):
        return None
    return None if organisation_namesake(name, entry, gaz, hints) else entry


# A town the tagger's organisation may still be: a city this large is read whatever the tag.
ORGANISATION_TOWN_MIN = 100_000


def organisation_namesake(
    name: Token, entry: PlaceEntry, gaz: Gazetteer, hints: Sequence[str]
) -> bool:
    """A name the tagger calls an organisation ("Honda's hybrid models") that the gazetteer
    knows only as a town of under 100,000 people in a country the article does not point to
    is the organisation, and gives the phrase it owns no country; a city ("Kharkiv's power
    plant", tagged the same way) or a town of the article's country is still read."""
    if name.ent_type_ != "ORG" or entry.precision != "town":
        return False
    return entry.population < ORGANISATION_TOWN_MIN and _unhinted(entry, gaz, hints)
