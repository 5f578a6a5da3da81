"""How well and how fast gestae merges the reports of one real event. Not a test; run:

    .venv/bin/python bench/dedup.py                      # record level + end to end
    .venv/bin/python bench/dedup.py --events 0 --text-events 0 --scale 1000000 --store F
                                                         # time clustering 1M events

- record level: a generated multi-outlet corpus written as event records (no spaCy), clustered;
  pairwise figures overall and per kind of deliberate near miss, and the same corpus fed in
  ten batches in publication order and in a shuffled order (must give the same clusters);
- end to end: the same kind of corpus written as article texts, coded by the real coder,
  stored, clustered, scored;
- scale: a store of N synthetic events clustered from scratch, then one more batch clustered
  incrementally; seconds, events/s and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the generator lives in tests/

from gestae.store.cluster import update_clusters
from gestae.store.database import EventStore
from tests import synthetic as syn


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _assignment(store: EventStore) -> dict[str, str]:
    rows = store.con.execute("SELECT event_id, cluster_id FROM cluster_events").fetchall()
    return {str(e): str(c) for e, c in rows}


def _report(title: str, labels: dict[str, str], assignment: dict[str, str],
            truth: list[syn.TrueEvent]) -> None:  # fmt: skip
    families = {t.id: t.family for t in truth}
    scores = syn.merge_scores(labels, assignment, families)
    print(f"{title}: {scores.summary()}")
    for relation in syn.NEAR_MISSES:
        # Only this relation's siblings share a family; every other event stands alone.
        only = {t.id: (t.family if t.relation in ("root", relation) else t.id) for t in truth}
        roots = {t.family for t in truth if t.relation == relation}
        only = {k: (v if v in roots else k) for k, v in only.items()}
        part = syn.merge_scores(labels, assignment, only)
        print(
            f"  near miss {relation:<13} {part.merged_near_miss_pairs:>5}/"
            f"{part.near_miss_pairs:<6} pairs merged ({part.near_miss_merged:.3f})"
        )


def record_level(n: int, seed: int, days: int, workdir: Path) -> None:
    truth = syn.true_events(n, seed=seed, days=days)
    plan = syn.plan_articles(truth, seed=seed)
    corpus, labels = syn.record_corpus(plan)
    with EventStore(workdir / "records.duckdb") as store:
        store.write_many(corpus)
        start = time.perf_counter()
        update_clusters(store.con)
        took = time.perf_counter() - start
        one = _assignment(store)
    print(
        f"record level, seed {seed}, {n} true events over {days} days: {len(corpus)} articles, "
        f"clustered in {took:.2f} s"
    )
    _report("record level", labels, one, truth)
    corpus.sort(key=lambda item: (item[0].published or date.min, item[0].id))
    shuffled = corpus[:]
    random.Random(seed).shuffle(shuffled)
    for name, order in (("publication", corpus), ("shuffled", shuffled)):
        with EventStore(workdir / f"batches-{name}.duckdb") as store:
            step = max(1, len(order) // 10)
            start = time.perf_counter()
            for begin in range(0, len(order), step):
                batch = order[begin : begin + step]
                store.write_many(batch)
                update_clusters(store.con, [a.id for a, _ in batch])
            took = time.perf_counter() - start
            same = _assignment(store) == one
        print(
            f"  ten batches in {name} order give the same clusters and ids: "
            f"{'yes' if same else 'NO'} ({took:.1f} s, writes included)"
        )


def end_to_end(n: int, seed: int, days: int, workdir: Path) -> None:
    from gestae.engine.pipeline import Coder

    truth = syn.true_events(n, seed=seed, days=days)
    plan = syn.plan_articles(truth, seed=seed)
    articles = syn.text_corpus(plan)
    coder = Coder()
    start = time.perf_counter()
    coded = {c.article.id: c.records for c in coder.code_many(articles)}
    took = time.perf_counter() - start
    labels, unmatched = syn.label_records(plan, coded)
    records = sum(len(r) for r in coded.values())
    sentences = sum(len(p.mentions) for p in plan)
    with EventStore(workdir / "text.duckdb") as store:
        for article in articles:
            store.write(article, coded[article.id])
        update_clusters(store.con)
        assignment = _assignment(store)
    print(
        f"end to end, seed {seed}, {n} true events over {days} days: {len(articles)} articles "
        f"coded in {took:.1f} s; "
        f"{sentences} event sentences gave {records} records, {len(labels)} of the true type "
        f"({unmatched} of another type or none)"
    )
    _report("end to end", labels, assignment, truth)


def scale(n_events: int, seed: int, path: Path) -> None:
    """Clustering alone on a store of about n_events records spread over a year.

    The store is generated unless `path` already holds one from an earlier run (then the
    timings and peak memory are the clustering's alone)."""
    per_chunk = 4000  # true events per chunk, each chunk its own days of the year
    chunks = max(1, round(n_events / 2.7 / per_chunk))
    span = max(1, 365 // chunks)
    held = f"k{chunks}-%"  # the last chunk: the batch clustered incrementally
    reuse = path.exists()
    start = time.perf_counter()
    with EventStore(path) as store:
        if not reuse:
            for k in range(chunks + 1):
                truth = syn.true_events(
                    per_chunk, seed=seed + k, start=date(2023, 1, 1) + timedelta(days=k * span),
                    days=max(span, 7), prefix=f"k{k}t",
                )  # fmt: skip
                plan = syn.plan_articles(truth, seed=seed + k, prefix=f"k{k}-")
                store.write_many(syn.record_corpus(plan)[0])
            print(f"scale: store generated and written in {time.perf_counter() - start:.0f} s")
        con = store.con
        con.execute("DELETE FROM cluster_events")
        con.execute("DELETE FROM clusters")
        con.execute(
            "CREATE TEMP TABLE held AS SELECT * FROM events WHERE article_id LIKE ?", [held]
        )
        con.execute("DELETE FROM events WHERE article_id LIKE ?", [held])
        last = [
            a for (a,) in con.execute("SELECT id FROM articles WHERE id LIKE ?", [held]).fetchall()
        ]
        (base,) = con.execute("SELECT count(*) FROM events").fetchone() or (0,)
        print(f"scale: {base} events in the store, peak RSS so far {_peak_mb():.0f} MB")
        cpu, wall = time.process_time(), time.perf_counter()
        stats = update_clusters(con)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(
            f"  full clustering: {wall:.1f} s ({cpu:.1f} s CPU), {base / wall:,.0f} events/s, "
            f"{stats.clusters} clusters, peak RSS {_peak_mb():.0f} MB"
        )
        con.execute("INSERT INTO events SELECT * FROM held")
        cpu, wall = time.process_time(), time.perf_counter()
        stats = update_clusters(con, last)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(
            f"  one more batch of {len(last)} articles ({stats.assigned} events): {wall:.2f} s "
            f"({cpu:.2f} s CPU)"
        )
        for size in (16, 1):
            batch = last[:size]
            wall = time.perf_counter()
            update_clusters(con, batch)
            print(f"  re-clustering a batch of {size} articles: {time.perf_counter() - wall:.2f} s")
        wall = time.perf_counter()
        update_clusters(con)
        print(f"  a whole-store catch-up with nothing new: {time.perf_counter() - wall:.2f} s")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=5000, help="true events, record level")
    parser.add_argument("--text-events", type=int, default=300, help="true events, end to end")
    parser.add_argument("--scale", type=int, default=0, help="events for the timing run")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--store", type=Path, help="keep the scale store here (reused if present)")
    parser.add_argument(
        "--density",
        type=float,
        default=1000 / 60,
        help="true events per day (default 16.7: the tests' density); fewer days, more confusion",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.events:
            days = max(7, round(args.events / args.density))
            record_level(args.events, args.seed, days, workdir)
        if args.text_events:
            days = max(7, round(args.text_events / args.density))
            end_to_end(args.text_events, args.seed, days, workdir)
        if args.scale:
            scale(args.scale, args.seed, args.store or workdir / "scale.duckdb")


if __name__ == "__main__":
    main(sys.argv[1:])
