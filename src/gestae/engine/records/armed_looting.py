"""Looting by a force is no riot: soldiers, police or an armed group who loot seize property
(CAMEO 171). The lexicon reads the subject of "looted" for this; the passive ("shops were
looted by soldiers") and the noun ("looting by troops") give the doer only as a record's
source, so the record is recoded here."""

from __future__ import annotations

from gestae.engine.events.protests import RIOT_CODE
from gestae.engine.records.draft import Draft
from gestae.engine.records.home_seizures import SEIZE_PROPERTY
from gestae.engine.rules import rule
from gestae.resources.ontology import Ontology

LOOT_WORDS = frozenset({"loot", "looting"})
# Sectors of a force or an armed group (docs/contract.md, actor sectors).
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})


@rule("record.armed-looting")
def armed_looting(draft: Draft, ontology: Ontology) -> None:
    """Looting done by a force or an armed group is a seizure of property, not a riot; a
    crowd's looting stays a riot.

    Example: Shops in the market were looted by soldiers on Sunday.
    """
    if draft.cameo != RIOT_CODE or draft.candidate.trigger.lemma_.lower() not in LOOT_WORDS:
        return
    if not draft.sources or not all(a.sector in ARMED_SECTORS for a in draft.sources):
        return
    draft.retype(ontology, SEIZE_PROPERTY)
    draft.trace.add("record.armed-looting", "looted by a force: property seized (171)")
