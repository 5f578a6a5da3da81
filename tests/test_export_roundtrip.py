"""Any text survives every export format: written through the registry, read back with the
ordinary reader of the format, the same text comes out (the GDELT table turns each tab or line
break into a space, as docs/exports.md says; it has no way to carry them)."""

from __future__ import annotations

import csv
import json
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gestae.query.export import EXPORT_FORMATS, GDELT_COLUMNS, export
from gestae.query.formats import FORMATS
from gestae.schema import Actor, Article, EventDate, EventRecord, Location, Trigger
from gestae.store.database import EventStore

# Characters that break naive writers and readers, mixed into any other (surrogates cannot be
# written as UTF-8, so no file holds them).
TRICKY = "\"'\t\n\r,;|\\\x00\x0b\x0c\x1c\x85\u2028\u2029 #=NA" + "éßжд中文ا한😀👍🏽\u200d"
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=("Cs",))),
    max_size=24,
)
GDELT_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(frozen=True)
class Texts:
    """The free text of one record and its article, each field drawn independently."""

    sentence: str
    explanation: str
    source_text: str
    source_name: str | None
    target_text: str
    target_name: str | None
    trigger: str
    place_name: str
    place_text: str
    date_text: str
    reporter_text: str
    article_id: str
    title: str
    url: str
    outlet: str


TEXTS = st.builds(
    Texts,
    **{
        name: (st.none() | TEXT) if name.endswith("_name") else TEXT
        for name in Texts.__dataclass_fields__
        if name != "article_id"
    },
    article_id=TEXT.filter(bool),
)


def _record(t: Texts, index: int) -> EventRecord:
    return EventRecord(
        id=f"{index + 1:015x}00000",  # GLOBALEVENTID index + 1
        article_id=t.article_id,
        published="2024-05-02",
        sentence_index=index,
        sentence=t.sentence,
        event_type="REQUEST",
        mode=None,
        contexts=["diplomatic"],
        cameo="021",
        quad_class=3,
        intensity=-1.0,
        goldstein=3.4,
        source=Actor(
            text=t.source_text,
            start=0,
            end=3,
            country="GBR",
            sector="GOV",
            name=t.source_name,
            kind="state",
        ),
        target=Actor(
            text=t.target_text,
            start=5,
            end=9,
            country="FRA",
            sector=None,
            name=t.target_name,
            kind="state",
        ),
        trigger=Trigger(text=t.trigger, start=4, end=5),
        date=EventDate(
            value="2024-05-01", end="2024-05-01", granularity="day", text=t.date_text, basis="text"
        ),
        location=Location(
            name=t.place_name,
            country="FRA",
            admin1=None,
            lat=50.9,
            lon=1.9,
            geonameid=1,
            precision="town",
            text=t.place_text,
            start=0,
            end=1,
        ),
        negated=False,
        modality="asserted",
        reported_by=Actor(
            text=t.reporter_text,
            start=0,
            end=1,
            country=None,
            sector="MED",
            name=None,
            kind="organization",
        ),
        fatalities=None,
        injured=None,
        confidence=0.9,
        explanation=t.explanation,
    )


def _flat_texts(t: Texts) -> dict[str, str | None]:
    """The text columns of the flat table (CSV, Parquet) as the records give them."""
    return {
        "article_id": t.article_id,
        "sentence": t.sentence,
        "explanation": t.explanation,
        "source_text": t.source_text,
        "source_name": t.source_name,
        "target_text": t.target_text,
        "target_name": t.target_name,
        "trigger": t.trigger,
        "location_name": t.place_name,
    }


def _gdelt_cell(text: str) -> str:
    return "".join(" " if c in GDELT_BREAKS else c for c in text)


def _export_all(texts: list[Texts], folder: Path) -> dict[str, Path]:
    with EventStore(folder / "s.duckdb") as store:
        for n, t in enumerate(texts):
            article = Article(
                id=t.article_id,
                text="Some text.",
                published=date(2024, 5, 2),
                title=t.title,
                url=t.url,
                source=t.outlet,
            )
            store.write(article, [_record(t, n)])
        paths = {}
        for fmt in EXPORT_FORMATS:
            paths[fmt] = folder / f"out-{fmt}.{FORMATS[fmt].extension}"
            assert export(store.con, fmt, paths[fmt]) == len(texts)
    return paths


def test_every_writable_format_is_checked_here() -> None:
    # A new format in the registry must be added to the round trip below.
    assert set(EXPORT_FORMATS) == {"jsonl", "csv", "parquet", "plover", "gdelt"}
    assert set(FORMATS) - set(EXPORT_FORMATS) == {"table"}  # drawn on a terminal, not a file


def _check_json_lines(path: Path, texts: list[Texts]) -> list[dict[str, Any]]:
    # str.splitlines also splits at U+2028, U+0085 ...: a line of JSON must hold none raw.
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(texts)
    records = [json.loads(line) for line in lines]
    frame = pd.read_json(path, lines=True, dtype=False)
    assert len(frame) == len(texts)
    return records


def _check_flat(flat: list[dict[str, Any]], texts: list[Texts], none_as: str | None) -> None:
    by_article = {row["article_id"]: row for row in flat}
    assert len(by_article) == len(texts)
    for t in texts:
        row = by_article[t.article_id]
        for column, value in _flat_texts(t).items():
            assert row[column] == (none_as if value is None else value), column


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(st.lists(TEXTS, min_size=1, max_size=3, unique_by=lambda t: t.article_id))
def test_any_text_survives_every_export_format(texts: list[Texts]) -> None:
    with tempfile.TemporaryDirectory(prefix="gestae-roundtrip-") as folder:
        _round_trip(texts, _export_all(texts, Path(folder)))


def _round_trip(texts: list[Texts], paths: dict[str, Path]) -> None:
    for record in _check_json_lines(paths["jsonl"], texts):
        n = int(record["id"][:15], 16) - 1
        assert record == _record(texts[n], n).to_dict()

    with paths["csv"].open(encoding="utf-8", newline="") as handle:
        _check_flat(list(csv.DictReader(handle)), texts, none_as="")
    frame = pd.read_csv(paths["csv"], dtype=str, keep_default_na=False)
    _check_flat(frame.to_dict("records"), texts, none_as="")
    _check_flat(pq.read_table(paths["parquet"]).to_pylist(), texts, none_as=None)

    plover = {r["cite_info"]["citation"]: r for r in _check_json_lines(paths["plover"], texts)}
    for t in texts:
        p = plover[t.article_id]
        assert (p["text"], p["explanation"], p["event_text"]) == (
            t.sentence,
            t.explanation,
            [t.trigger] if t.trigger else [],
        )
        assert [p["source"][0]["actor_text"], p["source"][0]["identifier_text"]] == [
            t.source_text,
            t.source_name,
        ]
        assert p["recipient"][0]["actor_text"] == t.target_text
        assert (p["event_loc"]["name"], p["event_loc"]["text"]) == (t.place_name, t.place_text)
        cite = p["cite_info"]
        assert (cite["title"], cite["url"], cite["publication"]) == (t.title, t.url, t.outlet)
        assert p["reported_by"]["actor_text"] == t.reporter_text

    with paths["gdelt"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    frame = pd.read_csv(
        paths["gdelt"],
        sep="\t",
        header=None,
        names=GDELT_COLUMNS,
        dtype=str,
        quoting=csv.QUOTE_NONE,
        keep_default_na=False,
    )
    assert frame.values.tolist() == rows
    assert len(rows) == len(texts) and all(len(row) == len(GDELT_COLUMNS) for row in rows)
    for cells in rows:
        row = dict(zip(GDELT_COLUMNS, cells, strict=True))
        t = texts[int(row["GLOBALEVENTID"]) - 1]
        assert row["SOURCEURL"] == _gdelt_cell(t.url or t.article_id)
        assert row["Actor1Name"] == _gdelt_cell(t.source_name or t.source_text)
        assert row["Actor2Name"] == _gdelt_cell(t.target_name or t.target_text)
        place = f"{t.place_name}, France" if t.place_name else ""
        assert row["ActionGeo_FullName"] == _gdelt_cell(place)


def test_a_stray_quote_in_an_actor_survives_the_gdelt_table(tmp_path: Path) -> None:
    """The crash of issue 14: 'need to escape, but no escapechar set', and no file."""
    plain = dict.fromkeys(Texts.__dataclass_fields__, "x")
    t = Texts(**{**plain, "source_text": 'the illegal" government', "source_name": None})
    paths = _export_all([t], tmp_path)
    text = paths["gdelt"].read_text(encoding="utf-8")
    assert '\tthe illegal" government\t' in text
    assert text.count("\n") == 1  # one event, one line
