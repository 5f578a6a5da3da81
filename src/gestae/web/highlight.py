"""The evidence in an article: which characters are an actor, a trigger, a place or a date.

Records carry character offsets into the article text (docs/contract.md) for the source,
target, speaker, trigger and place. Dates carry only their words, so the date phrase is looked
up in the event's own sentence, nearest the trigger. A span whose offsets do not match the text
(a store whose text was changed by hand, say) is left out and counted, never guessed.

The result is a list of plain-text segments with their roles; the template escapes the text,
so an article containing markup shows it as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Display order: a character in several spans is coloured by the first role listed here.
ROLES = ("trigger", "source", "target", "speaker", "place", "date")
ROLE_NAMES = {
    "trigger": "trigger",
    "source": "source actor",
    "target": "target actor",
    "speaker": "reported by",
    "place": "place",
    "date": "date",
}
_NEAR = 400  # characters around the trigger searched for a date phrase outside its sentence


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    role: str
    record: int  # index of the record in the list given


@dataclass(frozen=True)
class Segment:
    text: str
    roles: tuple[str, ...] = ()
    records: tuple[int, ...] = ()
    focus: bool = False

    @property
    def primary(self) -> str | None:
        return self.roles[0] if self.roles else None

    @property
    def title(self) -> str:
        labels = dict.fromkeys(ROLE_NAMES[r] for r in self.roles)
        events = ", ".join(f"#{i + 1}" for i in self.records)
        return f"{' / '.join(labels)} (record {events})"


@dataclass
class Evidence:
    segments: list[Segment] = field(default_factory=list)
    skipped: int = 0  # spans whose offsets do not match the text


def spans(text: str, records: Sequence[dict[str, Any]]) -> tuple[list[Span], int]:
    """Every checked span of these records in `text`, and how many were left out."""
    found: list[Span] = []
    skipped = 0
    for index, record in enumerate(records):
        trigger = record.get("trigger") or {}
        parts: list[tuple[str, dict[str, Any] | None]] = [
            ("trigger", trigger),
            ("source", record.get("source")),
            ("target", record.get("target")),
            ("speaker", record.get("reported_by")),
            ("place", record.get("location")),
        ]
        for role, part in parts:
            if not part or part.get("start") is None or part.get("end") is None:
                continue
            start, end = part["start"], part["end"]
            if _matches(text, start, end, str(part.get("text") or "")):
                found.append(Span(start, end, role, index))
            else:
                skipped += 1
        when = record.get("date") or {}
        phrase = when.get("text")
        if phrase and isinstance(trigger.get("start"), int):
            at = _find_date(text, str(phrase), str(record.get("sentence") or ""), trigger["start"])
            if at is not None:
                found.append(Span(at, at + len(phrase), "date", index))
    return found, skipped


def _matches(text: str, start: Any, end: Any, words: str) -> bool:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return False
    covered = text[start:end]
    if " ".join(covered.split()) == " ".join(words.split()):
        return True
    # A trigger may join words the parse found apart ("called ... on"): its span runs from
    # the first word to the last.
    first, last = (words.split() or [""])[0], (words.split() or [""])[-1]
    return bool(first) and covered.startswith(first) and covered.endswith(last)


def _find_date(text: str, phrase: str, sentence: str, trigger: int) -> int | None:
    """Start of the date phrase nearest the trigger, inside the event's sentence when the
    sentence is found in the text, else within a few hundred characters of the trigger."""
    lo, hi = max(0, trigger - _NEAR), min(len(text), trigger + _NEAR)
    if sentence:
        at = text.find(sentence)
        while at != -1:
            if at <= trigger < at + len(sentence):
                lo, hi = at, at + len(sentence)
                break
            at = text.find(sentence, at + 1)
    best: int | None = None
    at = text.find(phrase, lo, hi)
    while at != -1:
        if best is None or abs(at - trigger) < abs(best - trigger):
            best = at
        at = text.find(phrase, at + 1, hi)
    return best


def evidence(text: str, records: Sequence[dict[str, Any]], focus: Sequence[int] = ()) -> Evidence:
    """The text cut at every span boundary; each piece lists the roles and records covering it.
    `focus` marks the spans of the records the page is about."""
    found, skipped = spans(text, records)
    cuts = sorted({0, len(text), *(s.start for s in found), *(s.end for s in found)})
    order = {role: n for n, role in enumerate(ROLES)}
    focused = set(focus)
    segments: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        covering = [s for s in found if s.start <= a and b <= s.end]
        roles = tuple(sorted({s.role for s in covering}, key=order.__getitem__))
        indexes = tuple(sorted({s.record for s in covering}))
        segments.append(Segment(text[a:b], roles, indexes, bool(focused & set(indexes))))
    return Evidence(segments, skipped)
