"""The ground an assault noun's "on" phrase names: "an assault on Souran".

An offensive, a raid or an airstrike "on" a name is fought where the name is. A town or area
the gazetteer knows is read as before; a name it lacks is kept with its words, unresolved,
when nothing says it is a person or a party: the small model tags many villages of conflict
news as nothing ("began their assault on Taqsis"), and a country after "on" is the party
attacked, not the scene.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.bare_names import described_person
from gestae.engine.places.match import Match
from gestae.engine.places.phrases import ASSAULT_NOUNS
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import declare
from gestae.engine.syntax import pobjs

# What an assaulted town's entry may be: never a country ("an attack on Israel" names a party).
_SITE_PRECISIONS = frozenset({"town", "admin1", "admin2"})
# Tags of a lone unknown name that may still be a place: a place's, or none at all.
_PLACE_OR_UNTAGGED = frozenset({"GPE", "LOC", "FAC", ""})

ASSAULT_GROUND = "place.assault-ground"
declare(
    ASSAULT_GROUND,
    """An assault noun's "on" name (`assault_nouns`: "an offensive on X", "a raid on X") that
    the gazetteer lacks is where the assault was, kept with its words, unresolved, unless the
    tagger calls it a person, an organisation or a people, or the sentence describes a person.
    A country after "on" stays the party attacked, not the place.

    Example: The army launched a new offensive on Kurmuk at dawn on Sunday.
    """,
    __name__,
)


def assaulted(assault: Token, resolver: Resolver, hung: bool = True) -> list[Match]:
    """The towns, areas and unknown names an assault noun's "on" phrase names, and (with
    `hung`) those the parser hangs on the verb that launches the noun."""
    found = _on_names(assault, resolver)
    if hung and assault.dep_ == "dobj" and assault.head.pos_ == "VERB":
        found.extend(launched_on(assault.head, resolver))
    return found


def launched_on(verb: Token, resolver: Resolver) -> list[Match]:
    """ "launched an offensive on X": the parser may hang the noun's "on" phrase on the verb
    that launches it; read it there only when the verb's object is an assault noun."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in ASSAULT_NOUNS for c in verb.children):
        return []
    hung = _on_names(verb, resolver)
    for named in hung:
        resolver.notes.setdefault((named.start, named.end), ASSAULT_GROUND)
    return hung


def _on_names(word: Token, resolver: Resolver) -> list[Match]:
    found: list[Match] = []
    for name in _on_proper_names(word):
        named = resolver.acted_on(name)
        if named is None:
            named = _unknown_ground(name, resolver)
        elif named.entry is None:
            resolver.notes.setdefault((named.start, named.end), ASSAULT_GROUND)
        if named is not None and (named.entry is None or named.entry.precision in _SITE_PRECISIONS):
            found.append(named)
    return found


def _on_proper_names(word: Token) -> list[Token]:
    """The proper nouns the word's "on" phrases hold."""
    return [
        pobj
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ == "on"
        for pobj in pobjs(prep)
        if pobj.pos_ == "PROPN"
    ]


def _unknown_ground(pobj: Token, resolver: Resolver) -> Match | None:
    """A name the tagger calls a place or nothing, that no words make a person."""
    if pobj.ent_type_ not in _PLACE_OR_UNTAGGED or described_person(pobj):
        return None
    named = resolver.unresolved_name(pobj, framed=False, named=True)
    if named is not None:
        resolver.notes[(named.start, named.end)] = ASSAULT_GROUND
    return named
