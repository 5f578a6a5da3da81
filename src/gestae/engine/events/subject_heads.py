"""Subject heads that name no actor themselves but the one after their 'of': part of a group
of people ('most of the demonstrators') or part of a body ('the armed wing of Hamas')."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group
from gestae.engine.rules import rule
from gestae.engine.syntax import of_objects
from gestae.resources.word_classes import words

# Heads that pick out part of a group or a mix of people: the people after 'of' act.
PARTITIVE_HEADS = words("partitive_heads")
# Parts of a body that act for it: the body after 'of' acts.
BODY_PART_HEADS = words("body_part_heads")


def _partitive(token: Token) -> bool:
    return (
        token.lemma_.lower() in PARTITIVE_HEADS
        or token.lower_ in PARTITIVE_HEADS
        or (token.like_num and token.pos_ == "NUM")
    )


@rule("source.partitive-head")
def partitive_head(ev: Event, subject: Token) -> list[Mention] | None:
    """'Most of the demonstrators marched', 'one of the gunmen opened fire', 'hordes of
    protesters rallied', 'a mixture of students and veterans': a head that picks out part, a
    band or a mix of people (word class partitive_heads, or a number) is no actor; the people
    after its 'of' act, with their own country and sector.

    Example: Most of the demonstrators marched through the centre of Nairobi.
    """
    head = subject
    for _ in range(2):  # "one of the members of the militia"
        own = ev.actors.at(head)
        if not _partitive(head) or (own is not None and own.actors):
            return body_part(ev, subject) if head is subject else None
        held = [o for o in of_objects(head) if o.pos_ in ("NOUN", "PROPN")]
        if not held:
            return None
        found = [m for m in actor_group(ev.grammar, held[0], ev.actors) if m.actors]
        if found:
            return ev.found("source.partitive-head", found, subject.text)
        head = held[0]
    return None


@rule("source.body-part")
def body_part(ev: Event, subject: Token) -> list[Mention] | None:
    """A part of a body acts for the body: 'the armed wing of Hamas', 'the humanitarian arm
    of the United Nations', 'the office of the president' (word class body_part_heads) name
    no actor of their own, the body after their 'of' acts, with its country and sector.

    Example: The armed wing of Hamas fired rockets at Israel.
    """
    own = ev.actors.at(subject)
    if subject.lemma_.lower() not in BODY_PART_HEADS or (own is not None and own.actors):
        return None
    held = [o for o in of_objects(subject) if o.pos_ in ("NOUN", "PROPN")]
    found = [m for m in actor_group(ev.grammar, held[0], ev.actors) if m.actors] if held else []
    return ev.found("source.body-part", found, subject.text) if found else None
