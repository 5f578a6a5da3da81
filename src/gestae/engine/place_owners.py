"""The country a town or province gives the people and officers it owns: "the mayor of
Kharkiv", "residents of Odesa", "the governor of Kandahar province" (rule
actor.place-of) and "Kharkiv's mayor", "Lagos state police", "Kazan teacher Oleg Sidorov"
(rule actor.place-title). Asked only when the words name no state, demonym or owner, so a
nationality the sentence states ("a French aid worker in Gao") wins, and never for an envoy,
a mission or a correspondent, whose town is where they serve ("the U.S. ambassador in
Kyiv")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, MatchAt, choose_entry, dictionary_token
from gestae.engine.places import Gazetteer
from gestae.engine.rules import declare
from gestae.resources.gazetteer import PlaceEntry
from gestae.resources.place_words import PlaceWords
from gestae.resources.word_classes import words

PLACE_OF = "actor.place-of"
PLACE_TITLE = "actor.place-title"

declare(
    PLACE_OF,
    """People or officers of a town or province named after "of" ("the mayor of Kharkiv",
    "residents of Odesa", "the governor of Kandahar province") are of the country the
    gazetteer puts the place in, when their words name no state: the place owns them. Only
    for nouns of people at home (`place_owned_nouns`), not followers or kin, whose "of" names
    a person, nor envoys.

    Example: Gunmen shot the mayor of Kharkiv on Monday.
    """,
    __name__,
)
declare(
    PLACE_TITLE,
    """A title, a body or a person named after a town that owns them ("Kharkiv's mayor",
    "Lagos state police", "Kazan teacher Oleg Sidorov", "Moscow education chief Ivan Petrov")
    is of the town's country, when the words name no state: the town in front says where they
    live or serve. Not an envoy, a mission or a correspondent, who serve a state elsewhere.

    Example: Police arrested Moscow education chief Ivan Petrov on Monday.
    """,
    __name__,
)

# Nouns the "of" phrase of which places them at home.
PLACE_OWNED_NOUNS = words("place_owned_nouns")
# Titles of people who serve a state or a body elsewhere: a town in front is only their post.
POSTED = (
    words("posted_titles")
    | words("envoy_titles")
    | words("visiting_titles")
    | words("foreign_people")
    | words("foreign_missions")
)
# "Kandahar province", "Aleppo city": a name the frame noun carries.
AREA_NOUNS = PlaceWords("area_nouns")
PLACE_FRAMES = PlaceWords("named_place_frames")
# What the tagger reads as no place after "of": a date or a count (an unfamiliar town is
# often tagged a person or a people: "residents of Odesa", "an official of Kirkuk").
NOT_PLACES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
)
# How large a town must be for its name alone to say whose a participant is: under its own
# name, and under another of its names or spellings; areas always.
OWN_NAME_SIZE = 20_000
OTHER_NAME_SIZE = 100_000
AREA_PRECISIONS = frozenset({"admin1", "admin2", "country"})
# Entity tags a town's name gets: the tagger often reads an unfamiliar town as a body.
PLACE_TAGS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# Links inside a noun phrase before its head: "Lagos state police", "Kharkiv's mayor".
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# The owning town's own places around an "of" object: "Mubingi commune outside Bujumbura".
AROUND_PREPS = frozenset({"in", "near", "outside"})


def place_country(
    gazetteer: Gazetteer,
    token: Token,
    match_at: MatchAt,
    found: DocActors,
    sure: bool = False,
) -> str | None:
    """Country of a place name: a country or capital in the dictionary, else a gazetteer town.
    With `sure`, only a town the name is known to denote (see `_sure`)."""
    entry_tok = dictionary_token(token, match_at)
    if entry_tok is not None:
        entry = choose_entry(match_at[entry_tok.i][1], found)
        return entry.country if entry.kind == "state" else None
    if token.pos_ != "PROPN" and not _is_name(token):
        return None
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound"])
    name = token.doc[start : token.i + 1].text
    place = gazetteer.lookup(name, found.countries())
    if place is None or (sure and not _sure(gazetteer, name, place)):
        return None
    return place.country


def _sure(gazetteer: Gazetteer, name: str, place: PlaceEntry) -> bool:
    """A place a name surely denotes when nothing else in the phrase says it is a place: an
    area, or a town of some size under that very name; a large town only when reached by
    another of its names or spellings ("Kharkov"). Small namesakes and near
    spellings lend too much: an Indian city's old name is also a small town in the United
    States, and "Coca" (of "Coca-Cola") is another name of an Ecuadorian town."""
    size = place.population or 0
    if gazetteer.candidates(name, alternates=False, variants=False):
        return place.precision in AREA_PRECISIONS or size >= OWN_NAME_SIZE
    return size >= OTHER_NAME_SIZE


def _is_name(word: Token) -> bool:
    """A name the tagger reads as a place or a body ("Kharkiv" is often taken for one), also
    when it tags the word an adjective or a common noun ("Lagos state police"); an untagged
    capital ("Federal agents") is no town."""
    if word.ent_type_ not in PLACE_TAGS:
        return False
    return word.pos_ == "PROPN" or (word.is_title and word.pos_ in ("NOUN", "ADJ"))


def _framed(noun: Token) -> bool:
    return noun.lemma_.lower() in AREA_NOUNS or noun.lemma_.lower() in PLACE_FRAMES


def _place_words(obj: Token, depth: int = 0) -> Iterator[Token]:
    """The place names an "of" object gives: the name itself ("of Kharkiv"), the name a place
    noun frames ("of Kandahar province"), the town owning a quarter ("of Kyiv's Podil
    district"), then the name a place noun is of ("of the town of Bucha") or a town the place
    lies in or near ("Mubingi commune outside Bujumbura")."""
    if obj.pos_ == "PROPN":
        yield obj
    for child in obj.children:
        if child.pos_ != "PROPN":
            continue
        if child.dep_ == "poss" or (child.dep_ == "compound" and _framed(obj)):
            yield child
    if depth > 0 or not (obj.pos_ == "PROPN" or _framed(obj)):
        return
    for prep in obj.children:
        named = prep.lower_ == "of" and _framed(obj)  # "of the town of Bucha"
        if prep.dep_ == "prep" and (prep.lower_ in AROUND_PREPS or named):
            for inner in prep.children:
                if inner.dep_ == "pobj":
                    yield from _place_words(inner, depth + 1)


def place_of(
    gazetteer: Gazetteer, head: Token, match_at: MatchAt, found: DocActors
) -> tuple[str, str] | None:
    """(country, rule words) of the town or province after a place-owned noun's own "of"."""
    if head.lemma_.lower() not in PLACE_OWNED_NOUNS and head.lower_ not in PLACE_OWNED_NOUNS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in NOT_PLACES:
                continue
            for word in _place_words(obj):
                country = place_country(gazetteer, word, match_at, found, sure=True)
                if country:
                    return country, f"{PLACE_OF}: of {word.text} ({country})"
    return None


def _modifiers(head: Token) -> Iterator[Token]:
    """Words before `head` tied to it by modifier links only ("Lagos" in "Lagos state
    police"), nearest link first; not inside a prepositional phrase."""
    for word in head.lefts:
        if word.dep_ in MODIFIER_DEPS:
            yield word
            yield from _modifiers(word)


def place_title(
    gazetteer: Gazetteer, head: Token, match_at: MatchAt, found: DocActors
) -> tuple[str, str] | None:
    """(country, rule words) of a town named in front of a title, body or person ("Kharkiv's
    mayor", "Lagos state police", "Kazan teacher Oleg Sidorov"); the town's name must end on
    a common noun or a possessive, not run into a person's name."""
    chain = list(_modifiers(head))
    if any(w.lemma_.lower() in POSTED for w in [head, *chain]):
        return None
    for word in chain:
        if not _is_name(word):
            continue
        if word.head.pos_ == "PROPN" and word.dep_ != "poss":
            continue  # inside a longer name: "New" of "New York", "Oleg" of "Oleg Sidorov"
        country = place_country(gazetteer, word, match_at, found, sure=True)
        if country:
            return country, f"{PLACE_TITLE}: {word.text} ({country})"
    return None


def place_owner(
    gazetteer: Gazetteer, head: Token, match_at: MatchAt, found: DocActors
) -> tuple[str, str] | None:
    """(country, rule words) of the town that owns a participant: after "of", else before."""
    return place_of(gazetteer, head, match_at, found) or place_title(
        gazetteer, head, match_at, found
    )
