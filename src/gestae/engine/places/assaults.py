"""The ground an assault is made on, and the clause of an assault noun split at its hyphen.

An assault noun's "on" or "against" phrase names its ground ("launched an attack on Palouch
village", "an assault on the Kweires Military Airport"); the resolver's `_assaulted` reads
only towns the gazetteer knows there, so villages, sites and unknown names the sentence itself
marks as places were lost. A noun the tokenizer splits at its hyphen ("counter-offensive") is
tagged an adjective, so the light-verb rules, which wait for a noun, never read its clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import ASSAULT_NOUNS, PLACE_OBJECT_VERBS, is_any_frame
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import own_place
from gestae.engine.rules import rule

# What an assault's ground may be: a town or an area below the country, or a name the
# gazetteer lacks ("an attack on Israel" names a party, not a scene).
_GROUND_PRECISIONS = frozenset({"town", "admin1", "admin2"})
# Entity types a lone unknown word after "an assault on" may carry: none, or a place's.
_GROUND_TYPES = frozenset({"", "GPE", "LOC", "FAC"})
_ASSAULT_PREPS = frozenset({"on", "against"})


def split_noun(word: Token) -> bool:
    """An assault noun the tokenizer split at its hyphen ("counter - offensive"), each piece
    hung on the light verb and the last one tagged an adjective."""
    if word.i < 2 or word.dep_ != "dobj" or word.lemma_.lower() not in ASSAULT_NOUNS:
        return False
    hyphen = word.doc[word.i - 1]
    return hyphen.text == "-" and hyphen.head.i == word.head.i


def _assault_nouns(trigger: Token) -> list[Token]:
    """The assault nouns whose phrases the trigger's event reads: the trigger itself, or the
    nouns its light verb carries; a noun's light verb lends its own "on" phrase ("launched a
    new assault today on X")."""
    if trigger.lemma_.lower() in ASSAULT_NOUNS and trigger.pos_ in ("NOUN", "ADJ"):
        light = [trigger.head] if trigger.dep_ == "dobj" else []
        return [trigger, *light]
    carried = [
        c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in ASSAULT_NOUNS
    ]
    return [trigger, *carried] if carried else []


def _lone_unknown(pobj: Token, resolver: Resolver) -> Match | None:
    """A lone name the gazetteer lacks after "an assault on", when the tagger gives it no
    party's type ("began their assault on Taqsis"; "an attack on Hamas" is an organisation)."""
    if pobj.pos_ != "PROPN" or pobj.ent_type_ not in _GROUND_TYPES:
        return None
    if any(c.dep_ in ("compound", "amod", "poss") for c in pobj.children):
        return None
    return resolver.unresolved_name(pobj, framed=True)


def _ground(pobj: Token, resolver: Resolver) -> Match | None:
    """The place an assault's "on" object is, when the sentence makes it one."""
    if pobj.pos_ == "PROPN":
        found = resolver.acted_on(pobj) or _lone_unknown(pobj, resolver)
    elif is_any_frame(pobj):
        found = resolver.resolve_phrase(pobj)
    else:
        return None
    if found is None or (
        found.entry is not None and found.entry.precision not in _GROUND_PRECISIONS
    ):
        return None
    return found


@rule("place.assault-ground")
def assault_ground(trigger: Token, resolver: Resolver) -> Match | None:
    """The ground an assault is made on is where it was fought, a village, a site or a name the
    gazetteer lacks too, when a frame noun, a site noun or a place word marks it as a place:
    "launched an attack on Palouch village", "a new assault on the Kweires Military Airport",
    "began their assault on Taqsis". Never a country, an organisation or a person ("an attack
    on Israel", "an assault on Hamas").

    Example: The rebels launched an attack on Walgak village on Friday.
    """
    matches: list[Match] = []
    for noun in _assault_nouns(trigger):
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in _ASSAULT_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = _ground(pobj, resolver)
                    if found is not None:
                        matches.append(found)
    return resolver.best(matches)


def _purposes(verb: Token) -> list[Token]:
    """The purpose clauses of an act done to ground on the light verb ("to recapture X")."""
    return [
        clause
        for clause in verb.children
        if clause.dep_ in ("advcl", "acl", "relcl", "xcomp")
        and clause.lemma_.lower() in PLACE_OBJECT_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ]


@rule("place.split-assault")
def split_assault(trigger: Token, resolver: Resolver) -> Match | None:
    """An assault noun split at its hyphen ("launched a counter-offensive") is its light
    verb's noun, whatever its tag: the light verb's clause sets its place, and the ground its
    purpose clause takes ("a counter-attack to retake X").

    Example: The army launched a counter-offensive in northern Kidal on Tuesday.
    """
    if not split_noun(trigger):
        return None
    verb = trigger.head
    matches = [m for m in (own_place(verb, resolver),) if m is not None]
    matches.extend(m for clause in _purposes(verb) if (m := own_place(clause, resolver)))
    return resolver.best(matches)
