"""The place of a verb late in a chain of verbs coordinated under one subject.

`place.enclosing-clause` reads the setting of the verb a conjunct hangs from; the parser hangs
the third verb of "stormed X, burned ten houses and abducted four women" from the second, which
has no place of its own, so the setting the first one gives is read further up the chain.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import AFTERMATH_VERBS
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import own_place, starts_own_clause
from gestae.engine.rules import rule

# How far up a chain of conjuncts the setting is read: "stormed, burned, looted and abducted".
_CHAIN_LIMIT = 4


def _chain_heads(trigger: Token) -> list[Token]:
    """The verbs above the trigger's own head in its chain of conjuncts, nearest first; empty
    when a link of the chain has a subject or an auxiliary of its own, or opens on a contrast
    (another clause, another scene)."""
    if trigger.dep_ != "conj" or starts_own_clause(trigger):
        return []
    if trigger.lemma_.lower() in AFTERMATH_VERBS:
        return []  # "captured in Kidal, questioned and held": held elsewhere
    clause = trigger.head
    heads: list[Token] = []
    for _ in range(_CHAIN_LIMIT):
        if clause.dep_ != "conj" or clause.pos_ not in ("VERB", "AUX"):
            break
        if starts_own_clause(clause):
            break
        head = clause.head
        if head.i == clause.i or head.pos_ not in ("VERB", "AUX"):
            break
        heads.append(head)
        clause = head
    return heads


@rule("place.conjunct-chain")
def conjunct_chain(trigger: Token, resolver: Resolver) -> Match | None:
    """A verb late in a chain of verbs under one subject shares the setting an earlier verb of
    the chain gives, when the verb between has none: "stormed the village of X, burned ten
    houses and abducted four women" abducted them in X. Not past a link with its own subject
    or auxiliary, nor for what befell a captive afterwards (data `aftermath_verbs`).

    Example: Rebels stormed the town of Kidal, burned ten houses and abducted four women.
    """
    for head in _chain_heads(trigger):
        found = own_place(head, resolver)
        if found is not None:
            return found
    return None
