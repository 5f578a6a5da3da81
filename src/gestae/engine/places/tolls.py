"""The other half of a casualty toll: "two were killed and nine were wounded in an attack in
X" tells one incident, so the place written on the second verb is the first one's too."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.casualties import is_casualty_verb
from gestae.engine.places.match import Match
from gestae.engine.places.nested import nested_phrase
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import CONTRAST_CONJUNCTIONS, own_place
from gestae.engine.rules import rule

# Words that tell the second count apart as another incident: "in a separate attack in X".
_APART = frozenset({"another", "different", "elsewhere", "separate"})


@rule("place.toll-pair")
def toll_pair(trigger: Token, resolver: Resolver) -> Match | None:
    """A casualty verb joined to another casualty verb shares the place written on it, though
    the second has its own subject and auxiliary: "two were killed and nine were wounded in
    Hilla", "one was killed and 19 wounded in clashes between troops and rebels in X" tell one
    incident. Not a count told apart ("but", "in a separate attack in X").

    Example: Three soldiers were killed and five were wounded in an ambush near Beni on Monday.
    """
    if not _toll_verb(trigger):
        return None
    matches: list[Match] = []
    for verb in trigger.children:
        if verb.dep_ != "conj" or not _toll_verb(verb) or _apart(trigger, verb):
            continue
        matches.extend(m for m in (own_place(verb, resolver), nested_phrase(verb, resolver)) if m)
    return resolver.best(matches)


def _toll_verb(verb: Token) -> bool:
    """A verb that counts casualties: killed, wounded, injured, and "shot" (dead or wounded)."""
    return is_casualty_verb(verb) or (verb.pos_ == "VERB" and verb.lemma_.lower() == "shoot")


def _apart(trigger: Token, verb: Token) -> bool:
    """A second count opened by a contrast, or whose phrases name another incident."""
    marks = [c for c in (*trigger.children, *verb.children) if c.dep_ == "cc" and c.i < verb.i]
    if marks and max(marks, key=lambda t: t.i).lower_ in CONTRAST_CONJUNCTIONS:
        return True
    phrases = [t for c in verb.children if c.dep_ in ("prep", "advmod") for t in c.subtree]
    # "in a separate attack" is another incident; "in two separate attacks" holds both counts
    return any(t.lower_ in _APART and t.head.tag_ != "NNS" for t in phrases)
