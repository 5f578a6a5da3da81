"""Casualty counts, and incidents: deaths and injuries that no political actor inflicted.

A drowning or an earthquake that kills people is news an analyst must see, but it is not an
ASSAULT; gestae reports it as a record of kind "incident" with its fatalities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.loader import load_data, package_data
from gestae.resources.numbers import NUMBER_WORDS
from gestae.resources.word_classes import words

# "mortar fire", "sniper fire", "artillery fire": fire a weapon gives is an attack's, no blaze.
ATTACK_MEANS = words("attack_means")
# "small arms fire", "militant fire", "enemy fire": fire someone shoots, no blaze.
HOSTILE_FIRE = words("hostile_fire_modifiers")
# "three mortars were fired": a verb of shooting among the causes' lemmas, no disaster.
DISCHARGE_VERBS = words("discharge_verbs")


@dataclass(frozen=True)
class CasualtyLexicon:
    verbs: dict[str, str]
    causes: frozenset[str]
    victims: frozenset[str]


@lru_cache(maxsize=1)
def casualty_lexicon() -> CasualtyLexicon:
    doc = load_data(package_data("incidents.yaml"))
    raw = doc.data
    try:
        verbs = {str(k): str(v) for k, v in raw["casualty_verbs"].items()}
        bad = [k for k, v in verbs.items() if v not in ("fatalities", "injured")]
        if bad:
            raise doc.error(
                f"casualty_verbs {bad} must map to fatalities or injured",
                at=("casualty_verbs", bad[0]),
            )
        return CasualtyLexicon(
            verbs, frozenset(map(str, raw["causes"])), frozenset(map(str, raw["victims"]))
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise doc.error(f"expected keys casualty_verbs, causes, victims ({exc})") from exc


def parse_number(token: Token) -> int | None:
    """Integer value of a number token ("27", "1,200", "five"), or None."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def count_of(noun: Token) -> int | None:
    """How many people a noun phrase counts: "at least 27 people", "five soldiers"."""
    for child in noun.children:
        if child.dep_ == "nummod":
            value = parse_number(child)
            if value is not None:
                return value
    # "dozens of migrants" gives no exact figure; "12 of them" puts the number first.
    if noun.pos_ == "NUM":
        return parse_number(noun)
    return None


def casualties(verb: Token) -> tuple[int | None, int | None]:
    """(fatalities, injured) stated by a casualty verb and its objects."""
    lexicon = casualty_lexicon()
    kind = lexicon.verbs.get(verb.lemma_.lower())
    if kind is None:
        return None, None
    count = None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "obj"):
            count = count_of(child)
            if count is None and child.lemma_.lower() in ("dozen", "dozens", "hundreds"):
                count = None
            if count is not None:
                break
    if count is None and verb.lemma_.lower() in ("die", "drown"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            count = count_of(subject)
    if kind == "fatalities":
        return count, None
    return None, count


def acted_objects(verb: Token) -> list[Token]:
    """The verb's direct objects, less a place the parse takes for one after a particle
    ("capsized off Mombasa": where the boat went down, not what it acted on)."""
    slip = any(c.dep_ == "prt" for c in verb.children)
    return [
        c
        for c in verb.children
        if c.dep_ == "dobj" and not (slip and c.ent_type_ in PLACE_ENTITY_TYPES)
    ]


def is_incident_cause(token: Token) -> bool:
    """True when a noun names an accident or disaster rather than an attacker ("the storm",
    "Cyclone Idai", "Typhoon Haiyan": the kind may stand in front of the name)."""
    causes = casualty_lexicon().causes
    if token.pos_ == "VERB" and acted_objects(token):
        return False  # "fired mortars", "burned the village": someone's act, not a disaster
    if token.pos_ == "VERB" and token.lemma_.lower() in DISCHARGE_VERBS:
        return False
    if token.lemma_.lower() in causes:
        return not any(
            c.dep_ in ("compound", "amod", "nmod")
            and (c.lemma_.lower() in ATTACK_MEANS or c.lower_ in HOSTILE_FIRE)
            for c in token.lefts
        )
    # "Wildfires" opening a sentence is tagged as a name whose lemma keeps the plural (a name
    # elsewhere, "Burns", is a name).
    if token.i == token.sent.start and token.lower_.removesuffix("s") in causes:
        return True
    return token.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in causes for c in token.lefts
    )


def is_casualty_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in casualty_lexicon().verbs
