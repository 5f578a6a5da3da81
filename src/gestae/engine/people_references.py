"""Plural nouns of people with no sector of their own that point back: "five American
missionaries ... The missionaries were abducted" are the same Americans. Split from
references.py, whose pointers are pronouns and office nouns."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import pointer
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor

SAME_PEOPLE_RULE = "reference.same-people-noun"
SAME_PERSON_RULE = "reference.same-person-noun"
# Nouns of bodies, which point back by their sector, not by an earlier body's last word.
BODIES = words("body_nouns") | words("member_body_nouns") | words("collective_bodies")


@rule(SAME_PEOPLE_RULE)
def same_people(token: Token, found: DocActors, definite: bool) -> Mention | None:
    """ "the missionaries", "the tourists": a bare definite plural noun that names no actor
    by itself is the last group named before it with the same noun, when that group has one
    country ("two French tourists held by jihadists ... The tourists had been abducted in
    Benin" are French, not Beninese). A noun of two groups ("British and Irish tourists")
    points nowhere.

    Example: Gunmen seized four Korean engineers on Monday. The engineers were freed on Friday.
    """
    if not definite or token.tag_ != "NNS" or token.pos_ != "NOUN":
        return None
    earlier = _same_noun_before(token, found)
    if not earlier:
        return None
    last = earlier[-1]
    if len({a.country for a in last.actors}) != 1 or not last.actors[0].country:
        return None
    what = f"{last.actors[0].text} ({SAME_PEOPLE_RULE})"
    return pointer(token, last.actors, what)


def _same_noun_before(token: Token, found: DocActors, tag: str | None = None) -> list[Mention]:
    """The mentions before `token` that name someone by its very noun (its lemma; with `tag`,
    that tag too), not by pointing back; nearest last."""
    lemma = token.lemma_.lower()
    return [
        m
        for m in found.mentions
        if m.head < token.i
        and not m.reference
        and m.actors
        and token.doc[m.head].lemma_.lower() == lemma
        and tag in (None, token.doc[m.head].tag_)
    ]


SAME_OFFICE_RULE = "reference.same-international-noun"
# Pseudo-countries and sectors of bodies above states, whose officers a bare noun names again
# (an officer's title may carry its sector before its body's country is read).
INTERNATIONAL = frozenset({"UNO", "IGO", "EUR", "NGO"})
BODY_SECTORS = frozenset({"IGO", "NGO"})


@rule(SAME_OFFICE_RULE)
def same_international(token: Token, found: DocActors, definite: bool) -> Mention | None:
    """'A UN special rapporteur said ... The rapporteur urged Minsk': a bare definite singular
    noun that names no actor by itself is the last international body or officer (UN, EU, a
    rights group) named before with the same noun. No other state's officer is read so: "the
    minister" may be any of several.

    Example: A UN special rapporteur visited Belarus on Monday. The rapporteur urged Minsk to free the prisoners.
    """
    if not definite or token.tag_ != "NN" or token.pos_ != "NOUN":
        return None
    earlier = [m for m in _same_noun_before(token, found, "NN") if len(m.actors) == 1]
    if not earlier or not _international(earlier[-1].actors[0]):
        return None
    last = earlier[-1]
    return pointer(token, last.actors, f"{last.actors[0].text} ({SAME_OFFICE_RULE})")


def _international(actor: Actor) -> bool:
    """An international body or officer (sector IGO or NGO, of no state or of a pseudo-state);
    never a state or a people ("European countries ... the country's" is no body)."""
    sector_ok = actor.sector in BODY_SECTORS and actor.kind != "state"
    return sector_ok and (not actor.country or actor.country in INTERNATIONAL)


@rule(SAME_PERSON_RULE)
def same_person_noun(head: Token, found: DocActors) -> Actor | None:
    """ "a Cambodian opposition activist ... The activist was detained": a singular definite
    noun of a person or group, with nothing but "the" before it, points back to the last
    person or group named with that very noun and no name, whatever sector a word before it
    gave that one ("opposition" makes the activist OPP, the bare noun CVL; "an opposition
    candidate" OPP, "the candidate" PTY). Without it the noun takes the country of the
    article's context, in stories of exile often the host's; "the upper house" never points
    to "the lower house".

    Example: Spain granted asylum to a Bolivian opposition candidate. The prime minister met the candidate in Madrid on Friday.
    """
    if head.tag_ != "NN" or head.lemma_.lower() in BODIES:
        return None
    if [c.lower_ for c in head.lefts] != ["the"]:
        return None  # "the upper house" is not "the lower house"
    same = [
        a
        for a in (*found.persons_seen, *found.bodies_seen)
        if a.name is None
        and a.country
        and a.kind in ("person", "group")
        and a.text.lower().split()[-1:] == [head.lower_]
    ]
    return max(same, key=lambda a: a.start) if same else None
