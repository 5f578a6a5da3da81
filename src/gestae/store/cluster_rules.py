"""The matching rules of event clustering: when two reports may be the same event.

A report's *reach* is the half-day interval it may refer to; a cluster is summarised by the
values its members know and the intersection of their reaches, so a new report is checked
against every member at once (complete linkage). The rules are described in docs/clusters.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

MAX_CITY_KM = 100.0
# Reach of a day-dated report, in half-days: a day read in the text +/- one day (two such
# reports may be two days apart: outlets get the day wrong by one either way); a date taken
# from the publication covers the two days before it and the day itself.
DAY_TOLERANCE = 2
PUBLICATION_BEFORE = 4
PUBLICATION_AFTER = 1
_BUCKET = 16  # half-days per index bucket (8 days)


@dataclass(slots=True)
class Report:
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
class ClusterProfile:
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

    def add(self, r: Report) -> None:
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
        self.articles.setdefault(r.article_id, restatement(r))


def restatement(r: Report) -> tuple[str | None, ...]:
    """What two reports of one article must share to restate the same event."""
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
        if published is None or basis == "earlier":
            return None  # no day at all, or some day before publication the text does not give
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


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_or_unknown(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def compatible(r: Report, c: ClusterProfile) -> bool:
    """True when report r may be another report of every member of cluster c."""
    if r.lo is None or r.hi is None or r.flags != c.flags:
        return False
    if max(r.lo, c.lo) > min(r.hi, c.hi):
        return False
    if not _same_or_unknown(r.loc_c, c.loc_c):
        return False
    if r.point and any(km(r.point, p) > MAX_CITY_KM for p in c.points):
        return False
    if r.kind == "incident":
        if not (r.loc_c and r.loc_c == c.loc_c):
            return False
        f, low, high = r.fatalities, c.fat_min, c.fat_max
        if f is not None and low is not None and high is not None and not tolls_agree(f, low, high):
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
    return same_article is None or same_article == restatement(r)


def ambiguous(r: Report, fits: Sequence[ClusterProfile]) -> bool:
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
        return any(km(a, b) > MAX_CITY_KM for a, b in combinations(points, 2))
    return False


def tolls_agree(f: int, low: int, high: int) -> bool:
    """Death tolls rise as counts come in; a factor of about two still names one incident."""
    return f <= 2 * low + 2 and high <= 2 * f + 2


def score(r: Report, c: ClusterProfile) -> float:
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


class ClusterIndex:
    """Clusters of one (kind, type) partition, findable by date bucket and anchor.

    Keys: ("p", src, tgt) the known dyad, ("s", src), ("t", tgt), ("l", place) every cluster
    with that place country, ("n", place) those with no actor country. A cluster is re-put after
    each new member, so stale keys only cost a compatibility check, never a missed merge.
    """

    def __init__(self) -> None:
        self.by_key: dict[tuple[int, str, str | None, str | None], list[ClusterProfile]] = {}

    def put(self, c: ClusterProfile) -> None:
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

    def candidates(self, r: Report) -> list[ClusterProfile]:
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
        seen: dict[str, ClusterProfile] = {}
        for b in range(r.lo // _BUCKET, r.hi // _BUCKET + 1):
            for tag, x, y in lookups:
                for c in self.by_key.get((b, tag, x, y), ()):
                    seen.setdefault(c.id, c)
        return list(seen.values())
