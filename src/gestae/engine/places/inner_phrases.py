"""Places one level deeper than the trigger's own phrases: inside the clause or the
apposition of the incident or site its phrase names ("killed in an explosion that tore
through a mosque in X", "shot at the tomb, a shrine in X"), the ground many scattered acts
spread over ("protested in 40 towns across X"), the ends of a march ("marched to the UN
office in X"), the town a named site opens with ("outside Kano High Court") and the verb of
a light-verb object the parser tags as an adjective ("launched a counter-offensive in X").

These read only the phrases that set the trigger's own scene, so a place they find belongs to
the event's incident, not to a participant or a topic.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import (
    PLACE_OBJECT_VERBS,
    SITE_NOUNS,
    SPREAD_PREPS,
    THOROUGHFARE_NOUNS,
    incident_noun,
    is_locative_prep,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import own_place, phrase_places
from gestae.engine.rules import rule
from gestae.engine.syntax import article_gerund, of_objects, pobjs
from gestae.resources.place_words import PlaceWords

MARCH_VERBS = PlaceWords("march_verbs")
# Prepositions whose object is the scene itself or the incident in which the act was done.
_SCENE_PREPS = frozenset({"at", "during", "in", "inside", "near", "on", "outside"})
# The ends of a march: where it went and where it set out from.
_MARCH_PREPS = frozenset({"from", "to", "toward", "towards"})
_NAME_ENTS = frozenset({"GPE", "LOC"})
# Ways a march goes along, beside the named thoroughfares: "on the road to X", "on their way".
_ROUTE_NOUNS = frozenset({"route", "way"})


def _scene_objects(trigger: Token) -> list[Token]:
    """The objects of the trigger's scene-setting phrases: nouns and determined gerunds."""
    return [
        pobj
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in _SCENE_PREPS
        for pobj in pobjs(prep)
        if pobj.pos_ == "NOUN" or article_gerund(pobj)
    ]


def _clause_place(clause: Token, resolver: Resolver) -> Match | None:
    """Where an incident's clause says it struck: its own locative phrases, and the ground it
    hit when its verb acts on ground ("that rocked Kabul"); never the objects of any other
    verb ("an attack that recalled the massacre in X" says nothing of the attack's place)."""
    if clause.lemma_.lower() in PLACE_OBJECT_VERBS:
        return own_place(clause, resolver)
    return resolver.best(resolver.locative_pps(clause))


@rule("place.incident-clause")
def incident_clause(trigger: Token, resolver: Resolver) -> Match | None:
    """The incident in which an act was done says where it struck in its own clause: "killed
    in an explosion that tore through a church in Kaduna", "wounded in an attack targeting a
    convoy near Gao". Only incident nouns (attacks, fights, blasts, weapons), whose clause
    tells the incident itself; the clause of a rally or a meeting may tell anything.

    Example: Five people were killed in an explosion that tore through a church in Kaduna.
    """
    matches: list[Match] = []
    for obj in _scene_objects(trigger):
        if not incident_noun(obj):
            continue
        for clause in obj.children:
            if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB":
                found = _clause_place(clause, resolver)
                if found is not None:
                    matches.append(found)
    return resolver.best(matches)


@rule("place.apposed-scene")
def apposed_scene(trigger: Token, resolver: Resolver) -> Match | None:
    """An apposition on the scene of the act describes that scene, with the place it lies in:
    "shot at the tomb, a shrine in Karbala" is at Karbala.

    Example: Pilgrims were shot at the tomb, a shrine in Karbala, on Sunday.
    """
    matches: list[Match] = []
    for obj in _scene_objects(trigger):
        for appos in obj.children:
            if appos.dep_ == "appos" and appos.pos_ == "NOUN":
                matches.extend(phrase_places(appos, resolver))
    return resolver.best(matches)


def _spread_holders(trigger: Token) -> list[Token]:
    """The words an "across" phrase of a spread may hang on: the trigger, and the plural nouns
    of its scene phrases and objects ("in 40 towns", "a string of attacks")."""
    nouns = [*_scene_objects(trigger), *(c for c in trigger.children if c.dep_ == "dobj")]
    nouns.extend(pobj for noun in list(nouns) for pobj in of_objects(noun))
    return [trigger, *(n for n in nouns if n.tag_ in ("NNS", "NNPS"))]


@rule("place.spread-over")
def spread_over(trigger: Token, resolver: Resolver) -> Match | None:
    """Acts done in many places spread over one ("demonstrated in 40 towns across Kenya",
    "staged a string of attacks across Uganda", "clashed across the West Bank") are placed
    at the ground they spread over, named by "across" or "throughout"; "a town across from
    X" is no spread.

    Example: Nurses protested in 40 towns across Kenya on Friday.
    """
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children):
        return None  # "air strikes have killed 400 civilians across X since May": a sum
    matches: list[Match] = []
    for holder in _spread_holders(trigger):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in SPREAD_PREPS:
                continue
            for pobj in pobjs(prep):
                if pobj.pos_ != "PROPN":
                    continue
                found = resolver.resolve_phrase(pobj)
                if found is not None and found.entry is not None:
                    matches.append(found)
    return resolver.best(matches)


def _march_town(name: Token, resolver: Resolver) -> Match | None:
    """A town a march went to or set out from, named alone ("marched from Geneva"); not a
    region or a state it came from ("bands from Northern Ireland marched"), nor the last word
    of a longer name ("from the Hotel Indonesia")."""
    found = resolver.resolve_name(name, located=True)
    if found is None or found.entry is None or found.entry.precision != "town":
        return None
    longer = any(c.dep_ == "compound" and c.i < found.start for c in name.children)
    return None if longer else found


def _on_the_road(verb: Token) -> bool:
    """A march along a road or a way ("on the road to X", "along the highway to X"), whose "to"
    phrase the parser may hang on the verb: the march was on the road, not at its end."""
    ways = [
        way.lemma_.lower()
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("along", "on")
        for way in pobjs(prep)
    ]
    return any(way in THOROUGHFARE_NOUNS or way in _ROUTE_NOUNS for way in ways)


@rule("place.march-ends")
def march_ends(trigger: Token, resolver: Resolver) -> Match | None:
    """A march is where it went and where it set out from: "marched to the UN office in
    Kabul" is at Kabul, "marched from the city of Mombasa" at Mombasa. A site without a place
    ("marched to parliament") gives none, and a bare name only when the tagger calls it a
    place and it is a town.

    Example: About 300 farmers marched to the regional council office in Arusha on Monday.
    """
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in MARCH_VERBS:
        return None
    if _on_the_road(trigger):
        return None  # "marched on the road to Hebron": between places, the parse misleads
    matches: list[Match] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in _MARCH_PREPS:
            continue
        for pobj in pobjs(prep):
            if pobj.pos_ == "NOUN":
                found = resolver.resolve_phrase(pobj)
            elif pobj.pos_ == "PROPN" and pobj.ent_type_ in _NAME_ENTS:
                found = _march_town(pobj, resolver)
            else:
                found = None
            if found is not None:
                matches.append(found)
    return resolver.best(matches)


FACILITY_HEADS = PlaceWords("facility_heads")
GROUND_NAME_NOUNS = PlaceWords("ground_name_nouns")
_NAMED_SITE_PRECISIONS = frozenset({"admin1", "admin2", "town"})
# A town a site's name opens with is that town only when it is a city or lies in a country the
# context names: "Harvard University" is no Harvard, Illinois.
_CITY_POPULATION = 100_000


def _site_head(name: Token) -> bool:
    """The last word of a named building or site: "Court", "Centre", "Airport", "Fields"."""
    word = name.lower_
    kinds = (SITE_NOUNS, GROUND_NAME_NOUNS, FACILITY_HEADS)
    return name.pos_ == "PROPN" and any(word in k or name.lemma_.lower() in k for k in kinds)


def _opening_town(name: Token, resolver: Resolver) -> Match | None:
    """The known town or area a site's name opens with ("Kano" of "Kano High Court")."""
    doc = name.doc
    start = name.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    hinted = {resolver.gaz.country_code(hint) for hint in resolver.hints}
    for end in range(name.i, start, -1):
        entry = resolver.gaz.lookup(doc[start:end].text, resolver.hints)
        if entry is None or entry.precision not in _NAMED_SITE_PRECISIONS:
            continue
        small = entry.precision == "town" and entry.population < _CITY_POPULATION
        return None if small and entry.country not in hinted else Match(entry, start, end)
    return None


@rule("place.named-site")
def named_site(trigger: Token, resolver: Resolver) -> Match | None:
    """A building or site named after its town, in the trigger's locative phrase, is in that
    town: "murdered outside Kano High Court" is at Kano, as "outside his Kano home" is
    (`place.site-name`); the name's other words are the site's own, and a town of a namesake
    abroad is not it ("arrested at Harvard University" is at no Harvard, Illinois).

    Example: A lawyer was murdered outside Kano High Court on Monday.
    """
    matches: list[Match] = []
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        for pobj in pobjs(prep):
            if _site_head(pobj) and is_locative_prep(prep, pobj, attaching=True):
                found = _opening_town(pobj, resolver)
                matches.extend([found] if found is not None else [])
    return resolver.best(matches)


@rule("place.light-object")
def light_object(trigger: Token, resolver: Resolver) -> Match | None:
    """An act noun the parser mistags after a light verb ("launched a counter-offensive": the
    split word's last piece read as an adjective) is set where its verb's locative phrases
    put it, as a noun object is (`place.clause-head`).

    Example: The army launched a fresh counter-offensive in northern Kunar on Tuesday.
    """
    verb = trigger.head
    if trigger.dep_ != "dobj" or trigger.pos_ != "ADJ" or verb.pos_ != "VERB":
        return None
    return resolver.best(resolver.locative_pps(verb))


INNER_RULES = (
    incident_clause,
    apposed_scene,
    spread_over,
    march_ends,
    named_site,
    light_object,
)
