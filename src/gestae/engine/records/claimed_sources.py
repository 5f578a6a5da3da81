"""The attack a group claims, told with no doer: "Gunmen stormed a hotel on Tuesday. ... At
least five people were killed. ... Al-Shabab claimed responsibility for the attack."

A claim names the doer of an incident the article has told ("the attack", "the hotel
attack"), often sentences after the toll that named no one. The claim's group is the doer of
the article's doerless violent acts around it: back from the claim to the incident's first
telling ("a car bomb exploded"), and up to `_AFTER` sentences on. Not when the article claims
more than one group, never onto the claimant's own side (its fighters killed), never into an act
told as a new one after the claim, and never across two dates (records/carried_sources.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from gestae.engine.date_links import refers_back
from gestae.engine.records.carried_sources import (
    dated_apart,
    doerless,
    one_doer,
    own_side,
    tells_new,
    with_source,
)
from gestae.engine.rules import rule
from gestae.schema import EventRecord

# The coded sentences of a window, in order, each with its records.
Coded = Sequence[tuple[Span, list[EventRecord]]]

# How far from the claim the doerless acts may be told.
_BEFORE, _AFTER = 8, 3
_CLAIM_WORDS = ("responsibility", "credit")


def _claim(record: EventRecord, sent: Span) -> bool:
    """A group's claim of an attack the article told: "claimed responsibility for the attack"."""
    if record.kind != "event" or record.event_type != "ASSAULT" or record.source is None:
        return False
    if "trigger.carrying-verb" not in record.rules:
        return False
    words = sent.doc.char_span(record.trigger.start, record.trigger.end, "expand")
    if words is None or words[0].lemma_.lower() not in ("claim", "take"):
        return False
    if not any(t.lower_ in _CLAIM_WORDS for t in words):
        return False
    return refers_back(words[-1])


@rule("source.claimed-attack")
def claimed_attack(coded: Coded) -> None:
    """The group that claims an attack the article told did the article's violent acts told
    with no doer around the claim, from the attack's first telling on.

    Example: A car bomb exploded near a police post in Mogadishu on Monday. Four police
    officers were killed. Al-Shabab claimed responsibility for the attack.
    """
    claims = [(n, r) for n, (sent, records) in enumerate(coded) for r in records if _claim(r, sent)]
    # One claimant, however its names are spelled ("the Baloch Liberation Army, or BLA").
    if len({(r.source.country, r.source.sector) for _, r in claims if r.source}) != 1:
        return
    at, claim = claims[-1]
    doer = one_doer([claim])
    if doer is None:
        return
    why = "source: the group that claimed the attack"
    for n in _reach(coded, at):
        sent, records = coded[n]
        for k, record in enumerate(records):
            if not doerless(record) or record.event_type != "ASSAULT" or record is claim:
                continue
            if own_side(doer, record.target) or dated_apart(record, claim):
                continue
            words = sent.doc.char_span(record.trigger.start, record.trigger.end, "expand")
            if words is None or (n > at and tells_new(words)):
                continue
            records[k] = with_source(record, doer, "source.claimed-attack", why)


def _reach(coded: Coded, at: int) -> list[int]:
    """The sentences a claim reaches: back to the nearest first telling of an incident ("a
    car bomb exploded") within `_BEFORE`, and `_AFTER` on."""
    back: list[int] = []
    for n in range(at, max(-1, at - _BEFORE - 1), -1):
        back.append(n)
        sent, records = coded[n]
        if n < at and any(_first_telling(r, sent) for r in records):
            break
    return [*reversed(back), *range(at + 1, min(len(coded), at + _AFTER + 1))]


def _first_telling(record: EventRecord, sent: Span) -> bool:
    words = sent.doc.char_span(record.trigger.start, record.trigger.end, "expand")
    return record.event_type == "ASSAULT" and words is not None and tells_new(words)
