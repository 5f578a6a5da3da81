"""Whose a title or agent noun is when a pair of states owns it: "the two countries' forces",
"troops of both nations" are one actor per state of the pair (rule actor.pair-owner), as
"Kenyan and Somali troops" are, not the article's leading state alone."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.group_references import PAIR_HEADS, pair_reference
from gestae.engine.mentions import DocActors
from gestae.engine.rules import declare

PAIR_OWNER = "actor.pair-owner"

declare(
    PAIR_OWNER,
    """A title or agent noun whose owner is a phrase pointing back to two or more states
    ("the two countries' forces", "troops of both nations", "the other three countries'
    leaders") is one actor per state that phrase points to (reference.counted-states): the
    words say whose they are, so neither the article's leading state alone nor no state.

    Example: Kenya and Somalia signed a pact on Monday. Rebels attacked the two countries'
    forces on Tuesday.
    """,
    __name__,
)


def _owners(head: Token) -> list[Token]:
    """The possessor of a noun and the objects of its own "of" ("forces of both nations")."""
    owners = [c for c in head.children if c.dep_ == "poss"]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            owners.extend(o for o in prep.children if o.dep_ == "pobj")
    return owners


def pair_owner_countries(head: Token, found: DocActors, bits: list[str]) -> list[str | None]:
    """The states a counted owner phrase points back to, when it points to two or more."""
    for owner in _owners(head):
        if owner.lemma_.lower() not in PAIR_HEADS and owner.lower_ not in PAIR_HEADS:
            continue
        pointed = pair_reference(owner, found)
        if pointed is None:
            continue
        countries = list(dict.fromkeys(a.country for a in pointed.actors if a.country))
        if len(countries) >= 2:
            bits.append(f"{PAIR_OWNER}: of {', '.join(countries)}, whom '{owner.text}' means")
            return list[str | None](countries)
    return []
