"""A raid's code follows who carries it out. The lexicon's bare verb "raid" (CAMEO 170) is
written for the raids of police, prosecutors and officials on homes and offices, which are
searches: coercion. Rebels, unnamed gunmen and armed gangs who raid a village, a market or an
army camp come to kill, burn and carry off: that is an armed attack (190, ASSAULT). And people
freed in a raid are rescued by it, not released by their captors."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.ontology import Ontology
from gestae.resources.word_classes import words

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


RELEASE_CODE = "0841"
RESCUE_CODE = "073"
FORCE_NOUNS = words("force_nouns")
# Prepositions that set a release inside an armed action ("freed in a raid").
SETTING_PREPS = frozenset({"in", "during"})


@rule("record.freed-in-raid")
def freed_in_raid(draft: Draft, ontology: Ontology) -> None:
    """People freed "in" or "during" a raid, an assault or an operation are rescued (CAMEO 073,
    AID), not released (0841): those who free them by force are not their captors, and the
    raid told as a setting codes nothing of its own. A release in an exchange or a ceasefire
    stays a release.

    Example: Troops freed a kidnapped nurse in a raid on a rebel camp near Beni.
    """
    if draft.cameo != RELEASE_CODE:
        return
    verb = draft.candidate.trigger
    action = next(
        (
            obj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.lemma_.lower() in FORCE_NOUNS
        ),
        None,
    )
    if action is None:
        return
    draft.retype(ontology, RESCUE_CODE)
    draft.trace.add("record.freed-in-raid", f"freed in the {action.text}: CAMEO {RESCUE_CODE}")
