"""What a text is about is not whom an act on it is aimed at: vetoing "a joint statement on
Ukraine" or rejecting "a proposal on Iran" names no target in Ukraine or Iran."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

# Texts and positions whose "on" phrase is their subject, not their owner.
TOPIC_TEXTS = words("topic_texts")


@rule("target.text-topic")
def topic_phrase(noun: Token, dependent: Token) -> bool:
    """A text's "on" phrase says what it is about, not whose it is: vetoing "a statement on
    Ukraine" or rejecting "a proposal on Iran" is not aimed at Ukraine or Iran (`topic_texts`);
    "sanctions on Iran" still hit Iran.

    Example: Poland vetoed a joint declaration on Georgia.
    """
    return (
        dependent.dep_ == "prep" and dependent.lower_ == "on" and noun.lemma_.lower() in TOPIC_TEXTS
    )


def topic_tokens(noun: Token) -> set[int]:
    """The token indices of a text's "on" phrases."""
    return {t.i for c in noun.children if topic_phrase(noun, c) for t in c.subtree}


def from_topic(ev: Event, obj: Token, derived: Mention) -> bool:
    """The country an object lends (`target.place-in-object`) came from its "on" phrase
    alone: a name there is the text's subject."""
    phrases = [c for c in obj.children if topic_phrase(obj, c)]
    countries = {a.country for a in derived.actors}
    for pobj in (p for phrase in phrases for p in phrase.children if p.dep_ == "pobj"):
        topic = ev.actors.at(pobj) or ev.grammar.resolver.implied_actor(
            pobj, ev.actors, through_places=True
        )
        if topic is not None and countries <= {a.country for a in topic.actors}:
            ev.trace.add("target.text-topic", f"'{pobj.text}' is what '{obj.text}' is about")
            return True
    return False
