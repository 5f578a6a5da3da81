"""Aid bodies as the ones acted on or acting: an aid group or UN agency expelled is sent away
as a body (SANCTION 1663), and one that suspends its own operations stops the help it gives
(SANCTION 1623), where the lexicon reads only a deportation (174) or a halt to fighting (087)."""

from __future__ import annotations

from gestae.engine.records.draft import Draft, state_of
from gestae.engine.rules import rule
from gestae.resources.ontology import Ontology
from gestae.schema import Actor

DEPORT_CODE = "174"
AID_BODY_EXPELLED = "1663"
DE_ESCALATE_CODE = "087"
AID_STOPPED = "1623"
# Countries of bodies that work across borders: aid groups (NGO) and UN agencies (UNO).
AID_BODY_COUNTRIES = frozenset({"NGO", "UNO"})
# Words that put a body out; "deported two Oxfam workers" puts out people (174).
EXPELLING_LEMMAS = frozenset({"expel", "expulsion"})
# What an aid body runs; "peacekeeping operations", "military operations" are a force's.
AID_WORK_NOUNS = frozenset({"operation"})
FORCE_WORK_WORDS = frozenset({"military", "peacekeeping", "combat", "security", "rescue"})


def _aid_bodies(actors: list[Actor]) -> bool:
    return bool(actors) and all(
        a.kind == "organization" and a.country in AID_BODY_COUNTRIES for a in actors
    )


@rule("record.aid-body-expelled")
def aid_body_expelled(draft: Draft, ontology: Ontology) -> None:
    """An aid group or UN agency the dictionaries name, expelled ('ordered the expulsion of
    the Norwegian Refugee Council'), is sent away as a body: SANCTION 1663 (expel aid
    agencies), as 'expelled two aid groups' is; people put out of a country stay deported
    (COERCE 174), as are a body's workers deported.

    Example: Eritrea ordered the expulsion of Oxfam on Monday.
    """
    if draft.cameo != DEPORT_CODE or draft.candidate.entry.lemma not in EXPELLING_LEMMAS:
        return
    if not _aid_bodies(draft.targets):
        return
    draft.trace.add(
        "record.aid-body-expelled",
        f"'{draft.targets[0].text}' is an aid body: SANCTION {AID_BODY_EXPELLED}",
    )
    draft.retype(ontology, AID_BODY_EXPELLED)


@rule("record.aid-work-halted")
def aid_work_halted(draft: Draft, ontology: Ontology) -> None:
    """An aid group or UN agency that suspends or halts its operations ('the IRC suspended
    its operations in the area') stops the help it gives (SANCTION 1623), aimed at the state
    of the place it leaves, when the sentence names one; it halts no fighting (087).
    Military or peacekeeping operations stay a force's.

    Example: Oxfam suspended its operations in the Kenyan town of Lodwar on Monday.
    """
    if draft.cameo != DE_ESCALATE_CODE or not _aid_bodies(draft.sources):
        return
    objects = [
        c
        for c in draft.candidate.trigger.children
        if c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in AID_WORK_NOUNS
    ]
    if not objects or any(w.lemma_.lower() in FORCE_WORK_WORDS for o in objects for w in o.lefts):
        return
    draft.trace.add("record.aid-work-halted", f"'{objects[0].text}' of an aid body stopped")
    draft.retype(ontology, AID_STOPPED)
    place = draft.location
    if not draft.targets and place is not None and place.country:
        draft.targets = [state_of(place, place.country, "target: the state where help stopped")]
