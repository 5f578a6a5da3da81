"""A relative clause opened by "where" happens at the place it hangs on: "the Karrada district,
where a car bomb killed 12 people", "troops entered Kidal, where they arrested ten rebels"."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import rule


@rule("place.where-clause")
def where_clause(trigger: Token, resolver: Resolver) -> Match | None:
    """An act told in a "where" clause took place at the place the clause hangs on, named or
    framed ("Kidal, where ...", "the Hodan neighbourhood, where ..."); a clause on anything
    else ("the meeting, where ...", "a case where ...") gives none.

    Example: Troops entered Kidal, where they arrested ten rebels.
    """
    clause = trigger
    if clause.dep_ == "conj" and clause.head.dep_ == "relcl":
        clause = clause.head  # "where gunmen shot three traders and burned a shop"
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return None
    found = resolver.resolve_phrase(clause.head)
    # only the place the clause hangs on, not one in its phrases ("the talks in Doha, where")
    if found is None or not found.start <= clause.head.i < found.end + _frame_gap(clause.head):
        return None
    return found


def _frame_gap(head: Token) -> int:
    """A frame noun ("the Hodan neighbourhood") follows its name: the place may end before it."""
    return 1 if head.pos_ == "NOUN" else 0
