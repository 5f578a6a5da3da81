"""One record per real event: clusters of the reports of the same event across articles.

Analysts are hurt most by one event counted dozens of times, so every stored event belongs to
exactly one cluster, and a cluster is a set of mutually compatible reports:

- same kind (event or incident), same PLOVER type, same negation and hypothetical flag;
- actors: per role, the country and the sector are equal or one side does not know them, and
  the reports share an anchor (a known country in the same role; for reports without any actor
  country, a known place country);
- dates: each report has a *reach*, the interval of days it may refer to (a day read in the
  text +/- one day; a date taken from the publication, the two days before it and the day
  itself; a week or a month its whole range); two reports are compatible when their reaches
  overlap. Year-dated and undated reports are never merged;
- places: the same country or one unknown, and two city-level places at most 100 km apart;
- incidents (deaths from accidents and disasters) need the same place country, and their death
  tolls must not differ by more than about a factor two;
- two reports from the same article are merged only when they restate the same event (same CAMEO
  code and same actors): the coder kept them apart for a reason otherwise.

Compatibility is checked against every member (complete linkage), which stays cheap because a
cluster is summarised by the known values of its members and by the intersection of their
reaches (intervals that overlap pairwise share a common point). Events are assigned in arrival
order (publication date, article, sentence), each to the best compatible cluster, so ingesting
in publication order gives the same clusters in one batch or in many. A report that fits
several clusters which differ in what it leaves open (a role's country, its place) joins none.

The rules and measured quality are in docs/clusters.md.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from gestae.errors import StoreError
from gestae.store.database import EventStore
from gestae.store.migrations import CLUSTER_SCHEMA

# Columns of `events` the rules read, in this order.
_EVENT_COLUMNS = (
    "e.id, e.article_id, coalesce(e.kind, 'event'), e.event_type, e.cameo, "
    "e.source_country, e.source_sector, e.target_country, e.target_sector, "
    "e.location_country, e.location_lat, e.location_lon, e.location_precision, "
    "e.date, e.date_end, e.date_granularity, e.date_basis, e.published, e.fatalities, "
    "coalesce(e.negated, false), coalesce(e.modality = 'hypothetical', false), "
    "coalesce(e.sentence_index, 0)"
)
MAX_CITY_KM = 100.0
# Reach of a day-dated report, in half-days: a day read in the text +/- one day (two such
# reports may be two days apart: outlets get the day wrong by one either way); a date taken
# from the publication covers the two days before it and the day itself.
DAY_TOLERANCE = 2
PUBLICATION_BEFORE = 4
PUBLICATION_AFTER = 1
_BUCKET = 16  # half-days per index bucket (8 days)
GROUP_LIMIT = 100_000  # new reports held in memory at once
REFRESH_CHUNK = 50_000  # clusters recomputed per query


@dataclass
class ClusterStats:
    """What one `update_clusters` call changed, and the totals after it."""

    assigned: int = 0  # events given a cluster in this call
    unlinked: int = 0  # links removed (event gone, or its article re-coded)
    created: int = 0  # new clusters
    touched: int = 0  # clusters whose members changed (created included)
    deleted: int = 0  # clusters left without members
    clusters: int = 0  # clusters in the store after the call
    events: int = 0  # events linked to a cluster after the call


@dataclass(slots=True)
class _Report:
    """What the rules read of one stored event; `lo`/`hi` is its reach (None: never merged)."""

    id: str
    article_id: str
    kind: str
    event_type: str | None
    cameo: str | None
    src_c: str | None
    src_s: str | None
    tgt_c: str | None
    tgt_s: str | None
    loc_c: str | None
    point: tuple[float, float] | None
    lo: int | None
    hi: int | None
    fatalities: int | None
    flags: tuple[bool, bool]
    order: tuple[str, str, int, str]


@dataclass(slots=True)
class _Cluster:
    """A cluster summarised for the rules: the values its reports know, the intersection of
    their reaches, their city points and tolls, and one restatement key per article."""

    id: str
    src_c: str | None = None
    src_s: str | None = None
    tgt_c: str | None = None
    tgt_s: str | None = None
    loc_c: str | None = None
    flags: tuple[bool, bool] = (False, False)
    lo: int = 0
    hi: int = 0
    points: list[tuple[float, float]] = field(default_factory=list)
    fat_min: int | None = None
    fat_max: int | None = None
    cameos: set[str] = field(default_factory=set)
    articles: dict[str, tuple[str | None, ...]] = field(default_factory=dict)

    def add(self, r: _Report) -> None:
        if not self.articles:
            self.flags = r.flags
            self.lo, self.hi = r.lo or 0, r.hi or 0
        else:
            self.lo, self.hi = max(self.lo, r.lo or 0), min(self.hi, r.hi or 0)
        self.src_c = self.src_c or r.src_c
        self.src_s = self.src_s or r.src_s
        self.tgt_c = self.tgt_c or r.tgt_c
        self.tgt_s = self.tgt_s or r.tgt_s
        self.loc_c = self.loc_c or r.loc_c
        if r.point and r.point not in self.points:
            self.points.append(r.point)
        if r.fatalities is not None:
            self.fat_min = min(
                self.fat_min if self.fat_min is not None else r.fatalities, r.fatalities
            )
            self.fat_max = max(self.fat_max or 0, r.fatalities)
        if r.cameo:
            self.cameos.add(r.cameo)
        self.articles.setdefault(r.article_id, _restatement(r))


def _restatement(r: _Report) -> tuple[str | None, ...]:
    return (r.cameo, r.src_c, r.src_s, r.tgt_c, r.tgt_s)


def reach(
    value: date | None,
    end: date | None,
    granularity: str | None,
    basis: str | None,
    published: date | None,
) -> tuple[int, int] | None:
    """The half-day interval a report may refer to; None when it must never be merged."""
    if value is None:
        if published is None:
            return None
        value, granularity, basis = published, "day", "publication"
    day = value.toordinal() * 2
    if granularity in (None, "day"):
        if basis == "publication":
            return day - PUBLICATION_BEFORE, day + PUBLICATION_AFTER
        return day - DAY_TOLERANCE, day + DAY_TOLERANCE
    if granularity in ("week", "month"):
        last = (end or value).toordinal() * 2
        if granularity == "week" and end is None:
            last = day + 12
        return day, max(day, last)
    return None


def cluster_id(event_id: str, salt: int = 0) -> str:
    """Stable id: a hash of the event that founded the cluster."""
    text = event_id if salt == 0 else f"{event_id}#{salt}"
    return "c" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:19]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_or_unknown(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _compatible(r: _Report, c: _Cluster) -> bool:
    """True when report r may be another report of every member of cluster c."""
    if r.lo is None or r.hi is None or r.flags != c.flags:
        return False
    if max(r.lo, c.lo) > min(r.hi, c.hi):
        return False
    if not _same_or_unknown(r.loc_c, c.loc_c):
        return False
    if r.point and any(_km(r.point, p) > MAX_CITY_KM for p in c.points):
        return False
    if r.kind == "incident":
        if not (r.loc_c and r.loc_c == c.loc_c):
            return False
        f, low, high = r.fatalities, c.fat_min, c.fat_max
        if (
            f is not None
            and low is not None
            and high is not None
            and not _tolls_agree(f, low, high)
        ):
            return False
    else:
        for mine, theirs in (
            (r.src_c, c.src_c),
            (r.src_s, c.src_s),
            (r.tgt_c, c.tgt_c),
            (r.tgt_s, c.tgt_s),
        ):
            if not _same_or_unknown(mine, theirs):
                return False
        anchored = (r.src_c is not None and r.src_c == c.src_c) or (
            r.tgt_c is not None and r.tgt_c == c.tgt_c
        )
        if not anchored:
            no_country = (r.src_c is None and r.tgt_c is None) or (
                c.src_c is None and c.tgt_c is None
            )
            if not (no_country and r.loc_c is not None and r.loc_c == c.loc_c):
                return False
    same_article = c.articles.get(r.article_id)
    return same_article is None or same_article == _restatement(r)


def _ambiguous(r: _Report, fits: Sequence[_Cluster]) -> bool:
    """True when the report fits clusters that differ in what it leaves open (a role's country,
    its place): it could be either event, and a wrong merge loses an event, so it stays alone."""
    if len(fits) < 2:
        return False
    open_role = r.kind != "incident" and (r.src_c is None or r.tgt_c is None)
    if open_role and len({(c.src_c, c.tgt_c) for c in fits}) > 1:
        return True
    if r.loc_c is None and len({c.loc_c for c in fits if c.loc_c}) > 1:
        return True
    if r.point is None:
        points = [p for c in fits for p in c.points]
        return any(_km(a, b) > MAX_CITY_KM for a, b in combinations(points, 2))
    return False


def _tolls_agree(f: int, low: int, high: int) -> bool:
    """Death tolls rise as counts come in; a factor of about two still names one incident."""
    return f <= 2 * low + 2 and high <= 2 * f + 2


def _score(r: _Report, c: _Cluster) -> float:
    """Higher for a closer fit: shared CAMEO code, shared known values, nearer dates."""
    score = 2.0 if r.cameo in c.cameos else 0.0
    for mine, theirs in (
        (r.src_c, c.src_c),
        (r.src_s, c.src_s),
        (r.tgt_c, c.tgt_c),
        (r.tgt_s, c.tgt_s),
        (r.loc_c, c.loc_c),
    ):
        score += 1.0 if mine is not None and mine == theirs else 0.0
    assert r.lo is not None and r.hi is not None
    return score - abs((r.lo + r.hi) - (c.lo + c.hi)) / 8.0


class _Index:
    """Clusters of one (kind, type) partition, findable by date bucket and anchor.

    Keys: ("p", src, tgt) the known dyad, ("s", src), ("t", tgt), ("l", place) every cluster
    with that place country, ("n", place) those with no actor country. A cluster is re-put after
    each new member, so stale keys only cost a compatibility check, never a missed merge.
    """

    def __init__(self) -> None:
        self.by_key: dict[tuple[int, str, str | None, str | None], list[_Cluster]] = {}

    def put(self, c: _Cluster) -> None:
        keys: list[tuple[str, str | None, str | None]] = []
        if c.src_c or c.tgt_c:
            keys.append(("p", c.src_c, c.tgt_c))
        if c.src_c:
            keys.append(("s", c.src_c, None))
        if c.tgt_c:
            keys.append(("t", c.tgt_c, None))
        if c.loc_c:
            keys.append(("l", c.loc_c, None))
            if not (c.src_c or c.tgt_c):
                keys.append(("n", c.loc_c, None))
        for b in range(c.lo // _BUCKET, c.hi // _BUCKET + 1):
            for tag, x, y in keys:
                bucket = self.by_key.setdefault((b, tag, x, y), [])
                if not bucket or bucket[-1] is not c:
                    bucket.append(c)

    def candidates(self, r: _Report) -> list[_Cluster]:
        assert r.lo is not None and r.hi is not None
        lookups: list[tuple[str, str | None, str | None]] = []
        if r.kind == "incident" or not (r.src_c or r.tgt_c):
            if r.loc_c:
                lookups.append(("l", r.loc_c, None))
        else:
            if r.src_c and r.tgt_c:
                # A fully known dyad only fits clusters whose known dyad agrees with it.
                lookups += [("p", r.src_c, r.tgt_c), ("p", r.src_c, None), ("p", None, r.tgt_c)]
            elif r.src_c:
                lookups.append(("s", r.src_c, None))
            else:
                lookups.append(("t", r.tgt_c, None))
            if r.loc_c:
                lookups.append(("n", r.loc_c, None))
        seen: dict[str, _Cluster] = {}
        for b in range(r.lo // _BUCKET, r.hi // _BUCKET + 1):
            for tag, x, y in lookups:
                for c in self.by_key.get((b, tag, x, y), ()):
                    seen.setdefault(c.id, c)
        return list(seen.values())


def _report(row: tuple[Any, ...]) -> _Report:
    (eid, article, kind, etype, cameo, sc, ss, tc, ts, lc, lat, lon, prec) = row[:13]
    value, end, gran, basis, published, fat, neg, hyp, sentence = row[13:]
    span = reach(value, end, gran, basis, published)
    point = (float(lat), float(lon)) if prec == "city" and None not in (lat, lon) else None
    pub = published.isoformat() if isinstance(published, date) else ""
    return _Report(
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


def _begin(con: duckdb.DuckDBPyConnection) -> bool:
    """Open a transaction unless the caller already holds one (then it owns the commit).

    A failed BEGIN would abort the caller's transaction, so ask first: outside a transaction
    every statement runs in a transaction of its own, with a new id."""
    first = con.execute("SELECT txid_current()").fetchone()
    second = con.execute("SELECT txid_current()").fetchone()
    if first == second:
        return False
    con.execute("BEGIN TRANSACTION")
    return True


def update_clusters(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None
) -> ClusterStats:
    """Bring the clusters up to date with the events table, incrementally.

    With `article_ids` (a batch just written, or re-coded): the links those articles had are
    removed and their current events assigned, in arrival order; nothing else is scanned. With
    None: links to events that no longer exist are removed and every unclustered event is
    assigned. Touched clusters get their representative and counts recomputed; clusters left
    empty are deleted. Runs in its own transaction unless the caller holds one.
    """
    try:
        con.execute(CLUSTER_SCHEMA)
    except duckdb.Error as exc:
        raise StoreError(f"cannot create the cluster tables: {exc}") from exc
    own = _begin(con)
    try:
        stats = _update(con, article_ids)
        if own:
            con.execute("COMMIT")
    except duckdb.Error as exc:
        if own:
            con.execute("ROLLBACK")
        raise StoreError(f"could not update event clusters: {exc}") from exc
    except BaseException:
        if own:
            con.execute("ROLLBACK")
        raise
    return stats


def rebuild_clusters(con: duckdb.DuckDBPyConnection) -> ClusterStats:
    """Drop every cluster and cluster the whole store again (ids come out the same)."""
    try:
        con.execute(CLUSTER_SCHEMA)
        con.execute("DELETE FROM cluster_events")
        con.execute("DELETE FROM clusters")
    except duckdb.Error as exc:
        raise StoreError(f"cannot reset the cluster tables: {exc}") from exc
    return update_clusters(con)


def _update(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> ClusterStats:
    stats = ClusterStats()
    con.execute("CREATE OR REPLACE TEMP TABLE _gc_touched (id VARCHAR)")
    if article_ids is not None:
        # The batch's own links go (its events were replaced or are assigned again); nothing
        # else in the store is scanned, so a call costs what its batch costs.
        con.register("_gc_ids", pa.table({"id": pa.array(sorted(set(article_ids)), pa.string())}))
        try:
            con.execute("CREATE OR REPLACE TEMP TABLE _gc_articles AS SELECT id FROM _gc_ids")
        finally:
            con.unregister("_gc_ids")
        unlink = "article_id IN (SELECT id FROM _gc_articles)"
        new = "SELECT id FROM events WHERE article_id IN (SELECT id FROM _gc_articles)"
    else:
        unlink = "event_id NOT IN (SELECT id FROM events)"
        new = "SELECT e.id FROM events e ANTI JOIN cluster_events ce ON ce.event_id = e.id"
    con.execute(
        f"INSERT INTO _gc_touched SELECT DISTINCT cluster_id FROM cluster_events WHERE {unlink}"
    )
    removed = con.execute(f"DELETE FROM cluster_events WHERE {unlink}").fetchone()
    stats.unlinked = int(removed[0]) if removed else 0
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gc_new AS {new}")

    partitions = con.execute(
        "SELECT coalesce(e.kind, 'event'), coalesce(e.event_type, ''), count(*) FROM events e "
        "JOIN _gc_new n ON n.id = e.id GROUP BY ALL ORDER BY 1, 2"
    ).fetchall()
    group: list[tuple[str, str]] = []
    size = 0
    for kind, event_type, count in partitions:
        if group and size + int(count) > GROUP_LIMIT:
            _assign_group(con, group, stats)
            group, size = [], 0
        group.append((str(kind), str(event_type)))
        size += int(count)
    if group:
        _assign_group(con, group, stats)

    before = con.execute("SELECT count(*) FROM clusters").fetchone()
    _refresh(con)
    after = con.execute("SELECT count(*) FROM clusters").fetchone()
    touched = con.execute("SELECT count(DISTINCT id) FROM _gc_touched").fetchone()
    linked = con.execute("SELECT count(*) FROM cluster_events").fetchone()
    stats.touched = int(touched[0]) if touched else 0
    stats.clusters = int(after[0]) if after else 0
    stats.deleted = (int(before[0]) if before else 0) + stats.created - stats.clusters
    stats.events = int(linked[0]) if linked else 0
    for table in ("_gc_touched", "_gc_new", "_gc_articles"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return stats


_PARTITION = "coalesce({t}.kind, 'event') = p.kind AND coalesce({t}.event_type, '') = p.event_type"


def _assign_group(
    con: duckdb.DuckDBPyConnection, group: list[tuple[str, str]], stats: ClusterStats
) -> None:
    """Assign the new reports of some (kind, type) partitions, reading the store in bulk.

    Clusters never cross partitions; partitions are grouped so that a whole-store run holds at
    most GROUP_LIMIT new reports in memory at a time."""
    parts = pa.table({"kind": [k for k, _ in group], "event_type": [t for _, t in group]})
    con.register("_gc_parts", parts)
    try:
        rows = con.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e JOIN _gc_new n ON n.id = e.id "
            f"JOIN _gc_parts p ON {_PARTITION.format(t='e')}"
        ).fetchall()
        reports: dict[tuple[str, str], list[_Report]] = {}
        for row in rows:
            r = _report(row)
            reports.setdefault((r.kind, r.event_type or ""), []).append(r)
        members = _candidates(con, [r for items in reports.values() for r in items])
    finally:
        con.unregister("_gc_parts")
    existing: dict[tuple[str, str], list[tuple[str, _Report]]] = {}
    for m in members:
        member = _report(m[1:])
        existing.setdefault((member.kind, member.event_type or ""), []).append((str(m[0]), member))
    links: list[tuple[str, str, str, int | None, int | None]] = []
    taken = _taken(con, [cluster_id(r.id) for items in reports.values() for r in items])
    for key, items in reports.items():
        links += _assign_partition(con, items, existing.get(key, []), taken, stats)
    if not links:
        return
    table = pa.table(
        {
            "cluster_id": [x[0] for x in links],
            "event_id": [x[1] for x in links],
            "article_id": [x[2] for x in links],
            "reach_lo": pa.array([x[3] for x in links], pa.int64()),
            "reach_hi": pa.array([x[4] for x in links], pa.int64()),
        }
    )
    con.register("_gc_links", table)
    try:
        con.execute("INSERT INTO cluster_events SELECT * FROM _gc_links")
        con.execute("INSERT INTO _gc_touched SELECT DISTINCT cluster_id FROM _gc_links")
    finally:
        con.unregister("_gc_links")
    stats.assigned += len(links)


def _candidates(con: duckdb.DuckDBPyConnection, reports: list[_Report]) -> list[tuple[Any, ...]]:
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
    fits = f"{_PARTITION.format(t='c')} AND c.reach_lo <= p.hi AND c.reach_hi >= p.lo"
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
            f"SELECT ce.cluster_id, {_EVENT_COLUMNS} FROM _gc_candidates k "
            "JOIN cluster_events ce ON ce.cluster_id = k.id "
            "JOIN events e ON e.id = ce.event_id "
            f"JOIN _gc_parts p ON {_PARTITION.format(t='e')}"
        ).fetchall()
    finally:
        con.unregister("_gc_wanted")
        con.execute("DROP TABLE IF EXISTS _gc_candidates")


def _assign_partition(
    con: duckdb.DuckDBPyConnection,
    reports: list[_Report],
    members: list[tuple[str, _Report]],
    taken: set[str],
    stats: ClusterStats,
) -> list[tuple[str, str, str, int | None, int | None]]:
    """Assign one partition's new reports, in arrival order, given its candidate clusters."""
    clusters: dict[str, _Cluster] = {}
    index = _Index()
    for cid, member in sorted(members, key=lambda x: x[1].order):
        if member.lo is not None:
            clusters.setdefault(cid, _Cluster(cid)).add(member)
    for c in clusters.values():
        index.put(c)
    reports = sorted(reports, key=lambda r: r.order)
    links: list[tuple[str, str, str, int | None, int | None]] = []
    for r in reports:
        best: _Cluster | None = None
        if r.lo is not None:
            fits = [c for c in index.candidates(r) if _compatible(r, c)]
            if _ambiguous(r, fits):
                fits = []
            if fits:
                best = max(fits, key=lambda c: (_score(r, c), c.id))
        if best is None:
            salt = 0
            while (cid := cluster_id(r.id, salt)) in clusters or cid in taken:
                salt += 1
                taken |= _taken(con, [cluster_id(r.id, salt)])
            best = _Cluster(cid)
            stats.created += 1
            if r.lo is not None:
                clusters[cid] = best
        best.add(r)
        if r.lo is not None:
            index.put(best)
        links.append((best.id, r.id, r.article_id, r.lo, r.hi))
    return links


def _taken(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
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
        + (e.location_country IS NOT NULL)::INT + (e.location_precision = 'city')::INT
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


def _refresh(con: duckdb.DuckDBPyConnection) -> None:
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


@dataclass(frozen=True)
class ClusterSummary:
    """The store's clusters in a few numbers, for `gestae cluster`."""

    events: int
    clusters: int
    multi_report: int  # clusters with more than one report
    largest: int
    multi_source: int  # clusters reported by more than one outlet

    def lines(self) -> list[str]:
        ratio = self.events / self.clusters if self.clusters else 0.0
        return [
            f"{self.events} events in {self.clusters} clusters ({ratio:.2f} reports per event)",
            f"{self.multi_report} clusters hold more than one report, {self.multi_source} "
            f"come from more than one source; the largest has {self.largest} reports",
        ]


def summarize(con: duckdb.DuckDBPyConnection) -> ClusterSummary:
    row = con.execute(
        "SELECT coalesce(sum(num_events), 0), count(*), count(*) FILTER (num_events > 1), "
        "coalesce(max(num_events), 0), count(*) FILTER (num_sources > 1) FROM clusters"
    ).fetchone()
    assert row is not None
    return ClusterSummary(*(int(x) for x in row))


def cluster_store(
    path: str | Path, rebuild: bool = False, wait: float = 0.0
) -> tuple[ClusterStats, ClusterSummary]:
    """Cluster a store file's unclustered events (or all of them with `rebuild`)."""
    if not Path(path).exists():
        raise StoreError(f"no event store at {path}; create one with `gestae ingest --db`")
    with EventStore(path, wait=wait) as store:
        stats = rebuild_clusters(store.con) if rebuild else update_clusters(store.con)
        pending = store.unclustered()
        for start in range(0, len(pending), 1000):
            store.mark_clustered(pending[start : start + 1000])
        return stats, summarize(store.con)
