"""Event stores built from synthetic records, written through EventStore (no spaCy needed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gestae.resources.ontology import Ontology
from gestae.schema import Actor, Article, EventDate, EventRecord, Location, Trigger
from gestae.store.database import EventStore

# CAMEO code per type, for records that need one (scores come from the real ontology).
CAMEO = {
    "CONSULT": "040",
    "AGREE": "030",
    "AID": "070",
    "ACCUSE": "112",
    "THREATEN": "130",
    "ASSAULT": "190",
    "COERCE": "173",
    "SUPPORT": "051",
}


@dataclass(frozen=True)
class Spec:
    """One synthetic event: type, source and target country, date (None: no date found)."""

    article: str
    event_type: str | None
    source: str | None
    target: str | None
    when: date | None
    negated: bool = False
    sector: str | None = "GOV"
    place: Location | None = None
    # The date basis when it is not the default ("text" with a date, "unknown" without).
    basis: str | None = None


def record(spec: Spec, index: int, published: date | None) -> EventRecord:
    ontology = Ontology.load()
    kind = "event" if spec.event_type else "incident"
    cameo = CAMEO[spec.event_type] if spec.event_type else None
    source = (
        Actor(
            text=spec.source,
            start=0,
            end=3,
            country=spec.source,
            sector=spec.sector,
            name=None,
            kind="state",
        )
        if spec.source
        else None
    )
    target = (
        Actor(
            text=spec.target,
            start=10,
            end=13,
            country=spec.target,
            sector=None,
            name=None,
            kind="state",
        )
        if spec.target
        else None
    )
    ident = hashlib.sha1(f"{spec.article}|{index}|{spec}".encode()).hexdigest()[:20]
    return EventRecord(
        id=ident,
        article_id=spec.article,
        published=published.isoformat() if published else None,
        sentence_index=index,
        sentence=f"Sentence {index} of {spec.article}.",
        event_type=spec.event_type,
        mode=None,
        contexts=["diplomatic"] if spec.event_type else [],
        cameo=cameo,
        quad_class=ontology.quad_class(spec.event_type) if spec.event_type else None,
        intensity=ontology.intensity(spec.event_type) if spec.event_type else None,
        goldstein=ontology.cameo(cameo).goldstein if cameo else None,
        source=source,
        target=target,
        trigger=Trigger(text="met", start=4, end=7),
        date=EventDate(
            value=spec.when.isoformat() if spec.when else None,
            end=spec.when.isoformat() if spec.when else None,
            granularity="day" if spec.when else None,
            text="on Monday" if spec.when else None,
            basis=spec.basis or ("text" if spec.when else "unknown"),
        ),
        location=spec.place,
        negated=spec.negated,
        modality="asserted",
        reported_by=None,
        fatalities=None,
        injured=None,
        confidence=0.9,
        explanation="synthetic",
        kind=kind,
    )


def build_store(
    path: Path, specs: list[Spec], published: dict[str, date | None] | None = None
) -> Path:
    """Write the specs as articles (grouped by `Spec.article`) into a new store at `path`."""
    published = published or {}
    by_article: dict[str, list[Spec]] = {}
    for spec in specs:
        by_article.setdefault(spec.article, []).append(spec)
    with EventStore(path) as store:
        for article_id, items in by_article.items():
            when = published.get(article_id, date(2024, 3, 1))
            article = Article(
                id=article_id,
                text=" ".join(f"Sentence {i} of {article_id}." for i in range(len(items))),
                published=when,
                title=f"Title {article_id}",
                url=f"https://news.example/{article_id}",
                source="wire",
                language="en",
            )
            store.write(article, [record(s, i, when) for i, s in enumerate(items)])
    return path


def add_clusters(path: Path, groups: list[list[str]]) -> None:
    """Cluster rows as the clustering step writes them (only the columns the analyses read);
    each group is a list of event ids, the first one the representative."""
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for n, ids in enumerate(groups):
            rows = con.execute(
                "SELECT id, article_id FROM events WHERE list_contains(?, id)", [ids]
            ).fetchall()
            assert len(rows) == len(ids), ids
            con.execute(
                "INSERT INTO clusters (id, representative_event_id, num_events, num_articles,"
                " num_sources) VALUES (?, ?, ?, ?, ?)",
                [f"c{n}", ids[0], len(rows), len({r[1] for r in rows}), 1],
            )
            con.executemany(
                "INSERT INTO cluster_events (cluster_id, event_id, article_id) VALUES (?, ?, ?)",
                [[f"c{n}", r[0], r[1]] for r in rows],
            )
    finally:
        con.close()
