"""A place inside the trigger's other phrases: the scene a time, a means or a participant
phrase sets when the trigger has no locative phrase of its own ("shot at his home in Belfast",
"killed in clashes with the army in western Raqqa")."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.clause_links import TIME_SPANS
from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import phrase_places
from gestae.engine.rules import declare, rule
from gestae.engine.syntax import article_gerund

# Prepositions whose object is a participant or a time, not a place, but whose own locative
# phrase still sets the scene: "shot at his home in Belfast", "killed during a raid in Hama".
_THROUGH_PREPS = frozenset({"at", "during", "after", "following", "in", "on", "with", "by"})


@rule("place.nested-phrase")
def nested_phrase(trigger: Token, resolver: Resolver) -> Match | None:
    """A place inside the trigger's other phrases sets the scene: "shot at his home in
    Belfast", "killed in clashes with the army in western Raqqa".

    Example: A farmer was shot at his home in Belfast.
    """
    matches: list[Match] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in _THROUGH_PREPS or _elsewhere(prep):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (pobj.pos_ == "NOUN" or article_gerund(pobj)):
                matches.extend(phrase_places(pobj, resolver))
    return resolver.best(matches)


SPAN_AFTER = "place.span-after"
declare(
    SPAN_AFTER,
    """An "after" or "following" phrase set apart by a span of time ("one day after a rally in
    X", "weeks after the raid on X") tells an earlier incident, as a clause so set apart does
    (`place.before-clause`): a place inside it is not the event's scene.

    Example: Thousands protested against the new law, one day after a rally in Nairobi.
    """,
    __name__,
)


def _elsewhere(prep: Token) -> bool:
    """An "after" phrase whose places belong to an earlier incident (`place.span-after`)."""
    if prep.lower_ not in ("after", "following"):
        return False
    spans = [t for c in prep.children if c.dep_ == "npadvmod" for t in c.subtree]
    return any(t.lemma_.lower() in TIME_SPANS for t in spans)
