"""Exports read back: JSON Lines, CSV, Parquet, PLOVER JSON and the GDELT 2.0 event table."""

from __future__ import annotations

import csv
import inspect
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from gestae.cli.app import app
from gestae.query.analysis import Filters
from gestae.query.export import GDELT_COLUMNS, ExportError, export, global_event_id
from gestae.resources.ontology import Ontology
from gestae.schema import FLAT_COLUMNS, Article, Location
from gestae.store.database import EventStore
from tests.synthetic_store import Spec, add_clusters, build_store
from tests.synthetic_store import record as synthetic_record

MINSK = Location(
    name="Minsk",
    country="BLR",
    admin1="Minsk City",
    admin1_code="05",
    lat=53.9,
    lon=27.56,
    geonameid=625144,
    precision="town",
    text="Minsk",
    start=0,
    end=5,
)
SPECS = [
    Spec("a1", "CONSULT", "GBR", "FRA", date(2024, 3, 4), place=MINSK),
    Spec("a1", "ACCUSE", "FRA", "GBR", date(2024, 3, 6)),
    Spec("a2", "ASSAULT", "GBR", "FRA", None),  # undated: the publication date stands in
    Spec("a2", "ASSAULT", "GBR", "FRA", date(2024, 3, 20), negated=True),
    Spec("a2", None, None, None, date(2024, 3, 20)),  # an incident
    Spec("a3", "SUPPORT", "UNO", "FRA", date(2024, 3, 27), sector=None),
]
PUBLISHED = {"a1": date(2024, 3, 6), "a2": date(2024, 3, 12), "a3": date(2024, 3, 27)}
# Where GDELT 2.0 puts the fields the tests check (0-based).
POSITIONS = {
    "GLOBALEVENTID": 0, "SQLDATE": 1, "MonthYear": 2, "Year": 3, "FractionDate": 4,
    "Actor1Code": 5, "Actor1Name": 6, "Actor1CountryCode": 7, "Actor1KnownGroupCode": 8,
    "Actor1Type1Code": 12, "Actor2Code": 15, "Actor2CountryCode": 17, "IsRootEvent": 25,
    "EventCode": 26, "EventBaseCode": 27, "EventRootCode": 28, "QuadClass": 29,
    "GoldsteinScale": 30, "NumMentions": 31, "NumSources": 32, "NumArticles": 33, "AvgTone": 34,
    "Actor1Geo_Type": 35, "ActionGeo_Type": 51, "ActionGeo_FullName": 52,
    "ActionGeo_CountryCode": 53, "ActionGeo_ADM1Code": 54, "ActionGeo_Lat": 56,
    "ActionGeo_Long": 57, "ActionGeo_FeatureID": 58, "DATEADDED": 59, "SOURCEURL": 60,
}  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("export") / "s.duckdb", SPECS, PUBLISHED)


def _export(store: Path, fmt: str, path: Path, **options: Any) -> int:
    with EventStore(store, read_only=True) as opened:
        return export(opened.con, fmt, path, **options)


def _stored(store: Path) -> list[dict[str, Any]]:
    with EventStore(store, read_only=True) as opened:
        rows = opened.con.execute(
            "SELECT record FROM events ORDER BY published, article_id, sentence_index, id"
        ).fetchall()
    return [json.loads(r[0]) for r in rows]


def _gdelt(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(len(row) == 61 for row in rows), [len(r) for r in rows]
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]


def test_gdelt_columns_are_the_61_of_gdelt_2() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    for name, index in POSITIONS.items():
        assert GDELT_COLUMNS[index] == name


def test_jsonl_is_the_stored_contract(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert _export(store, "jsonl", path) == 6
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == _stored(store)


def test_csv_and_parquet_are_the_flat_table(store: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert _export(store, "csv", tmp_path / "events.csv") == 6
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == FLAT_COLUMNS
        rows = list(reader)
    assert [r["event_type"] for r in rows] == [
        "CONSULT", "ACCUSE", "ASSAULT", "ASSAULT", "", "SUPPORT",
    ]  # fmt: skip
    assert rows[0]["location_name"] == "Minsk" and rows[0]["date"] == "2024-03-04"

    assert _export(store, "parquet", tmp_path / "events.parquet") == 6
    table = pq.read_table(tmp_path / "events.parquet")
    assert tuple(table.column_names) == FLAT_COLUMNS
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("quad_class").type == pa.int32()
    assert table.column("event_type").to_pylist() == [r["event_type"] or None for r in rows]
    assert table.column("id").to_pylist() == [r["id"] for r in rows]


def test_gdelt_rows_fill_the_right_columns(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.gdelt.tsv"
    # the negated ASSAULT and the incident are not GDELT events
    assert _export(store, "gdelt", path) == 4
    rows = _gdelt(path)
    stored = {r["id"]: r for r in _stored(store)}
    consult, accuse, assault, support = rows
    record = next(r for r in stored.values() if r["event_type"] == "CONSULT")
    assert consult["GLOBALEVENTID"] == str(global_event_id(record["id"]))
    assert (consult["SQLDATE"], consult["MonthYear"], consult["Year"]) == (
        "20240304",
        "202403",
        "2024",
    )
    assert consult["FractionDate"] == "2024.1721"  # day 64 of 366
    assert (consult["Actor1Code"], consult["Actor1CountryCode"], consult["Actor1Type1Code"]) == (
        "GBRGOV",
        "GBR",
        "GOV",
    )
    assert (consult["Actor2Code"], consult["Actor2CountryCode"]) == ("FRA", "FRA")
    assert (consult["EventCode"], consult["EventBaseCode"], consult["EventRootCode"]) == (
        "040",
        "040",
        "04",
    )
    assert (consult["QuadClass"], consult["GoldsteinScale"], consult["IsRootEvent"]) == (
        "1",
        "1.0",
        "1",
    )
    assert (consult["NumMentions"], consult["NumSources"], consult["NumArticles"]) == ("1",) * 3
    assert consult["AvgTone"] == "" and consult["Actor1Geo_Type"] == ""
    assert consult["ActionGeo_Type"] == "4"  # a city outside the US
    assert consult["ActionGeo_FullName"] == "Minsk, Minsk City, Belarus"
    assert (consult["ActionGeo_CountryCode"], consult["ActionGeo_ADM1Code"]) == ("BO", "BO05")
    assert (consult["ActionGeo_Lat"], consult["ActionGeo_Long"]) == ("53.9", "27.56")
    assert consult["ActionGeo_FeatureID"] == "625144"
    assert len(consult["DATEADDED"]) == 14 and consult["DATEADDED"].isdigit()
    assert consult["SOURCEURL"] == "https://news.example/a1"
    assert accuse["IsRootEvent"] == "0" and accuse["ActionGeo_Type"] == "0"
    assert assault["SQLDATE"] == "20240312"  # undated: the article's publication date
    assert assault["EventRootCode"] == "19" and assault["QuadClass"] == "4"
    # a PLOVER pseudo-country is a known group, not a country
    assert (support["Actor1Code"], support["Actor1CountryCode"]) == ("UNO", "")
    assert support["Actor1KnownGroupCode"] == "UNO"


def test_gdelt_quad_class_and_goldstein_follow_cameo(tmp_path: Path) -> None:
    """PLOVER and CAMEO group some codes differently: an appeal (CAMEO 02) is a REQUEST, verbal
    conflict (quad 3) in PLOVER and verbal cooperation (1) in CAMEO and GDELT."""
    ontology = Ontology.load()
    coded = [  # (PLOVER type, CAMEO code, the quad class GDELT gives the code)
        ("REQUEST", "021", 1),  # appeal for material cooperation
        ("REQUEST", "106", 3),  # demand a meeting
        ("CONCEDE", "081", 2),  # ease administrative penalties: CAMEO root 08 is material
        ("CONSULT", "04", 1),
        ("ASSAULT", "190", 4),
    ]
    published = date(2024, 3, 6)
    records = [
        replace(
            synthetic_record(Spec("q", "CONSULT", "GBR", "FRA", published), n, published),
            event_type=plover,
            cameo=code,
            quad_class=ontology.quad_class(plover),
            goldstein=ontology.cameo(code).goldstein,
        )
        for n, (plover, code, _) in enumerate(coded)
    ]
    assert [r.quad_class for r in records] == [3, 3, 1, 1, 4]  # as PLOVER groups them
    with EventStore(tmp_path / "q.duckdb") as opened:
        opened.write(Article("q", "text", published, url="https://news.example/q"), records)
        export(opened.con, "gdelt", tmp_path / "q.tsv")
        export(opened.con, "plover", tmp_path / "q.jsonl")
    by_code = {r["EventCode"]: r for r in _gdelt(tmp_path / "q.tsv")}
    for _, code, quad in coded:
        row = by_code[code if len(code) == 3 else code + "0"]
        assert row["QuadClass"] == str(quad), code
        assert float(row["GoldsteinScale"]) == ontology.cameo(code).goldstein, code
    plover = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text().splitlines()]
    assert [p["quad_code"] for p in plover] == [3, 3, 1, 1, 4]  # PLOVER JSON keeps PLOVER's


def test_gdelt_with_clusters_counts_reports(store: Path, tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "clustered.duckdb"
    shutil.copy(store, path)
    records = _stored(store)
    consult, accuse = records[0]["id"], records[1]["id"]
    # two reports judged the same event (the clustering step decides; this only sets counts)
    add_clusters(path, [[consult, accuse]] + [[r["id"]] for r in records[2:]])
    out = tmp_path / "clusters.tsv"
    assert _export(path, "gdelt", out, clusters=True) == 3
    first = _gdelt(out)[0]
    assert first["GLOBALEVENTID"] == str(global_event_id(consult))
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "1", "1")


def test_plover_json_maps_the_contract(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.plover.jsonl"
    assert _export(store, "plover", path) == 5  # the incident has no PLOVER event
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    consult = records[0]
    assert consult["event"] == ["CONSULT"] and consult["quad_code"] == 1
    assert consult["date"] == "2024-03-04" and consult["event_scale"] == 2.5
    assert consult["source"] == [
        {
            "code": "GBR",
            "sector": "GOV",
            "actor_text": "GBR",
            "identifier_id": None,
            "identifier_text": None,
            "start": 0,
            "end": 3,
        }
    ]
    assert [a["code"] for a in consult["recipient"]] == ["FRA"]
    assert consult["context"] == ["diplomatic"] and consult["mode"] == []
    assert consult["event_loc"]["cc3"] == "BLR" and consult["event_loc"]["country code"] == "BY"
    assert consult["event_loc"]["latitude"] == 53.9
    assert consult["event_text"] == ["met"]
    assert consult["text_info"] == {"sequence": 0, "start": 4, "end": 7}
    assert consult["cite_info"]["url"] == "https://news.example/a1"
    assert consult["cite_info"]["publication"] == "wire"
    assert consult["coder"].startswith("gestae ") and consult["cameo"] == "040"
    undated = records[2]
    assert undated["date"] == "2024-03-12" and undated["date_basis"] == "unknown"
    assert [r["negated"] for r in records].count(True) == 1  # flagged, as in the contract


def test_filters_apply_to_exports(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "fra-gbr.jsonl"
    count = _export(
        store, "jsonl", path, filters=Filters(dyad=("FRA", "GBR"), directed=True), limit=5
    )
    assert count == 1
    assert json.loads(path.read_text(encoding="utf-8"))["event_type"] == "ACCUSE"
    since = _export(store, "csv", tmp_path / "late.csv", filters=Filters(since=date(2024, 3, 21)))
    assert since == 1


def test_failures_leave_no_file(store: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        _export(store, "xml", tmp_path / "events.xml")
    target = tmp_path / "taken"
    target.mkdir()  # a directory where the file should go
    with pytest.raises(ExportError, match="cannot write"):
        _export(store, "jsonl", target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_real_article_in_plover_and_gdelt(coder: Any, tmp_path: Path) -> None:
    article = Article(
        id="minsk",
        text="Belarusian police arrested forty opposition supporters in Minsk on Sunday.",
        published=date(2024, 3, 3),
        url="https://news.example/minsk",
    )
    records = coder.code(article)
    assert [r.event_type for r in records] == ["COERCE"]
    db = tmp_path / "real.duckdb"
    with EventStore(db) as opened:
        opened.write(article, records)
    _export(db, "plover", tmp_path / "real.jsonl")
    _export(db, "gdelt", tmp_path / "real.tsv")
    plover = json.loads((tmp_path / "real.jsonl").read_text(encoding="utf-8"))
    gdelt = _gdelt(tmp_path / "real.tsv")[0]
    assert plover["event"] == ["COERCE"] and plover["quad_code"] == 4
    assert (plover["source"][0]["code"], plover["source"][0]["sector"]) == ("BLR", "COP")
    assert plover["event_loc"]["name"] == "Minsk" and plover["event_loc"]["country code"] == "BY"
    assert plover["date"] == "2024-03-03"
    assert gdelt["Actor1Code"] == "BLRCOP" and gdelt["EventRootCode"] == "17"
    assert gdelt["QuadClass"] == "4" and gdelt["ActionGeo_CountryCode"] == "BO"
    assert gdelt["SQLDATE"] == "20240303" and gdelt["SOURCEURL"] == article.url


def test_export_command(store: Path, tmp_path: Path) -> None:
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    else:
        runner = CliRunner()
    out = tmp_path / "gbr.tsv"
    args = ["export", "--db", str(store), "--format", "gdelt", "-o", str(out), "--actor", "GBR"]
    result = runner.invoke(app, [*args, "--type", "ASSAULT"])
    assert result.exit_code == 0, result.stderr
    assert f"exported 1 records to {out} (gdelt)" in result.stderr
    assert [r["EventRootCode"] for r in _gdelt(out)] == ["19"]
    with duckdb.connect(str(store), read_only=True) as con:  # the store is untouched
        assert con.execute("SELECT count(*) FROM events").fetchone() == (6,)
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "-o", "x"])
    assert missing.exit_code == 2 and "no event store at" in missing.stderr


def test_an_earlier_act_without_a_day_is_exported_without_a_date(tmp_path: Path) -> None:
    """An act put before the story on no given day keeps no date rather than the publication's."""
    specs = [Spec("e1", "ASSAULT", "GBR", "FRA", None, basis="earlier")]
    path = build_store(tmp_path / "e.duckdb", specs, {"e1": date(2024, 3, 6)})
    _export(path, "plover", tmp_path / "e.jsonl")
    _export(path, "gdelt", tmp_path / "e.tsv")
    plover = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert plover["date"] is None and plover["date_basis"] == "earlier"
    gdelt = _gdelt(tmp_path / "e.tsv")[0]
    assert gdelt["SQLDATE"] == "" and gdelt["Year"] == ""
