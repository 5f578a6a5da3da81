"""States a sentence names that are no party to its act, whatever the implicit-target
fallback (records/fallbacks.py) would make of them: one person of a people ("a Kenyan"), and
the state of the place where people named in words were acted on ("dozens were arrested in
the Ethiopian town of Gondar": the people, not Ethiopia)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.place_words import PlaceWords
from gestae.schema import Actor

TOWN_FRAMES = PlaceWords("named_place_frames")
AREA_NOUNS = PlaceWords("area_nouns")


def one_of_a_people(first: Token) -> bool:
    """ "X, a lawmaker and an ethnic Somali", "a Kenyan": a demonym after an indefinite
    article is one person of that people, who describes someone, not the state."""
    return first.tag_ == "DT" and "Ind" in first.morph.get("Definite", [])


@rule("record.place-demonym")
def place_demonym(draft: Draft, found: Actor) -> bool:
    """A demonym on a town, a city or a province ("the Ethiopian town of Gondar") says where
    the act was: when the act names in words whom it was done to, that state is no target of
    it. With no one named, the fallback's reading stands.

    Example: Dozens of people were arrested in the Ethiopian town of Gondar.
    """
    if not draft.unnamed:
        return False
    words = [t for t in draft.sent if t.idx == found.start]
    frame = words[0].head.lemma_.lower() if words else ""
    if frame not in TOWN_FRAMES and frame not in AREA_NOUNS:
        return False
    draft.trace.add("record.place-demonym", f"'{words[0].head.text}' is where, not whom")
    return True
