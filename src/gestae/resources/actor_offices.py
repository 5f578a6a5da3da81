"""Persons through time: which office a listed person held on a day, and what a title
says of its holder ("former", "shadow")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gestae.resources.actor_entries import (
    PSEUDO_COUNTRIES,
    Office,
    PersonRecord,
    PersonResolution,
)
from gestae.resources.word_classes import words

# Words in front of a title: the holder left office (ELI), is in opposition (OPP), or neither.
FORMER_TITLE_WORDS = words("former_title_words")
SHADOW_TITLE_WORDS = words("shadow_title_words")
PASSING_TITLE_WORDS = words("passing_title_words")

# When a person holds several offices at once, the one that best describes them as an actor.
_SECTOR_PRIORITY: tuple[str, ...] = ("GOV", "MIL", "JUD", "SPY", "COP", "OPP", "LEG", "PTY")


def undated_standing(
    offices: tuple[Office, ...], country: str | None, sector: str | None
) -> tuple[str | None, str | None]:
    """Undated view of a person: an open office, else ELI of the last country served."""
    open_offices = [o for o in offices if o.end is None]
    if open_offices:
        best = best_office(open_offices)
        return best.country, best.sector
    if offices:
        return country or offices[-1].country, "ELI"
    return country, sector


def best_office(offices: Sequence[Office]) -> Office:
    """Of offices held at once, the most telling sector; the latest-started breaks ties."""

    def rank(office: Office) -> tuple[int, int]:
        if office.sector in _SECTOR_PRIORITY:
            priority = _SECTOR_PRIORITY.index(office.sector)
        else:
            priority = len(_SECTOR_PRIORITY)
        return (priority, -office.start.toordinal())

    return min(offices, key=rank)


def standing_on(record: PersonRecord, on: date | None) -> PersonResolution:
    """The office a listed person held on `on` (None = undated: the latest office).

    After leaving every listed office a person is ELI of the country last served; before
    the first office the sector is the entry's default (usually None).
    """
    offices = record.offices
    if on is None:
        # Undated text: the current office, else the last one held (not "former").
        held = [o for o in offices if o.end is None]
        if not held and offices:
            held = [max(offices, key=lambda o: o.end or date.max)]
        ended = list(offices)
    else:
        held = [o for o in offices if o.holds_on(on)]
        ended = [o for o in offices if o.end is not None and o.end <= on]
    entry = record.entry
    if held:
        best = best_office(held)
        return PersonResolution(
            entry.key, entry.name, entry.wikidata, best.country, best.sector, best,
            entry.source,
        )  # fmt: skip
    if ended:
        # A former leader is an elite of the country served, not of an international body
        # served later (Tony Blair as Quartet envoy stays GBR ELI after 2015).
        national = [o for o in ended if o.country not in PSEUDO_COUNTRIES]
        last = max(national or ended, key=lambda o: o.end or date.max)
        return PersonResolution(
            entry.key, entry.name, entry.wikidata, last.country, "ELI", None, entry.source,
            last,
        )  # fmt: skip
    country = record.default_country or (offices[0].country if offices else None)
    return PersonResolution(
        entry.key, entry.name, entry.wikidata, country, record.default_sector, None,
        entry.source,
    )  # fmt: skip


def strip_title_words(title: str) -> tuple[str, bool, bool]:
    """A normalised title without the words in front that qualify its holder ("former then
    prime minister" -> "prime minister"), and whether they made it former or shadow."""
    former = shadow = False
    first, _, rest = title.partition(" ")
    qualifiers = FORMER_TITLE_WORDS | SHADOW_TITLE_WORDS | PASSING_TITLE_WORDS
    while rest and first in qualifiers:
        former = former or first in FORMER_TITLE_WORDS
        shadow = shadow or first in SHADOW_TITLE_WORDS
        title = rest
        first, _, rest = title.partition(" ")
    return title, former, shadow
