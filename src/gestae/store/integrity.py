"""`gestae check`: find what a crash, a bug or a hand edit may have broken in a store.

Each check is one query over the whole store (which also makes DuckDB read, and verify the
checksum of, every block it touches). The store is opened read-only and never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from gestae.errors import StoreError
from gestae.store.database import connect
from gestae.store.migrations import LATEST, stored_version, upgrade, user_tables

# Examples listed per problem; the count is always complete.
EXAMPLES = 5


@dataclass
class CheckReport:
    path: Path
    version: int | None
    articles: int = 0
    events: int = 0
    clusters: int | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def expected_columns() -> dict[str, list[tuple[str, str]]]:
    """Table -> (column, type) of a store made by this gestae, by replaying the migrations."""
    con = duckdb.connect()
    try:
        upgrade(con, 0)
        return _columns(con)
    finally:
        con.close()


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main' "
        "ORDER BY table_name, column_index"
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        out.setdefault(str(table), []).append((str(column), str(kind)))
    return out


def check_store(
    path: Path, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> CheckReport:
    """Every check that applies; raises StoreError only when the file cannot be opened."""
    if not path.exists():
        raise StoreError(f"no event store at {path}")
    con = connect(path, read_only=True, wait=wait, on_wait=on_wait)
    try:
        return _check(con, path)
    finally:
        con.close()


def _check(con: duckdb.DuckDBPyConnection, path: Path) -> CheckReport:
    version = stored_version(con)
    report = CheckReport(path, version)
    if version is None or version == 0:
        report.problems.append("not a gestae event store (no schema version)")
        return report
    if version > LATEST:
        report.problems.append(
            f"schema version {version} is newer than this gestae reads ({LATEST}); "
            "check it with a newer gestae"
        )
        return report
    if version < LATEST:
        report.problems.append(
            f"schema version {version} is older than {LATEST}: upgrade with "
            f"`gestae migrate --db {path}`"
        )
    else:
        _check_schema(con, report)
    tables = user_tables(con)
    if not {"articles", "events"} <= tables:
        report.problems.append("the articles or events table is missing")
        return report
    try:
        _check_rows(con, report, tables)
    except duckdb.Error as exc:
        report.problems.append(f"the store cannot be read in full: {exc}")
    return report


def _check_schema(con: duckdb.DuckDBPyConnection, report: CheckReport) -> None:
    found = _columns(con)
    for table, columns in expected_columns().items():
        if table not in found:
            report.problems.append(f"table {table} is missing")
        elif found[table] != columns:
            have, want = set(found[table]), set(columns)
            drift = [f"{c} {t} missing" for c, t in sorted(want - have)]
            drift += [f"{c} {t} unexpected" for c, t in sorted(have - want)]
            report.problems.append(
                f"table {table} differs from schema version {LATEST}: "
                + (", ".join(drift) or "columns out of order")
            )


def _problem(con: duckdb.DuckDBPyConnection, report: CheckReport, what: str, sql: str) -> None:
    """Run a query listing offending keys; record a problem naming the count and examples."""
    rows = con.execute(sql).fetchall()
    if rows:
        shown = ", ".join(str(row[0]) for row in rows[:EXAMPLES])
        more = f", ... ({len(rows) - EXAMPLES} more)" if len(rows) > EXAMPLES else ""
        report.problems.append(f"{len(rows)} {what}: {shown}{more}")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0]) if rows else 0


def _check_rows(con: duckdb.DuckDBPyConnection, report: CheckReport, tables: set[str]) -> None:
    report.articles = _count(con, "SELECT count(*) FROM articles")
    report.events = _count(con, "SELECT count(*) FROM events")
    _problem(
        con,
        report,
        "duplicate article ids",
        "SELECT id FROM articles GROUP BY id HAVING count(*) > 1 ORDER BY id",
    )
    _problem(
        con,
        report,
        "duplicate event ids",
        "SELECT id FROM events GROUP BY id HAVING count(*) > 1 ORDER BY id",
    )
    _problem(
        con,
        report,
        "articles whose n_events differs from their stored events",
        "SELECT a.id || ' (n_events ' || a.n_events || ', stored ' || count(e.id) || ')' "
        "FROM articles a LEFT JOIN events e ON e.article_id = a.id "
        "GROUP BY a.id, a.n_events HAVING a.n_events IS DISTINCT FROM count(e.id) ORDER BY a.id",
    )
    _problem(
        con,
        report,
        "events without an article",
        "SELECT e.id || ' (article ' || e.article_id || ')' FROM events e "
        "ANTI JOIN articles a ON a.id = e.article_id ORDER BY e.id",
    )
    _problem(
        con,
        report,
        "events whose record is not a JSON object",
        "SELECT id FROM events WHERE NOT coalesce(json_valid(record::VARCHAR), false) "
        "OR json_type(record::VARCHAR) <> 'OBJECT' ORDER BY id",
    )
    _problem(
        con,
        report,
        "events whose record names another id or article",
        "SELECT id FROM events WHERE coalesce(json_valid(record::VARCHAR), false) "
        "AND json_type(record::VARCHAR) = 'OBJECT' AND ("
        "(record::VARCHAR)->>'id' IS DISTINCT FROM id "
        "OR (record::VARCHAR)->>'article_id' IS DISTINCT FROM article_id) ORDER BY id",
    )
    columns = {c for c, _ in _columns(con).get("articles", [])}
    if "text" in columns:
        _problem(
            con,
            report,
            "articles whose text does not match their text_hash",
            "SELECT id FROM articles WHERE text IS NOT NULL AND sha256(text) <> text_hash "
            "ORDER BY id",
        )
    if {"clusters", "cluster_events"} <= tables and "clustered_at" in columns:
        _check_clusters(con, report)


# Articles stored by a run that stopped before clustering them: their links may be stale until
# the next run clusters them, so stale links of theirs are not problems.
_PENDING = "(SELECT id FROM articles WHERE clustered_at IS NULL)"


def _check_clusters(con: duckdb.DuckDBPyConnection, report: CheckReport) -> None:
    report.clusters = _count(con, "SELECT count(*) FROM clusters")
    pending = _count(con, f"SELECT count(*) FROM {_PENDING}")
    if pending:
        report.notes.append(
            f"{pending} articles are stored but not yet clustered (a run stopped before "
            "clustering them); the next `gestae ingest` on this store clusters them"
        )
    _problem(
        con,
        report,
        "cluster links to missing events",
        "SELECT ce.event_id FROM cluster_events ce ANTI JOIN events e ON e.id = ce.event_id "
        f"WHERE ce.article_id NOT IN {_PENDING} ORDER BY ce.event_id",
    )
    _problem(
        con,
        report,
        "cluster links to missing clusters",
        "SELECT ce.event_id || ' -> ' || ce.cluster_id FROM cluster_events ce "
        "ANTI JOIN clusters c ON c.id = ce.cluster_id ORDER BY ce.event_id",
    )
    _problem(
        con,
        report,
        "cluster links naming the wrong article",
        "SELECT ce.event_id FROM cluster_events ce JOIN events e ON e.id = ce.event_id "
        "WHERE ce.article_id <> e.article_id ORDER BY ce.event_id",
    )
    _problem(
        con,
        report,
        "events of clustered articles in no cluster",
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        "ANTI JOIN cluster_events ce ON ce.event_id = e.id "
        "WHERE a.clustered_at IS NOT NULL ORDER BY e.id",
    )
    stale = "SELECT DISTINCT cluster_id FROM cluster_events WHERE article_id IN " + _PENDING
    _problem(
        con,
        report,
        "clusters whose num_events differs from their links",
        "SELECT c.id || ' (num_events ' || c.num_events || ', links ' || count(ce.event_id) "
        "|| ')' FROM clusters c LEFT JOIN cluster_events ce ON ce.cluster_id = c.id "
        f"WHERE c.id NOT IN ({stale}) GROUP BY c.id, c.num_events "
        "HAVING c.num_events IS DISTINCT FROM count(ce.event_id) ORDER BY c.id",
    )
    _problem(
        con,
        report,
        "clusters whose representative is not one of their events",
        "SELECT c.id FROM clusters c ANTI JOIN cluster_events ce "
        "ON ce.cluster_id = c.id AND ce.event_id = c.representative_event_id "
        f"WHERE c.id NOT IN ({stale}) ORDER BY c.id",
    )
