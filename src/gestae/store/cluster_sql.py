"""The SQL side of event clustering: reading reports from the store in bulk, and writing
each touched cluster's representative and counts back.

Temporary tables are named `_gc_*`; the orchestration in `gestae.store.cluster` creates and
drops the ones that outlive a single helper.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from gestae.store.cluster_rules import Report, reach

# Columns of `events` the rules read, in this order.
EVENT_COLUMNS = (
    "e.id, e.article_id, coalesce(e.kind, 'event'), e.event_type, e.cameo, "
    "e.source_country, e.source_sector, e.target_country, e.target_sector, "
    "e.location_country, e.location_lat, e.location_lon, e.location_precision, "
    "e.date, e.date_end, e.date_granularity, e.date_basis, e.published, e.fatalities, "
    "coalesce(e.negated, false), coalesce(e.modality = 'hypothetical', false), "
    "coalesce(e.sentence_index, 0)"
)
REFRESH_CHUNK = 50_000  # clusters recomputed per query
# A report's place in the assignment order (`Report.order`) as a comparable DuckDB row value.
ORDER_KEY = (
    "row(coalesce(CAST({t}.published AS VARCHAR), ''), {t}.article_id, "
    "coalesce({t}.sentence_index, 0), {t}.id)"
)
# The partition and reach of the links about to be removed (`{}`: which links), before they go.
REMOVED_REACHES = (
    "SELECT coalesce(c.kind, 'event') AS kind, coalesce(c.event_type, '') AS event_type, "
    "ce.reach_lo, ce.reach_hi FROM cluster_events ce JOIN clusters c ON c.id = ce.cluster_id "
    "WHERE ({}) AND ce.reach_lo IS NOT NULL"
)
# The join condition of an events (or clusters) row `{t}` with a wanted partition `p`.
SAME_PARTITION = (
    "coalesce({t}.kind, 'event') = p.kind AND coalesce({t}.event_type, '') = p.event_type"
)


def report_from_row(row: tuple[Any, ...]) -> Report:
    """A stored event as the rules read it, from a row of EVENT_COLUMNS."""
    (eid, article, kind, etype, cameo, sc, ss, tc, ts, lc, lat, lon, prec) = row[:13]
    value, end, gran, basis, published, fat, neg, hyp, sentence = row[13:]
    span = reach(value, end, gran, basis, published)
    point = (float(lat), float(lon)) if prec == "town" and None not in (lat, lon) else None
    pub = published.isoformat() if isinstance(published, date) else ""
    return Report(
        id=str(eid),
        article_id=str(article),
        kind=str(kind),
        event_type=etype,
        cameo=cameo,
        src_c=sc,
        src_s=ss,
        tgt_c=tc,
        tgt_s=ts,
        loc_c=lc,
        point=point,
        lo=span[0] if span else None,
        hi=span[1] if span else None,
        fatalities=fat,
        flags=(bool(neg), bool(hyp)),
        order=(pub, str(article), int(sentence), str(eid)),
    )


def begin_unless_held(con: duckdb.DuckDBPyConnection) -> bool:
    """Open a transaction unless the caller already holds one (then it owns the commit).

    A failed BEGIN would abort the caller's transaction, so ask first: outside a transaction
    every statement runs in a transaction of its own, with a new id."""
    first = con.execute("SELECT txid_current()").fetchone()
    second = con.execute("SELECT txid_current()").fetchone()
    if first == second:
        return False
    con.execute("BEGIN TRANSACTION")
    return True


def candidate_rows(con: duckdb.DuckDBPyConnection, reports: list[Report]) -> list[tuple[Any, ...]]:
    """The reports of every stored cluster a new report could join, as (cluster id, row...).

    A cluster qualifies when it is of the report's partition, its reach meets the report's, and
    it could share an anchor with it (the same source, target or place country); clusters that
    just lost a report come too, since they may now reach further than their row says. Clusters
    that gain values from this batch are loaded through the report that joins them."""
    wanted: dict[str, list[Any]] = {
        k: [] for k in ("kind", "event_type", "lo", "hi", "s", "t", "l")
    }
    for r in reports:
        if r.lo is None or r.hi is None:
            continue
        for key, value in zip(
            wanted, (r.kind, r.event_type or "", r.lo, r.hi, r.src_c, r.tgt_c, r.loc_c), strict=True
        ):
            wanted[key].append(value)
    table = pa.table(
        {
            **{k: pa.array(wanted[k], pa.string()) for k in ("kind", "event_type", "s", "t", "l")},
            "lo": pa.array(wanted["lo"], pa.int64()),
            "hi": pa.array(wanted["hi"], pa.int64()),
        }
    )
    fits = f"{SAME_PARTITION.format(t='c')} AND c.reach_lo <= p.hi AND c.reach_hi >= p.lo"
    by_anchor = " UNION ".join(
        f"SELECT c.id FROM clusters c JOIN _gc_wanted p ON c.{column} = p.{key} AND {fits}"
        for column, key in (
            ("source_country", "s"),
            ("target_country", "t"),
            ("location_country", "l"),
        )
    )
    con.register("_gc_wanted", table)
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gc_candidates AS "
            f"{by_anchor} UNION SELECT id FROM _gc_touched"
        )
        return con.execute(
            f"SELECT ce.cluster_id, {EVENT_COLUMNS} FROM _gc_candidates k "
            "JOIN cluster_events ce ON ce.cluster_id = k.id "
            "JOIN events e ON e.id = ce.event_id "
            f"JOIN _gc_parts p ON {SAME_PARTITION.format(t='e')}"
        ).fetchall()
    finally:
        con.unregister("_gc_wanted")
        con.execute("DROP TABLE IF EXISTS _gc_candidates")


def unlink_later_reports(con: duckdb.DuckDBPyConnection) -> int:
    """Unlink, and add to `_gc_new`, every clustered report that comes at or after the first
    report whose decision may change; returns how many.

    Reports are assigned greedily in a fixed order, so a report's cluster depends on the
    reports before it, never on those after: the clusters of the reports before the earliest
    new one (per partition) are what one batch of all reports gives them, and everything after
    it is assigned again, in order, as one batch would. A removed report (its article
    re-coded or dropped) could only have swayed reports whose reach meets its own, so the
    earliest clustered report of its partition whose reach meets it is the start there. In
    publication-order ingest the start is the batch's first report and nothing is redone;
    a batch of older articles redoes its partitions from its earliest report on."""
    key = ORDER_KEY.format(t="e")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _gc_starts AS
        SELECT kind, event_type, min(k) AS start FROM (
            SELECT coalesce(e.kind, 'event') AS kind, coalesce(e.event_type, '') AS event_type,
                {key} AS k
            FROM events e JOIN _gc_new n ON n.id = e.id
            UNION ALL
            SELECT r.kind, r.event_type, {key}
            FROM _gc_removed r
            JOIN events e ON coalesce(e.kind, 'event') = r.kind
                AND coalesce(e.event_type, '') = r.event_type
            JOIN cluster_events ce ON ce.event_id = e.id
                AND ce.reach_lo <= r.reach_hi AND ce.reach_hi >= r.reach_lo
        ) GROUP BY ALL"""
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _gc_later AS
        SELECT ce.event_id, ce.cluster_id FROM cluster_events ce
        JOIN events e ON e.id = ce.event_id
        JOIN _gc_starts s ON coalesce(e.kind, 'event') = s.kind
            AND coalesce(e.event_type, '') = s.event_type
        WHERE {key} >= s.start"""
    )
    try:
        (count,) = con.execute("SELECT count(*) FROM _gc_later").fetchone() or (0,)
        if count:
            con.execute("INSERT INTO _gc_touched SELECT DISTINCT cluster_id FROM _gc_later")
            con.execute(
                "DELETE FROM cluster_events WHERE event_id IN (SELECT event_id FROM _gc_later)"
            )
            con.execute("INSERT INTO _gc_new SELECT event_id FROM _gc_later")
    finally:
        con.execute("DROP TABLE IF EXISTS _gc_starts")
        con.execute("DROP TABLE IF EXISTS _gc_later")
    return int(count)


def taken_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Which of these would-be cluster ids still have members (a founder re-assigned)."""
    if not ids:
        return set()
    con.register("_gc_ids", pa.table({"id": ids}))
    try:
        rows = con.execute(
            "SELECT DISTINCT cluster_id FROM cluster_events WHERE cluster_id IN "
            "(SELECT id FROM _gc_ids)"
        ).fetchall()
    finally:
        con.unregister("_gc_ids")
    return {str(r[0]) for r in rows}


_REFRESH = """
WITH touched AS (SELECT id FROM _gc_chunk),
m AS (
    SELECT ce.cluster_id, ce.reach_lo, ce.reach_hi, e.id, e.kind, e.article_id, e.event_type,
        e.mode, e.cameo, e.quad_class, e.intensity, e.goldstein, e.source_country,
        e.source_sector, e.target_country, e.target_sector, e.date, e.date_end,
        e.date_granularity, e.location_name, e.location_country, e.location_lat,
        e.location_lon, e.fatalities, e.injured, e.negated, e.confidence,
        a.source AS outlet, a.coded_at,
        coalesce(a.published, e.published, CAST(a.coded_at AS DATE)) AS seen,
        (e.source_country IS NOT NULL)::INT + (e.source_sector IS NOT NULL)::INT
        + (e.target_country IS NOT NULL)::INT + (e.target_sector IS NOT NULL)::INT
        + (e.location_country IS NOT NULL)::INT + (e.location_precision = 'town')::INT
        + (e.date_basis = 'text')::INT + (e.date_granularity = 'day')::INT
        + (e.fatalities IS NOT NULL)::INT AS completeness
    FROM touched t
    JOIN cluster_events ce ON ce.cluster_id = t.id
    JOIN events e ON e.id = ce.event_id
    LEFT JOIN articles a ON a.id = ce.article_id
),
ranked AS (
    SELECT *, row_number() OVER (
        PARTITION BY cluster_id
        ORDER BY confidence DESC NULLS LAST, completeness DESC, seen ASC NULLS LAST, id ASC
    ) AS rank
    FROM m
),
agg AS (
    SELECT cluster_id,
        max(source_country) AS source_country, max(source_sector) AS source_sector,
        max(target_country) AS target_country, max(target_sector) AS target_sector,
        max(location_country) AS location_country,
        min(date) AS date_first, max(coalesce(date_end, date)) AS date_last,
        count(*) AS num_events, count(DISTINCT article_id) AS num_articles,
        count(DISTINCT outlet) AS num_sources,
        min(seen) AS first_seen, max(seen) AS last_seen,
        min(coded_at) AS first_coded_at, max(coded_at) AS last_coded_at,
        max(reach_lo) AS reach_lo, min(reach_hi) AS reach_hi
    FROM m GROUP BY cluster_id
)
SELECT r.cluster_id, coalesce(r.kind, 'event'), r.id, r.event_type, r.mode, r.cameo,
    r.quad_class, r.intensity, r.goldstein,
    g.source_country, g.source_sector, g.target_country, g.target_sector,
    r.date, r.date_granularity, g.date_first, g.date_last,
    r.location_name, g.location_country, r.location_lat, r.location_lon,
    r.fatalities, r.injured, r.negated, r.confidence,
    g.num_events, g.num_articles, g.num_sources, g.first_seen, g.last_seen,
    g.first_coded_at, g.last_coded_at, g.reach_lo, g.reach_hi
FROM ranked r JOIN agg g ON g.cluster_id = r.cluster_id
WHERE r.rank = 1
"""


def refresh_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute representative and counts of every touched cluster; drop empty ones.

    In chunks of REFRESH_CHUNK clusters, so that a whole-store run stays in bounded memory."""
    con.execute("DELETE FROM clusters WHERE id IN (SELECT id FROM _gc_touched)")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _gc_all AS SELECT DISTINCT id, "
        f"hash(id) % {REFRESH_CHUNK * 4} AS part FROM _gc_touched"
    )
    (count,) = con.execute("SELECT count(*) FROM _gc_all").fetchone() or (0,)
    chunks = max(1, -(-int(count) // REFRESH_CHUNK))
    for chunk in range(chunks):
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gc_chunk AS SELECT id FROM _gc_all WHERE part % ? = ?",
            [chunks, chunk],
        )
        con.execute(f"INSERT INTO clusters {_REFRESH}")
    for table in ("_gc_all", "_gc_chunk"):
        con.execute(f"DROP TABLE {table}")
