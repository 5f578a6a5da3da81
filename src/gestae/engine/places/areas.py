"""Administrative areas named with their noun: "Kalat district", "Ibi local government area".

The gazetteer keys an area by its name and noun, and a town often shares the name of the
district whose seat it is. These helpers let the resolver read the area a frame names.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.resources.gazetteer import Gazetteer, PlaceEntry

# Precisions of places large enough to hold an area ("the X area of Taraba State").
UNIT_PRECISIONS = frozenset({"admin1", "admin2", "country", "region"})


def is_unit(entry: PlaceEntry | None) -> bool:
    """Whether a place is a region or administrative unit, large enough to hold an area."""
    return entry is not None and entry.precision in UNIT_PRECISIONS


def local_government(frame: Token) -> bool:
    """Nigeria's "X local government area" (an LGA, its second-level unit) is an area noun
    although "area" alone is not."""
    return frame.lemma_.lower() == "area" and any(
        c.lower_ == "government" and c.dep_ == "compound" for c in frame.lefts
    )


def named_area(gaz: Gazetteer, town: PlaceEntry, name: str, frame: Token) -> PlaceEntry | None:
    """The admin1 or admin2 area the gazetteer knows as `name` plus the frame noun, in the
    town's country: "Kalat district" is the district, not the town Kalat that is its seat.
    Where the gazetteer spells the area without its noun, the province the town is the seat
    of and named alike stands for it ("Lamu county" is Lamu county, not Lamu town)."""
    spelled = (
        e
        for e in gaz.candidates(f"{name} {frame.text}")
        if e.precision in ("admin2", "admin1") and e.country == town.country
    )
    seat = (
        e
        for e in gaz.areas(name)
        if e.precision == "admin1" and e.country == town.country and e.name == town.admin1
    )
    return next(spelled, None) or next(seat, None)


def spelled_area(gaz: Gazetteer, name: str, frame: Token) -> PlaceEntry | None:
    """The admin1 or admin2 area whose own name holds the frame noun ("Plateau State"): the
    text names it exactly, ahead of a namesake without the noun abroad (Plateau, Benin)."""
    full = f"{name} {frame.text}"
    return next(
        (
            e
            for e in gaz.candidates(full)
            if e.precision in ("admin2", "admin1") and e.name.lower() == full.lower()
        ),
        None,
    )
