"""Events stage: find event triggers in a parsed sentence and read who did it to whom.

Triggers come from the lexicon (data/triggers.yaml); argument structure comes from the
dependency parse: subjects and passive agents give the source, objects and the lexicon's
preposition give the target. Sentences with no clear trigger yield nothing: there is no
fallback code. Every decision is a named rule (gestae/engine/rules.py) that writes its step
into the candidate's trace; `finder.py` gives the order of the steps.
"""

from gestae.engine.events.candidate import EventCandidate
from gestae.engine.events.finder import EventFinder
from gestae.engine.events.matching import describe_entry
from gestae.engine.events.modality import SPEECH_VERBS
from gestae.engine.events.obligations import OBLIGATION_MODALS

__all__ = [
    "OBLIGATION_MODALS",
    "SPEECH_VERBS",
    "EventCandidate",
    "EventFinder",
    "describe_entry",
]
