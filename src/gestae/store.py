"""Store stage: an embedded DuckDB file holding articles and their coded events.

Re-coding an article replaces its events inside one transaction, so a store never holds the
same article's events twice and an interrupted run leaves no half-written article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from gestae import __version__
from gestae.errors import StoreError
from gestae.model import Article, EventRecord
from gestae.output import FLAT_COLUMNS, flatten

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    url VARCHAR, source VARCHAR, title VARCHAR, published DATE, language VARCHAR,
    text_hash VARCHAR NOT NULL, coded_at TIMESTAMP NOT NULL, coder_version VARCHAR NOT NULL,
    n_events INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR, article_id VARCHAR NOT NULL, published DATE, sentence_index INTEGER,
    event_type VARCHAR, mode VARCHAR, cameo VARCHAR, quad_class INTEGER,
    intensity DOUBLE, goldstein DOUBLE,
    source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR, source_text VARCHAR,
    target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR, target_text VARCHAR,
    trigger VARCHAR, date DATE, date_end DATE, date_granularity VARCHAR, date_basis VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    location_precision VARCHAR, negated BOOLEAN, modality VARCHAR, reported_by VARCHAR,
    fatalities INTEGER, injured INTEGER, contexts VARCHAR, confidence DOUBLE, "group" VARCHAR,
    sentence VARCHAR, explanation VARCHAR, record JSON NOT NULL
);
"""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EventStore:
    """A DuckDB file of articles and events; use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no event store at {self.path}; create one with `gestae code --db`")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open event store {self.path}: {exc}") from exc
        try:
            if not read_only:
                self.con.execute(SCHEMA)
                self.con.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                    [str(SCHEMA_VERSION)],
                )
            self._check_version()
        except (duckdb.Error, StoreError) as exc:
            self.con.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{self.path} is not a usable gestae event store ({exc})") from exc

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a gestae event store ({exc})") from exc
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(
                f"{self.path} has store schema version {found}; this gestae ({__version__}) "
                f"reads version {SCHEMA_VERSION}. Re-code the articles into a new store."
            )

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def is_current(self, article: Article) -> bool:
        """True when this exact text was already coded by this coder version."""
        row = self.con.execute(
            "SELECT text_hash, coder_version FROM articles WHERE id = ?", [article.id]
        ).fetchone()
        return row is not None and row[0] == text_hash(article.text) and row[1] == __version__

    def write(self, article: Article, records: list[EventRecord]) -> None:
        """Replace the article and its events in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events WHERE article_id = ?", [article.id])
            self.con.execute("DELETE FROM articles WHERE id = ?", [article.id])
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id,
                    article.url,
                    article.source,
                    article.title,
                    article.published,
                    article.language,
                    text_hash(article.text),
                    datetime.now(UTC).replace(tzinfo=None),
                    __version__,
                    len(records),
                ],
            )
            rows = []
            for record in records:
                data = record.to_dict()
                flat = flatten(data)
                rows.append([flat.get(c) for c in FLAT_COLUMNS] + [json.dumps(data)])
            if rows:
                names = ", ".join(f'"{c}"' for c in (*FLAT_COLUMNS, "record"))
                placeholders = ", ".join("?" * (len(FLAT_COLUMNS) + 1))
                self.con.executemany(f"INSERT INTO events ({names}) VALUES ({placeholders})", rows)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"could not store article {article.id} in {self.path}: {exc}") from exc
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def events(
        self, limit: int | None = None, event_type: str | None = None, actor: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Stored records in the output contract, in article and sentence order."""
        where: list[str] = []
        params: list[str | int] = []
        if event_type:
            where.append("event_type = ?")
            params.append(event_type.upper())
        if actor:
            where.append("(source_country = ? OR target_country = ?)")
            params += [actor.upper(), actor.upper()]
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published, article_id, sentence_index, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        for (record,) in self.con.execute(sql, params).fetchall():
            yield json.loads(record)

    def counts(self) -> tuple[int, int]:
        articles = self.con.execute("SELECT count(*) FROM articles").fetchone()
        events = self.con.execute("SELECT count(*) FROM events").fetchone()
        return (articles[0] if articles else 0), (events[0] if events else 0)
