"""The place an attack's outcome is told with: "gunmen attacked at midnight, killing four
guards in Maiduguri". The count of dead and wounded often carries the only place the sentence
gives; the attack happened where its victims fell."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.casualties import is_casualty_verb
from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import own_place
from gestae.engine.rules import rule


@rule("place.outcome-participle")
def outcome_participle(trigger: Token, resolver: Resolver) -> Match | None:
    """An act with no place of its own is where the participle telling its dead or wounded
    puts them (", killing four guards in Maiduguri"); only a casualty verb's participle
    ("killing", "wounding", "injuring"), which tells the same incident, not any later act.

    Example: Gunmen attacked before dawn, killing six villagers in Zamfara state.
    """
    outcomes = [
        c
        for c in trigger.children
        if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and is_casualty_verb(c)
    ]
    return resolver.best([m for clause in outcomes if (m := own_place(clause, resolver))])
