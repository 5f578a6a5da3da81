"""Whom a trade measure on goods of a named origin is aimed at. Tariff news says "a 200%
tariff on wines coming out of France", "a duty on steel produced in Brazil", "tariffs on cars
made in Mexico", "tariffs on steel exports to the U.S. from 35 countries, including Canada":
the goods are a thing, and the state they come from is the party the measure hits. Before,
the target was a good's name ("champagne"), the imposed measure itself ("a 50% duty"), the
goods' goal (the source's own state, then dropped), or none.

Narrow: only sanctions, embargoes and their threats (CAMEO 163, 13x, 16x); only goods the
measure or the verb holds "on", "against" or "of", or the measure's object itself ("the import
of poultry coming from Thailand"); only a participle of origin (word class
`origin_participles`) whose "from", "in" or "out of" phrase names a state or a place of one,
or, for an embargo or its threat (163, 1312), a plain "from" on the goods ("the import of
chicks from Brazil"). A continent ("from Europe") names no state and gives none.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import pobjs
from gestae.resources.word_classes import words

ORIGIN_PARTICIPLES = words("origin_participles")
# Embargoes and sanctions (163), threats (13x), reduced relations (16x).
TRADE_CODES = ("163", "13", "16")
GOODS_PREPS = frozenset({"on", "against", "of"})
FROM = frozenset({"from"})
ORIGIN_PREPS = frozenset({"from", "in", "out", "of"})
# Embargoes and their threats (163, 1312): goods "from" a state come from it.
EMBARGO_CODES = ("163", "1312")


def _preps(word: Token, names: frozenset[str]) -> list[Token]:
    """The word's prepositions spelled as one of `names`."""
    return [c for c in word.children if c.dep_ == "prep" and c.lower_ in names]


def _joined_objects(prep: Token) -> list[Token]:
    """A preposition's objects with their conjuncts ("made in Mexico and Japan")."""
    return [t for obj in pobjs(prep) for t in (obj, *obj.conjuncts)]


def _add(found: list[Mention], new: list[Mention]) -> None:
    found += [m for m in new if m not in found]


def _goods(q: Search) -> list[Token]:
    """The measure's objects and what it, or the verb, is put on, with their conjuncts."""
    nouns = list(q.objects)
    for holder in (q.token, *q.objects):
        for prep in _preps(holder, GOODS_PREPS):
            nouns += pobjs(prep)
    return [c for noun in nouns for c in (noun, *noun.conjuncts)]


def origin_states(ev: Event, goods: Token) -> list[Mention]:
    """The states a trade measure's goods come from, for an entry whose preposition names the
    goods ("imposed a tariff on wines coming out of France")."""
    if not ev.entry.cameo.startswith(TRADE_CODES):
        return []
    found: list[Mention] = []
    for noun in (goods, *goods.conjuncts):
        _add(found, _origins(ev, noun))
    return ev.found("target.goods-origin", found)


def _origins(ev: Event, goods: Token) -> list[Mention]:
    found: list[Mention] = []
    if ev.entry.cameo.startswith(EMBARGO_CODES):
        # "the import of chicks from Europe", "exports from 35 countries, including Canada"
        for prep in _preps(goods, FROM):
            _add(found, _from_states(ev, prep))
    for part in goods.children:
        if part.dep_ != "acl" or part.lemma_.lower() not in ORIGIN_PARTICIPLES:
            continue
        for prep in _preps(part, ORIGIN_PREPS):
            places = _joined_objects(prep)
            if not places:  # "out of France": the object hangs on "of"
                places = [t for inner in _preps(prep, ORIGIN_PREPS) for t in _joined_objects(inner)]
            _add(found, [m for t in places if (m := _state(ev, t)) is not None])
    return found


def _from_states(ev: Event, prep: Token) -> list[Mention]:
    """The states a "from" phrase names: its actors with a country ("from 35 countries,
    including Canada" gives Canada), else the state of each place."""
    named = [m for obj in pobjs(prep) for m in actor_group(ev.grammar, obj, ev.actors)]
    found = with_country(named)
    if found:
        return found
    return [m for t in _joined_objects(prep) if (m := _state(ev, t)) is not None]


def _state(ev: Event, place: Token) -> Mention | None:
    """The state a place of origin names: an actor with a country, else its place's state."""
    mention = ev.actors.at(place)
    if mention is not None and with_country([mention]):
        return mention
    return ev.grammar.resolver.place_actor(place, ev.actors)


@rule("target.goods-origin")
def goods_origin(q: Search) -> list[Mention]:
    """A tariff, ban or embargo on goods said to come from a state ("wines coming out of
    France", "cars made in Mexico and Japan") is aimed at that state, not at the goods nor at
    the measure imposed.

    Example: Canada threatened tariffs on cars made in Mexico and Japan.
    """
    if q.depth != 0 or not q.ev.entry.cameo.startswith(TRADE_CODES):
        return []
    found: list[Mention] = []
    goods = _goods(q)
    for noun in goods:
        _add(found, _origins(q.ev, noun))
    if not found and q.ev.entry.cameo.startswith(EMBARGO_CODES) and goods:
        # "levied tariffs on steel exports to the U.S. from 35 countries": the parse hangs
        # the goods' origin on the verb; their goal is the source's own state
        for prep in _preps(q.token, FROM):
            _add(found, _from_states(q.ev, prep))
    return q.found("target.goods-origin", found) if found else []
