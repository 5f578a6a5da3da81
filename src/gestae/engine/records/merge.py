"""Record ids, and one record per real event when a sentence says the same act twice."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from gestae.engine.actors import PLACE_STATE_RULE
from gestae.engine.rules import Step, rule
from gestae.schema import Actor, EventRecord

# PLOVER's ASSAULT mode for property destroyed (CAMEO 1712): never a restatement of harm to people.
DESTROY_MODE = "destroy"


def record_id(
    article_id: str,
    sentence_index: int,
    trigger_start: int,
    event_type: str,
    source: Actor | None,
    target: Actor | None,
) -> str:
    """Same article, sentence, trigger, type and dyad -> same id on every run."""
    parts = [
        article_id,
        str(sentence_index),
        str(trigger_start),
        event_type,
        _actor_key(source),
        _actor_key(target),
    ]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.start}:{actor.country or ''}:{actor.sector or ''}"


def _role_key(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return None if actor is None else (actor.country, actor.sector)


def _conjoined(other: EventRecord, record: EventRecord) -> bool:
    """One trigger, two actor phrases in a role: 'the BLA and other separatist groups killed'
    names two doers of one act, however alike their codes, not the act said twice."""
    if other.trigger.start != record.trigger.start:
        return False
    return any(
        mine is not None and theirs is not None and mine.start != theirs.start
        for mine, theirs in (
            (record.source, other.source),
            (record.target, other.target),
        )
    )


def _says_no_less(other: EventRecord, record: EventRecord) -> bool:
    """True when `other` names everything `record` names about the same act."""
    if other.event_type != record.event_type or other.negated != record.negated:
        return False
    if _conjoined(other, record):
        return False
    if (other.mode == DESTROY_MODE) != (record.mode == DESTROY_MODE):
        return False  # 'burned the houses and shot the men': property and people, two acts
    for role in ("source", "target"):
        mine, theirs = _role_key(getattr(record, role)), _role_key(getattr(other, role))
        if mine is not None and mine != theirs and not _place_met(record, other, role):
            return False
    return True


# The fallback that takes the sentence's one other state as the target, a guess.
IMPLICIT_TARGET = "record.implicit-target"
# Types of a trip and the meeting it is for: "travel to Lima for talks with his counterpart".
VISIT_TYPES = frozenset({"CONSULT", "AGREE"})


def _place_met(record: EventRecord, other: EventRecord, role: str) -> bool:
    """A trip's target is the place gone to; a meeting of the same type in the same country
    with someone the words give a sector ("his Peruvian counterpart": PER GOV) says more
    about the same visit, so it stands for both."""
    mine, theirs = getattr(record, role), getattr(other, role)
    return (
        record.event_type in VISIT_TYPES
        and mine is not None
        and theirs is not None
        and mine.rule.startswith(PLACE_STATE_RULE)
        and mine.sector is None
        and theirs.sector is not None
        and mine.country is not None
        and theirs.country == mine.country
    )


@rule("record.restatement")
def merge_restatements(records: list[EventRecord]) -> list[EventRecord]:
    """One sentence often names one act twice: the restatement is the same event, coded once.

    Verb and noun, or the attack and its outcome: a record that another record of the same type
    says as much or more about is dropped; of two equal ones the first stays. Records with
    different actors (compound actors, reciprocal pairs) all stay. The record that stays notes
    the words of the one dropped, and lists them (and the words that told the dropped one) in
    extra["also_told_by"]; its trigger stays its own word.

    Example: The French president arrived in Rabat on a visit to Morocco.
    """
    kept: list[int] = []
    restated: dict[int, list[EventRecord]] = {}
    apart: dict[int, EventRecord] = {}
    for i, record in enumerate(records):
        if record.kind != "event":
            kept.append(i)
            continue
        covered = False
        for j, other in enumerate(records):
            if i == j or other.kind != "event" or not _says_no_less(other, record):
                continue
            if two_acts(record, other):
                apart.setdefault(i, other)
                continue
            # Equal records: one whose target the sentence names beats one that guessed it
            # (record.implicit-target), else the earlier one stays; else the fuller one does.
            if not _says_no_less(record, other) or _stands_before(other, j, record, i):
                covered = True
                restated.setdefault(j, []).append(record)
                break
        if not covered:
            kept.append(i)
    return [_apart(_noting(records[i], restated.get(i, [])), apart.get(i)) for i in kept]


def _stands_before(other: EventRecord, j: int, record: EventRecord, i: int) -> bool:
    """Of two equal records, whether `other` (at j) stays rather than `record` (at i)."""
    guessed_other, guessed_record = _guessed(other), _guessed(record)
    if guessed_other != guessed_record:
        return guessed_record
    return j < i


def _guessed(record: EventRecord) -> bool:
    return IMPLICIT_TARGET in record.rules


# Deliberate acts of one kind that a sentence joins as steps of a reply, not one act said twice.
STEP_TYPES = frozenset({"ACCUSE", "COERCE"})


@rule("record.two-acts")
def two_acts(record: EventRecord, other: EventRecord) -> bool:
    """'condemned the move and summoned the ambassadors', 'searched homes and detained 15
    people': two words of one type but of different CAMEO codes (a condemnation and a
    summons, a search and an arrest) aimed at different parties, or one at no one, tell two
    acts, so neither is a restatement of the other (record.restatement). With no target on
    either ("alleged ..., calling it a crime") they stay one.

    Example: Chile condemned the decision and summoned the Bolivian ambassador.
    """
    one, two = record.trigger, other.trigger
    return (
        record.event_type in STEP_TYPES
        and (record.cameo or "")[:3] != (other.cameo or "")[:3]
        and (one.end <= two.start or two.end <= one.start)
        and len({_aimed_at(record), _aimed_at(other)}) == 2
    )


def _aimed_at(record: EventRecord) -> str | None:
    return None if record.target is None else record.target.text.lower()


def _apart(record: EventRecord, other: EventRecord | None) -> EventRecord:
    """The record with a step naming the other act it was kept apart from."""
    if other is None:
        return record
    step = Step("record.two-acts", f"not the same act as '{other.trigger.text}'")
    return replace(
        record,
        explanation=f"{record.explanation}; {step}" if record.explanation else str(step),
        rules=[*record.rules, step.rule],
    )


def _noting(record: EventRecord, restatements: list[EventRecord]) -> EventRecord:
    """The record with a step naming the restatements it stands for and their words in
    extra["also_told_by"] (offsets in the article, in text order, each once)."""
    if not restatements:
        return record
    words = ", ".join(f"'{r.trigger.text}'" for r in restatements)
    step = Step("record.restatement", "also said as " + words)
    told = [*record.extra.get("also_told_by", [])]
    for other in restatements:
        told.append(
            {"start": other.trigger.start, "end": other.trigger.end, "text": other.trigger.text}
        )
        told.extend(other.extra.get("also_told_by", []))
    # A word inside the record's own trigger ("went" of "went off") tells nothing more.
    start, end = record.trigger.start, record.trigger.end
    unique = {
        (w["start"], w["end"]): w for w in told if not (start <= w["start"] and w["end"] <= end)
    }
    return replace(
        record,
        extra={**record.extra, "also_told_by": [unique[k] for k in sorted(unique)]},
        explanation=f"{record.explanation}; {step}" if record.explanation else str(step),
        rules=[*record.rules, step.rule],
    )
