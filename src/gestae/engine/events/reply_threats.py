"""'Afghan forces would respond if Pakistan fired again': a reply announced or made conditional
is a threat (record.future-threaten makes it THREATEN: 138 of force, 130 unspecified); the same
verbs told as done ('police responded to the scene', 'Beijing retaliated by raising tariffs') say too
little of what was done to code, and the act that answered codes by its own verb."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.records.codes import COMMITTING_AUX
from gestae.engine.rules import rule
from gestae.engine.syntax import auxiliaries
from gestae.resources.lexicon import TriggerEntry

# The bare verbs of a reply the lexicon codes only for a reply still to come.
REPLY_VERBS = frozenset({"respond", "retaliate"})


@rule("suppress.reply-done")
def reply_done(token: Token, entry: TriggerEntry) -> bool:
    """A bare reply verb ("respond", "retaliate", no "with" of its means) codes only when
    "will" or "would" announce it ("would retaliate if attacked"): a reply told as done
    or as a wish ("forces responded quickly", "wants to respond") is no act of its own.

    Example: Police responded to the attack within minutes.
    """
    if entry.lemma not in REPLY_VERBS or entry.prep is not None:
        return False
    return not auxiliaries(token) & COMMITTING_AUX
