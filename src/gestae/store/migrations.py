"""Store schema history: the DDL of every schema version and the steps between them.

A store names its schema version in `meta`. Opening a store for writing applies the missing
steps in order inside one transaction, so a store is either fully upgraded or left as it was.
Old DDL stays here unchanged as history: tests build real old stores from it, and a new store
is made by replaying every step, so new and upgraded stores cannot drift apart.

Policy: never edit a released step; add a new one. That includes `CLUSTER_SCHEMA` below,
which is part of version 2: a change to the cluster tables needs a step here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from gestae.errors import StoreError
from gestae.version import __version__

# Version 1 (gestae 0.1.0, before issue 5): articles without their text.
V1_SCHEMA = """
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

# Version 2 (issue 5): the article text for the explorer's evidence highlighting, the coder
# settings that decide whether an article must be re-coded, the clustering bookmark, an audit
# trail of upgrades, and the cluster tables.
V2_STEPS = (
    "ALTER TABLE articles ADD COLUMN text VARCHAR",
    "ALTER TABLE articles ADD COLUMN coder_config VARCHAR",
    "ALTER TABLE articles ADD COLUMN clustered_at TIMESTAMP",
    """CREATE TABLE schema_history (
        version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL,
        gestae_version VARCHAR NOT NULL, summary VARCHAR NOT NULL
    )""",
)


@dataclass(frozen=True)
class Migration:
    """One step: `apply` turns a store of version `version - 1` into `version`."""

    version: int
    summary: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


CLUSTER_SCHEMA = """
CREATE TABLE IF NOT EXISTS clusters (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR,
    representative_event_id VARCHAR NOT NULL,
    event_type VARCHAR, mode VARCHAR, cameo VARCHAR, quad_class INTEGER,
    intensity DOUBLE, goldstein DOUBLE,
    source_country VARCHAR, source_sector VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    date DATE, date_granularity VARCHAR, date_first DATE, date_last DATE,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    fatalities INTEGER, injured INTEGER, negated BOOLEAN, confidence DOUBLE,
    num_events INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
    first_seen DATE, last_seen DATE,
    first_coded_at TIMESTAMP, last_coded_at TIMESTAMP,
    reach_lo INTEGER, reach_hi INTEGER
);
CREATE TABLE IF NOT EXISTS cluster_events (
    cluster_id VARCHAR NOT NULL,
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    reach_lo INTEGER, reach_hi INTEGER
);
"""
"""DDL of the two cluster tables; `reach_lo`/`reach_hi` are internal (half-days since year 1)."""


def _create_v1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(V1_SCHEMA)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")


def _v1_to_v2(con: duckdb.DuckDBPyConnection) -> None:
    for statement in V2_STEPS:
        con.execute(statement)
    con.execute(CLUSTER_SCHEMA)


# Version 3 (issue 16): the location's admin1 name and code, GeoNames id and words get their
# own columns; precision "city" is now "town" (in the column and in the stored record).
V3_STEPS = (
    "ALTER TABLE events ADD COLUMN location_admin1 VARCHAR",
    "ALTER TABLE events ADD COLUMN location_admin1_code VARCHAR",
    "ALTER TABLE events ADD COLUMN location_geonameid BIGINT",
    "ALTER TABLE events ADD COLUMN location_text VARCHAR",
    """UPDATE events SET
        location_admin1 = json_extract_string(record, '$.location.admin1'),
        location_geonameid = TRY_CAST(json_extract_string(record, '$.location.geonameid') AS BIGINT),
        location_text = json_extract_string(record, '$.location.text')
    WHERE json_extract_string(record, '$.location.name') IS NOT NULL""",
    """UPDATE events SET location_precision = 'town',
        record = replace(replace(record::VARCHAR, '"precision": "city"', '"precision": "town"'),
                         '"precision":"city"', '"precision":"town"')::JSON
    WHERE location_precision = 'city'""",
)


def _v2_to_v3(con: duckdb.DuckDBPyConnection) -> None:
    for statement in V3_STEPS:
        con.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create the meta, articles and events tables", _create_v1),
    Migration(
        2,
        "articles gain text, coder_config and clustered_at; add schema_history and the "
        "cluster tables (clusters, cluster_events)",
        _v1_to_v2,
    ),
    Migration(
        3,
        "events gain location_admin1, location_admin1_code, location_geonameid and "
        "location_text; location precision 'city' becomes 'town'",
        _v2_to_v3,
    ),
)
LATEST = MIGRATIONS[-1].version


def user_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    return {name for (name,) in rows}


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The store's schema version: 0 for an empty database, None when it is not a store."""
    tables = user_tables(con)
    if not tables:
        return 0
    if "meta" not in tables:
        return None
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if not rows:
        return None
    row = rows[0]
    try:
        return int(row[0])
    except (TypeError, ValueError):
        return None


def upgrade(con: duckdb.DuckDBPyConnection, found: int) -> list[Migration]:
    """Apply every step after `found` in one transaction; return the steps applied."""
    steps = [m for m in MIGRATIONS if m.version > found]
    if not steps:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        for step in steps:
            step.apply(con)
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(steps[-1].version)]
        )
        now = datetime.now(UTC).replace(tzinfo=None)
        for step in steps:
            if step.version >= 2:  # schema_history exists from version 2 on
                con.execute(
                    "INSERT INTO schema_history VALUES (?, ?, ?, ?)",
                    [step.version, now, __version__, step.summary],
                )
        con.execute("COMMIT")
    except BaseException as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(
                f"could not upgrade the store from schema version {found} to "
                f"{steps[-1].version}; it was left unchanged ({exc})"
            ) from exc
        raise
    return steps
