"""Nouns of a relation to others: "Ukraine's allies", "China's critics", "Gabon's neighbours"
name the others, and their possessor is the one they relate to. A subject that is a thing or an
office acts for its owner (source.subject-owner: "Egypt's foreign ministry"), but such a noun
does not: "Ukraine's Western allies pledged weapons" was coded as Ukraine's pledge."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

# Word class relation_nouns: allies, critics, neighbours, partners, rivals, ...
RELATION_NOUNS = words("relation_nouns")


@rule("source.relation-not-owner")
def relation_not_owner(ev: Event, subject: Token) -> bool:
    """'Ukraine's allies pledged weapons', 'China's critics accused Beijing': a subject that
    names a relation to others is not its possessor's act; the others stay unnamed.

    Example: Ukraine's Western allies pledged more weapons on Monday.
    """
    if subject.lemma_.lower() not in RELATION_NOUNS and subject.lower_ not in RELATION_NOUNS:
        return False
    if not any(c.dep_ == "poss" for c in subject.children):
        return False
    ev.trace.add("source.relation-not-owner", f"'{subject.text}' are others, not their owner")
    return True
