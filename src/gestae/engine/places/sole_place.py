"""Sites and ground an act is done to or on, read as the scene when no nearer rule found a place.

A building, vehicle or road (`site_nouns`) that is the object of the trigger ("destroyed a
Baghdad restaurant") or of its "on" phrase ("captured on a Belgrade bus") is where the act
happened, so the town named on it, or set in its own phrases, is the event's place. `setting`
reads such sites only after locative prepositions and acts done to ground; "on" is no
locative preposition ("on Tuesday", "talks on Kashmir") and "destroy" no act done to ground.
For the same reason an "on" phrase on the trigger is read only when the tagger calls its
object a place ("captured on Mount Elgon").
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import SITE_NOUNS
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import phrase_places
from gestae.engine.rules import declare, rule
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.place_words import PlaceWords

# Prepositions that put an event on a site ("captured on a Belgrade bus", "aboard a Lagos ferry").
_ON_PREPS = frozenset({"aboard", "on", "onto", "upon"})
# What a site's name may be: a town or an area, never a country ("hit a U.S. base").
_TOWNS = frozenset({"town", "admin1", "admin2"})
PERSONAL_SITES = PlaceWords("personal_sites")

SITE_CITY = "place.site-city"
declare(
    SITE_CITY,
    """A city named on the site an act is done to is its place even when the tagger takes the
    city's name for a person's ("destroyed Kharkiv's main power plant"): as for a name acted
    on, only a city of 100,000 people or more, or a town in a country the context names; and
    never on a site a person owns (`personal_sites`: "destroyed Jackson's home" is Jackson's).
    The target is then the city's state, not a person named Kharkiv
    (`record.place-named-target`).

    Example: Russian missiles destroyed Kharkiv's main power plant on Monday.
    """,
    __name__,
)


@rule("place.site-object")
def site_object(trigger: Token, resolver: Resolver) -> Match | None:
    """A site the act is done to or done on (a building, vehicle or road: `site_nouns`) is
    where it happened, whatever the verb: the town named on it ("destroyed a Baghdad
    restaurant", "captured on a Belgrade bus") or set in its own phrases ("burned a church
    in Jos"); never a country ("hit a U.S. base").

    Example: Insurgents destroyed a crowded Mosul restaurant on Friday.
    """
    found: list[Match] = []
    for site in _sites_acted_on(trigger):
        named = _named_on(site, resolver)
        found.extend(named or phrase_places(site, resolver))
    return resolver.best(found)


def _sites_acted_on(trigger: Token) -> list[Token]:
    """The site nouns that are the trigger's object (or passive subject) or the object of
    its "on" phrase, with their conjuncts."""
    nouns = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in _ON_PREPS:
            nouns.extend(c for c in prep.children if c.dep_ == "pobj")
    nouns.extend(c for noun in list(nouns) for c in noun.children if c.dep_ == "conj")
    return [n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in SITE_NOUNS]


def _named_on(site: Token, resolver: Resolver) -> list[Match]:
    """A town named on the site ("a Baghdad restaurant", "Kabul's main hotel"); a name the
    tagger calls an organisation or a nationality is an owner, not a town, and one it calls a
    person a town only when a city, on no personal site (`place.site-city`)."""
    matches: list[Match] = []
    for child in site.children:
        if child.dep_ not in ("compound", "poss", "nmod") or child.pos_ != "PROPN":
            continue
        if child.ent_type_ in ("ORG", "NORP"):
            continue
        person = child.ent_type_ == "PERSON"
        if person and site.lemma_.lower() in PERSONAL_SITES:
            continue  # "destroyed Jackson's home": the owner, not a town
        found = resolver.acted_on(child)  # a person's name only as a city
        if found is not None and found.entry is not None and found.entry.precision in _TOWNS:
            matches.append(found)
            if person:
                resolver.notes[(found.start, found.end)] = SITE_CITY
    return matches


@rule("place.on-ground")
def on_ground(trigger: Token, resolver: Resolver) -> Match | None:
    """An "on" phrase on the trigger whose object the tagger calls a place names the ground
    the act happened on ("captured on the Old Road", "patrolling on Bolivar Peninsula"); a
    country there is the party appealed to or acted against ("called on France").

    Example: On Mount Elgon, soldiers captured two rebel commanders.
    """
    matches: list[Match] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in _ON_PREPS:
            continue
        for ground in prep.children:
            if ground.dep_ == "pobj" and ground.ent_type_ in PLACE_ENTITY_TYPES:
                found = resolver.name(ground)
                # "called on France", "sanctions on Iran": a country after "on" is a party
                if found is not None and not _country(found):
                    matches.append(found)
    return resolver.best(matches)


def _country(found: Match) -> bool:
    return found.entry is not None and found.entry.precision == "country"
