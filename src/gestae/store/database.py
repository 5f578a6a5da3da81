"""Store stage: an embedded DuckDB file holding articles, their text and their coded events.

Re-coding an article replaces its events inside one transaction, so a store never holds the
same article's events twice and an interrupted run leaves no half-written article. The schema is
versioned (`gestae.store.migrations`); opening a store for writing upgrades it, reading never does.
DuckDB lets one process write a file at a time: a second writer gets a `StoreError` naming the
holder, or waits for it with `wait=SECONDS`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from gestae.errors import StoreError
from gestae.schema import FLAT_COLUMNS, Article, EventRecord, flatten
from gestae.store.migrations import LATEST, Migration, stored_version, upgrade
from gestae.version import __version__

SCHEMA_VERSION = LATEST

ARTICLE_COLUMNS = (
    "id", "url", "source", "title", "published", "language", "text", "text_hash", "coded_at",
    "coder_version", "coder_config", "n_events",
)  # fmt: skip
EVENT_COLUMNS = (*FLAT_COLUMNS, "record")
_QUOTED_EVENT_COLUMNS = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
_LOCK_ERROR = re.compile(r"Could not set lock|Conflicting lock")
_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")
# Ids looked up per query: one query per chunk of ingested articles, not one per article.
_LOOKUP_CHUNK = 256
_EVENT_MARKS = "(" + ", ".join("?" * len(EVENT_COLUMNS)) + ")"
_ROWS_PER_INSERT = 100
_FLAT = (str, int, float, bool, type(None))
_RECORD_FIELDS = tuple(f.name for f in fields(EventRecord))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def connect(
    path: Path, read_only: bool, wait: float, on_wait: Callable[[str], None] | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying while another process holds DuckDB's lock, up to `wait` s;
    `on_wait` hears once that we are waiting (so a silent pause is explained)."""
    deadline = time.monotonic() + max(wait, 0.0)
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            message = str(exc)
            if not _LOCK_ERROR.search(message):
                raise StoreError(f"cannot open event store {path}: {exc}") from exc
            holder = _LOCK_HOLDER.search(message)
            who = f" (PID {holder.group(1)})" if holder else ""
            if time.monotonic() >= deadline:
                waited = f" after waiting {wait:g} s" if wait > 0 else ""
                raise StoreError(
                    f"the store {path} is in use by another gestae process{who}{waited}; wait "
                    "for it to finish, or pass --wait SECONDS to wait for it"
                ) from exc
            if on_wait is not None and not told:
                on_wait(
                    f"the store {path} is in use by another gestae process{who}; "
                    f"waiting up to {wait:g} s for it"
                )
                told = True
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0.01)))


class EventStore:
    """A DuckDB file of articles and events; use as a context manager."""

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        wait: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.migrated: list[Migration] = []
        self.created = False
        self._held = False  # inside `transaction()`: writes join it instead of committing
        if read_only and not self.path.exists():
            raise StoreError(
                f"no event store at {self.path}; create one with `gestae ingest --db` "
                "or `gestae code --db`"
            )
        self.con = connect(self.path, read_only, wait, on_wait)
        try:
            found = self._check_version()
            if not read_only:
                self.migrated = upgrade(self.con, found)
                self.created = found == 0
        except (duckdb.Error, StoreError) as exc:
            self.con.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{self.path} is not a usable gestae event store ({exc})") from exc

    def _check_version(self) -> int:
        try:
            found = stored_version(self.con)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a gestae event store ({exc})") from exc
        if found is None:
            raise StoreError(
                f"{self.path} is not a gestae event store (a DuckDB file without gestae's "
                "schema version)"
            )
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer gestae (store schema version {found}; "
                f"this gestae {__version__} reads versions up to {SCHEMA_VERSION}). "
                "Upgrade gestae to use it."
            )
        if self.read_only and found == 0:
            raise StoreError(
                f"{self.path} is an empty database, not a gestae event store; create one "
                "with `gestae ingest --db`"
            )
        if self.read_only and found < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has store schema version {found}, older than version "
                f"{SCHEMA_VERSION} that this gestae ({__version__}) reads. Upgrade it with "
                f"`gestae migrate --db {self.path}` (or any command that writes to it, such "
                "as `gestae ingest --db`); the upgrade keeps every row."
            )
        return found

    def upgrade_message(self) -> str | None:
        """What opening the store changed in its schema, for the user; None when nothing."""
        if not self.migrated or self.created:
            return None
        first = self.migrated[0].version - 1
        steps = "; ".join(f"v{m.version}: {m.summary}" for m in self.migrated)
        return (
            f"upgraded the store {self.path} from schema version {first} to "
            f"{self.migrated[-1].version} ({steps})"
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

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes (and the clustering of what they wrote) in one transaction: a reader
        on another cursor sees all of them or none, never events not yet clustered."""
        self.con.execute("BEGIN TRANSACTION")
        self._held = True
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self._held = False

    def on_cursor(self) -> EventStore:
        """This store over a new cursor of its connection, for another thread: DuckDB gives a
        process one handle on a file, and a cursor is that handle's separate connection, with
        transactions of its own (a server's writer thread beside its readers). Close it after
        use; the store itself stays open."""
        view = copy.copy(self)
        view.con = self.con.cursor()
        return view

    def current_hashes(self, articles: Sequence[Article], coder_config: str) -> dict[str, str]:
        """Text hash of each of these articles stored by this coder version and settings.

        An article may be skipped only when its text hash is the one given here; one stored
        without its text (a version 1 store) or without known settings is not listed."""
        ids = list(dict.fromkeys(a.id for a in articles))
        found: dict[str, str] = {}
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            chunk = ids[start : start + _LOOKUP_CHUNK]
            rows = self.con.execute(
                f"SELECT id, text_hash FROM articles WHERE id IN ({', '.join('?' * len(chunk))}) "
                "AND coder_version = ? AND coder_config = ? AND text IS NOT NULL",
                [*chunk, __version__, coder_config],
            ).fetchall()
            found.update(rows)
        return found

    def is_current(self, article: Article, coder_config: str) -> bool:
        """True when this exact text was already coded by this coder version and settings."""
        return self.current_hashes([article], coder_config).get(article.id) == text_hash(
            article.text
        )

    def write(
        self, article: Article, records: Sequence[EventRecord], coder_config: str | None = None
    ) -> bool:
        """Replace the article and its events in one transaction; True if it was stored before.

        `coder_config` fingerprints the coder (`gestae.engine.config.CoderConfig`); a
        record stored without one is always re-coded."""
        rows = [_event_row(record) for record in records]
        own = not self._held
        if own:
            self.con.execute("BEGIN TRANSACTION")
        try:
            deleted = self.con.execute("DELETE FROM articles WHERE id = ?", [article.id])
            replaced = bool(deleted.fetchall()[0][0])
            if replaced:  # a new article has no events: skip the scan of the events table
                self.con.execute("DELETE FROM events WHERE article_id = ?", [article.id])
            self.con.execute(
                f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                _article_row(article, len(records), coder_config),
            )
            # Multi-row VALUES: several times faster than executemany in DuckDB.
            for start in range(0, len(rows), _ROWS_PER_INSERT):
                part = rows[start : start + _ROWS_PER_INSERT]
                self.con.execute(
                    f"INSERT INTO events ({_QUOTED_EVENT_COLUMNS}) VALUES "
                    + ", ".join([_EVENT_MARKS] * len(part)),
                    [value for row in part for value in row],
                )
            if own:
                self.con.execute("COMMIT")
        except duckdb.Error as exc:
            if own:
                self.con.execute("ROLLBACK")
            raise StoreError(f"could not store article {article.id} in {self.path}: {exc}") from exc
        except BaseException:
            if own:
                self.con.execute("ROLLBACK")
            raise
        return replaced

    def write_many(
        self,
        coded: Iterable[tuple[Article, Sequence[EventRecord]]],
        coder_config: str | None = None,
        chunk_size: int = 5000,
    ) -> int:
        """Bulk path for loading many coded articles (imports, benchmarks): same rows and
        replacement rule as `write`, one transaction per `chunk_size` articles. Returns the
        number of events written. Needs pyarrow."""
        import pyarrow as pa

        written = 0
        articles: list[list[Any]] = []
        events: list[list[Any]] = []

        def flush() -> None:
            if not articles:
                return
            new_articles = pa.table(_columns(ARTICLE_COLUMNS, articles))
            new_events = pa.table(_columns(EVENT_COLUMNS, events))
            self.con.register("gestae_new_articles", new_articles)
            self.con.register("gestae_new_events", new_events)
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(
                    "DELETE FROM events WHERE article_id IN (SELECT id FROM gestae_new_articles)"
                )
                self.con.execute(
                    "DELETE FROM articles WHERE id IN (SELECT id FROM gestae_new_articles)"
                )
                self.con.execute(
                    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                    f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM gestae_new_articles"
                )
                if events:
                    self.con.execute(
                        f"INSERT INTO events ({_QUOTED_EVENT_COLUMNS}) "
                        f"SELECT {_QUOTED_EVENT_COLUMNS} FROM gestae_new_events"
                    )
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(
                    f"could not store a batch of articles in {self.path}: {exc}"
                ) from exc
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            finally:
                self.con.unregister("gestae_new_articles")
                self.con.unregister("gestae_new_events")
            articles.clear()
            events.clear()

        for article, records in coded:
            articles.append(_article_row(article, len(records), coder_config))
            events.extend(_event_row(record) for record in records)
            written += len(records)
            if len(articles) >= chunk_size:
                flush()
        flush()
        return written

    def unclustered(self) -> list[str]:
        """Articles written but not yet passed to clustering (a run stopped in between)."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE clustered_at IS NULL ORDER BY id"
        ).fetchall()
        return [id_ for (id_,) in rows]

    def mark_clustered(self, article_ids: Sequence[str]) -> None:
        if not article_ids:
            return
        self.con.execute(
            "UPDATE articles SET clustered_at = ? WHERE id IN "
            f"({', '.join('?' * len(article_ids))})",
            [_now(), *article_ids],
        )

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

    def article_records(self, article_id: str) -> list[dict[str, Any]]:
        """One article's stored records in sentence order (what coding it again would give)."""
        rows = self.con.execute(
            "SELECT record FROM events WHERE article_id = ? ORDER BY sentence_index, id",
            [article_id],
        ).fetchall()
        return [json.loads(record) for (record,) in rows]

    def counts(self) -> tuple[int, int]:
        # fetchall, not fetchone: DuckDB 2 refuses some calls while a result is unfinished.
        articles = self.con.execute("SELECT count(*) FROM articles").fetchall()
        events = self.con.execute("SELECT count(*) FROM events").fetchall()
        return int(articles[0][0]), int(events[0][0])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _article_row(article: Article, n_events: int, coder_config: str | None) -> list[Any]:
    return [
        article.id,
        article.url,
        article.source,
        article.title,
        article.published,
        article.language,
        article.text,
        text_hash(article.text),
        _now(),
        __version__,
        coder_config,
        n_events,
    ]


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def record_dict(record: EventRecord) -> dict[str, Any]:
    """`record.to_dict()` without the deep copy of `dataclasses.asdict`, which costs most of
    the store's write time; any value it does not know to be flat falls back to `to_dict`."""
    out: dict[str, Any] = {}
    for name in _RECORD_FIELDS:
        value = getattr(record, name)
        if isinstance(value, _FLAT):
            out[name] = value
        elif isinstance(value, list) and all(isinstance(v, _FLAT) for v in value):
            out[name] = list(value)
        elif isinstance(value, dict) and not value:
            out[name] = {}  # `extra` with nothing in it, as most records have
        elif is_dataclass(value) and not isinstance(value, type):
            inner = {n: getattr(value, n) for n in _field_names(type(value))}
            if not all(isinstance(v, _FLAT) for v in inner.values()):
                return record.to_dict()
            out[name] = inner
        else:
            return record.to_dict()
    return out


def _event_row(record: EventRecord) -> list[Any]:
    data = record_dict(record)
    flat = flatten(data)
    return [flat.get(c) for c in FLAT_COLUMNS] + [json.dumps(data, ensure_ascii=False)]


def _columns(names: Sequence[str], rows: list[list[Any]]) -> dict[str, list[Any]]:
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}
