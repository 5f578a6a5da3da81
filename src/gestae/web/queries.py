"""The explorer's reads of a store, on top of `gestae.query.analysis`.

The filters are `analysis.Filters` (same validation, same bound parameters as the CLI) plus two
the pages need: the country where an event happened and its quad class. The only SQL text
chosen at run time comes from the constant tables below; every value is bound with `?`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import duckdb

from gestae.query.analysis import (
    ALL,
    COUNTED,
    DAY,
    Filters,
    QueryError,
    actor_code,
    dyad_series,
    frame_rows,
    has_clusters,
    source_clause,
)

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# Sort keys of the events table -> SQL expression (alias e: events, c: clusters).
SORTS: dict[str, str] = {
    "day": DAY,
    "type": "e.event_type",
    "mode": "e.mode",
    "source": "e.source_country",
    "target": "e.target_country",
    "place": "e.location_name",
    "confidence": "e.confidence",
    "reports": "c.num_events",
    "published": "e.published",
}
ORDER = "e.published, e.article_id, e.sentence_index, e.id"
# Most points the map draws; more are counted and reported, not drawn.
MAP_POINTS = 5000


@dataclass(frozen=True)
class Selection:
    """Which events a page or API call reads: the CLI's filters plus place and quad class."""

    filters: Filters = ALL
    place: str | None = None
    quad: int | None = None
    clusters: bool = False
    counted: bool = False  # only what the aggregates count (no incidents, nothing negated)

    def clauses(self) -> tuple[list[str], list[Any]]:
        where, params = self.filters.clauses()
        if self.counted:
            where.insert(0, COUNTED)
        if self.place:
            where.append("e.location_country = ?")
            params.append(actor_code(self.place))
        if self.quad is not None:
            if self.quad not in QUADS:
                raise QueryError(f"quad must be 1, 2, 3 or 4, not {self.quad!r}")
            where.append("e.quad_class = ?")
            params.append(self.quad)
        return where, params

    def source(self, con: duckdb.DuckDBPyConnection) -> str:
        return source_clause(con, self.clusters)


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> tuple[Any, ...]:
    rows = con.execute(sql, params).fetchall()
    return tuple(rows[0]) if rows else ()


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


# --- overview --------------------------------------------------------------------------------


def totals(con: duckdb.DuckDBPyConnection, sel: Selection) -> dict[str, Any]:
    """Headline numbers of the selection: records, counted events, articles, date span."""
    where, params = sel.clauses()
    row = _one(
        con,
        f"SELECT count(*), count(*) FILTER (WHERE {COUNTED}), count(DISTINCT e.article_id), "
        f"min({DAY}), max({DAY}), "
        "count(DISTINCT e.source_country) FILTER (WHERE e.source_country IS NOT NULL) "
        f"FROM {sel.source(con)}{_where(where)}",
        params,
    )
    stored = _one(con, "SELECT count(*) FROM articles", [])
    clusters = None
    if has_clusters(con):  # the real events among the selected records
        clusters = _one(
            con,
            f"SELECT count(DISTINCT ce.cluster_id) FROM {sel.source(con)} "
            f"JOIN cluster_events ce ON ce.event_id = e.id{_where(where)}",
            params,
        )
    return {
        "records": int(row[0]),
        "events": int(row[1]),
        "articles": int(row[2]),
        "first_day": _iso(row[3]),
        "last_day": _iso(row[4]),
        "source_actors": int(row[5]),
        "stored_articles": int(stored[0]),
        "clusters": int(clusters[0]) if clusters else None,
    }


@dataclass(frozen=True)
class Period:
    """Counted events of one period by quad class."""

    start: date
    end: date
    quads: tuple[int, int, int, int]

    @property
    def cooperation(self) -> int:
        return self.quads[0] + self.quads[1]

    @property
    def conflict(self) -> int:
        return self.quads[2] + self.quads[3]


def quad_series(
    con: duckdb.DuckDBPyConnection, sel: Selection, max_periods: int = 400
) -> tuple[str, list[Period]]:
    """Counted events per day by quad class, every day present; by week or month when the
    span would need more than `max_periods` bars. Returns the unit and the periods."""
    series = dense_quad_series(con, sel, max_periods, trim=False)
    return series.unit, series.periods


@dataclass(frozen=True)
class QuadSeries:
    unit: str
    periods: list[Period]
    outside: int = 0  # counted events with a date outside the periods shown


# Share of dated events that may fall in each sparse tail before the shown range stops there,
# and how many dated events a selection needs before any is left off the axis.
TAIL_SHARE = 0.01
MIN_TO_TRIM = 20


def dense_quad_series(
    con: duckdb.DuckDBPyConnection, sel: Selection, max_periods: int = 400, trim: bool = True
) -> QuadSeries:
    """`quad_series` over the range where the events are: with `trim`, a few far-off dates
    (a misread year, a historical reference) are left out of the axis and counted in
    `outside`, so that they do not squash the weeks that hold the news to a sliver."""
    where, params = sel.clauses()
    where = [COUNTED, f"{DAY} IS NOT NULL", *where]
    rows = con.execute(
        f"SELECT {DAY} AS d, e.quad_class, count(*) FROM {sel.source(con)}{_where(where)} "
        "GROUP BY d, e.quad_class",
        params,
    ).fetchall()
    if not rows:
        return QuadSeries("day", [])
    lo, hi = dense_range([(r[0], int(r[2])) for r in rows]) if trim else (None, None)
    lo = lo or min(r[0] for r in rows)
    hi = hi or max(r[0] for r in rows)
    unit = "day"
    if (hi - lo).days + 1 > max_periods:
        unit = "week" if (hi - lo).days // 7 + 1 <= max_periods else "month"
    counts: dict[date, list[int]] = {}
    outside = 0
    for day, quad, n in rows:
        if day < lo or day > hi:
            outside += int(n)
            continue
        counts.setdefault(period_start(day, unit), [0, 0, 0, 0])[int(quad) - 1] += int(n)
    out: list[Period] = []
    current = period_start(lo, unit)
    while current <= hi:
        following = next_period(current, unit)
        q = counts.get(current, [0, 0, 0, 0])
        out.append(Period(current, following - timedelta(days=1), (q[0], q[1], q[2], q[3])))
        current = following
    return QuadSeries(unit, out, outside)


def dense_range(counts: list[tuple[date, int]]) -> tuple[date, date]:
    """The days from the 1st to the 99th percentile of the events, widened by a tenth of that
    span (and a week) on each side; the first and last day when nothing lies beyond."""
    days = sorted(counts)
    total = sum(n for _, n in days)
    if total < MIN_TO_TRIM:
        return days[0][0], days[-1][0]
    cut = max(total * TAIL_SHARE, 1)
    seen, lo = 0, days[0][0]
    for day, n in days:
        seen += n
        if seen > cut:
            lo = day
            break
    seen, hi = 0, days[-1][0]
    for day, n in reversed(days):
        seen += n
        if seen > cut:
            hi = day
            break
    if lo > hi:
        return days[0][0], days[-1][0]
    margin = timedelta(days=(hi - lo).days // 10 + 7)
    return max(days[0][0], lo - margin), min(days[-1][0], hi + margin)


def period_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def next_period(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def top_dyads(
    con: duckdb.DuckDBPyConnection, sel: Selection, limit: int = 10
) -> list[dict[str, Any]]:
    """Most frequent source -> target country pairs among counted events."""
    where, params = sel.clauses()
    where = [COUNTED, "e.source_country IS NOT NULL", "e.target_country IS NOT NULL", *where]
    rows = con.execute(
        "SELECT e.source_country, e.target_country, count(*) AS n, "
        "count(*) FILTER (WHERE e.quad_class IN (1, 2)), "
        "count(*) FILTER (WHERE e.quad_class IN (3, 4)) "
        f"FROM {sel.source(con)}{_where(where)} "
        "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?",
        [*params, limit],
    ).fetchall()
    keys = ("source", "target", "events", "cooperation", "conflict")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def top_actors(
    con: duckdb.DuckDBPyConnection, sel: Selection, limit: int = 10
) -> list[dict[str, Any]]:
    """Most active countries among counted events; a domestic event counts once (as in
    `gestae actors`)."""
    where, params = sel.clauses()
    where = [COUNTED, *where]
    rows = con.execute(
        f"""
WITH ev AS (SELECT e.source_country AS s, e.target_country AS t, e.quad_class AS q
            FROM {sel.source(con)}{_where(where)}),
roles AS (
    SELECT s AS actor, q, 1 AS src, 0 AS tgt, 1 AS n FROM ev WHERE s IS NOT NULL
    UNION ALL
    SELECT t, q, 0, 1, CASE WHEN s IS NOT DISTINCT FROM t THEN 0 ELSE 1 END
    FROM ev WHERE t IS NOT NULL
)
SELECT actor, CAST(sum(n) AS BIGINT) AS events, CAST(sum(src) AS BIGINT),
       CAST(sum(tgt) AS BIGINT),
       CAST(COALESCE(sum(n) FILTER (WHERE q IN (1, 2)), 0) AS BIGINT),
       CAST(COALESCE(sum(n) FILTER (WHERE q IN (3, 4)), 0) AS BIGINT)
FROM roles GROUP BY actor ORDER BY events DESC, actor LIMIT ?
""",
        [*params, limit],
    ).fetchall()
    keys = ("actor", "events", "as_source", "as_target", "cooperation", "conflict")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def latest_articles(
    con: duckdb.DuckDBPyConnection, sel: Selection, limit: int = 10
) -> list[dict[str, Any]]:
    """Newest articles with an event in the selection (every article without filters)."""
    where, params = sel.clauses()
    restrict = ""
    if where or sel.clusters:
        restrict = f" WHERE a.id IN (SELECT e.article_id FROM {sel.source(con)}{_where(where)})"
    rows = con.execute(
        "SELECT a.id, a.title, a.source, a.published, a.n_events FROM articles a"
        f"{restrict} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?",
        [*params, limit],
    ).fetchall()
    keys = ("id", "title", "outlet", "published", "events")
    return [dict(zip(keys, (*r[:3], _iso(r[3]), r[4]), strict=True)) for r in rows]


def day_span(con: duckdb.DuckDBPyConnection, sel: Selection) -> tuple[date | None, date | None]:
    """First and last day of the counted events of the selection."""
    where, params = sel.clauses()
    row = _one(
        con,
        f"SELECT min({DAY}), max({DAY}) FROM {sel.source(con)}{_where([COUNTED, *where])}",
        params,
    )
    return (row[0], row[1]) if row else (None, None)


# Period lengths in days, and the most periods one series may span: without a cap,
# since=0001-01-01 by day would make the store build millions of empty rows.
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
MAX_PERIODS = 5000


def dyad_rows(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str,
    directed: bool,
    clusters: bool,
    since: date | None,
    until: date | None,
) -> list[dict[str, Any]]:
    """`analysis.dyad_series` as JSON-ready rows, refusing series of absurd length."""
    a, b = actor_code(a), actor_code(b)
    if by not in PERIOD_DAYS:
        raise QueryError(f"by must be one of {', '.join(PERIOD_DAYS)}, not {by!r}")
    data = Selection(
        Filters(dyad=(a, b), since=since, until=until), clusters=clusters, counted=True
    )
    first, last = day_span(con, data)
    lo, hi = since or first, until or last
    if lo is not None and hi is not None:
        periods = (hi - lo).days // PERIOD_DAYS[by] + 1
        if periods > MAX_PERIODS:
            raise QueryError(
                f"{lo} to {hi} by {by} is {periods} periods; ask for at most {MAX_PERIODS} "
                "(a longer period or a shorter range)"
            )
    frame = dyad_series(con, a, b, by, directed, clusters, since, until)
    return list(frame_rows(frame))


def actor_codes(con: duckdb.DuckDBPyConnection, limit: int = 400) -> list[str]:
    """Country codes present in the store, most frequent first (for the pickers)."""
    rows = con.execute(
        "SELECT code FROM (SELECT source_country AS code FROM events UNION ALL "
        "SELECT target_country FROM events) WHERE code IS NOT NULL "
        "GROUP BY code ORDER BY count(*) DESC, code LIMIT ?",
        [limit],
    ).fetchall()
    return [str(r[0]) for r in rows]


# --- events ----------------------------------------------------------------------------------

LIST_COLUMNS = (
    "id", "kind", "article_id", "published", "event_type", "mode", "cameo", "quad_class",
    "source_country", "source_sector", "source_text", "target_country", "target_sector",
    "target_text", "trigger", "location_name", "location_country", "confidence", "negated",
    "modality", "sentence", "date_basis",
)  # fmt: skip


@dataclass
class EventPage:
    total: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    clustered: bool = False  # rows carry their cluster's counts (num_events: reports)


def list_events(
    con: duckdb.DuckDBPyConnection,
    sel: Selection,
    sort: str = "day",
    descending: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> EventPage:
    """One page of the events table, sorted by a key of SORTS, with the total count. In a
    clustered store every row carries the counts of its cluster (how many reports)."""
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    where, params = sel.clauses()
    source = sel.source(con)
    clustered = sel.clusters or has_clusters(con)
    if sort == "reports" and not clustered:
        raise QueryError("sort=reports needs a clustered store (the number of reports per event)")
    total = _one(con, f"SELECT count(*) FROM {source}{_where(where)}", params)
    columns = ", ".join(f'e."{c}"' for c in LIST_COLUMNS) + f", {DAY} AS day"
    if clustered:
        columns += ", c.id AS cluster_id, c.num_events, c.num_articles, c.num_sources"
    if clustered and not sel.clusters:  # every record, with its cluster's counts
        source += (
            " LEFT JOIN cluster_events ce ON ce.event_id = e.id"
            " LEFT JOIN clusters c ON c.id = ce.cluster_id"
        )
    direction = "DESC" if descending else "ASC"
    cursor = con.execute(
        f"SELECT {columns} FROM {source}{_where(where)} "
        f"ORDER BY {SORTS[sort]} {direction} NULLS LAST, {ORDER} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, (_plain(v) for v in r), strict=True)) for r in cursor.fetchall()]
    return EventPage(int(total[0]), rows, clustered)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def records(con: duckdb.DuckDBPyConnection, sel: Selection) -> Iterator[list[dict[str, Any]]]:
    """Every selected record in the output contract, in batches, in article order (for
    downloads). Runs on its own cursor so a slow client never holds a shared one."""
    where, params = sel.clauses()
    cursor = con.execute(
        f"SELECT e.record FROM {sel.source(con)}{_where(where)} ORDER BY {ORDER}", params
    )
    while batch := cursor.fetchmany(1000):
        yield [json.loads(r[0]) for r in batch]


# --- one event, one article, one cluster -----------------------------------------------------


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One stored record with its cluster id (None when the store has no clusters)."""
    rows = con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchall()
    if not rows:
        return None
    record: dict[str, Any] = json.loads(rows[0][0])
    cluster = None
    if has_clusters(con):
        found = con.execute(
            "SELECT cluster_id FROM cluster_events WHERE event_id = ?", [event_id]
        ).fetchall()
        cluster = str(found[0][0]) if found else None
    return {"record": record, "cluster_id": cluster}


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article's metadata, text (None when the store holds none) and records."""
    rows = con.execute(
        "SELECT id, title, url, source, published, language, text, coded_at, coder_version "
        "FROM articles WHERE id = ?",
        [article_id],
    ).fetchall()
    if not rows:
        return None
    r = rows[0]
    found = con.execute(
        "SELECT record FROM events WHERE article_id = ? ORDER BY sentence_index, id", [article_id]
    ).fetchall()
    return {
        "id": r[0],
        "title": r[1],
        "url": r[2],
        "outlet": r[3],
        "published": _iso(r[4]),
        "language": r[5],
        "text": r[6],
        "coded_at": r[7].isoformat(timespec="seconds") if r[7] else None,
        "coder_version": r[8],
        "records": [json.loads(x[0]) for x in found],
    }


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any] | None:
    """A cluster's counts and every report of it, with each report's article."""
    if not has_clusters(con):
        return None
    rows = con.execute(
        "SELECT id, representative_event_id, num_events, num_articles, num_sources, "
        "date_first, date_last FROM clusters WHERE id = ?",
        [cluster_id],
    ).fetchall()
    if not rows:
        return None
    r = rows[0]
    members = con.execute(
        "SELECT e.record, a.title, a.source, a.published FROM cluster_events ce "
        "JOIN events e ON e.id = ce.event_id LEFT JOIN articles a ON a.id = ce.article_id "
        "WHERE ce.cluster_id = ? ORDER BY a.published NULLS LAST, e.article_id, "
        "e.sentence_index, e.id",
        [cluster_id],
    ).fetchall()
    return {
        "id": r[0],
        "representative_event_id": r[1],
        "num_events": r[2],
        "num_articles": r[3],
        "num_sources": r[4],
        "date_first": _iso(r[5]),
        "date_last": _iso(r[6]),
        "reports": [
            {"record": json.loads(m[0]), "title": m[1], "outlet": m[2], "published": _iso(m[3])}
            for m in members
        ],
    }


# --- map -------------------------------------------------------------------------------------


@dataclass
class MapPoints:
    points: list[dict[str, Any]]
    located: int  # selected events with coordinates
    unlocated: int  # selected events without
    truncated: bool


def map_points(
    con: duckdb.DuckDBPyConnection, sel: Selection, limit: int = MAP_POINTS
) -> MapPoints:
    """Counted events with coordinates, one point per place, day and quad class; `precision`
    tells a town (a dot) from an admin area, sea or region (a point standing for an area)."""
    where, params = sel.clauses()
    where = [COUNTED, *where]
    source = sel.source(con)
    has = "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    counts = _one(
        con,
        f"SELECT count(*) FILTER (WHERE {has}), count(*) FILTER (WHERE NOT ({has})) "
        f"FROM {source}{_where(where)}",
        params,
    )
    rows = con.execute(
        f"SELECT e.location_lat, e.location_lon, e.location_name, e.location_country, "
        f"{DAY} AS d, e.quad_class, count(*) AS n, "
        "replace(any_value(e.location_precision), 'city', 'town') AS precision "
        f"FROM {source}{_where([*where, has])} "
        "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY d, 3, 6 LIMIT ?",
        [*params, limit + 1],
    ).fetchall()
    keys = ("lat", "lon", "name", "country", "day", "quad", "events", "precision")
    points = [dict(zip(keys, (*r[:4], _iso(r[4]), *r[5:]), strict=True)) for r in rows[:limit]]
    return MapPoints(points, int(counts[0]), int(counts[1]), len(rows) > limit)
