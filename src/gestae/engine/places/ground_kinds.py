"""An unknown name an act on ground is done to, whose own words say what kind of place it is.

The small English model calls many villages and sites of conflict news persons ("attacked Bama
Town", "invaded Gidan Sule, a small village"), and a lone unknown word acted on is as often a
person ("captured Ocalan") as a village, so the resolver drops such names. When the name ends
in a word for a kind of place, or an apposition gives its kind,
it is a place the gazetteer lacks: kept with its words, unresolved, rather than lost.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.phrases import (
    AREA_NOUNS,
    GROUND_VERBS,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    SUB_TOWN_NOUNS,
    is_any_frame,
)
from gestae.engine.rules import declare
from gestae.resources.place_words import PlaceWords

GROUND_NAME_NOUNS = PlaceWords("ground_name_nouns")
PERSONAL_SITES = PlaceWords("personal_sites")

GROUND_KIND = "place.ground-kind"
declare(
    GROUND_KIND,
    """An unknown name an act on ground is done to is a place, whatever the tagger calls it,
    when its last word names a kind of place ("attacked Bama Town", "captured the Nuba
    Mountains") or an apposition gives its kind ("invaded Gidan Sule, a small village"). It
    is kept with its words, unresolved. A name the sentence describes as a person stays none.

    Example: Gunmen attacked Maro Town on Monday, killing six villagers.
    """,
    __name__,
)

GROUND_VERB_NAME = "place.ground-verb-name"
declare(
    GROUND_VERB_NAME,
    """An unknown name the tagger calls a person, or tags as nothing, is a place when it is the
    object of a verb only ground takes (data `ground_verbs`: enter, patrol, shell, storm,
    overrun): "troops entered Bayt Sawa", "police patrolled Okafor Square". Kept with its words,
    unresolved. Not after verbs persons take too ("captured Ocalan"), nor for a name the
    sentence describes as a person or one the tagger calls an organisation.

    Example: Government troops entered Bayt Sawa after a week of fighting.
    """,
    __name__,
)


def ground_note(head: Token, start: int) -> str | None:
    """Why the unknown name `doc[start : head.i + 1]` acted on is a place, or None: its words
    show its kind (`place.ground-kind`), or only ground is done what is done to it
    (`place.ground-verb-name`)."""
    if kind_shown(head, start):
        return GROUND_KIND
    verb = head.head
    ground_only = head.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in GROUND_VERBS
    return GROUND_VERB_NAME if ground_only and head.ent_type_ in ("PERSON", "") else None


def _kind_word(word: Token) -> bool:
    """A noun of a kind of place, singular or plural ("Town", "Mountains", "Gas Fields"); a
    site a person owns ("Jackson Home") is not one."""
    lower = word.lower_
    forms = {lower, word.lemma_.lower(), lower[:-1] if lower.endswith("s") else lower}
    if any(form in PERSONAL_SITES for form in forms):
        return False
    kinds = (SETTLEMENT_NOUNS, AREA_NOUNS, SUB_TOWN_NOUNS, GROUND_NAME_NOUNS, SITE_NOUNS)
    return any(form in kind for form in forms for kind in kinds)


def kind_shown(head: Token, start: int) -> bool:
    """Whether the name `doc[start : head.i + 1]` shows itself a place: a kind noun ends a
    name of two words or more, or an apposition gives its kind."""
    if start < head.i and _kind_word(head):
        return True
    for child in head.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN":
            continue
        if is_any_frame(child) or _kind_word(child):
            return True
    return False
