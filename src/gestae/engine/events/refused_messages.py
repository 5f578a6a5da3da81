"""A message refused is no act of its author: "Russia vetoed a resolution condemning Syria"
tells of a veto, and the condemnation it would have made never happened. Run by
suppression.MATCH_SUPPRESSIONS on a matched trigger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS
from gestae.resources.word_classes import words

if TYPE_CHECKING:
    from gestae.engine.events.suppression import Matched

MESSAGE_REFUSALS = words("message_refusals")
# Clauses that say what a message says: "a resolution condemning X", "a bill that bans X".
MESSAGE_CLAUSE_DEPS = frozenset({"acl", "relcl"})


@rule("suppress.refused-message")
def refused_message(m: Matched) -> bool:
    """'vetoed a resolution condemning Syria', 'rejected a bill that bans strikes': the act a
    message would make is not made when the message is blocked, vetoed, rejected or defeated
    (word class message_refusals); the refusal codes on its own.

    Example: China blocked a statement condemning the coup in Yangon.
    """
    clause, noun = m.token, m.token.head
    if clause.dep_ not in MESSAGE_CLAUSE_DEPS or noun.i == clause.i:
        return False
    if noun.lemma_.lower() not in m.grammar.communication_nouns or noun.dep_ not in OBJECT_DEPS:
        return False
    return noun.head.lemma_.lower() in MESSAGE_REFUSALS
