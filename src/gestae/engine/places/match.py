"""A place phrase as the resolver found it (`Match`), how specific it is, and how several
names of one phrase contain each other: a site inside a town, a named quarter of its owner, a
suburb inside its city. Kept apart from resolver.py, which finds the names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from gestae.engine.places.phrases import SITE_NOUNS, THOROUGHFARE_NOUNS
from gestae.resources.gazetteer import PlaceEntry

# Smaller rank = more specific; used when several place phrases attach to one event. A name in
# a frame below the town ("the X camp") is the most specific of all; a bare unknown name ranks
# below a known town, since it may not be a place at all.
SPECIFICITY = {
    "framed": -1,
    "town": 0,
    "unresolved": 0.5,
    "admin2": 1,
    "admin1": 1,
    "region": 2,
    "water": 2,
    "country": 3,
    "continent": 4,
}
# Sites named for their use, not for their ground: "the Victoria Hotel in Warsaw" happened in
# Warsaw. Camps, bases and checkpoints are kept: they are places of their own.
OWN_GROUND = frozenset({"airbase", "base", "camp", "checkpoint", "compound", "port"})


@dataclass(frozen=True, slots=True)
class Match:
    """A place phrase: its gazetteer entry (None when unresolved) and token span."""

    entry: PlaceEntry | None
    start: int  # token indices, end exclusive
    end: int
    framed: bool = False  # named by a frame below the town: "the X neighbourhood"
    floor: float = -1  # no more specific than this: "Kandahar province" is not the city
    # for an unresolved name, the known place the text puts it in ("the X district of Mogadishu")
    container: PlaceEntry | None = None

    @property
    def rank(self) -> float:
        if self.framed:
            return max(SPECIFICITY["framed"], self.floor)
        precision = self.entry.precision if self.entry is not None else "unresolved"
        return max(SPECIFICITY.get(precision, 9), self.floor)

    def at_least(self, floor: float) -> Match:
        """The same place ranked no more specific than `floor`."""
        return Match(
            self.entry, self.start, self.end, self.framed, max(self.floor, floor), self.container
        )

    def inside(self, others: Sequence[Match]) -> Match:
        """An unresolved name with the most specific known place among `others` as its
        container, so the event keeps the country the text gives it."""
        if self.entry is not None or self.container is not None:
            return self
        known = [m for m in others if m.known is not None and m.known.country]
        if not known:
            return self
        outer = min(known, key=lambda m: (m.rank, m.start)).known
        return Match(None, self.start, self.end, self.framed, self.floor, outer)

    @property
    def known(self) -> PlaceEntry | None:
        """The gazetteer's entry, or for an unresolved name the known place it lies in."""
        return self.entry if self.entry is not None else self.container


def site_in_town(found: Match, head: Token, around: Sequence[Match]) -> Match | None:
    """A named building, street or market the gazetteer does not know, set in a known town
    ("outside the Plaza Hotel in New York", "on Qanat Street in Baghdad", "the Sadriya
    market in central Baghdad"): the town is the place, with its point; the site's name is
    no place a map can show."""
    if found.entry is not None:
        return None
    lemma = head.lemma_.lower()
    site = (lemma in SITE_NOUNS or lemma in THOROUGHFARE_NOUNS) and lemma not in OWN_GROUND
    if not (site or head.ent_type_ == "FAC"):
        return None
    towns = [m for m in around if m.entry is not None and m.rank <= SPECIFICITY["town"]]
    return min(towns, key=lambda m: (m.rank, m.start)) if towns else None


def owned_names(matches: list[Match], own: list[Match], owners: list[Match]) -> list[Match]:
    """ "Baghdad's Dora district", "Yala's Yaha district": the owner contains the named place,
    so the name ranks above it; a name the gazetteer puts in another country than its owner is
    a namesake (Dora, Alabama) and reads as an unknown part of the owner."""
    countries = {m.entry.country for m in owners if m.entry is not None}
    # "Chhattisgarh's Bijapur district": an owner province names the province its part is in,
    # so a namesake in another province of the same country (Bijapur, Karnataka) is no reading.
    provinces = {
        (m.entry.country, m.entry.admin1)
        for m in owners
        if m.entry is not None and m.entry.precision == "admin1"
    }
    starts = {m.start for m in own}
    out: list[Match] = []
    for m in matches:
        # a sea or region has no country: "Georgia's Black Sea coast" is the Black Sea
        country = m.entry.country if m.entry is not None else None
        foreign = country is not None and bool(countries) and country not in countries
        foreign = foreign or _other_province(m.entry, provinces)
        if m.start in starts and foreign:
            m = Match(None, m.start, m.end, m.framed, m.floor)
        out.append(m)
    top = max((m.rank for m in out if m.start in starts), default=0.0)
    return [m.at_least(top + 0.01) if m in owners else m for m in out]


def _other_province(
    entry: PlaceEntry | None, provinces: set[tuple[str | None, str | None]]
) -> bool:
    """A place below a province that lies in another province of the owner's country."""
    if entry is None or entry.precision in ("admin1", "country") or not entry.admin1:
        return False
    same_country = {admin1 for country, admin1 in provinces if country == entry.country}
    return bool(same_country) and entry.admin1 not in same_country


def quarters(own: list[Match], owners: list[Match]) -> list[Match]:
    """A district or neighbourhood the gazetteer does not know, named inside a known town
    ("Mogadishu's Yaqshid district", "the neighbourhood of X in Baghdad"), is a part of that
    town: more specific than it, however the frame ranks areas."""
    # "the X area of Baghdad's Y district": Y lies in Baghdad, so X does too
    towns = [m.known for m in owners if m.known is not None and m.known.precision == "town"]
    if not towns:
        return []
    return [Match(None, m.start, m.end, True, -1, towns[0]) for m in own if m.entry is None]


def smaller_town_inside(matches: list[Match]) -> list[Match]:
    """Two towns on one frame ("the Los Angeles suburb of Rosemead", "the X neighbourhood of
    Y"): the smaller lies inside the larger, so the larger only contains it."""
    towns = [m for m in matches if m.entry is not None and m.rank == SPECIFICITY["town"]]
    if len(towns) < 2:
        return matches
    larger = max(towns, key=lambda m: m.entry.population if m.entry else 0)
    return [m.at_least(SPECIFICITY["town"] + 0.01) if m is larger else m for m in matches]
