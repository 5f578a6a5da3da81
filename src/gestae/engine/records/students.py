"""Students put out by their own state: a state does not deport its own students, so one that
"expels" them (read by the lexicon as a deportation, COERCE 174) puts them out of their
university or school, a member put out of a body (SANCTION 160), as "expelled from the
university" is (session 35)."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.ontology import Ontology

DEPORT_CODE = "174"
PUT_OUT_OF_BODY = "160"
# The sector of students and academics in the actor dictionaries.
STUDENT_SECTOR = "EDU"
# "deported" always sends people across a border; only "expel" can read as a school's act.
EXPELLING_LEMMAS = frozenset({"expel", "expulsion"})


@rule("record.students-expelled")
def students_expelled(draft: Draft, ontology: Ontology) -> None:
    """Students or academics of the expelling state's own country ("Iran expels dozens of
    students") are put out of their university (SANCTION 160), not deported; foreign students
    ("expelled two Kenyan students") stay COERCE 174.

    Example: Belarus expelled 40 students after the rally on Monday.
    """
    if draft.cameo != DEPORT_CODE or draft.candidate.entry.lemma not in EXPELLING_LEMMAS:
        return
    targets, sources = draft.targets, draft.sources
    if not targets or not sources or any(t.sector != STUDENT_SECTOR for t in targets):
        return
    homes = {s.country for s in sources if s.country}
    if not homes or any(t.country not in homes for t in targets):
        return
    draft.trace.add(
        "record.students-expelled",
        f"'{targets[0].text}' are the expeller's own students: SANCTION {PUT_OUT_OF_BODY}",
    )
    draft.retype(ontology, PUT_OUT_OF_BODY)
