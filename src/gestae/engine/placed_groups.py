"""Where an unnamed group's own words put it: "authorities in Pakistan", and an armed group
"based in Somalia", "hiding on Somali soil", "operating from Congolese territory" (rule
actor.placed-group). Those words name the group's state, which the article's leading country
must not overwrite: a Kenyan story's "gunmen based in Somalia" are not Kenya's."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, MatchAt, choose_entry
from gestae.engine.place_owners import place_country
from gestae.engine.places import Gazetteer
from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.word_classes import words

PLACED_GROUP_RULE = "actor.placed-group"
declare(
    PLACED_GROUP_RULE,
    """'militants based in Somalia', 'gunmen hiding on Somali soil': an armed group with no
    country of its own, which a participle or "present" places in a state (word class
    placing_participles; "in", "on", "inside", "from"; the place's name, or a demonym on
    "soil" or "territory": word class ground_nouns), is of that state, not of the article's
    leading country. Only rebels and unidentified gunmen: troops or officials "based" or
    "present" abroad are often a foreign state's.

    Example: Kenya's army killed six fighters. Kenya's police spoke. Nairobi blamed the raids on gunmen based in Somalia.
    """,
    __name__,
)
PLACING = words("placing_participles")
FROM_PLACE_RULE = "actor.from-place"
declare(
    FROM_PLACE_RULE,
    """'fishermen from Kerala', 'villagers from Bayelsa state': people whom a town or region
    the gazetteer knows says they come from are of that place's state, before the article's
    leading country or the place of the act ("sued Shell in a London court"); a state's own
    name after "from" already gave its country.

    Example: Fishermen from Kerala filed a lawsuit against the company in a Paris court.
    """,
    __name__,
)
# Prepositions by which a group's own words put it in a place: "authorities in Pakistan",
# "farmers from Bayelsa state" (actor.from-place).
WHERE_PREPS = frozenset({"in", "from"})
GROUNDS = words("ground_nouns")
PLACING_PREPS = ("in", "on", "inside", "from")
# Sectors of the armed groups a place names (rebels, unidentified gunmen).
PLACED_SECTORS = frozenset({"REB", "UAF"})


def placed_country(
    head: Token,
    dictionary: ActorDictionary,
    match_at: MatchAt,
    found: DocActors,
    gazetteer: Gazetteer,
    bits: list[str] | None = None,
) -> str | None:
    """The country the group's own words place it in; `bits` is told when a participle did
    (the rule actor.placed-group) rather than a plain "in" ("authorities in Pakistan")."""
    preps = [(c, False) for c in head.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS]
    noun = dictionary.sector_of_noun(head.lemma_.lower())
    if noun is not None and noun.sector in PLACED_SECTORS:
        for verb in head.children:
            if verb.i > head.i and verb.dep_ in ("acl", "amod") and verb.lower_ in PLACING:
                preps.extend(
                    (p, True)
                    for p in verb.children
                    if p.dep_ == "prep" and p.lower_ in PLACING_PREPS
                )
    for prep, through in preps:
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            country = place_country(gazetteer, obj, match_at, found)
            if country is None and through and obj.lemma_.lower() in GROUNDS:
                country = _ground_state(obj, match_at, found)
            if country and through and bits is not None:
                bits.append(f"{PLACED_GROUP_RULE}: placed in {country} by its own words")
            elif country and prep.lower_ == "from" and bits is not None:
                bits.append(f"{FROM_PLACE_RULE}: from a place of {country}")
            if country:
                return country
    return None


def _ground_state(ground: Token, match_at: MatchAt, found: DocActors) -> str | None:
    """ "Somali soil", "Congo's territory": the one state named on the ground noun."""
    for child in ground.children:
        if child.dep_ in ("amod", "compound", "poss") and child.i in match_at:
            entry = choose_entry(match_at[child.i][1], found)
            if entry.kind == "state" and entry.country:
                return entry.country
    return None
