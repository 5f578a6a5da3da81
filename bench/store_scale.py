"""The event store at scale: write >= 1M synthetic events, then time the queries analysts run.

Not a test: run by hand. Coding is excluded: the events are generated (a skewed mix of countries,
PLOVER types with their real CAMEO codes, dates over four years with weekly rhythm and bursts,
a few dozen outlets) and written through the store's own flattening and bulk path
(`EventStore.write_many`, one transaction per 5,000 articles). It then measures the per-article
transactional path that `gestae ingest` uses, on the full store, the skip lookup, the weekly
dyad series (`gestae.query.analysis.dyad_series`) and `gestae check`.

Usage: python bench/store_scale.py [--events N] [--db FILE] [--seed S]
Figures go to stdout and to bench/out/store_scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from gestae.resources.ontology import Ontology
from gestae.schema import Actor, Article, EventDate, EventRecord, Location, Trigger
from gestae.store.database import EventStore

OUT = Path(__file__).resolve().parent / "out"
COUNTRIES = (
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "UKR", "ISR", "IRN", "IND", "TUR", "JPN", "PAK",
    "SYR", "KOR", "PRK", "SAU", "AFG", "IRQ", "EGY", "NGA", "BRA", "MEX", "CAN", "AUS", "ITA",
    "ESP", "POL", "BLR", "KEN", "ETH", "SDN", "SOM", "LBY", "YEM", "LBN", "QAT", "ARE", "VEN", "COL",
)  # fmt: skip
SECTORS = ("GOV", "MIL", "COP", "OPP", "REB", "CVL", "BUS", "MED", None)
# Rough shares of PLOVER types in wire news: talk dominates, then conflict.
TYPE_SHARES = {
    "CONSULT": 24, "ACCUSE": 10, "ASSAULT": 10, "REQUEST": 7, "SUPPORT": 8, "AGREE": 6,
    "PROTEST": 6, "COERCE": 6, "COOPERATE": 5, "AID": 4, "THREATEN": 4, "SANCTION": 3,
    "REJECT": 3, "MOBILIZE": 2, "CONCEDE": 1, "RETREAT": 1,
}  # fmt: skip
START = date(2021, 1, 1)
DAYS = 4 * 365
OUTLETS = [f"outlet-{n:02d}" for n in range(40)]
FILLER = (
    "Officials said talks would continue next week. Analysts expect the dispute to shape the "
    "region's politics for months. The ministry did not reply to a request for comment. "
)


class Synth:
    """Deterministic synthetic articles and records with a realistic skew."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        ontology = Ontology.load()
        self.ontology = ontology
        self.codes: dict[str, list[str]] = {}
        for code in ontology:
            if code.plover and len(code.code) == 3:
                self.codes.setdefault(code.plover, []).append(code.code)
        self.types = list(TYPE_SHARES)
        self.type_weights = [TYPE_SHARES[t] for t in self.types]
        # Zipf-like: the United States and China appear far more often than Colombia.
        self.country_weights = [1 / (rank + 1) ** 1.1 for rank in range(len(COUNTRIES))]
        # Bursts: a few weeks with three times the usual news.
        self.bursts = {self.rng.randrange(DAYS // 7) for _ in range(12)}
        self.seconds = 0.0  # time spent generating, excluded from the write figures
        self.cpu = 0.0  # the same in CPU time

    def day(self) -> date:
        while True:
            offset = self.rng.randrange(DAYS)
            when = START + timedelta(days=offset)
            weight = 0.55 if when.weekday() >= 5 else 1.0  # quieter weekends
            if offset // 7 in self.bursts:
                weight *= 3
            if self.rng.random() < weight / 3:
                return when

    def country(self) -> str:
        return self.rng.choices(COUNTRIES, self.country_weights)[0]

    def article(self, n: int) -> tuple[Article, list[EventRecord]]:
        started, cpu = time.perf_counter(), time.process_time()
        rng = self.rng
        published = self.day()
        ident = f"syn-{n:07d}"
        count = min(1 + int(rng.expovariate(1 / 3)), 12)  # ~4 events per article on average
        records = []
        sentences = []
        for index in range(count):
            source, target = self.country(), self.country()
            if source == target:
                target = self.country()
            event_type = rng.choices(self.types, self.type_weights)[0]
            cameo = self.ontology.cameo(rng.choice(self.codes[event_type]))
            sentence = f"Sentence {index}: {source} {event_type.lower()} {target} on the day."
            sentences.append(sentence)
            when = published - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 7)))
            place = None
            if rng.random() < 0.4:
                place = Location(
                    name="Capital", country=target, admin1=None, lat=round(rng.uniform(-50, 60), 3),
                    lon=round(rng.uniform(-120, 140), 3), geonameid=None, precision="city", text="Capital", start=0, end=7,
                )  # fmt: skip
            records.append(
                EventRecord(
                    id=f"{ident}-{index}",
                    article_id=ident,
                    published=published.isoformat(),
                    sentence_index=index,
                    sentence=sentence,
                    event_type=event_type,
                    mode=cameo.mode,
                    contexts=list(cameo.contexts),
                    cameo=cameo.code,
                    quad_class=self.ontology.quad_class(event_type),
                    intensity=self.ontology.intensity(event_type, cameo.mode),
                    goldstein=cameo.goldstein,
                    source=Actor(
                        text=source,
                        start=0,
                        end=3,
                        country=source,
                        sector=rng.choice(SECTORS),
                        name=None,
                        kind="state",
                    ),
                    target=Actor(
                        text=target,
                        start=10,
                        end=13,
                        country=target,
                        sector=rng.choice(SECTORS),
                        name=None,
                        kind="state",
                    ),
                    trigger=Trigger(text=event_type.lower(), start=4, end=9),
                    date=EventDate(
                        value=when.isoformat(),
                        end=None,
                        granularity="day",
                        text="on Monday",
                        basis="text",
                    ),
                    location=place,
                    negated=rng.random() < 0.02,
                    modality="asserted",
                    reported_by=None,
                    fatalities=rng.randint(1, 40) if event_type == "ASSAULT" else None,
                    injured=None,
                    confidence=round(rng.uniform(0.5, 0.95), 2),
                    explanation=f"trigger '{event_type.lower()}' matched lexicon entry ...",
                )
            )
        text = " ".join(sentences) + " " + FILLER * 4
        article = Article(
            ident, text, published, f"Title {n}", f"https://news.example/{n}",
            rng.choice(OUTLETS), "en",
        )  # fmt: skip
        self.seconds += time.perf_counter() - started
        self.cpu += time.process_time() - cpu
        return article, records

    def stream(
        self, target_events: int, counter: list[int]
    ) -> Iterator[tuple[Article, list[EventRecord]]]:
        n = 0
        while counter[0] < target_events:
            article, records = self.article(n)
            counter[0] += len(records)
            n += 1
            yield article, records


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=OUT / "store_scale.duckdb")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for stale in (args.db, args.db.with_name(args.db.name + ".wal")):
        stale.unlink(missing_ok=True)
    figures: dict[str, object] = {"target_events": args.events}
    synth = Synth(args.seed)
    counter = [0]

    with EventStore(args.db) as store:
        started, cpu = time.perf_counter(), time.process_time()
        written = store.write_many(synth.stream(args.events, counter), coder_config="bench")
        elapsed = time.perf_counter() - started
        write_cpu = time.process_time() - cpu - synth.cpu
        articles, events = store.counts()
        write_seconds = elapsed - synth.seconds
        figures.update(
            bulk_cpu_seconds=round(write_cpu, 1),
            bulk_events_per_cpu_s=round(written / write_cpu),
            load_average=round(os.getloadavg()[0], 1),
            events=events,
            articles=articles,
            bulk_seconds=round(write_seconds, 1),
            generation_seconds=round(synth.seconds, 1),
            bulk_events_per_s=round(written / write_seconds),
        )
        print(
            f"bulk path: {events:,} events in {articles:,} articles written in "
            f"{write_seconds:.1f} s = {written / write_seconds:,.0f} events/s "
            f"(generation {synth.seconds:.1f} s excluded); CPU {write_cpu:.1f} s = "
            f"{written / write_cpu:,.0f} events per CPU-second; load average "
            f"{os.getloadavg()[0]:.1f}"
        )

        # The per-article transactional path `gestae ingest` uses, on the full store.
        sample = [synth.article(10_000_000 + n) for n in range(500)]
        started, cpu = time.perf_counter(), time.process_time()
        for article, records in sample:
            store.write(article, records, "bench")
        per_article = time.perf_counter() - started
        per_article_cpu = time.process_time() - cpu
        sample_events = sum(len(r) for _, r in sample)
        figures.update(
            ingest_path_articles_per_s=round(len(sample) / per_article, 1),
            ingest_path_events_per_s=round(sample_events / per_article),
            ingest_path_cpu_ms_per_article=round(per_article_cpu / len(sample) * 1000, 1),
        )
        print(
            f"per-article path on the full store: {len(sample)} articles, {sample_events} "
            f"events in {per_article:.2f} s = {len(sample) / per_article:.0f} articles/s, "
            f"{sample_events / per_article:,.0f} events/s; CPU "
            f"{per_article_cpu / len(sample) * 1000:.1f} ms per article"
        )
        # Re-writing the same articles replaces them (the re-code path: deletes first).
        started = time.perf_counter()
        for article, records in sample[:200]:
            store.write(article, records, "bench")
        replace = time.perf_counter() - started
        figures["recode_path_articles_per_s"] = round(200 / replace, 1)
        print(f"re-code (replace) path: {200 / replace:.0f} articles/s")

        # The skip lookup ingest does before parsing, 128 articles at a time.
        probe = [a for a, _ in sample[:128]]
        lookups = _timed(lambda: store.current_hashes(probe, "bench"), 20)
        figures["skip_lookup_ms_per_128"] = round(statistics.median(lookups) * 1000, 2)
        print(f"skip lookup: {statistics.median(lookups) * 1000:.1f} ms per 128 articles")

        from gestae.query.analysis import dyad_series

        top = store.con.execute(
            "SELECT source_country, target_country, count(*) AS n FROM events "
            "GROUP BY ALL ORDER BY n DESC LIMIT 1"
        ).fetchall()[0]
        a, b = str(top[0]), str(top[1])
        frame = None

        def query() -> None:
            nonlocal frame
            frame = dyad_series(store.con, a, b, by="week")

        timings = _timed(query, 7)
        assert frame is not None
        figures.update(
            dyad=f"{a}-{b}",
            dyad_weeks=len(frame),
            dyad_events=int(frame["events"].sum()),
            dyad_first_ms=round(timings[0] * 1000, 1),
            dyad_median_ms=round(statistics.median(timings[1:]) * 1000, 1),
            dyad_query="gestae.query.analysis.dyad_series(by='week')",
        )
        print(
            f"weekly dyad series {a}-{b} (gestae.query.analysis.dyad_series): {len(frame)} weeks, "
            f"{int(frame['events'].sum()):,} events; first {timings[0] * 1000:.0f} ms, "
            f"median of 6 more {statistics.median(timings[1:]) * 1000:.0f} ms"
        )
    size = args.db.stat().st_size
    figures["file_mb"] = round(size / 1e6, 1)

    from gestae.store.integrity import check_store

    started = time.perf_counter()
    report = check_store(args.db)
    figures["check_seconds"] = round(time.perf_counter() - started, 1)
    figures["check_sound"] = report.sound
    print(
        f"gestae check: {'sound' if report.sound else report.problems} in "
        f"{figures['check_seconds']} s; file {size / 1e6:,.0f} MB"
    )
    (OUT / "store_scale.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
