"""Whom a call to free people held is aimed at, when the people were seized in a sentence
before: "Police arrested 12 activists on Tuesday. The opposition called for their release."
The call names no holder; "their" are the people the arrest just told took, and freeing them
is asked of whoever took them.

Narrow, like record.condemned-act-doer: only a call or demand to free people (CAMEO 0253,
1053) with no target, whose release names its people by a pronoun ("their release") or with
"the" ("the release of the students"); only from the nearest of the three sentences before
that tells an arrest or an abduction (or a seizure, when the call names a ship: "the release
of the tanker"); only when that sentence names exactly one doer; never the caller itself.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.records.carried_sources import Earlier, aim_at_doer_told, reaction_trigger
from gestae.engine.rules import rule
from gestae.engine.syntax import of_objects
from gestae.resources.word_classes import words
from gestae.schema import EventRecord

RELEASE_CODES = frozenset({"0253", "1053"})
# Arrests and detentions (173), abductions and hostage-takings (181): acts that hold people.
HOLDING_CODES = frozenset({"173", "181"})
RELEASE_WORDS = frozenset({"release", "freedom", "free"})
HELD_POINTERS = frozenset({"their", "his", "her", "them", "him", "the", "these", "those"})
# A seized ship holds its crew: "demanded the release of the tanker" asks it of whoever seized
# it (CAMEO 171), as a release of people asks it of their captors.
SEIZURE_CODE = "171"
FLAGGED_CRAFT = words("flagged_craft")


def _told_before(release: Token) -> bool:
    """'their release', 'the release of the students', 'to free them': people named as ones
    already told of."""
    held = [c for c in release.children if c.dep_ in ("poss", "dobj")] + of_objects(release)
    return any(
        h.lower_ in HELD_POINTERS
        or any(d.lower_ in HELD_POINTERS for d in h.children if d.dep_ == "det")
        for h in held
    )


def _names_craft(release: Token) -> bool:
    """'the release of the ship', 'the tanker's release': a craft seized is what is freed."""
    held = [c for c in release.children if c.dep_ in ("poss", "dobj")] + of_objects(release)
    return any(h.lemma_.lower() in FLAGGED_CRAFT for h in held)


def _release(trigger: Span) -> Token | None:
    """The word of the release the call asks for, inside the trigger's phrase."""
    for tok in trigger.root.subtree:
        if tok.lemma_.lower() in RELEASE_WORDS and tok.i != trigger.root.i:
            return tok
    return None


@rule("record.release-holder-told")
def release_holder_told(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'Police arrested 12 activists on Tuesday. The opposition called for their release': a
    call to free people the article told were seized, named by a pronoun or "the", is aimed at
    the one doer of that arrest or abduction; a call to free a ship, at whoever seized it.

    Example: Soldiers detained two reporters in Bamako on Monday. The union demanded their release.
    Example: Iranian forces seized a Greek tanker on Friday. Athens demanded the release of the ship.
    """
    trigger = reaction_trigger(record, sent, earlier, lambda c: c in RELEASE_CODES)
    release = _release(trigger) if trigger is not None else None
    if release is None or not _told_before(release):
        return None
    why = "target: the people whose release is asked were held by it (sentence {index})"
    codes = HOLDING_CODES | {SEIZURE_CODE} if _names_craft(release) else HOLDING_CODES
    acts = lambda r: r.cameo in codes  # noqa: E731
    return aim_at_doer_told(record, earlier, acts, "record.release-holder-told", why)
