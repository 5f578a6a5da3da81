"""Whose holdings an act freezes, seizes or destroys: "froze their assets", "demolished their
huts" are aimed at the people the "their" points back to, not at the assets or the huts (a
named rule `targets.FALLBACK_RULES` tries)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

# Things owned that a sanction or a seizure takes ("their assets", "his bank accounts"), and
# the homes and means of living an eviction or a raid destroys ("their huts", "his crops").
HOLDING_NOUNS = words("holding_nouns") | words("owned_livelihoods")
PLURAL_OWNERS = frozenset({"their"})
SINGLE_OWNERS = frozenset({"his", "her"})
OWNER_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@rule("target.holdings-owner")
def holdings_owner(q: Search) -> list[Mention]:
    """'imposed a travel ban on seven generals and froze their assets': holdings owned by a
    "their" (or "his", "her") stand for the people named before them in the sentence, other
    than a subject (the freezer's own "their" is not meant: "froze their own accounts" is
    rare in news); nothing when no such people are named there.

    Example: Norway expelled three Russian diplomats and froze their accounts.
    """
    if q.depth != 0:
        return []
    for obj in q.objects:
        if obj.lemma_.lower() not in HOLDING_NOUNS:
            continue
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ not in PLURAL_OWNERS | SINGLE_OWNERS:
            continue
        found = _owner_before(q, owner)
        if found is not None:
            return q.found("target.holdings-owner", [found])
    return []


def _owner_before(q: Search, owner: Token) -> Mention | None:
    """The nearest people named before the possessive in its sentence, not a subject, in the
    possessive's number."""
    doc = owner.doc
    plural = owner.lower_ in PLURAL_OWNERS
    for mention in reversed(q.ev.actors.mentions):
        if not (owner.sent.start <= mention.head < owner.i) or not mention.actors:
            continue
        head = doc[mention.head]
        if head.dep_ in OWNER_SUBJECT_DEPS or mention.media:
            continue
        many = head.tag_ in ("NNS", "NNPS") or len(mention.actors) > 1
        if many == plural:
            return mention
    return None
