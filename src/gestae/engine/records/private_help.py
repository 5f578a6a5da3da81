"""Help and work together between people and bodies no dictionary places: a clerk who
assists visitors, two museums that made a guide together. Nothing political takes part."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.schema import Actor

# CAMEO codes of cooperating (06x) and of plain or money help (070, 071); a rescue, medical
# or humanitarian aid (073-075) is told of unnamed helpers in disasters and wars, and stays.
HELP_CODES = frozenset({"070", "071"})
COOPERATION_ROOT = "06"


def _placed(actor: Actor) -> bool:
    """The actor has a country or a sector, or is a state."""
    return actor.country is not None or actor.sector is not None or actor.kind == "state"


@rule("record.private-help")
def private_help(draft: Draft) -> bool:
    """Helping or working with someone when neither side has a country or a sector ('she
    assists people at the office', 'the museum collaborated with a heritage society') is
    private life or civil society at work, not an event between political actors. False
    drops the record; any side with a country or sector ('Kenyan volunteers helped
    refugees') keeps it.

    Example: The museum collaborated with a local heritage society to publish a guide.
    """
    if draft.cameo not in HELP_CODES and not draft.cameo.startswith(COOPERATION_ROOT):
        return True
    sides = [*draft.sources, *draft.targets, *draft.unnamed]
    if not draft.sources or any(_placed(a) for a in sides):
        return True
    draft.trace.add("record.private-help", "no side of the help has a country or sector")
    return False
