"""Every named rule, tested by its own rows: tests/data/rules/*.tsv.

One row per example sentence: the rule it exercises, the sentence, and the event expected from
it. Sentences are invented for the table (never copied from dev or gold data), so a row checks
that the rule generalises to a sentence of the same shape, not that it fits one it was written
from.

Columns: `rule`, `sentence`, `type`, `source`, `target`. A `\n` in a sentence is a line break
(a headline on the first line of the text: engine/headlines.py). places.tsv, for the rules that
put an event at its place, has `rule`, `sentence`, `trigger` (the event's word) and `place` (the
words of its location, `-` for none); dates.tsv, for the rules that date an event, has `rule`,
`sentence`, `trigger` and `date` (the first day, `earlier`, or `publication` when the rule
must not fire).
- `type` is a PLOVER event type, `CAMEO 012` (a record of kind "statement" with that CAMEO
  code: records/statements.py), or `-` when the rule's job is to code no event (a suppression).
- `source`/`target` are actor labels as `Actor.label()` writes them ("GBR GOV", "FRA",
  '"the gangs"'), `-` for none, `*` for any.
A positive row passes when one record of that type, source and target has the rule in its
`rules`; a `-` row passes when the sentence yields no event record at all (and, for `record.statement`,
no statement either). A positive row of a suppression (`suppress.*`) names the record that
stays: the rule must have dropped another trigger of the sentence ("recalled its ambassador
for consultations" keeps the recall and drops the consultations).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gestae.engine.rules import REGISTRY
from gestae.schema import Article, EventRecord

TABLES = Path(__file__).resolve().parent / "data" / "rules"
COLUMNS = ["rule", "sentence", "type", "source", "target"]
PUBLISHED = date(2024, 5, 14)
NONE, ANY = "-", "*"
SUPPRESS = "suppress."
STATEMENT = "CAMEO "
# A `-` row of this rule also asks for no statement; other `-` rows ask only for no event.
STATEMENT_RULE = "record.statement"


@dataclass(frozen=True)
class Row:
    where: str
    rule: str
    sentence: str
    type: str
    source: str
    target: str


PLACE_TABLE = TABLES / "places.tsv"
PLACE_COLUMNS = ["rule", "sentence", "trigger", "place"]
# dates.tsv, for the rules that date an event: `date` is the first day of the event's date
# (ISO), `earlier`, or `publication` (the rule must not fire: the publication day stays).
DATE_TABLE = TABLES / "dates.tsv"
DATE_COLUMNS = ["rule", "sentence", "trigger", "date"]


def _rows() -> list[Row]:
    rows: list[Row] = []
    for path in sorted(p for p in TABLES.glob("*.tsv") if p not in (PLACE_TABLE, DATE_TABLE)):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            assert reader.fieldnames == COLUMNS, f"{path.name}: columns must be {COLUMNS}"
            for line, raw in enumerate(reader, start=2):
                cells = [raw[c].replace("\\n", "\n") for c in COLUMNS]  # "\n": a line break
                rows.append(Row(f"{path.name}:{line}", *cells))
    return rows


ROWS = _rows()


@dataclass(frozen=True)
class PlaceRow:
    where: str
    rule: str
    sentence: str
    trigger: str
    place: str


def _cells(table: Path, columns: list[str]) -> list[list[str]]:
    """The rows of a table with its own columns: its place ('places.tsv:3'), then the cells."""
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == columns, f"{table.name}: columns must be {columns}"
        return [
            [f"{table.name}:{line}", *(raw[c] for c in columns)]
            for line, raw in enumerate(reader, start=2)
        ]


PLACE_ROWS = [PlaceRow(*cells) for cells in _cells(PLACE_TABLE, PLACE_COLUMNS)]


@dataclass(frozen=True)
class DateRow:
    where: str
    rule: str
    sentence: str
    trigger: str
    date: str


DATE_ROWS = [DateRow(*cells) for cells in _cells(DATE_TABLE, DATE_COLUMNS)]


def _label(actor: Any) -> str:
    return NONE if actor is None else str(actor.label())


def _kind(row: Row) -> str:
    return "statement" if row.type.startswith(STATEMENT) else "event"


def _fits(record: EventRecord, row: Row, by_rule: bool = True) -> bool:
    kind = (record.event_type or "") if record.kind == "event" else f"{STATEMENT}{record.cameo}"
    return (
        kind == row.type
        and (row.rule in record.rules or not by_rule)
        and row.source in (ANY, _label(record.source))
        and row.target in (ANY, _label(record.target))
    )


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.where)
def test_rule_row(coder: Any, row: Row) -> None:
    assert row.rule in REGISTRY, f"{row.where}: no rule {row.rule!r} is registered"
    records = [
        r
        for r in coder.code(Article(id="row", text=row.sentence, published=PUBLISHED))
        if r.kind == _kind(row) or (row.type == NONE and row.rule == STATEMENT_RULE)
    ]
    seen = [(r.event_type or r.cameo, _label(r.source), _label(r.target), r.rules) for r in records]
    if row.type == NONE:
        assert records == [], f"{row.where}: expected no event from {row.sentence!r}, got {seen}"
    elif row.rule.startswith(SUPPRESS):
        assert row.rule in _dropped_by(coder, row.sentence), (
            f"{row.where}: {row.rule} dropped nothing"
        )
        assert any(_fits(r, row, by_rule=False) for r in records), (
            f"{row.where}: expected {row.type} {row.source} -> {row.target}, got {seen}"
        )
    else:
        assert any(_fits(r, row) for r in records), (
            f"{row.where}: expected {row.type} {row.source} -> {row.target} by {row.rule} "
            f"from {row.sentence!r}, got {seen}"
        )


def _dropped_by(coder: Any, text: str) -> set[str]:
    """The rules that dropped a matched trigger of the text's sentences."""
    doc = coder.nlp(text)
    actors = coder.analyse(Article(id="row", text=text, published=PUBLISHED), doc)
    dropped: list[tuple[Any, str]] = []
    for sent in doc.sents:
        list(coder.events.find(sent, actors, dropped))
    return {rule for _, rule in dropped}


@pytest.mark.parametrize("row", PLACE_ROWS, ids=lambda r: r.where)
def test_place_row(coder: Any, row: PlaceRow) -> None:
    """The event on the row's word is placed at the row's words, by the row's rule (`-`: the
    event gets no place)."""
    assert row.rule in REGISTRY, f"{row.where}: no rule {row.rule!r} is registered"
    records = [
        r
        for r in coder.code(Article(id="row", text=row.sentence, published=PUBLISHED))
        if r.kind == "event" and r.trigger is not None and r.trigger.text.split()[0] == row.trigger
    ]
    assert records, f"{row.where}: no event on {row.trigger!r} in {row.sentence!r}"
    places = [(r.location.text if r.location else NONE, r.rules) for r in records]
    if row.place == NONE:
        assert all(r.location is None for r in records), f"{row.where}: got {places}"
    else:
        assert any(
            r.location is not None and r.location.text == row.place and row.rule in r.rules
            for r in records
        ), f"{row.where}: expected {row.place!r} by {row.rule}, got {places}"


@pytest.mark.parametrize("row", DATE_ROWS, ids=lambda r: r.where)
def test_date_row(coder: Any, row: DateRow) -> None:
    """The event on the row's word is dated as the row says, by the row's rule (`publication`:
    the rule does not fire and the publication day stays)."""
    assert row.rule in REGISTRY, f"{row.where}: no rule {row.rule!r} is registered"
    records = [
        r
        for r in coder.code(Article(id="row", text=row.sentence, published=PUBLISHED))
        if r.kind == "event" and r.trigger is not None and r.trigger.text.split()[0] == row.trigger
    ]
    assert records, f"{row.where}: no event on {row.trigger!r} in {row.sentence!r}"
    dates = [(r.date.value, r.date.basis, r.rules) for r in records]
    for r in records:
        if row.date == "publication":
            ok = r.date.basis == "publication" and row.rule not in r.rules
        elif row.date == "earlier":
            ok = r.date.basis == "earlier" and row.rule in r.rules
        else:
            ok = r.date.value == row.date and row.rule in r.rules
        assert ok, f"{row.where}: expected {row.date} by {row.rule}, got {dates}"


def test_every_rule_has_rows() -> None:
    """A rule without a row is a rule nobody has shown to work."""
    covered = {r.rule for r in ROWS} | {r.rule for r in PLACE_ROWS} | {r.rule for r in DATE_ROWS}
    assert sorted(set(REGISTRY) - covered) == []
