"""Output formats: flat rows, CSV, JSON Lines and the readable table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console

from gestae.query.formats import as_dicts, render_table, write_csv, write_jsonl
from gestae.schema import FLAT_COLUMNS, Actor, EventDate, EventRecord, Location, Trigger, flatten

SENTENCE = 'Chilean riot police detained 12 students, "agitators", in Valparaíso on Friday.'


def _record(**changes: Any) -> EventRecord:
    base: dict[str, Any] = {
        "id": "0a1b2c3d4e5f60718293",
        "article_id": "cl-7",
        "published": "2024-04-13",
        "sentence_index": 2,
        "sentence": SENTENCE,
        "event_type": "COERCE",
        "mode": "arrest",
        "contexts": ["legal", "protest"],
        "cameo": "173",
        "quad_class": 4,
        "intensity": -7.0,
        "goldstein": -5.0,
        "source": Actor(
            text="Chilean riot police",
            start=0,
            end=19,
            country="CHL",
            sector="COP",
            name=None,
            kind="group",
            rule="agent noun",
        ),
        "target": Actor(
            text="12 students",
            start=29,
            end=40,
            country=None,
            sector="CVL",
            name=None,
            kind="group",
        ),
        "trigger": Trigger(text="detained", start=20, end=28),
        "date": EventDate(
            value="2024-04-12", end="2024-04-12", granularity="day", text="Friday", basis="text"
        ),
        "location": Location(
            name="Valparaíso",
            country="CHL",
            admin1="01",
            lat=-33.04,
            lon=-71.63,
            geonameid=3868626,
            precision="town",
            text="Valparaíso",
            start=58,
            end=68,
        ),
        "negated": False,
        "modality": "reported",
        "reported_by": Actor(
            text="Amnesty",
            start=0,
            end=7,
            country="NGO",
            sector=None,
            name="Amnesty International",
            kind="organization",
        ),
        "fatalities": None,
        "injured": 3,
        "confidence": 0.75,
        "explanation": "trigger 'detained' matched lexicon entry 'detain'",
        "group": None,
    }
    base.update(changes)
    return EventRecord(**base)


def test_flatten_full_record() -> None:
    row = flatten(_record().to_dict())
    assert set(row) == set(FLAT_COLUMNS)
    assert row["id"] == "0a1b2c3d4e5f60718293"
    assert row["event_type"] == "COERCE"
    assert (row["source_country"], row["source_sector"], row["source_text"]) == (
        "CHL",
        "COP",
        "Chilean riot police",
    )
    assert row["source_name"] is None
    assert (row["target_country"], row["target_sector"]) == (None, "CVL")
    assert row["trigger"] == "detained"
    assert (row["date"], row["date_end"], row["date_granularity"], row["date_basis"]) == (
        "2024-04-12",
        "2024-04-12",
        "day",
        "text",
    )
    assert (row["location_name"], row["location_country"], row["location_precision"]) == (
        "Valparaíso",
        "CHL",
        "town",
    )
    assert (row["location_lat"], row["location_lon"]) == (-33.04, -71.63)
    assert row["contexts"] == "legal;protest"
    assert row["reported_by"] == "NGO (Amnesty International)"
    assert row["injured"] == 3
    assert row["fatalities"] is None


def test_flatten_sparse_record() -> None:
    row = flatten(
        _record(
            source=None, target=None, location=None, reported_by=None, contexts=[], kind="incident"
        ).to_dict()
    )
    assert set(row) == set(FLAT_COLUMNS)
    assert row["kind"] == "incident"
    for column in ("source_country", "target_text", "location_name", "location_lat"):
        assert row[column] is None
    assert row["reported_by"] is None
    assert row["contexts"] == ""


def test_csv_header_and_rows() -> None:
    records = [_record().to_dict(), _record(id="ffff", event_type="PROTEST").to_dict()]
    out = io.StringIO()
    assert write_csv(records, out) == 2
    out.seek(0)
    lines = list(csv.reader(out))
    assert lines[0] == list(FLAT_COLUMNS)
    assert len(lines) == 3
    rows = [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]
    assert [r["id"] for r in rows] == ["0a1b2c3d4e5f60718293", "ffff"]
    assert [r["event_type"] for r in rows] == ["COERCE", "PROTEST"]
    assert rows[0]["sentence"] == SENTENCE  # commas and quotes survive
    assert rows[0]["contexts"] == "legal;protest"
    assert rows[0]["source_name"] == ""

    no_header = io.StringIO()
    write_csv(records[:1], no_header, header=False)
    assert no_header.getvalue().startswith("0a1b2c3d4e5f60718293,")


def test_jsonl_round_trip() -> None:
    records = list(as_dicts([_record(), _record(id="ffff", target=None)]))
    out = io.StringIO()
    assert write_jsonl(records, out) == 2
    text = out.getvalue()
    assert "Valparaíso" in text  # written as UTF-8, not \u escapes
    lines = text.splitlines()
    assert len(lines) == 2
    assert [json.loads(line) for line in lines] == records
    assert list(json.loads(lines[0])) == list(records[0])  # contract field order kept


def _table(records: list[dict[str, Any]]) -> str:
    console = Console(file=io.StringIO(), width=200)
    render_table(records, console, "Test events")
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_table_shows_type_actors_and_date_basis() -> None:
    from_text = _record().to_dict()
    from_publication = _record(
        id="p1",
        event_type="PROTEST",
        mode="demonstrate",
        date=EventDate(
            value="2024-04-13", end="2024-04-13", granularity="day", text=None, basis="publication"
        ),
    ).to_dict()
    text = _table([from_text, from_publication])
    lines = text.splitlines()
    coerce = next(line for line in lines if "COERCE" in line)
    protest = next(line for line in lines if "PROTEST" in line)
    assert "2024-04-12 " in coerce  # date from the sentence: no star
    assert "2024-04-12*" not in coerce
    assert "CHL COP" in coerce
    assert "Valparaíso (CHL)" in coerce
    assert "detained" in coerce
    # mode and modality are shown on the line under the event type
    detail = lines[lines.index(coerce) + 1]
    assert "reported" in detail
    assert "0.75" in coerce
    assert "2024-04-13*" in protest  # date taken from the publication date
    assert "* date taken from the publication date" in text


def test_table_incident_row() -> None:
    incident = _record(
        event_type=None, mode=None, cameo=None, kind="incident", fatalities=4, modality="asserted"
    ).to_dict()
    lines = _table([incident]).splitlines()
    row = next(i for i, line in enumerate(lines) if "incident" in line)
    assert "4 dead" in lines[row + 1]


def test_table_footnote_only_when_a_row_is_starred() -> None:
    """Issue 14: the publication footnote was printed under tables where no row used it."""
    assert "publication date" not in _table([_record().to_dict()])
