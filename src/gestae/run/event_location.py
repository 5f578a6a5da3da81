"""Score event recall and event places on `event_location` gold (Halterman's format).

Each gold line is one sentence with one annotated event word (`verb`: [start, end, text]) and the
places where that event happened (`locations`, possibly empty). Two questions are asked of it:
does gestae code an event on the marked word (verb recall), and when it does, is the event's
`location` one of the marked places (or none when the sentence names none)? A second recall
also counts an event that lists the marked word among the other words telling it
(`extra["also_told_by"]`: an outcome participle, a restatement merged into it); the place
figures stay on the trigger's own match.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gestae.errors import InputError
from gestae.run.eval_report import Coder, Report
from gestae.schema import Article, EventRecord, Location

Span = tuple[int, int, str]


@dataclass(frozen=True)
class LocatedEvent:
    id: str
    text: str
    verb: Span
    locations: tuple[Span, ...]


def read_event_location(path: Path) -> list[LocatedEvent]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            verb = raw["verb"]
            out.append(
                LocatedEvent(
                    id=str(raw["id"]),
                    text=str(raw["text"]),
                    verb=(int(verb[0]), int(verb[1]), str(verb[2])),
                    locations=tuple((int(s), int(e), str(t)) for s, e, t in raw["locations"]),
                )
            )
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise InputError(
                f"{path}:{number}: not an event_location line "
                f'({{"id", "text", "verb": [start, end, text], "locations": [...]}}): {exc}'
            ) from exc
    return out


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def event_on(records: list[EventRecord], verb: Span) -> EventRecord | None:
    """The event whose trigger covers the marked word; one with a place first."""
    hits = [
        r
        for r in records
        if r.kind == "event"
        and not r.negated
        and r.trigger is not None
        and _overlaps(r.trigger.start, r.trigger.end, verb[0], verb[1])
    ]
    hits.sort(key=lambda r: r.location is None)
    return hits[0] if hits else None


def _merged_on(records: list[EventRecord], verb: Span) -> bool:
    """Some event's trigger, or a word its record says also tells it, covers the marked word."""
    for r in records:
        if r.kind != "event" or r.negated:
            continue
        spans = [(r.trigger.start, r.trigger.end)] + [
            (int(w["start"]), int(w["end"])) for w in r.extra.get("also_told_by", [])
        ]
        if any(_overlaps(start, end, verb[0], verb[1]) for start, end in spans):
            return True
    return False


def place_is_right(location: Location, gold: tuple[Span, ...]) -> bool:
    """The coded place is a marked one: the spans overlap, or it is the same name said elsewhere
    in the sentence (a place named twice is the same place)."""
    name = location.text.casefold()
    return any(
        _overlaps(location.start, location.end, start, end) or text.casefold() == name
        for start, end, text in gold
    )


def score_event_location(gold: list[LocatedEvent], code: Coder) -> Report:
    report = Report("event-location")
    coded = placed_right = gold_placed = gold_placed_got = gold_placed_right = 0
    no_place = no_place_right = merged = 0
    precision: Counter[str] = Counter()
    for item in gold:
        report.sentences += 1
        verb = item.verb[2].casefold()
        records = code(Article(id=item.id, text=item.text))
        event = event_on(records, item.verb)
        report.klass(verb).add(Counter({verb: 1}), Counter({verb: int(event is not None)}))
        merged += event is not None or _merged_on(records, item.verb)
        if event is None:
            continue
        coded += 1
        location = event.location
        if location is not None:
            precision[location.precision] += 1
        if item.locations:
            gold_placed += 1
            gold_placed_got += location is not None
            right = location is not None and place_is_right(location, item.locations)
            gold_placed_right += right
            placed_right += right
        else:
            no_place += 1
            no_place_right += location is None
            placed_right += location is None
    figures = report.figures
    figures["event_recall"] = coded / report.sentences if report.sentences else 0.0
    figures["event_recall_with_merged"] = merged / report.sentences if report.sentences else 0.0
    figures["location_accuracy_when_coded"] = placed_right / coded if coded else 0.0
    figures["located_when_gold_has_place"] = gold_placed_got / gold_placed if gold_placed else 0.0
    figures["right_place_when_gold_has_place"] = (
        gold_placed_right / gold_placed if gold_placed else 0.0
    )
    figures["no_place_accuracy"] = no_place_right / no_place if no_place else 0.0
    for name, count in sorted(precision.items()):
        figures[f"located_{name}"] = float(count)
    return report
