"""Latency of the analysis queries on a large synthetic store (issue 5: a weekly dyad series on
at least a million events). Not a test; run:

    .venv/bin/python bench/query_latency.py [--events 1000000] [--repeat 5] [--keep FILE]

The events are generated inside DuckDB (no coding), spread over 50 countries, 16 PLOVER types
and five years, with 5% undated (publication date used) and 2% negated; one dyad (GBR-FRA) is
given about 0.5% of the events so its series is not empty. Each query runs `--repeat` times on a
fresh read-only connection; the median and the slowest are printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from gestae.query import analysis
from gestae.resources.ontology import Ontology
from gestae.schema import EVENT_TYPES
from gestae.store.database import EventStore

COUNTRIES = [
    "GBR", "FRA", "DEU", "USA", "RUS", "CHN", "UKR", "POL", "ITA", "ESP", "TUR", "IRN", "IRQ",
    "SYR", "ISR", "EGY", "SAU", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "BRA", "ARG", "MEX",
    "CAN", "AUS", "NGA", "ZAF", "KEN", "ETH", "SDN", "LBY", "TUN", "DZA", "MAR", "GRC", "SRB",
    "HUN", "ROU", "BLR", "KAZ", "VEN", "COL", "PER", "CHL", "IDN", "PHL", "VNM",
]  # fmt: skip


def build(path: Path, n: int) -> float:
    """Create a store with `n` synthetic events; returns the seconds it took."""
    ontology = Ontology.load()
    types = [(t, ontology.quad_class(t), ontology.intensity(t)) for t in EVENT_TYPES]
    started = time.perf_counter()
    with EventStore(path):
        pass  # the current schema, made by the store itself
    con = duckdb.connect(str(path))
    try:
        con.execute("CREATE TEMP TABLE countries AS SELECT * FROM unnest(?) WITH ORDINALITY t(c, k)",
                    [COUNTRIES])  # fmt: skip
        con.execute(
            "CREATE TEMP TABLE types AS SELECT * FROM (VALUES "
            + ", ".join("(?, ?, ?, ?)" for _ in types)
            + ") t(k, event_type, quad_class, intensity)",
            [v for i, (t, q, s) in enumerate(types, start=1) for v in (i, t, q, s)],
        )
        con.execute(
            """
            INSERT INTO events (id, kind, article_id, published, sentence_index, event_type,
                quad_class, intensity, goldstein, source_country, target_country, date,
                negated, record)
            SELECT printf('%020x', i), 'event', 'a' || (i // 8), p.published, i % 8,
                   t.event_type, t.quad_class, t.intensity, t.intensity, s.c, g.c,
                   CASE WHEN hash(i, 'u') % 20 = 0 THEN NULL ELSE p.published - CAST(i % 3 AS INTEGER) END,
                   hash(i, 'n') % 50 = 0, '{}'
            FROM (
                SELECT i,
                       DATE '2020-01-01' + CAST(hash(i // 8, 'd') % 1826 AS INTEGER) AS published,
                       CASE WHEN hash(i, 'g') % 200 = 0 THEN 1 ELSE 1 + hash(i, 's') % 50 END AS sk,
                       CASE WHEN hash(i, 'g') % 200 = 0 THEN 2 ELSE 1 + hash(i, 't') % 50 END AS tk,
                       1 + hash(i, 'e') % 16 AS ek
                FROM range(?) r(i)
            ) p
            JOIN countries s ON s.k = p.sk JOIN countries g ON g.k = p.tk
            JOIN types t ON t.k = p.ek
            """,
            [n],
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return time.perf_counter() - started


def timed(
    path: Path, repeat: int, query: Callable[[duckdb.DuckDBPyConnection], Any]
) -> list[float]:
    times = []
    for _ in range(repeat):
        con = duckdb.connect(str(path), read_only=True)
        try:
            started = time.perf_counter()
            query(con)
            times.append(time.perf_counter() - started)
        finally:
            con.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the store at this path.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.duckdb"
        if not path.exists():
            seconds = build(path, args.events)
            print(f"built {args.events:,} events in {seconds:.1f} s ({path})")
        with duckdb.connect(str(path), read_only=True) as con:
            total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        print(f"store: {total:,} events, {path.stat().st_size / 1e6:.0f} MB")
        queries: dict[str, Callable[[duckdb.DuckDBPyConnection], Any]] = {
            "dyad GBR FRA --by week": lambda c: analysis.dyad_series(c, "GBR", "FRA", by="week"),
            "dyad GBR FRA --by week --directed": lambda c: analysis.dyad_series(
                c, "GBR", "FRA", by="week", directed=True
            ),
            "dyad GBR FRA --by day, one year": lambda c: analysis.dyad_series(
                c, "GBR", "FRA", by="day", since=date(2023, 1, 1), until=date(2023, 12, 31)
            ),
            "actors (top 20)": lambda c: analysis.actors(c),
            "network --min-events 100": lambda c: analysis.network(c, min_events=100),
            "events --dyad GBR FRA --limit 1000": lambda c: analysis.events(
                c, dyad=("GBR", "FRA"), limit=1000
            ),
        }
        for name, query in queries.items():
            times = timed(path, args.repeat, query)
            rows = len(query(duckdb.connect(str(path), read_only=True)))
            print(
                f"{name:38s} median {statistics.median(times) * 1000:7.1f} ms  "
                f"max {max(times) * 1000:7.1f} ms  ({rows} rows)"
            )


if __name__ == "__main__":
    main()
