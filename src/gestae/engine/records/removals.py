"""Removals from office: the holder removed is the remover's own, and still its target.

A president who sacks "his defence minister", a parliament that impeaches "the prime
minister", officers who topple "the president": the one removed is of the remover's own state,
often of its own sector and named only by title, so the rules that drop a target read as the
source itself or its own side would leave the act with no one removed. The removed holder is
told by other words than the remover, and that is the test kept here.
"""

from __future__ import annotations

from gestae.engine.records.draft import Draft, Pair
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Verbs whose object is a holder removed from office (triggers.yaml, CAMEO 172).
REMOVAL_VERBS = words("removal_verbs")
REMOVAL_CODE = "172"


@rule("record.removed-holder")
def removed_holders(draft: Draft) -> list[Pair]:
    """A holder removed from office by their own state is the removal's target, though of
    the remover's country and sector: told by other words, it is another participant.

    Example: The Zambian president sacked his defence minister on Friday.
    """
    if draft.cameo != REMOVAL_CODE or draft.candidate.trigger.lemma_.lower() not in REMOVAL_VERBS:
        return []
    pairs: list[Pair] = [
        (source, target)
        for source in draft.sources
        for target in draft.targets
        if target not in draft.unnamed and _other_words(source, target)
    ]
    if pairs:
        draft.trace.add("record.removed-holder", "the holder removed is the target")
    return pairs


def _other_words(source: Actor, target: Actor) -> bool:
    """Source and target stand on words that do not overlap."""
    return source.end <= target.start or target.end <= source.start
