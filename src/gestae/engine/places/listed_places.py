"""Places a plural settlement noun lists: "raided homes in four cities, including Izmir", "in
several towns such as Gao". The noun says the names are settlements, so the first is read
whatever the tagger calls it, as "the town of X" is."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import SETTLEMENT_NOUNS, is_locative_prep
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import arguments
from gestae.engine.rules import rule
from gestae.engine.syntax import pobjs

# "four cities, including Izmir", "several towns such as Gao", "cities like Accra"
_LISTING_PREPS = frozenset({"including", "like", "as"})


@rule("place.listed-town")
def listed_town(trigger: Token, resolver: Resolver) -> Match | None:
    """An event in several towns that the sentence lists ("raided offices in three cities,
    including Izmir") is placed at the first town listed: one of its places, never a wrong
    one. Only plural settlement nouns ("cities", "towns", "villages"), never "countries" nor
    "groups, including Hamas".

    Example: Police raided the offices of a bank in four cities, including Izmir, on Monday.
    """
    phrases = [
        (prep, towns)
        for word in (trigger, *arguments(trigger))
        for prep in word.children
        if prep.dep_ == "prep"
        for towns in pobjs(prep)
        if _several_towns(towns)
    ]
    for prep, towns in phrases:
        if is_locative_prep(prep, towns, attaching=True):
            found = _first_listed(towns, resolver)
            if found is not None:
                return found
    return None


def _several_towns(noun: Token) -> bool:
    return noun.tag_ == "NNS" and noun.lemma_.lower() in SETTLEMENT_NOUNS


def _first_listed(settlements: Token, resolver: Resolver) -> Match | None:
    for listing in settlements.children:
        if listing.dep_ != "prep" or listing.lower_ not in _LISTING_PREPS:
            continue
        if listing.lower_ == "as" and not any(c.lower_ == "such" for c in listing.children):
            continue
        for name in pobjs(listing):
            if name.pos_ == "PROPN":
                known = resolver.resolve_name(name, located=True)
                return known or resolver.unresolved_name(name, framed=False, named=True)
    return None
