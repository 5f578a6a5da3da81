"""A small store for the web explorer's tests: articles written for the tests, with their text,
and records whose offsets point into that text, written through EventStore and clustered by the
real clustering step. No spaCy: the pages are tested against known records, not the coder's
current output.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gestae.resources.ontology import Ontology
from gestae.schema import Actor, Article, EventDate, EventRecord, Location, Trigger
from gestae.store.cluster import update_clusters
from gestae.store.database import EventStore

SCRIPT = "<script>alert('gestae')</script>"
ARTICLES = [
    Article(
        "w1",
        "British ministers met French officials in Paris on Monday. "
        "France accused Britain of breaking the agreement.",
        date(2024, 3, 5),
        title="UK and France talk fish",
        url="https://news.example/w1",
        source="Outlet One",
    ),
    Article(
        "w2",
        "France threatened Britain with sanctions on Tuesday. "
        "Russian police arrested dozens of protesters in Moscow on Friday.",
        date(2024, 3, 12),
        title="Sanctions threat",
        url="https://news.example/w2",
        source="Outlet Two",
    ),
    Article(
        "w3",
        "France accused Britain of breaking the agreement, officials in London said. "
        f"{SCRIPT} The story continues.",
        date(2024, 3, 5),
        title="Second report <b>bold</b>",
        url="javascript:alert(1)",
        source="Outlet Three",
    ),
    # Its text is removed after writing: a store migrated from schema version 1 has none.
    Article(
        "w4",
        "Armenian troops shelled Azerbaijani positions on Wednesday.",
        date(2024, 3, 21),
        title="Old article",
        source="Outlet One",
    ),
]


@dataclass(frozen=True)
class Ev:
    """One record: the words of each role as they appear in the article."""

    article: str
    event_type: str
    cameo: str
    source: tuple[str, str, str | None]  # words, country, sector
    target: tuple[str, str, str | None]
    trigger: str
    day: str
    date_text: str | None = None
    place: tuple[str, str, float, float] | None = None  # words, country, lat, lon
    reported_by: tuple[str, str, str | None] | None = None


EVENTS = [
    Ev(
        "w1",
        "CONSULT",
        "040",
        ("British ministers", "GBR", "GOV"),
        ("French officials", "FRA", "GOV"),
        "met",
        "2024-03-04",
        "Monday",
        ("Paris", "FRA", 48.85, 2.35),
    ),
    Ev(
        "w1",
        "ACCUSE",
        "112",
        ("France", "FRA", None),
        ("Britain", "GBR", None),
        "accused",
        "2024-03-05",
    ),
    Ev(
        "w2",
        "THREATEN",
        "130",
        ("France", "FRA", None),
        ("Britain", "GBR", None),
        "threatened",
        "2024-03-12",
        "Tuesday",
    ),
    Ev(
        "w2",
        "COERCE",
        "173",
        ("Russian police", "RUS", "COP"),
        ("protesters", "RUS", "CVL"),
        "arrested",
        "2024-03-08",
        "Friday",
        ("Moscow", "RUS", 55.75, 37.62),
    ),
    Ev(
        "w3",
        "ACCUSE",
        "112",
        ("France", "FRA", None),
        ("Britain", "GBR", None),
        "accused",
        "2024-03-05",
        reported_by=("officials", "GBR", "GOV"),
    ),
    Ev(
        "w4",
        "ASSAULT",
        "190",
        ("Armenian troops", "ARM", "MIL"),
        ("Azerbaijani positions", "AZE", "MIL"),
        "shelled",
        "2024-03-20",
        "Wednesday",
    ),
]


def event_id(ev: Ev) -> str:
    return hashlib.sha1(f"{ev}".encode()).hexdigest()[:20]


def ids_by_key() -> dict[str, str]:
    """Event ids by 'article:TYPE' (each pair is unique in EVENTS)."""
    return {f"{e.article}:{e.event_type}": event_id(e) for e in EVENTS}


def _actor(text: str, words: tuple[str, str, str | None]) -> Actor:
    start = text.index(words[0])
    return Actor(
        text=words[0],
        start=start,
        end=start + len(words[0]),
        country=words[1],
        sector=words[2],
        name=None,
        kind="state",
    )


def record(ev: Ev, article: Article, index: int) -> EventRecord:
    ontology = Ontology.load()
    text = article.text
    trigger = text.index(ev.trigger)
    sentence_start = text.rfind(". ", 0, trigger) + 2 if ". " in text[:trigger] else 0
    sentence_end = text.find(". ", trigger)
    sentence = text[sentence_start : sentence_end + 1 if sentence_end != -1 else len(text)]
    place = None
    if ev.place:
        at = text.index(ev.place[0])
        words, country, lat, lon = ev.place
        place = Location(
            name=words,
            country=country,
            admin1=None,
            lat=lat,
            lon=lon,
            geonameid=None,
            precision="town",
            text=words,
            start=at,
            end=at + len(words),
        )
    return EventRecord(
        id=event_id(ev),
        article_id=article.id,
        published=article.published.isoformat() if article.published else None,
        sentence_index=index,
        sentence=sentence,
        event_type=ev.event_type,
        mode=None,
        contexts=[],
        cameo=ev.cameo,
        quad_class=ontology.quad_class(ev.event_type),
        intensity=ontology.intensity(ev.event_type),
        goldstein=ontology.cameo(ev.cameo).goldstein,
        source=_actor(text, ev.source),
        target=_actor(text, ev.target),
        trigger=Trigger(text=ev.trigger, start=trigger, end=trigger + len(ev.trigger)),
        date=EventDate(
            value=ev.day,
            end=ev.day,
            granularity="day",
            text=ev.date_text,
            basis="text" if ev.date_text else "publication",
        ),
        location=place,
        negated=False,
        modality="reported" if ev.reported_by else "asserted",
        reported_by=_actor(text, ev.reported_by) if ev.reported_by else None,
        fatalities=None,
        injured=None,
        confidence=0.9,
        explanation=f"test record: trigger '{ev.trigger}' -> CAMEO {ev.cameo}",
    )


def build(path: Path) -> dict[str, str]:
    """Write the articles and records, cluster them; returns event ids by 'article:TYPE'."""
    with EventStore(path) as store:
        for article in ARTICLES:
            mine = [e for e in EVENTS if e.article == article.id]
            store.write(article, [record(e, article, i) for i, e in enumerate(mine)])
        update_clusters(store.con)
        store.mark_clustered([a.id for a in ARTICLES])
        store.con.execute("UPDATE articles SET text = NULL WHERE id = 'w4'")
    return ids_by_key()
