"""Whose a craft shot down or seized is, when the sentence does not say: "Ukraine's air force
said it shot down 40 drones" names no owner of the drones, and the country an unnamed craft
takes from the article's context is the shooter's own. A state does not shoot down, destroy or
seize its own drones and jets, so the lent country is dropped: the craft stays the target, of
no known state, rather than making the act a state's attack on itself."""

from __future__ import annotations

from dataclasses import replace

from gestae.engine.craft_references import CRAFT_NOUNS
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY

# Hostile acts on a craft: shooting down, destroying (ASSAULT), seizing or grounding (COERCE).
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE"})


@rule("record.downed-craft-owner")
def downed_craft_owner(draft: Draft) -> None:
    """'Ukraine's air force said it shot down 40 drones': a craft (a drone, jet, plane,
    helicopter or ship: word classes flagged_craft and airborne_craft) attacked or seized whose
    country came only from the article's context, and is a doer's own, is of no known state:
    the context's country is dropped, so the record is no attack of a state on itself.

    Example: Ukraine's army said it had shot down eleven drones over Kharkiv overnight.
    """
    if draft.event_type not in HOSTILE_TYPES:
        return
    doers = {s.country for s in draft.sources if s.country}
    dropped: list[str] = []
    for index, target in enumerate(draft.targets):
        if target.country not in doers or CONTEXT_COUNTRY not in target.rule:
            continue
        words = draft.words_of(target)
        if words is None or words.root.lemma_.lower() not in CRAFT_NOUNS:
            continue
        kept = [bit for bit in target.rule.split("; ") if CONTEXT_COUNTRY not in bit]
        why = "a craft of no named state, not the doer's own"
        draft.targets[index] = replace(target, country=None, rule="; ".join([*kept, why]))
        dropped.append(target.text)
    if dropped:
        draft.trace.add("record.downed-craft-owner", f"{', '.join(dropped)}: owner unknown")
