"""Store stage: DuckDB round trip, replacement on re-coding, filters, versions, rollback."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

import gestae.store
from gestae.errors import StoreError
from gestae.model import Article, EventRecord
from gestae.store import SCHEMA_VERSION, EventStore

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


def test_is_current_needs_same_text_and_version(
    tmp_path: Path, first_records: list[EventRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        assert not store.is_current(FIRST)
        store.write(FIRST, first_records)
        assert store.is_current(FIRST)
        assert not store.is_current(EDITED)  # same id, different text
        assert not store.is_current(Article(id="other", text=FIRST.text))
        monkeypatch.setattr(gestae.store, "__version__", "99.0.0")
        assert not store.is_current(FIRST)


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


def test_other_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    with EventStore(path) as store:
        store.con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="schema version 7") as info:
            EventStore(path, read_only=read_only)
        assert f"reads version {SCHEMA_VERSION}" in str(info.value)


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
    assert "gestae code --db" in message
    assert not path.exists()  # reading never creates a store


class _FailingInserts:
    """A connection whose bulk event insert fails after the deletes and article insert ran."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def execute(self, *args: Any) -> Any:
        return self._con.execute(*args)

    def executemany(self, *args: Any) -> Any:
        raise RuntimeError("disk full")


def test_failed_write_keeps_the_previous_version(
    tmp_path: Path, first_records: list[EventRecord], edited_records: list[EventRecord]
) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        store.write(FIRST, first_records)
        before = _by_id(list(store.events()))

        real = store.con
        store.con = _FailingInserts(real)  # type: ignore[assignment]
        with pytest.raises(RuntimeError, match="disk full"):
            store.write(EDITED, edited_records)
        store.con = real

        assert store.counts() == (1, 2)
        assert _by_id(list(store.events())) == before
        assert store.is_current(FIRST)  # the article row is the old one, too
        # No transaction was left open: the next write goes through.
        store.write(EDITED, edited_records)
        assert store.counts() == (1, 1)
