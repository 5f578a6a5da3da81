"""The country an article tells of a named person it does not list: a state that owns the name
("Uganda's Bobi Wine") or a demonym in an apposition that describes the person ("Karim Aliyev,
an Azerbaijani national"). The person keeps the name, so a later surname or pronoun carries
the country too (references.link_people). Rule actor.told-nationality."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import (
    OWNED_BODY,
    TOLD_NATIONALITY,
    DocActors,
    MatchAt,
    choose_entry,
)
from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor

declare(
    TOLD_NATIONALITY,
    """A named person the dictionaries do not list takes the country the article tells of
    them: a state owning the name ("Uganda's Bobi Wine") or a demonym on a noun for a person in
    apposition ("Karim Aliyev, an Azerbaijani national"); the name is kept, so a later surname
    or "he" is of that country too. A demonym on a trade named by a language ("an English
    teacher") tells nothing; nor does a demonym after "pro-" or "anti-".

    Example: Karim Aliyev, an Azerbaijani national, arrived on Monday. Georgian police arrested
    Aliyev.
    """,
    __name__,
)

declare(
    OWNED_BODY,
    """A named body the dictionaries do not list that a state's name owns ("Senegal's
    Constitutional Council", "Ghana's Electoral Commission") is that state's own: the words say
    whose it is, as they do for a person ("Uganda's Bobi Wine"). Its sector stays unknown.

    Example: Senegal's Constitutional Council criticized President Macky Sall on Thursday.
    """,
    __name__,
)

# Nouns for a person whose demonym is a nationality ("national", "citizen", "businessman").
NATIONALITY_NOUNS = words("nationality_nouns")

FROM_COUNTRY = "actor.from-country"

declare(
    FROM_COUNTRY,
    """People told by a plain noun for persons ("two men", "a national", "three workers",
    "relatives") with "from" and a state's name hung on that noun ("two men from Benin") are
    of that state: the words say whose they are, as a demonym would ("two Beninese men"). A
    "from" the parse hangs on a verb or a relative clause ("a lawyer who returned from Kenya",
    "pilgrims traveling from Benin") tells where someone came from, not whose they are, and a
    town ("a man from Cotonou") or several states ("men from Benin and Togo") tell nothing here.

    Example: Police in Ghana and Togo said two men from Benin were arrested on Monday.
    """,
    __name__,
)

# Plain nouns for persons that a "from <state>" makes that state's people (actor.from-country);
# nouns with a sector of their own ("a student", "a lawyer") are read by sector_mentions.
ORIGIN_NOUNS = (
    NATIONALITY_NOUNS | words("victim_nouns") | words("person_victims") | words("kin_nouns")
)


def origin_state(head: Token, match_at: MatchAt, found: DocActors) -> ActorEntry | None:
    """The one state a "from" phrase on a plain noun for persons names ("two men from
    Benin"), if any (actor.from-country)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in ORIGIN_NOUNS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if len(objects) != 1 or any(c.dep_ == "conj" for c in objects[0].children):
            return None
        obj = objects[0]
        if obj.i not in match_at or match_at[obj.i][0].end - 1 != obj.i:
            return None
        entry = choose_entry(match_at[obj.i][1], found)
        if entry.kind == "state" and entry.role == "country_name" and entry.country:
            return entry
    return None


def owning_state(head: Token, match_at: MatchAt, found: DocActors) -> ActorEntry | None:
    """The state whose name owns a person's name ("Uganda's Bobi Wine"), if any."""
    for child in head.children:
        if child.dep_ != "poss" or child.i not in match_at:
            continue
        span, entries = match_at[child.i]
        if span.end - 1 != child.i:
            continue  # the possessor is a longer name ending elsewhere
        entry = choose_entry(entries, found)
        if entry.kind == "state" and entry.role == "country_name" and entry.country:
            return entry
    return None


def told_in_apposition(head: Token, match_at: MatchAt, found: DocActors) -> ActorEntry | None:
    """The state a demonym names on a noun for a person in apposition to a person's name
    ("Karim Aliyev, an Azerbaijani national", "a Haitian businessman"), if one alone."""
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if not appos:
        return None
    noun = appos[0]
    if noun.lemma_.lower() not in NATIONALITY_NOUNS or noun.tag_ not in ("NN", "JJ"):
        return None
    told: dict[int, ActorEntry] = {}
    for child in noun.children:
        if child.dep_ not in ("amod", "compound") or child.i not in match_at:
            continue
        entry = choose_entry(match_at[child.i][1], found)
        if not (entry.kind == "state" and entry.role == "demonym" and entry.country):
            continue
        if child.i > 1 and noun.doc[child.i - 1].text == "-":
            # "a Kenyan-American journalist": the last demonym is the citizenship, the first
            # the origin; "a pro-Russian activist" is a stance, not a nationality.
            if _demonym_at(noun.doc[child.i - 2], match_at, found) is None:
                return None
            told.pop(child.i - 2, None)
        told[child.i] = entry
    countries = {e.country for e in told.values()}
    return next(iter(told.values())) if len(countries) == 1 else None


def _demonym_at(word: Token, match_at: MatchAt, found: DocActors) -> ActorEntry | None:
    if word.i not in match_at:
        return None
    entry = choose_entry(match_at[word.i][1], found)
    return entry if entry.kind == "state" and entry.role == "demonym" else None


def told_mark(earlier: Actor) -> str:
    """What a later surname or pronoun adds to its rule when the person it stands for took
    the nationality the article told (so the record's trace can say so)."""
    return f"; {TOLD_NATIONALITY} earlier" if TOLD_NATIONALITY in earlier.rule else ""
