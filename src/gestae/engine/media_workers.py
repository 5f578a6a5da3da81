"""The country of a journalist the article tells by the outlet they work for: "a reporter for
a Kenyan newspaper", "a correspondent with Uganda's public broadcaster" (rule
actor.outlet-country). Only a demonym or a state's name on the outlet's own noun counts: a
listed outlet's home ("a Reuters reporter") says little of its staff, whom wire agencies and
broadcasters hire everywhere."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, MatchAt, choose_entry
from gestae.engine.rules import declare
from gestae.resources.word_classes import words

OUTLET_RULE = "actor.outlet-country"

declare(
    OUTLET_RULE,
    """A journalist, reporter or correspondent with no country of their own words who works
    "for", "with" or "at" an outlet a demonym or a state's name owns ("a reporter for a Kenyan
    newspaper", "a journalist with Uganda's public broadcaster") is of that state: the outlet
    is its country's press. A listed outlet's home alone ("a Reuters reporter") gives none,
    nor does an outlet named by no state ("a reporter for a local radio").

    Example: Ugandan police arrested a reporter for a Kenyan newspaper on Monday.
    """,
    __name__,
)

MEDIA_WORKERS = words("media_workers")
OUTLET_NOUNS = words("media_outlet_nouns")
_WORK_PREPS = frozenset({"for", "with", "at", "of"})


def outlet_country(head: Token, match_at: MatchAt, found: DocActors) -> str | None:
    """The one state the outlet a media worker works for is told of, if any."""
    if head.lemma_.lower() not in MEDIA_WORKERS:
        return None
    doc = head.doc
    # The parse may hang the phrase right after the worker on the verb ("arrested a reporter
    # for a Kenyan newspaper"); an outlet noun after it still says whom they work for.
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    beside = [after] if after is not None and after.head.i == head.head.i != head.i else []
    for prep in [*head.children, *beside]:
        if prep.dep_ != "prep" or prep.lower_ not in _WORK_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            # "a Kenyan newspaper", or an outlet noun before its name ("the Kenyan
            # broadcaster NTV").
            outlets = [obj, *(c for c in obj.lefts if c.dep_ in ("compound", "nmod"))]
            for outlet in outlets:
                if outlet.lemma_.lower() in OUTLET_NOUNS:
                    return _named_state(outlet, match_at, found)
    return None


def _named_state(outlet: Token, match_at: MatchAt, found: DocActors) -> str | None:
    """The one state a demonym on the outlet ("a Kenyan newspaper") or its possessor
    ("Uganda's broadcaster") names."""
    told: set[str] = set()
    for word in outlet.lefts:
        if word.dep_ not in ("amod", "compound", "poss") or word.i not in match_at:
            continue
        entry = choose_entry(match_at[word.i][1], found)
        if entry.kind == "state" and entry.country:
            told.add(entry.country)
    return next(iter(told)) if len(told) == 1 else None
