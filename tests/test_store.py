"""Store stage: DuckDB round trip, replacement on re-coding, filters, schema versions and
migrations, the bulk path, rollback."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

import gestae.store.database
import gestae.store.migrations
from gestae.errors import StoreError
from gestae.schema import Article, EventRecord
from gestae.store.database import SCHEMA_VERSION, EventStore, record_dict, text_hash
from gestae.store.integrity import check_store, expected_columns
from gestae.store.migrations import V1_SCHEMA

ARREST = "Belarusian police arrested forty opposition supporters in Minsk on Sunday."
ACCUSE = "The Japanese government accused China of violating its airspace."
FIRST = Article(
    id="desk-1",
    text=f"{ARREST} {ACCUSE}",
    published=date(2024, 3, 3),
    title="Arrests and accusations",
    url="https://example.org/desk-1",
    source="desk",
)
# The same article re-coded after an edit that dropped the arrests.
EDITED = Article(id="desk-1", text=ACCUSE, published=date(2024, 3, 3))
OTHER = Article(id="desk-2", text=ACCUSE, published=date(2024, 3, 4), source="wire")


@pytest.fixture(scope="module")
def first_records(coder: Any) -> list[EventRecord]:
    records: list[EventRecord] = coder.code(FIRST)
    types = sorted(r.event_type or "" for r in records)
    assert types == ["ACCUSE", "COERCE"], types  # the fixture the tests below rely on
    return records


@pytest.fixture(scope="module")
def edited_records(coder: Any) -> list[EventRecord]:
    records: list[EventRecord] = coder.code(EDITED)
    assert [r.event_type for r in records] == ["ACCUSE"]
    return records


@pytest.fixture(scope="module")
def other_records(coder: Any) -> list[EventRecord]:
    records: list[EventRecord] = coder.code(OTHER)
    assert [r.event_type for r in records] == ["ACCUSE"]
    return records


def _by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def test_round_trip_gives_the_same_records(
    tmp_path: Path, first_records: list[EventRecord]
) -> None:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.write(FIRST, first_records)
    with EventStore(path, read_only=True) as store:
        stored = list(store.events())
        assert store.counts() == (1, 2)
        article = store.con.execute(
            "SELECT url, source, title, published, n_events FROM articles"
        ).fetchone()
        flat = store.con.execute(
            "SELECT source_country, source_sector, target_country, location_name, date, "
            "contexts FROM events WHERE event_type = 'COERCE'"
        ).fetchone()
    assert stored == sorted(stored, key=lambda r: (r["sentence_index"], r["id"]))
    assert _by_id(stored) == _by_id([r.to_dict() for r in first_records])
    assert article == (
        "https://example.org/desk-1",
        "desk",
        "Arrests and accusations",
        FIRST.published,
        2,
    )
    # the opposition supporters arrested in Minsk take the country the article is about
    assert flat == ("BLR", "COP", "BLR", "Minsk", date(2024, 3, 3), "legal")


def test_rewrite_replaces_the_article(
    tmp_path: Path, first_records: list[EventRecord], edited_records: list[EventRecord]
) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        store.write(FIRST, first_records)
        store.write(FIRST, first_records)
        ids = [r["id"] for r in store.events()]
        assert store.counts() == (1, 2)
        assert sorted(ids) == sorted(r.id for r in first_records)

        store.write(EDITED, edited_records)
        assert store.counts() == (1, 1)
        assert [r["event_type"] for r in store.events()] == ["ACCUSE"]

        # A re-coded article with no events keeps its row and loses its events.
        store.write(EDITED, [])
        assert store.counts() == (1, 0)


def test_is_current_needs_same_text_version_and_settings(
    tmp_path: Path, first_records: list[EventRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        assert not store.is_current(FIRST, "cfg")
        assert store.write(FIRST, first_records, "cfg") is False  # new, not a replacement
        assert store.is_current(FIRST, "cfg")
        assert not store.is_current(FIRST, "other-settings")
        assert not store.is_current(EDITED, "cfg")  # same id, different text
        assert not store.is_current(Article(id="other", text=FIRST.text), "cfg")
        monkeypatch.setattr(gestae.store.database, "__version__", "99.0.0")
        assert not store.is_current(FIRST, "cfg")
        monkeypatch.undo()
        # Written without known settings: never taken as current.
        assert store.write(FIRST, first_records) is True
        assert not store.is_current(FIRST, "cfg")


def test_fast_record_dict_equals_the_contract(
    first_records: list[EventRecord], other_records: list[EventRecord]
) -> None:
    for record in [*first_records, *other_records]:
        fast, slow = record_dict(record), record.to_dict()
        assert fast == slow and list(fast) == list(slow)
        assert json.dumps(fast) == json.dumps(slow)


def test_article_text_and_provenance_are_stored(
    tmp_path: Path, first_records: list[EventRecord]
) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        store.write(FIRST, first_records, "cfg")
        row = store.con.execute(
            "SELECT text, text_hash, coder_version, coder_config, clustered_at FROM articles"
        ).fetchone()
        assert row == (FIRST.text, text_hash(FIRST.text), gestae.__version__, "cfg", None)
        # The evidence offsets of every record point into the stored text.
        for record in store.article_records(FIRST.id):
            trigger = record["trigger"]
            assert FIRST.text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert store.unclustered() == [FIRST.id]
        store.mark_clustered([FIRST.id])
        assert store.unclustered() == []
        store.write(EDITED, [], "cfg")  # re-coding makes it wait for clustering again
        assert store.unclustered() == [FIRST.id]


def test_filters_by_type_actor_and_limit(tmp_path: Path, first_records: list[EventRecord]) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        store.write(FIRST, first_records)

        def types(**kwargs: Any) -> list[str]:
            return [r["event_type"] for r in store.events(**kwargs)]

        assert types(event_type="coerce") == ["COERCE"]
        assert types(event_type="ASSAULT") == []
        assert types(actor="blr") == ["COERCE"]  # source country
        assert types(actor="CHN") == ["ACCUSE"]  # target country
        assert types(actor="JPN", event_type="ACCUSE") == ["ACCUSE"]
        assert types(actor="BLR", event_type="ACCUSE") == []
        assert types(limit=1) == ["COERCE"]  # sentence order


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    with EventStore(path) as store:
        store.con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="written by a newer gestae") as info:
            EventStore(path, read_only=read_only)
        assert "store schema version 7" in str(info.value)
        assert f"reads versions up to {SCHEMA_VERSION}" in str(info.value)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta").fetchall() == [("7",)]  # left untouched
    con.close()


def _v1_store(path: Path, records: list[EventRecord]) -> None:
    """A store as gestae 0.1.0 wrote it: version 1 DDL, rows inserted the way it did."""
    from gestae.schema import FLAT_COLUMNS, flatten

    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, now(), '0.1.0', ?)",
        [FIRST.id, FIRST.url, FIRST.source, FIRST.title, FIRST.published, None,
         text_hash(FIRST.text), len(records)],
    )  # fmt: skip
    # The flat columns version 1 had (later versions add some).
    columns = [c for c in FLAT_COLUMNS if c in V1_EVENT_NAMES]
    names = ", ".join(f'"{c}"' for c in (*columns, "record"))
    rows = []
    for record in records:
        data = record.to_dict()
        flat = flatten(data)
        rows.append([flat.get(c) for c in columns] + [json.dumps(data)])
    con.executemany(
        f"INSERT INTO events ({names}) VALUES ({', '.join('?' * (len(columns) + 1))})", rows
    )
    con.close()


def _dump(path: Path, table: str, columns: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"SELECT {columns} FROM {table} ORDER BY 1").fetchall()
    finally:
        con.close()


V1_ARTICLE_COLUMNS = (
    "id, url, source, title, published, language, text_hash, coded_at, coder_version, n_events"
)
V1_EVENT_NAMES = tuple(
    part.split()[0].strip('"')
    for part in V1_SCHEMA.split("CREATE TABLE IF NOT EXISTS events (")[1].split(");")[0].split(",")
    if part.strip()
)
V1_EVENT_COLUMNS = ", ".join(f'"{c}"' for c in V1_EVENT_NAMES)


def test_version_1_store_migrates_with_its_rows(
    tmp_path: Path, first_records: list[EventRecord]
) -> None:
    path = tmp_path / "old.duckdb"
    _v1_store(path, first_records)
    articles_before = _dump(path, "articles", V1_ARTICLE_COLUMNS)
    events_before = _dump(path, "events", V1_EVENT_COLUMNS)

    # Reading never upgrades: it says how to.
    with pytest.raises(StoreError, match="schema version 1, older than version") as info:
        EventStore(path, read_only=True)
    assert f"gestae migrate --db {path}" in str(info.value)
    assert _dump(path, "meta", "value") == [("1",)]

    with EventStore(path) as store:  # opening for writing upgrades
        message = store.upgrade_message()
        assert message is not None
        assert f"from schema version 1 to {SCHEMA_VERSION}" in message
        assert store.counts() == (1, 2)
        assert _by_id(list(store.events())) == _by_id([r.to_dict() for r in first_records])
    assert _dump(path, "articles", V1_ARTICLE_COLUMNS) == articles_before
    assert _dump(path, "events", V1_EVENT_COLUMNS) == events_before
    assert _dump(path, "articles", "text, coder_config, clustered_at") == [(None, None, None)]
    assert _dump(path, "schema_history", "version, summary")[0][0] == 2
    # Same tables and columns as a store created by this gestae.
    con = duckdb.connect(str(path), read_only=True)
    from gestae.store.integrity import _columns

    assert _columns(con) == expected_columns()
    con.close()
    assert check_store(path).sound
    with EventStore(path) as store:
        assert store.upgrade_message() is None  # nothing left to do
        # Without its text the article does not count as current: the next ingest re-codes it.
        assert not store.is_current(FIRST, "cfg")


def test_failed_migration_leaves_the_store_as_it_was(
    tmp_path: Path, first_records: list[EventRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.duckdb"
    _v1_store(path, first_records)
    broken = (*gestae.store.migrations.V2_STEPS, "ALTER TABLE no_such_table ADD COLUMN x INTEGER")
    monkeypatch.setattr(gestae.store.migrations, "V2_STEPS", broken)
    with pytest.raises(StoreError, match="left unchanged"):
        EventStore(path)
    assert _dump(path, "meta", "value") == [("1",)]
    con = duckdb.connect(str(path), read_only=True)
    columns = [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    con.close()
    assert "text" not in columns
    monkeypatch.undo()
    with EventStore(path) as store:  # and the real migration still applies afterwards
        assert store.counts() == (1, 2)


def test_foreign_duckdb_file_is_never_turned_into_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a gestae event store"):
        EventStore(path)
    assert _dump(path, "things", "x") == []
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()
    assert tables == {"things"}


def test_bulk_path_writes_the_same_rows(
    tmp_path: Path,
    first_records: list[EventRecord],
    edited_records: list[EventRecord],
    other_records: list[EventRecord],
) -> None:
    one, bulk = tmp_path / "one.duckdb", tmp_path / "bulk.duckdb"
    with EventStore(one) as store:
        store.write(FIRST, first_records, "cfg")
        store.write(OTHER, other_records, "cfg")
    with EventStore(bulk) as store:
        written = store.write_many(
            [(FIRST, first_records), (OTHER, other_records)], "cfg", chunk_size=1
        )
        assert written == 3
    columns = "* EXCLUDE (coded_at)"
    assert _dump(bulk, "articles", columns) == _dump(one, "articles", columns)
    assert _dump(bulk, "events", "*") == _dump(one, "events", "*")
    with EventStore(bulk) as store:  # replacement, as in `write`
        store.write_many([(EDITED, edited_records)], "cfg")
        assert store.counts() == (2, 2)
        assert [r["event_type"] for r in store.article_records(FIRST.id)] == ["ACCUSE"]


def test_foreign_duckdb_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a gestae event store"):
        EventStore(path, read_only=True)


def test_missing_store_read_only_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError) as info:
        EventStore(path, read_only=True)
    message = str(info.value)
    assert message.startswith(f"no event store at {path}")
    assert "gestae ingest --db" in message
    assert not path.exists()  # reading never creates a store


class _FailingInserts:
    """A connection whose event insert fails after the deletes and article insert ran."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith("INSERT INTO events"):
            raise RuntimeError("disk full")
        return self._con.execute(sql, *args)


def test_failed_write_keeps_the_previous_version(
    tmp_path: Path, first_records: list[EventRecord], edited_records: list[EventRecord]
) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        store.write(FIRST, first_records, "cfg")
        before = _by_id(list(store.events()))

        real = store.con
        store.con = _FailingInserts(real)  # type: ignore[assignment]
        with pytest.raises(RuntimeError, match="disk full"):
            store.write(EDITED, edited_records)
        store.con = real

        assert store.counts() == (1, 2)
        assert _by_id(list(store.events())) == before
        assert store.is_current(FIRST, "cfg")  # the article row is the old one, too
        # No transaction was left open: the next write goes through.
        store.write(EDITED, edited_records)
        assert store.counts() == (1, 1)


def test_version_2_store_gains_the_location_columns(
    tmp_path: Path, first_records: list[EventRecord]
) -> None:
    """Schema 3 (issue 16): stored rows get the location's admin1, id and words from their
    record, and the old precision "city" becomes "town" in the column and in the record."""
    path = tmp_path / "old.duckdb"
    _v1_store(path, first_records)
    con = duckdb.connect(str(path))
    for step in gestae.store.migrations.MIGRATIONS[1:2]:
        step.apply(con)
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    place = '{"name": "Calais", "country": "FRA", "admin1": "32", "lat": 50.9, "lon": 1.8, '
    place += '"geonameid": 3029276, "precision": "city", "text": "Calais", "start": 0, "end": 6}'
    con.execute(
        "UPDATE events SET location_precision = 'city', location_name = 'Calais', "
        "record = json_merge_patch(record, ?::JSON)",
        ['{"location": ' + place + "}"],
    )
    con.close()
    with EventStore(path) as store:
        assert store.upgrade_message() is not None
        for record in store.events():
            assert record["location"]["precision"] == "town"
    rows = _dump(
        path,
        "events",
        "location_precision, location_admin1, location_geonameid, location_text",
    )
    assert set(rows) == {("town", "32", 3029276, "Calais")}


def test_also_told_by_survives_the_store(tmp_path: Path, coder: Any) -> None:
    """extra["also_told_by"] (docs/contract.md) is part of the stored record and its export."""
    text = "Militants ambushed a police convoy near Harvek, killing two officers."
    article = Article(id="told", text=text)
    records = coder.code(article)
    assert any(r.extra.get("also_told_by") for r in records)
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.write(article, records)
    with EventStore(path, read_only=True) as store:
        stored = list(store.events())
    assert _by_id(stored) == _by_id([r.to_dict() for r in records])
    assert any(r["extra"]["also_told_by"][0]["text"] == "killing" for r in stored)
