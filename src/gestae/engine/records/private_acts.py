"""Cooperation between people and bodies that nothing places in politics (no state, no sector): "Mark
worked with his cousin", "the society collaborated with a museum", "she visited the detainees".
Such acts are private life or business of unknown standing; an analyst counting dyads cannot use
them, and they read as absurd beside real events. Hostile acts keep their record: an attack on
a named person is news whoever he is."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule

# CAMEO roots of talk, appeals, intent, consultation, support, cooperation and aid (01-07).
COOPERATIVE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07"})


@rule("record.no-party")
def no_party(draft: Draft) -> bool:
    """True (drop the record) when no participant of a cooperative act is a state or has a
    sector (a person placed only by where she lives is no party): none of them is a party
    that political event data counts.

    Example: Maria Lopez worked with Ana Ruiz in Chicago for a decade.
    """
    if draft.cameo[:2] not in COOPERATIVE_ROOTS:
        return False
    actors = [*draft.sources, *draft.targets, *draft.unnamed]
    if any(a.kind == "state" or a.sector for a in actors):
        return False
    draft.trace.add("record.no-party", "no participant is a state or has a sector")
    return True
