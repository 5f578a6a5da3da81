"""Arms given up are a disarming: "refused to lay down their arms", "agreed to hand over their
weapons" are what the frames of urging, promising and refusing a disarmament name by the
verb 'disarm' (triggers.yaml, CAMEO 0256, 0356, 1056, 1246)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import OBJECT_DEPS
from gestae.resources.word_classes import words

# Verbs of giving arms up ('lay down', 'hand over', 'surrender', 'give up', 'turn in').
DISARM_VERBS = words("disarm_verbs")
# What is given up: arms and weapons, not the verb 'arm' ('refused to arm the rebels').
ARMS_NOUNS = words("surrendered_arms")
# The lemma the frames list for a disarmament.
DISARM = "disarm"


def gives_up_arms(verb: Token) -> bool:
    """The complement verb gives up arms: one of DISARM_VERBS with arms as its object."""
    return verb.lemma_.lower() in DISARM_VERBS and any(
        o.dep_ in OBJECT_DEPS and o.lemma_.lower() in ARMS_NOUNS for o in verb.children
    )


@rule("trigger.disarm-phrase")
def disarm_phrase(trace: Trace, token: Token, xcomp: frozenset[str]) -> None:
    """'refused to lay down their arms', 'pledged to hand over their weapons': a complement
    that gives up arms (word classes disarm_verbs, surrendered_arms) fits a frame that lists
    'disarm', as 'refused to disarm' does; 'refused to lay a wreath' and 'refused to arm the
    rebels' do not.

    Example: The rebels refused to lay down their arms on Monday.
    """
    if DISARM not in xcomp:
        return
    for c in token.children:
        if c.dep_ == "xcomp" and gives_up_arms(c):
            trace.add("trigger.disarm-phrase", f"'{c.text}' gives up arms")
            return
