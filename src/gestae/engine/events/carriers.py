"""Verbs that carry a violent event noun without being its light verb: who owns up to the act
("claimed responsibility for the attack"), who undergoes it ("came under attack", "suffered
an ambush") and who died in it ("fifty people died in clashes"). The noun codes the event;
the carrying verb belongs to its trigger, as a light verb does, and codes nothing apart."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.matching import Grammar
from gestae.engine.events.nominal import claimed_by, undergoing_verb
from gestae.engine.rules import Trace, rule

# Verbs of dying whose 'in' or 'during' phrase names the violent act that killed.
DYING_VERBS = frozenset({"die", "perish"})
DYING_PREPS = frozenset({"in", "during"})


def died_in(grammar: Grammar, noun: Token) -> Token | None:
    """'Fifty people died in clashes': the verb of dying whose phrase the event noun is."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in DYING_PREPS:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DYING_VERBS:
        return None
    return verb if grammar.is_event_noun(noun) else None


@rule("trigger.carrying-verb")
def carrying_verb(grammar: Grammar, trace: Trace, noun: Token) -> Token | None:
    """A violent event noun that someone claims, undergoes or dies in is reported by that
    verb: the record's trigger spans the verb and the noun, so that the verb a reader marks
    ("claimed", "came", "died") is the event's word too. Only violent nouns: "faced
    criticism" keeps its noun trigger, as a verbal act is told by the noun alone.

    Example: Al-Shabaab claimed responsibility for the attack on a hotel in Mogadishu.
    """
    verb = claimed_by(noun) or undergoing_verb(noun) or died_in(grammar, noun)
    if verb is None or verb.i > noun.i:
        return None
    trace.add("trigger.carrying-verb", f"'{noun.text}' reported by '{verb.text}'")
    return verb
