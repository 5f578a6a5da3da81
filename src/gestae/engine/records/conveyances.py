"""A craft pays no visit, whatever word names it in the clause: 'as when it arrived in
China' with 'it' the vessel told before (record.conveyed-referent)."""

from __future__ import annotations

from gestae.engine.events.nonpolitical import CONVEYANCES, MOVED_PEOPLE, VISIT_CODES
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.schema import Actor

# A visit announced ('will arrive in Oman') is coded as the intent to visit.
INTENDED_VISIT = "036"


def _conveyed(draft: Draft, actor: Actor) -> bool:
    """The actor's words are a craft or load or people moved, with no sector that would make
    them a force or a body ('navy ships' are a force)."""
    if actor.sector is not None or actor.kind in ("person", "state"):
        return False
    span = draft.words_of(actor)
    if span is None:
        return False
    forms = {span.root.lower_, span.root.lemma_.lower()}
    return bool(forms & (CONVEYANCES | MOVED_PEOPLE))


@rule("record.conveyed-referent")
def conveyed_referent(draft: Draft) -> bool:
    """A visit whose every doer turns out to be a ship, train, cargo or people carried ('the
    vessel sat as low as when it arrived in China', the pronoun standing for the vessel) is a
    journey, not an actor's visit to a partner; suppress.conveyed sees the craft only when
    the clause names it. False drops the record.

    Example: The Iranian tanker was empty, as it was when it arrived in China in May.
    """
    if draft.cameo not in VISIT_CODES | {INTENDED_VISIT} or not draft.sources:
        return True
    if not all(_conveyed(draft, actor) for actor in draft.sources):
        return True
    draft.trace.add("record.conveyed-referent", "the one who travels is a craft or a load")
    return False
