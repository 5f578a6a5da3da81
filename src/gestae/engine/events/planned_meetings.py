"""A meeting or a visit named as planned is announced, not held: PLOVER codes an announced
meeting or visit AGREE, never CONSULT (docs/contract.md, "auxiliary modes")."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

MEETING_NOUNS = words("meeting_nouns")
PLAN_MODIFIERS = words("meeting_plan_modifiers")
PLAN_PASSIVES = words("meeting_plan_passives")
PLAN_VERBS = words("meeting_plan_verbs")
PLAN_NOUNS = words("meeting_plan_nouns")
# Prepositions a planned meeting hangs on: "working on a summit", "preparations for talks".
PLAN_PREPS = frozenset({"for", "on", "toward", "towards"})


def _ahead(noun: Token) -> bool:
    """The noun is put ahead by its modifier, the passive it is the subject of, the verb whose
    object it is, or the plan it is a preposition's object under."""
    if any(c.dep_ == "amod" and c.lower_ in PLAN_MODIFIERS for c in noun.children):
        return True  # "an upcoming visit", "a planned visit" (lemma "plan")
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in PLAN_PASSIVES:
        return True  # "talks are planned for June", "a visit was announced"
    if noun.dep_ == "dobj" and head.lemma_.lower() in PLAN_VERBS | {"announce"}:
        return True  # "planned a visit", "announced a visit to Japan"
    if noun.dep_ != "pobj" or head.lower_ not in PLAN_PREPS or head.dep_ != "prep":
        return False
    host = head.head
    if host.pos_ == "NOUN":
        return host.lemma_.lower() in PLAN_NOUNS  # "preparations for the summit"
    return host.pos_ == "VERB" and host.lemma_.lower() in PLAN_VERBS  # "working on a summit"


@rule("modality.planned-meeting")
def planned_meeting(trace: Trace, clause: Token) -> bool:
    """'talks are planned for next week', 'an upcoming visit to Peru', 'announced that its
    team was working on a second summit': a meeting or a visit named as planned is announced,
    not held (future; record.future-agree makes it AGREE).

    Example: A visit by the Chilean president to Peru is planned for June.
    """
    if clause.pos_ == "VERB" and clause.lemma_.lower() in PLAN_PASSIVES | {"announce"}:
        found = any(  # "announced a visit to Uganda", "a visit ... was announced"
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MEETING_NOUNS
            for c in clause.children
        )
    else:
        found = clause.pos_ == "NOUN" and clause.lemma_.lower() in MEETING_NOUNS and _ahead(clause)
    if found:
        trace.add("modality.planned-meeting", f"'{clause.text}' under '{clause.head.text}'")
    return found
