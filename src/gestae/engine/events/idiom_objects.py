"""Idioms that code nothing ("struck oil", "seized power", "killed cattle") against a thing or
people the word in front only describes ("struck an oil refinery", "seized the power
station", "killed cattle herders")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.frame_subjects import is_actor
from gestae.engine.events.measure_goods import goods_of_measure
from gestae.engine.rules import rule, rule_id_of
from gestae.engine.syntax import objects
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

if TYPE_CHECKING:
    from gestae.engine.events.matching import Grammar

# The code of a frame listed to code nothing (triggers.yaml, statement frames).
NO_EVENT = "010"
# Sites a word in front only describes: works of energy and water, and the places and stores
# a capture takes (word_classes.yaml).
SITES = words("installation_nouns") | words("captured_things")


@rule("trigger.idiom-thing-head")
def idiom_word_in_front(
    grammar: Grammar, token: Token, entry: TriggerEntry, actors: DocActors | None
) -> bool:
    """An idiom that codes nothing names the thing it acts on ("struck oil", "killed
    cattle"): when its word fits only a word in front of the object's head, and that head is
    a site or people, the idiom stands aside for the verb's other frames ("struck an oil
    refinery" is an attack, "killed three cattle herders" a killing).

    Example: Drones struck an oil refinery near Samara.
    """
    if entry.cameo != NO_EVENT or not entry.obj:
        return False
    if grammar.obj_fits_head(token, entry, actors):
        return False
    heads = objects(token)
    return bool(heads) and all(
        is_actor(h, actors) or h.lemma_.lower() in SITES or h.lower_ in SITES for h in heads
    )


def set_aside_rule(over: TriggerEntry, token: Token) -> str:
    """The rule that set the entry `over` aside for the one that codes: an idiom that codes
    nothing (trigger.idiom-thing-head), an entry that fit only the goods a measure covers
    (trigger.measure-goods), else an entry that fit only a word describing the object
    (trigger.object-head-first)."""
    if over.cameo == NO_EVENT:
        return rule_id_of(idiom_word_in_front)
    if goods_of_measure(token):
        return rule_id_of(goods_of_measure)
    return "trigger.object-head-first"
