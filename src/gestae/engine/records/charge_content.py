"""A state named inside what an accusation charges is where the charged deed was done, not
whom the accusation is aimed at; found writing wire stories on U.N. sanctions lists ("are
accused of orchestrating kidnappings in Port-au-Prince"). fallbacks.implicit_target asks."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.schema import Actor

# CAMEO root of accusations, charges and denunciations (ACCUSE).
ACCUSATION_ROOTS = ("11",)
# Prepositions that open what an accusation charges: "accused of", "charged with".
CHARGE_PREPS = frozenset({"of", "with"})


@rule("record.charge-content-state")
def charge_content_state(draft: Draft, found: Actor) -> bool:
    """'The three men are accused of ordering killings in Mogadishu': the one other state of
    the sentence named in the deed charged ("of ...") is where the deed was done, not the
    accusation's target; the people charged stay its target, as words if no dictionary
    names them.

    Example: The two brothers are accused of running a smuggling ring in Mombasa.
    """
    if not draft.cameo.startswith(ACCUSATION_ROOTS):
        return False
    trigger = draft.candidate.trigger
    held = {
        t.idx
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in CHARGE_PREPS
        for t in prep.subtree
    }
    if found.start not in held:
        return False
    draft.trace.add(
        "record.charge-content-state", f"{found.label()} is where the deed charged was done"
    )
    return True
