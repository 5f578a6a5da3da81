"""Analysis queries over an event store: event lists, dyad time series, actors, networks.

Every query runs inside DuckDB with bound parameters; user input never becomes SQL text. The
only SQL fragments chosen at run time come from the constant tables in this module.

Time: an event counts on its own date (the record's `date.value`) and, when the coder found no
date at all, on its article's publication date. An event the text puts before the story without
a day (date basis `earlier`) has no analysis date: counting it on the publication day would
show an old act as news, so series and date filters leave it out. Aggregates count `kind = "event"` records that
are not negated; a denied attack is not an attack.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from gestae.errors import GestaeError
from gestae.schema import EVENT_TYPES, FLAT_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

# The analysis date of an event; see the module docstring.
DAY = "CASE WHEN e.date_basis = 'earlier' THEN NULL ELSE COALESCE(e.date, e.published) END"
# Records that count in aggregates.
COUNTED = "e.kind = 'event' AND e.quad_class IS NOT NULL AND NOT COALESCE(e.negated, FALSE)"
PERIODS = {
    "day": ("day", "INTERVAL 1 DAY"),
    "week": ("week", "INTERVAL 1 WEEK"),
    "month": ("month", "INTERVAL 1 MONTH"),
}
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
CLUSTER_TABLES = ("clusters", "cluster_events")
CLUSTER_COLUMNS = ("cluster_id", "num_events", "num_articles", "num_sources")


def _quad_sql(column: str) -> str:
    return ", ".join(
        f"count(*) FILTER (WHERE {column} = {n}) AS {name}"
        for n, name in enumerate(QUAD_COLUMNS, start=1)
    )


_NET_SQL = (
    "(verbal_coop + material_coop) - (verbal_conflict + material_conflict) AS coop_minus_conflict"
)


class QueryError(GestaeError):
    """A query's arguments are unusable, or the store lacks what the query needs."""


@dataclass(frozen=True)
class Filters:
    """Which events a query reads; shared by listing, export and the aggregates."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    event_type: str | None = None
    since: date | None = None
    until: date | None = None

    def clauses(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on alias `e` and their bound parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.event_type:
            where.append("e.event_type = ?")
            params.append(event_type_code(self.event_type))
        if self.actor:
            code = actor_code(self.actor)
            where.append("(e.source_country = ? OR e.target_country = ?)")
            params += [code, code]
        if self.dyad:
            a, b = (actor_code(x) for x in self.dyad)
            if self.directed:
                where.append("(e.source_country = ? AND e.target_country = ?)")
                params += [a, b]
            else:
                where.append(
                    "((e.source_country = ? AND e.target_country = ?)"
                    " OR (e.source_country = ? AND e.target_country = ?))"
                )
                params += [a, b, b, a]
        since, until = check_range(self.since, self.until)
        if since is not None:
            where.append(f"{DAY} >= ?")
            params.append(since)
        if until is not None:
            where.append(f"{DAY} <= ?")
            params.append(until)
        return where, params


ALL = Filters()  # no filter: every stored record


def actor_code(value: str) -> str:
    """An actor code as stored (ISO alpha-3, KOS or a PLOVER pseudo-country), or QueryError."""
    from gestae.resources.ontology import Ontology

    code = value.strip().upper()
    if not Ontology.load().is_country_code(code):
        raise QueryError(
            f"{value!r} is not an actor code; use an ISO 3166-1 alpha-3 country code (GBR, FRA), "
            "KOS, or a PLOVER pseudo-country (IGO, UNO, EUR, NGO, ISM, IMG, MNC)"
        )
    return code


def event_type_code(value: str) -> str:
    name = value.strip().upper()
    if name not in EVENT_TYPES:
        raise QueryError(
            f"{value!r} is not a PLOVER event type; use one of {', '.join(EVENT_TYPES)}"
        )
    return name


def check_range(since: date | None, until: date | None) -> tuple[date | None, date | None]:
    for name, value in (("since", since), ("until", until)):
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise QueryError(f"{name} must be a date (YYYY-MM-DD), not {value!r}")
    if since is not None and until is not None and since > until:
        raise QueryError(f"since ({since}) is after until ({until})")
    return since, until


def check_limit(limit: int | None) -> int | None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise QueryError(f"limit must be a positive whole number, not {limit!r}")
    return limit


def has_clusters(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN (?, ?)",
        list(CLUSTER_TABLES),
    ).fetchall()
    return {r[0] for r in rows} == set(CLUSTER_TABLES)


def source_clause(con: duckdb.DuckDBPyConnection, clusters: bool) -> str:
    """FROM clause with events as `e`; with clusters, one row per cluster's representative.

    Clusters are refused when the store has none, or when some events belong to no cluster (a
    run stopped before clustering): counts would silently leave those events out."""
    if not clusters:
        return "events e"
    if not has_clusters(con):
        raise QueryError(
            "this store has no event clusters (tables clusters and cluster_events); "
            "cluster it with `gestae cluster --db FILE`, or drop --clusters to count every "
            "record"
        )
    row = con.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM cluster_events ce WHERE ce.event_id = e.id)"
    ).fetchall()
    loose = row[0][0] if row else 0
    if loose:
        raise QueryError(
            f"{loose} events of this store are in no cluster yet (stored by a run that did not "
            "cluster them); cluster them with `gestae cluster --db FILE`, or drop --clusters to "
            "count every record"
        )
    return "clusters c JOIN events e ON e.id = c.representative_event_id"


def _limited(sql: str, params: list[Any], limit: int | None) -> str:
    """Append a bound LIMIT (checked) to a query and its parameters."""
    if check_limit(limit) is None:
        return sql
    params.append(limit)
    return sql + " LIMIT ?"


def _where(clauses: Sequence[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


Query = tuple[str, list[Any]]
ORDER = "ORDER BY e.published, e.article_id, e.sentence_index, e.id"


def events_query(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = ALL,
    limit: int | None = None,
    clusters: bool = False,
    with_day: bool = True,
) -> Query:
    columns = ", ".join(f'e."{c}"' for c in FLAT_COLUMNS)
    if with_day:
        columns += f", {DAY} AS day"
    if clusters:
        columns += ", c.id AS cluster_id, c.num_events, c.num_articles, c.num_sources"
    where, params = filters.clauses()
    sql = f"SELECT {columns} FROM {source_clause(con, clusters)}{_where(where)} {ORDER}"
    sql = _limited(sql, params, limit)
    return sql, params


def events(
    con: duckdb.DuckDBPyConnection,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    event_type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    directed: bool = False,
    clusters: bool = False,
) -> pd.DataFrame:
    """Flat event rows (the CSV columns plus `day`, the analysis date), in article order.

    `dyad` matches both directions unless `directed`; with `clusters`, one row per cluster
    (its representative record) with the cluster's id and counts."""
    filters = Filters(actor, dyad, directed, event_type, since, until)
    return _frame(con, events_query(con, filters, limit, clusters))


def event_records(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = ALL,
    limit: int | None = None,
    clusters: bool = False,
) -> Iterator[dict[str, Any]]:
    """Stored records in the output contract, in article order (for JSONL, CSV and tables)."""
    where, params = filters.clauses()
    sql = f"SELECT e.record FROM {source_clause(con, clusters)}{_where(where)} {ORDER}"
    sql = _limited(sql, params, limit)
    cursor = con.execute(sql, params)
    while batch := cursor.fetchmany(1000):
        for (record,) in batch:
            yield json.loads(record)


def dyad_query(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str = "week",
    directed: bool = False,
    clusters: bool = False,
    since: date | None = None,
    until: date | None = None,
) -> Query:
    if by not in PERIODS:
        raise QueryError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    unit, step = PERIODS[by]
    a, b = actor_code(a), actor_code(b)
    where, params = Filters(dyad=(a, b), since=since, until=until).clauses()
    where.insert(0, COUNTED)
    where.append(f"{DAY} IS NOT NULL")
    if directed:
        pairs = [(a, b)] if a == b else [(a, b), (b, a)]
        group = "period, source, target"
        select_keys = "e.source_country AS source, e.target_country AS target,"
        rows = ", ".join(["(?, ?)"] * len(pairs))
        directions = f"SELECT * FROM (VALUES {rows}) v(source, target)"
        direction_params: list[Any] = [code for pair in pairs for code in pair]
        join = "p.period = agg.period AND d.source = agg.source AND d.target = agg.target"
        out_keys = "p.period, d.source, d.target,"
        order = "p.period, d.source, d.target"
    else:
        group = "period"
        select_keys = ""
        directions = "SELECT 1 AS one"
        direction_params = []
        join = "p.period = agg.period"
        out_keys = "p.period,"
        order = "p.period"
    zeros = ", ".join(f"COALESCE(agg.{c}, 0) AS {c}" for c in ("events", *QUAD_COLUMNS))
    sql = f"""
WITH ev AS (
    SELECT CAST(date_trunc('{unit}', {DAY}) AS DATE) AS period, {select_keys}
           e.quad_class, e.intensity, e.goldstein
    FROM {source_clause(con, clusters)}{_where(where)}
),
agg AS (
    SELECT {group}, count(*) AS events, {_quad_sql("quad_class")},
           COALESCE(sum(intensity), 0.0) AS intensity, COALESCE(sum(goldstein), 0.0) AS goldstein
    FROM ev GROUP BY {group}
),
bounds AS (
    SELECT COALESCE(CAST(date_trunc('{unit}', CAST(? AS DATE)) AS DATE), min(period)) AS lo,
           COALESCE(CAST(date_trunc('{unit}', CAST(? AS DATE)) AS DATE), max(period)) AS hi
    FROM ev HAVING count(*) > 0
),
periods AS (
    SELECT CAST(g.p AS DATE) AS period FROM bounds, generate_series(lo, hi, {step}) g(p)
),
directions AS ({directions})
SELECT {out_keys} {zeros},
       COALESCE(agg.intensity, 0.0) AS intensity, COALESCE(agg.goldstein, 0.0) AS goldstein
FROM periods p CROSS JOIN directions d LEFT JOIN agg ON {join}
ORDER BY {order}
"""
    return f"SELECT *, {_NET_SQL} FROM ({sql})", [*params, since, until, *direction_params]


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str = "week",
    directed: bool = False,
    clusters: bool = False,
    since: date | None = None,
    until: date | None = None,
) -> pd.DataFrame:
    """One row per period (and direction when `directed`) of events between `a` and `b`.

    Columns: period (first day), [source, target,] events, verbal_coop, material_coop,
    verbal_conflict, material_conflict, intensity (summed PLOVER score), goldstein (summed),
    coop_minus_conflict. Periods with no event are zeros, from the first period with an event
    (or `since`) to the last (or `until`); no event at all gives no rows. Weeks start on Monday.
    With `clusters`, each cluster counts once, through its representative record."""
    return _frame(con, dyad_query(con, a, b, by, directed, clusters, since, until))


def actors_query(
    con: duckdb.DuckDBPyConnection,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = 20,
    clusters: bool = False,
) -> Query:
    where, params = Filters(since=since, until=until).clauses()
    where.insert(0, COUNTED)
    sql = f"""
WITH ev AS (
    SELECT e.source_country, e.target_country, e.quad_class
    FROM {source_clause(con, clusters)}{_where(where)}
),
roles AS (
    -- `n` counts the event for the actor once: a domestic event's target role adds nothing
    SELECT source_country AS actor, quad_class, 1 AS s, 0 AS t, 1 AS n
    FROM ev WHERE source_country IS NOT NULL
    UNION ALL
    SELECT target_country, quad_class, 0, 1,
           CASE WHEN source_country IS NOT DISTINCT FROM target_country THEN 0 ELSE 1 END
    FROM ev WHERE target_country IS NOT NULL
)
SELECT actor, CAST(sum(n) AS BIGINT) AS events, CAST(sum(s) AS BIGINT) AS as_source,
       CAST(sum(t) AS BIGINT) AS as_target,
       CAST(COALESCE(sum(n) FILTER (WHERE quad_class IN (1, 2)), 0) AS BIGINT) AS cooperation,
       CAST(COALESCE(sum(n) FILTER (WHERE quad_class IN (3, 4)), 0) AS BIGINT) AS conflict
FROM roles GROUP BY actor ORDER BY events DESC, actor
"""
    sql = _limited(sql, params, limit)
    return sql, params


def actors(
    con: duckdb.DuckDBPyConnection,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = 20,
    clusters: bool = False,
) -> pd.DataFrame:
    """Most active actors (by country code): events involving each, as source and as target,
    and how many were cooperation (quad 1-2) and conflict (quad 3-4). A domestic event (RUS on
    RUS) counts once in `events` and in both roles."""
    return _frame(con, actors_query(con, since, until, limit, clusters))


def network_query(
    con: duckdb.DuckDBPyConnection,
    since: date | None = None,
    until: date | None = None,
    min_events: int = 1,
    limit: int | None = None,
    clusters: bool = False,
) -> Query:
    if isinstance(min_events, bool) or not isinstance(min_events, int) or min_events < 1:
        raise QueryError(f"min_events must be a positive whole number, not {min_events!r}")
    where, params = Filters(since=since, until=until).clauses()
    where[:0] = [COUNTED, "e.source_country IS NOT NULL", "e.target_country IS NOT NULL"]
    sql = f"""
SELECT e.source_country AS source, e.target_country AS target, count(*) AS events,
       {_quad_sql("e.quad_class")},
       COALESCE(sum(e.intensity), 0.0) AS intensity, COALESCE(sum(e.goldstein), 0.0) AS goldstein
FROM {source_clause(con, clusters)}{_where(where)}
GROUP BY e.source_country, e.target_country
HAVING count(*) >= ?
ORDER BY events DESC, source, target
"""
    params.append(min_events)
    sql = _limited(sql, params, limit)
    return f"SELECT *, {_NET_SQL} FROM ({sql})", params


def network(
    con: duckdb.DuckDBPyConnection,
    since: date | None = None,
    until: date | None = None,
    min_events: int = 1,
    limit: int | None = None,
    clusters: bool = False,
) -> pd.DataFrame:
    """Weighted directed dyads: one row per (source, target) country pair with at least
    `min_events` events, with counts per quad class and summed scores. Domestic pairs (source
    equals target) are kept; filter them out when only relations between states matter."""
    return _frame(con, network_query(con, since, until, min_events, limit, clusters))


def clusters_query(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = ALL,
    limit: int | None = None,
) -> Query:
    where, params = filters.clauses()
    sql = f"""
SELECT c.id AS cluster_id, c.representative_event_id, c.num_events, c.num_articles,
       c.num_sources, c.date_first, c.date_last, c.first_seen, c.last_seen, {DAY} AS day,
       {", ".join(f'e."{c}"' for c in FLAT_COLUMNS if c != "id")}
FROM {source_clause(con, True)}{_where(where)}
ORDER BY {DAY}, c.id
"""
    sql = _limited(sql, params, limit)
    return sql, params


def clusters(
    con: duckdb.DuckDBPyConnection,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    event_type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    directed: bool = False,
) -> pd.DataFrame:
    """Event clusters (one real event each) with their representative record's fields;
    filters apply to the representative."""
    filters = Filters(actor, dyad, directed, event_type, since, until)
    return _frame(con, clusters_query(con, filters, limit))


def _frame(con: duckdb.DuckDBPyConnection, query: Query) -> pd.DataFrame:
    return run(con, query, arrow=False)


def run(con: duckdb.DuckDBPyConnection, query: Query, arrow: bool = False) -> Any:
    """A query's result as a pandas DataFrame, or an Arrow table when `arrow`.

    It runs on its own cursor: a result someone left half-read on the connection would
    otherwise block DuckDB's relational API."""
    sql, params = query
    cursor = con.cursor()
    try:
        relation = cursor.sql(sql, params=params)
        return relation.to_arrow_table() if arrow else relation.df()
    except duckdb.Error as exc:
        raise QueryError(f"the store cannot answer this query ({exc})") from exc
    finally:
        cursor.close()


def frame_rows(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Rows as JSON-ready dicts: dates as YYYY-MM-DD, missing values as None."""
    for row in frame.to_dict(orient="records"):
        yield {str(k): _plain(v) for k, v in row.items()}


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):  # pandas Timestamp is a datetime
        if value != value:  # NaT
            return None
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


def plot_dyad(frame: pd.DataFrame, path: Path, title: str) -> None:
    """Cooperation (up) against conflict (down) per period, with the net as a line; one panel
    per direction for a directed series. PNG or SVG, chosen by the file suffix."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise QueryError(f"--plot writes .png or .svg files, not {path.name!r}")
    if frame.empty:
        raise QueryError("no events between these actors in this period: nothing to plot")
    import matplotlib.pyplot as plt

    fig = dyad_figure(frame, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fig.savefig(path, format=suffix[1:])
    except OSError as exc:
        raise QueryError(f"cannot write {path}: {exc}") from exc
    finally:
        plt.close(fig)


# At most this many dated ticks on the time axis.
MAX_XTICKS = 12


def dyad_figure(frame: pd.DataFrame, title: str) -> Any:
    """The matplotlib Figure of `plot_dyad`: the legend outside the panels (never over a bar),
    the net line drawn over the bars, whole numbers on the count axis, and one tick per period
    start (thinned), labelled as the series' unit reads."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if "source" in frame.columns:
        panels = [
            (f"{s} → {t}", frame[(frame["source"] == s) & (frame["target"] == t)])
            for s, t in frame[["source", "target"]].drop_duplicates().itertuples(index=False)
        ]
    else:
        panels = [("", frame)]
    fig, axes = plt.subplots(
        len(panels),
        1,
        figsize=(10, 3.2 * len(panels) + 0.8),
        sharex=True,
        squeeze=False,
        layout="constrained",
    )
    periods_all = pd.Series(sorted(set(pd.to_datetime(frame["period"]))))
    for ax, (label, part) in zip(axes[:, 0], panels, strict=True):
        periods = pd.to_datetime(part["period"])
        cooperation = part["verbal_coop"] + part["material_coop"]
        conflict = part["verbal_conflict"] + part["material_conflict"]
        width = _bar_width(periods_all)
        ax.bar(periods, cooperation, width=width, color="#2b8cbe", label="cooperation (quad 1-2)")
        ax.bar(periods, -conflict, width=width, color="#de2d26", label="conflict (quad 3-4)")
        ax.plot(
            periods,
            cooperation - conflict,
            color="black",
            linewidth=1.4,
            marker="o",
            markersize=3,
            zorder=5,
            label="net (cooperation - conflict)",
        )
        ax.axhline(0, color="grey", linewidth=0.6, zorder=4)
        ax.set_ylabel("events")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(round(v))}"))
        if label:
            ax.set_title(label, fontsize=10)
    _date_ticks(axes[-1, 0], periods_all)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside upper right", fontsize=8, frameon=False, ncols=3)
    fig.suptitle(title, x=0.01, ha="left")
    return fig


def _date_ticks(ax: Any, periods: pd.Series[Any]) -> None:
    """Ticks at period starts: every period when few, else every k-th; months read 2024-05."""
    step = (periods.iloc[1] - periods.iloc[0]).days if len(periods) > 1 else 1
    every = max(1, -(-len(periods) // MAX_XTICKS))
    ticks = list(periods.iloc[::every])
    ax.set_xticks(ticks)
    form = "%Y-%m" if step >= 28 else "%Y-%m-%d"
    ax.set_xticklabels([t.strftime(form) for t in ticks], rotation=30, ha="right")


def _bar_width(periods: pd.Series[Any]) -> float:
    if len(periods) < 2:
        return 0.8
    step = (periods.iloc[1] - periods.iloc[0]).days
    return max(0.8, float(step) * 0.8)
