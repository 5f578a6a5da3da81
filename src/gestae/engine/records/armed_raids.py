"""A raid's code follows who carries it out. The lexicon's bare verb "raid" (CAMEO 170) is
written for the raids of police, prosecutors and officials on homes and offices, which are
searches: coercion. Rebels, unnamed gunmen and armed gangs who raid a village, a market or an
army camp come to kill, burn and carry off: that is an armed attack (190, ASSAULT)."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.ontology import Ontology

RAID_LEMMA = "raid"
SEARCH_CODE = "170"
ATTACK_CODE = "190"
# Raiders that are no state's: rebels and militants, gunmen nobody names, armed gangs.
NON_STATE_ARMED = frozenset({"REB", "UAF", "CRM"})


@rule("record.armed-raid")
def armed_raid(draft: Draft, ontology: Ontology) -> None:
    """A raid by rebels, gunmen or gangs is an attack (CAMEO 190), not a search (170); a raid
    by police, troops or officials, or by no raider named, stays a search.

    Example: Militants raided a police post near Bannu on Tuesday.
    """
    if draft.cameo != SEARCH_CODE or draft.candidate.trigger.lemma_.lower() != RAID_LEMMA:
        return
    raiders = [a for a in draft.sources if a.sector]
    if not raiders or not all(a.sector in NON_STATE_ARMED for a in raiders):
        return
    draft.retype(ontology, ATTACK_CODE)
    draft.trace.add("record.armed-raid", f"raid by {raiders[0].label()}: CAMEO {ATTACK_CODE}")
