"""A harm foretold with no one to do it: 'these people will be deported again', 'any
candidate would be killed if he returned'. A threat needs a threatener (record.no-threatener)."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule

# Sectors of a speaker who could carry out the harm it foretells, and so threatens it:
# 'police said protesters will be arrested' is the police's warning.
DOER_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "REB", "UAF", "CRM"})
# How the harm must be held for record.future-threaten to have made it a threat.
FORETOLD = frozenset({"future", "hypothetical"})


@rule("record.no-threatener")
def no_threatener(draft: Draft) -> bool:
    """A hostile act told as coming ('will be deported', 'would be killed if they went back')
    with no doer and no speaker who could do it (a lawmaker, an activist, the reporter) is a
    forecast or a fear about the victims, not anyone's threat; record.future-threaten would
    make it a THREATEN by nobody. False drops the record; a doer, or a state body or armed
    group that tells of it ('police said protesters will be arrested'), keeps it.

    Example: These refugees will be deported again, the lawmaker said.
    """
    if draft.sources or draft.modality not in FORETOLD:
        return True
    if "record.future-threaten" not in draft.trace.ids():
        return True
    speaker = draft.candidate.reported_by
    if speaker is not None and (speaker.kind == "state" or speaker.sector in DOER_SECTORS):
        return True
    draft.trace.add("record.no-threatener", "a harm foretold with no one to do it")
    return False
