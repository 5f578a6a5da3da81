"""Measures named with the goods they cover ("an arms embargo", "a weapons ban"): the word in
front says what the measure stops, not a kind of it, so the measure's own frame codes."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import objects
from gestae.resources.word_classes import words

# Measures a state imposes and lifts (word_classes.yaml `imposed_measures`).
MEASURES = words("imposed_measures")


@rule("trigger.measure-goods")
def goods_of_measure(token: Token) -> bool:
    """A word in front of a measure ("an arms embargo", "a weapons ban") names the goods it
    covers, not a kind of the measure: the verb's frame that fits the measure (extending an
    embargo imposes it, 163) wins over one that fits only the goods (extending arms to a state
    would be military aid, 072). "The ceasefire agreement" still reads as a kind of agreement.

    Example: The Security Council extended an arms embargo on Libya for a year.
    """
    return any(
        o.lemma_.lower() in MEASURES
        and any(c.dep_ == "compound" and c.lemma_.lower() not in MEASURES for c in o.lefts)
        for o in objects(token)
    )
