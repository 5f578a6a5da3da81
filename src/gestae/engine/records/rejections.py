"""Rejecting what another actor said ("rejected Togo's claims"): CAMEO 12x, not a denial."""

from __future__ import annotations

from gestae.engine.events import EventCandidate
from gestae.engine.rules import rule
from gestae.resources.ontology import CameoCode, Ontology

# The statement code the lexicon gives 'reject/dismiss/refute X's claims' (deny responsibility).
DENIAL_CODE = "016"
# Verbs that turn down what someone said; 'deny' stays a denial of what is said about oneself.
REJECTING_VERBS = frozenset({"reject", "dismiss", "refute", "rebuff", "brush"})
# What another actor said that one can turn down; an accusation, allegation or charge turned
# down is a denial all the same (CAMEO 016: the development labels agree).
SAID_NOUNS = frozenset({"suggestion", "assertion", "comment", "remark", "statement"})
# The REJECT code for a rejection CAMEO lists under no narrower heading.
REJECTION_CODE = "120"


@rule("record.rejected-claim")
def rejected_claim(candidate: EventCandidate, ontology: Ontology) -> CameoCode | None:
    """Turning down another actor's suggestion, assertions or comments rejects that actor
    (REJECT 120, the author as target). An accusation turned down, or words nobody else is
    named as saying, stay a denial (016, no event).

    Example: Ghana dismissed Togo's suggestion that the border be redrawn.
    """
    trigger = candidate.trigger
    if candidate.entry.cameo != DENIAL_CODE or trigger.lemma_.lower() not in REJECTING_VERBS:
        return None
    said = [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in SAID_NOUNS]
    if not said:
        return None
    if candidate.negated or not candidate.sources:
        return None
    acting = {(a.country, a.sector) for a in candidate.sources}
    others = [a for a in candidate.targets if (a.country, a.sector) not in acting]
    if not others:
        return None  # nobody else's words: a denial
    candidate.trace.add("record.rejected-claim", f"'{candidate.trigger.text}' {others[0].text}")
    return ontology.cameo(REJECTION_CODE)
