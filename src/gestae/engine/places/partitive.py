"""A share of something stands for the thing it is a share of.

"Shot in one of the stores in Phoenix", "40 of the 50 homes in Tando were destroyed", "much of
Grozny was destroyed": the parser heads the phrase with the quantity ("one", "40", "much"), no
noun and no name, so the rules that read the trigger's phrases and arguments stop there. The
phrase's "of" object is what the event happened in or was done to.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import LOCATIVE_PREPS, PARTITIVE_HEADS, PLACE_OBJECT_VERBS
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import rule

_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# A share of ground (not a count of people) may name the ground itself: "much of Grozny"
_GROUND_SHARES = frozenset({"all", "much", "most", "third"})
# What a share of a name may be: a country's share is a party's ("most of Iraq's army")
_NAMED_PRECISIONS = frozenset({"town", "admin1", "admin2", "region", "water"})


def share_of(head: Token) -> Token | None:
    """The "of" object of a quantity that heads a phrase: "one of the stores", "40 of the
    homes", "much of Grozny"."""
    if head.pos_ != "NUM" and head.lemma_.lower() not in PARTITIVE_HEADS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _in_share(trigger: Token, resolver: Resolver) -> list[Match]:
    """Places of a locative phrase headed by a share: "in one of the stores in Phoenix"."""
    found: list[Match] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
            continue
        for pobj in prep.children:
            inner = share_of(pobj) if pobj.dep_ == "pobj" else None
            match = resolver.resolve_phrase(inner) if inner is not None else None
            if match is not None:
                found.append(match)
    return found


def _shared_argument(trigger: Token, resolver: Resolver) -> list[Match]:
    """Places of an argument headed by a share: the "in" phrase of its "of" object ("40 of
    the homes in Tando were destroyed"), or the ground an act on ground takes a share of
    ("captured most of Kidal")."""
    found: list[Match] = []
    for argument in trigger.children:
        inner = share_of(argument) if argument.dep_ in _ARGUMENT_DEPS else None
        if inner is None:
            continue
        found.extend(resolver.locative_pps(inner))
        ground = trigger.lemma_.lower() in PLACE_OBJECT_VERBS and argument.dep_ != "nsubj"
        if ground and inner.pos_ == "PROPN" and argument.lemma_.lower() in _GROUND_SHARES:
            named = resolver.acted_on(inner)
            if named is not None and (
                named.entry is None or named.entry.precision in _NAMED_PRECISIONS
            ):
                found.append(named)
    return found


@rule("place.partitive")
def partitive(trigger: Token, resolver: Resolver) -> Match | None:
    """A phrase headed by a share ("one of", "40 of", "much of") stands for what it is a share
    of: the place that names or holds it is the event's, as it would be without the quantity
    ("shot in one of the stores in Phoenix", "40 of the homes in Tando were destroyed").

    Example: Gunmen shot a guard in one of the markets in Kano on Monday.
    """
    return resolver.best([*_in_share(trigger, resolver), *_shared_argument(trigger, resolver)])
