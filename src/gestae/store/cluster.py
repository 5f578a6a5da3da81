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
reaches (intervals that overlap pairwise share a common point). Events are assigned in a fixed
order (publication date, article, sentence, id), each to the best compatible cluster; an update
assigns again every report from the first one whose cluster may change, so the same articles give
the same clusters (and ids) whatever the order and batches of their ingest. A report that fits
several clusters which differ in what it leaves open (a role's country, its place) joins none.

The rules (`gestae.store.cluster_rules`) and measured quality are in docs/clusters.md; the
store is read and written in bulk by `gestae.store.cluster_sql`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from gestae.errors import StoreError
from gestae.store.cluster_rules import (
    ClusterIndex,
    ClusterProfile,
    Report,
    ambiguous,
    compatible,
    score,
)
from gestae.store.cluster_sql import (
    EVENT_COLUMNS,
    REMOVED_REACHES,
    SAME_PARTITION,
    begin_unless_held,
    candidate_rows,
    refresh_clusters,
    report_from_row,
    taken_ids,
    unlink_later_reports,
)
from gestae.store.database import EventStore
from gestae.store.migrations import CLUSTER_SCHEMA

GROUP_LIMIT = 100_000  # new reports held in memory at once


@dataclass
class ClusterStats:
    """What one `update_clusters` call changed, and the totals after it."""

    assigned: int = 0  # new events given a cluster in this call
    reassigned: int = 0  # clustered events assigned again (they come after a new one)
    unlinked: int = 0  # links removed (event gone, or its article re-coded)
    created: int = 0  # new clusters
    touched: int = 0  # clusters whose members changed (created included)
    deleted: int = 0  # clusters left without members
    clusters: int = 0  # clusters in the store after the call
    events: int = 0  # events linked to a cluster after the call


def cluster_id(event_id: str, salt: int = 0) -> str:
    """Stable id: a hash of the event that founded the cluster."""
    text = event_id if salt == 0 else f"{event_id}#{salt}"
    return "c" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:19]


def update_clusters(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None
) -> ClusterStats:
    """Bring the clusters up to date with the events table, incrementally.

    With `article_ids` (a batch just written, or re-coded): the links those articles had are
    removed and their current events assigned. With None: links to events that no longer exist
    are removed and every unclustered event is assigned. Either way, clustered reports that
    come after the first report whose cluster may change are assigned again with them, in
    order (`unlink_later_reports`), so the result is what one batch of all articles gives.
    Touched clusters get their representative and counts recomputed; clusters left empty are
    deleted. Runs in its own transaction unless the caller holds one.
    """
    try:
        con.execute(CLUSTER_SCHEMA)
    except duckdb.Error as exc:
        raise StoreError(f"cannot create the cluster tables: {exc}") from exc
    own = begin_unless_held(con)
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
        # The batch's own links go (its events were replaced or are assigned again).
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
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gc_removed AS {REMOVED_REACHES.format(unlink)}")
    removed = con.execute(f"DELETE FROM cluster_events WHERE {unlink}").fetchone()
    stats.unlinked = int(removed[0]) if removed else 0
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gc_new AS {new}")
    stats.reassigned = unlink_later_reports(con)
    existed = {str(r[0]) for r in con.execute("SELECT DISTINCT id FROM _gc_touched").fetchall()}

    partitions = con.execute(
        "SELECT coalesce(e.kind, 'event'), coalesce(e.event_type, ''), count(*) FROM events e "
        "JOIN _gc_new n ON n.id = e.id GROUP BY ALL ORDER BY 1, 2"
    ).fetchall()
    group: list[tuple[str, str]] = []
    size = 0
    for kind, event_type, count in partitions:
        if group and size + int(count) > GROUP_LIMIT:
            _assign_group(con, group, stats, existed)
            group, size = [], 0
        group.append((str(kind), str(event_type)))
        size += int(count)
    if group:
        _assign_group(con, group, stats, existed)

    before = con.execute("SELECT count(*) FROM clusters").fetchone()
    refresh_clusters(con)
    after = con.execute("SELECT count(*) FROM clusters").fetchone()
    touched = con.execute("SELECT count(DISTINCT id) FROM _gc_touched").fetchone()
    linked = con.execute("SELECT count(*) FROM cluster_events").fetchone()
    stats.touched = int(touched[0]) if touched else 0
    stats.clusters = int(after[0]) if after else 0
    stats.deleted = (int(before[0]) if before else 0) + stats.created - stats.clusters
    stats.events = int(linked[0]) if linked else 0
    stats.assigned -= stats.reassigned
    for table in ("_gc_touched", "_gc_new", "_gc_articles", "_gc_removed"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return stats


def _assign_group(
    con: duckdb.DuckDBPyConnection,
    group: list[tuple[str, str]],
    stats: ClusterStats,
    existed: set[str],
) -> None:
    """Assign the new reports of some (kind, type) partitions, reading the store in bulk.

    Clusters never cross partitions; partitions are grouped so that a whole-store run holds at
    most GROUP_LIMIT new reports in memory at a time."""
    parts = pa.table({"kind": [k for k, _ in group], "event_type": [t for _, t in group]})
    con.register("_gc_parts", parts)
    try:
        rows = con.execute(
            f"SELECT {EVENT_COLUMNS} FROM events e JOIN _gc_new n ON n.id = e.id "
            f"JOIN _gc_parts p ON {SAME_PARTITION.format(t='e')}"
        ).fetchall()
        reports: dict[tuple[str, str], list[Report]] = {}
        for row in rows:
            r = report_from_row(row)
            reports.setdefault((r.kind, r.event_type or ""), []).append(r)
        members = candidate_rows(con, [r for items in reports.values() for r in items])
    finally:
        con.unregister("_gc_parts")
    existing: dict[tuple[str, str], list[tuple[str, Report]]] = {}
    for m in members:
        member = report_from_row(m[1:])
        existing.setdefault((member.kind, member.event_type or ""), []).append((str(m[0]), member))
    links: list[tuple[str, str, str, int | None, int | None]] = []
    taken = taken_ids(con, [cluster_id(r.id) for items in reports.values() for r in items])
    for key, items in reports.items():
        links += _assign_partition(con, items, existing.get(key, []), taken, stats, existed)
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


def _assign_partition(
    con: duckdb.DuckDBPyConnection,
    reports: list[Report],
    members: list[tuple[str, Report]],
    taken: set[str],
    stats: ClusterStats,
    existed: set[str],
) -> list[tuple[str, str, str, int | None, int | None]]:
    """Assign one partition's new reports, in order, given its candidate clusters
    (`existed`: ids that were clusters before the call, so founding one again creates none)."""
    clusters: dict[str, ClusterProfile] = {}
    index = ClusterIndex()
    for cid, member in sorted(members, key=lambda x: x[1].order):
        if member.lo is not None:
            clusters.setdefault(cid, ClusterProfile(cid)).add(member)
    for c in clusters.values():
        index.put(c)
    reports = sorted(reports, key=lambda r: r.order)
    links: list[tuple[str, str, str, int | None, int | None]] = []
    for r in reports:
        best: ClusterProfile | None = None
        if r.lo is not None:
            fits = [c for c in index.candidates(r) if compatible(r, c)]
            if ambiguous(r, fits):
                fits = []
            if fits:
                best = max(fits, key=lambda c: (score(r, c), c.id))
        if best is None:
            salt = 0
            while (cid := cluster_id(r.id, salt)) in clusters or cid in taken:
                salt += 1
                taken |= taken_ids(con, [cluster_id(r.id, salt)])
            best = ClusterProfile(cid)
            stats.created += cid not in existed
            if r.lo is not None:
                clusters[cid] = best
        best.add(r)
        if r.lo is not None:
            index.put(best)
        links.append((best.id, r.id, r.article_id, r.lo, r.hi))
    return links


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
