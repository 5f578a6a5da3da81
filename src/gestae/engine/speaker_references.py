"""Who an "it" in someone's words is not: the plural speakers whose words hold it."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors
from gestae.resources.word_classes import words
from gestae.schema import Actor

PLURAL_PRONOUNS = words("plural_pronouns")


def speakers_themselves(token: Token, actor: Actor, found: DocActors) -> bool:
    """'Rights groups condemned Peru. They say it violates its obligations': "it" in what a
    plural speaker says ("they", "the groups") is not the speakers themselves (rule
    reference.not-the-speakers); the charge is no act of the accusers."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return False
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subject is None or not (
        subject.tag_ in ("NNS", "NNPS") or subject.lower_ in PLURAL_PRONOUNS
    ):
        return False
    return any(
        m.start <= subject.i < m.end and any(a is actor or a == actor for a in m.actors)
        for m in found.mentions
    )
