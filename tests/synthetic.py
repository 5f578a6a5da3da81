"""A generated multi-outlet news corpus where the truth is known, to measure event clustering.

`true_events` draws distinct real events (dyads, types, days, places) with deliberate near
misses: the same dyad and type a week later, the same dyad on the same day with another type,
the same source and type against another target, the same kind of event in another city.
`plan_articles` has several outlets report each event, each with its own publication lag, date
phrase, actor naming and place detail, sometimes with a wrong day; several reports of one outlet
and day may share an article. The plan is then rendered two ways:

- `record_corpus`: event records written directly, with the coder's typical omissions (no
  sector for a bare country name, a target without a country, the publication date when the
  sentence gives none); fast, no spaCy;
- `text_corpus`: article texts from sentence templates, for the real coder.

`merge_scores` compares a clustering with the truth pair by pair. All wording here was written
for this project.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import combinations

from gestae.resources.ontology import Ontology
from gestae.schema import Actor, Article, EventDate, EventRecord, Location, Trigger


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    adj: str
    capital: str
    cities: tuple[City, ...]


def _country(code: str, name: str, adj: str, *cities: tuple[str, float, float]) -> Country:
    return Country(code, name, adj, cities[0][0], tuple(City(n, code, a, o) for n, a, o in cities))


# Names the coder's dictionaries resolve; the first city is the capital (a metonym for GOV).
COUNTRIES: tuple[Country, ...] = (
    _country("FRA", "France", "French", ("Paris", 48.86, 2.35), ("Lyon", 45.76, 4.84)),
    _country("DEU", "Germany", "German", ("Berlin", 52.52, 13.40), ("Hamburg", 53.55, 9.99)),
    _country("ESP", "Spain", "Spanish", ("Madrid", 40.42, -3.70), ("Barcelona", 41.39, 2.17)),
    _country("ITA", "Italy", "Italian", ("Rome", 41.90, 12.50), ("Milan", 45.46, 9.19)),
    _country("POL", "Poland", "Polish", ("Warsaw", 52.23, 21.01), ("Gdansk", 54.35, 18.65)),
    _country("RUS", "Russia", "Russian", ("Moscow", 55.76, 37.62), ("Novosibirsk", 55.03, 82.92)),
    _country("UKR", "Ukraine", "Ukrainian", ("Kyiv", 50.45, 30.52), ("Kharkiv", 49.99, 36.23)),
    _country("TUR", "Turkey", "Turkish", ("Ankara", 39.93, 32.86), ("Istanbul", 41.01, 28.98)),
    _country("GRC", "Greece", "Greek", ("Athens", 37.98, 23.73), ("Thessaloniki", 40.64, 22.94)),
    _country("EGY", "Egypt", "Egyptian", ("Cairo", 30.04, 31.24), ("Alexandria", 31.20, 29.92)),
    _country("KEN", "Kenya", "Kenyan", ("Nairobi", -1.29, 36.82), ("Mombasa", -4.04, 39.67)),
    _country("NGA", "Nigeria", "Nigerian", ("Abuja", 9.08, 7.40), ("Lagos", 6.52, 3.38)),
    _country("BRA", "Brazil", "Brazilian", ("Brasilia", -15.79, -47.88), ("Sao Paulo", -23.55, -46.63)),
    _country("ARG", "Argentina", "Argentine", ("Buenos Aires", -34.60, -58.38), ("Cordoba", -31.42, -64.18)),
    _country("MEX", "Mexico", "Mexican", ("Mexico City", 19.43, -99.13), ("Monterrey", 25.69, -100.32)),
    _country("CAN", "Canada", "Canadian", ("Ottawa", 45.42, -75.70), ("Toronto", 43.65, -79.38)),
    _country("JPN", "Japan", "Japanese", ("Tokyo", 35.68, 139.69), ("Osaka", 34.69, 135.50)),
    _country("CHN", "China", "Chinese", ("Beijing", 39.90, 116.41), ("Shanghai", 31.23, 121.47)),
    _country("IND", "India", "Indian", ("New Delhi", 28.61, 77.21), ("Kolkata", 22.57, 88.36)),
    _country("PAK", "Pakistan", "Pakistani", ("Islamabad", 33.68, 73.05), ("Karachi", 24.86, 67.01)),
)  # fmt: skip
BY_CODE = {c.code: c for c in COUNTRIES}

# Sentence templates per event type. {S}/{T}: the source/target named as a country, its capital
# or "the X government"; {Sn}/{Tn}: the country name; {Sa}/{Ta}: the adjective; {D}: the date
# phrase; {P}: the place phrase; {C}: a city; {N}: a death toll.
INTERNATIONAL: dict[str, tuple[str, ...]] = {
    "CONSULT": (
        "{S} held talks with {T}{P}{D}.",
        "{Sa} officials met {Ta} ministers{P}{D}.",
        "The foreign ministers of {Sn} and {Tn} met{P}{D}.",
    ),
    "THREATEN": (
        "{S} threatened {T} with new sanctions{D}.",
        "{S} threatened {T} with military action{D}.",
    ),
    "REQUEST": (
        "{S} urged {T}{D} to resume negotiations.",
        "{S} called on {T}{D} to release the detained sailors.",
        "{S} asked {T}{D} to reopen the border.",
    ),
    "REJECT": (
        "{S} rejected a {Ta} proposal for talks{D}.",
        "{S} turned down the {Ta} offer{D}.",
        "{Sa} officials refused a request from {Tn}{D}.",
    ),
    "ACCUSE": (
        "{S} criticized {T} over the border dispute{D}.",
        "{S} condemned {T} for the deportations{D}.",
        "{S} accused {T} of violating the ceasefire{D}.",
    ),
    "AID": (
        "{S} sent relief supplies to {T}{D}.",
        "{S} provided emergency assistance to {T}{D}.",
    ),
    "ASSAULT": (
        "{Sa} troops attacked {Ta} soldiers{D}.",
        "The {Sa} army shelled {Ta} positions{D}.",
        "{Sa} forces launched air strikes on {Tn}{D}.",
    ),
    "MOBILIZE": (
        "{S} deployed troops to the border with {Tn}{D}.",
        "{S} massed soldiers near the {Ta} border{D}.",
    ),
    "SANCTION": (
        "{S} expelled two {Ta} diplomats{D}.",
        "{S} recalled its ambassador from {T}{D}.",
    ),
    "SUPPORT": (
        "{S} praised {T} for its handling of the crisis{D}.",
        "{S} commended {T} for its reforms{D}.",
    ),
    "COERCE": (
        "{S} imposed sanctions on {T}{D}.",
        "{S} announced sanctions against {T}{D}.",
    ),
}
# Templates that name the actors through their adjective give these sectors.
ADJECTIVE_SECTOR = {"ASSAULT": "MIL"}
PROTEST = (
    "Thousands of protesters rallied against the {Sa} government in {C}{D}.",
    "Protesters marched through {C}{D} against the government of {Sn}.",
    "Demonstrators took to the streets of {C}{D} to protest against the {Sa} government.",
)
ARRESTS = (
    "{Sa} police arrested dozens of protesters in {C}{D}.",
    "Police detained 30 demonstrators in {C}{D}.",
)
INCIDENTS: dict[str, tuple[str, ...]] = {
    "bus": ("A bus crash killed {N} people near {C}{D}.",),
    "fire": ("A fire killed {N} people in {C}{D}.", "A blaze in {C} killed {N} people{D}."),
    "quake": (
        "An earthquake killed {N} people in {C}{D}.",
        "An earthquake near {C} killed {N} people{D}.",
    ),
}
FILLERS = (
    "Officials gave no further details.",
    "No further details were given.",
    "The announcement came after weeks of tension.",
    "Analysts expect the dispute to continue.",
)
RECIPROCAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})
NEAR_MISSES = ("week_apart", "other_type", "other_target", "other_city")


@dataclass(frozen=True)
class TrueEvent:
    """One real event. `family` is shared with its deliberate near misses."""

    id: str
    kind: str
    event_type: str | None
    source: str | None
    source_sector: str | None
    target: str | None
    target_sector: str | None
    day: date
    city: City | None
    fatalities: int | None
    family: str
    relation: str = "root"
    cause: str | None = None
    domestic: str | None = None  # "protest" or "arrests" for domestic templates


@dataclass(frozen=True)
class Mention:
    """How one outlet reports one true event."""

    event: TrueEvent
    outlet: str
    published: date
    date_style: str  # weekday, explicit, yesterday or none
    date_error: int  # days the outlet's date is off
    source_style: int  # 0 country name, 1 capital, 2 "the X government"
    target_style: int
    template: int
    show_place: bool
    toll: int | None
    noise: float  # a uniform draw deciding the record-level coder slips


@dataclass(frozen=True)
class PlannedArticle:
    id: str
    outlet: str
    published: date
    mentions: tuple[Mention, ...]
    fillers: tuple[int, ...] = field(default=())


def true_events(
    n: int,
    seed: int = 5,
    start: date = date(2024, 3, 1),
    days: int = 60,
    near_miss: float = 0.35,
    prefix: str = "t",
) -> list[TrueEvent]:
    """`n` distinct real events; a share `near_miss` of them get a confusable sibling.

    Two events that no reader could tell apart (same who, what and where within a week) are
    never both drawn: the near misses are the only hard cases, and they are labelled."""
    rng = random.Random(seed)
    out: list[TrueEvent] = []
    seen: dict[tuple[object, ...], list[date]] = {}
    types = sorted(INTERNATIONAL)
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > 20 * n + 1000:
            raise ValueError(f"cannot draw {n} distinct events over {days} days; give more days")
        root_id = f"{prefix}{len(out):05d}"
        draw = rng.random()
        day = start + timedelta(days=rng.randrange(days))
        if draw < 0.7:
            etype = rng.choice(types)
            src, tgt = rng.sample(COUNTRIES, 2)
            sector = ADJECTIVE_SECTOR.get(etype, "GOV")
            city = rng.choice(src.cities + tgt.cities) if etype == "CONSULT" else None
            root = TrueEvent(
                root_id, "event", etype, src.code, sector, tgt.code, sector, day, city, None,
                root_id,
            )  # fmt: skip
        elif draw < 0.8:
            home = rng.choice(COUNTRIES)
            root = TrueEvent(
                root_id, "event", "PROTEST", home.code, "CVL", home.code, "GOV", day,
                rng.choice(home.cities), None, root_id, domestic="protest",
            )  # fmt: skip
        elif draw < 0.88:
            home = rng.choice(COUNTRIES)
            root = TrueEvent(
                root_id, "event", "COERCE", home.code, "COP", home.code, "CVL", day,
                rng.choice(home.cities), None, root_id, domestic="arrests",
            )  # fmt: skip
        else:
            home = rng.choice(COUNTRIES)
            root = TrueEvent(
                root_id, "incident", None, None, None, None, None, day, rng.choice(home.cities),
                rng.randrange(3, 60), root_id, cause=rng.choice(sorted(INCIDENTS)),
            )  # fmt: skip
        if _confusable(root, seen):
            continue
        _remember(root, seen)
        out.append(root)
        if rng.random() < near_miss and len(out) < n:
            sibling = _near_miss(root, f"{prefix}{len(out):05d}", rng)
            if sibling is not None and not _confusable(sibling, seen):
                _remember(sibling, seen)
                out.append(sibling)
    return out


def _identity(e: TrueEvent) -> tuple[object, ...]:
    if e.kind == "incident":
        return ("incident", e.city)
    return (e.event_type, e.source, e.target, e.city)


def _confusable(e: TrueEvent, seen: Mapping[tuple[object, ...], list[date]]) -> bool:
    """Same who, what and where within a week as an event already drawn."""
    return any(abs((e.day - d).days) < 7 for d in seen.get(_identity(e), ()))


def _remember(e: TrueEvent, seen: dict[tuple[object, ...], list[date]]) -> None:
    seen.setdefault(_identity(e), []).append(e.day)


def _near_miss(root: TrueEvent, new_id: str, rng: random.Random) -> TrueEvent | None:
    """A different real event that a careless clustering would merge with `root`."""
    relation = rng.choice(NEAR_MISSES)
    base: dict[str, object] = {"id": new_id, "relation": relation}
    if relation == "week_apart":
        base["day"] = root.day + timedelta(days=7)
    elif relation == "other_type":
        if root.domestic or root.kind == "incident":
            return None
        base["event_type"] = rng.choice([t for t in sorted(INTERNATIONAL) if t != root.event_type])
        sector = ADJECTIVE_SECTOR.get(str(base["event_type"]), "GOV")
        base["source_sector"] = base["target_sector"] = sector
        base["city"] = None
        if base["event_type"] == "CONSULT":
            home = BY_CODE[str(root.source)]
            base["city"] = home.cities[0]
    elif relation == "other_target":
        if root.domestic or root.kind == "incident":
            return None
        taken = {root.source, root.target}
        base["target"] = rng.choice([c.code for c in COUNTRIES if c.code not in taken])
    else:  # other_city
        if root.city is None:
            return None
        home = BY_CODE[root.city.country]
        others = [c for c in home.cities if c != root.city]
        base["city"] = others[0]
        if root.fatalities is not None:
            base["fatalities"] = root.fatalities + rng.randrange(5, 30)
    return replace(root, **base)  # type: ignore[arg-type]


def plan_articles(
    events: Sequence[TrueEvent],
    seed: int = 5,
    outlets: int = 8,
    max_per_article: int = 3,
    prefix: str = "",
) -> list[PlannedArticle]:
    """Several outlets report each event; reports of one outlet and day may share an article."""
    rng = random.Random(seed + 1)
    names = [f"Outlet {chr(ord('A') + i)}" for i in range(outlets)]
    mentions: list[Mention] = []
    for event in events:
        k = rng.choices((1, 2, 3, 4, 5), weights=(20, 30, 25, 15, 10))[0]
        for outlet in rng.sample(names, min(k, outlets)):
            lag = rng.choices((0, 1, 2), weights=(35, 45, 20))[0]
            style = rng.choices(("weekday", "explicit", "yesterday", "none"), (35, 20, 15, 30))[0]
            if style == "yesterday" and lag != 1:
                style = "weekday"
            error = rng.choice((-1, 1)) if style != "none" and rng.random() < 0.08 else 0
            toll = None
            if event.fatalities is not None:
                toll = event.fatalities + rng.choices((0, 1, 2, 4), (60, 15, 15, 10))[0]
            mentions.append(
                Mention(
                    event=event,
                    outlet=outlet,
                    published=event.day + timedelta(days=lag),
                    date_style=style,
                    date_error=error,
                    source_style=rng.randrange(3),
                    target_style=rng.randrange(3),
                    template=rng.randrange(6),
                    show_place=rng.random() < 0.6,
                    toll=toll,
                    noise=rng.random(),
                )
            )
    groups: dict[tuple[str, date], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((m.outlet, m.published), []).append(m)
    articles: list[PlannedArticle] = []
    for (outlet, published), items in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        rng.shuffle(items)
        while items:
            size = rng.randint(1, max_per_article)
            chunk, items = items[:size], items[size:]
            number = len(articles)
            ident = f"{prefix}{published.isoformat()}-{outlet[-1].lower()}{number:05d}"
            fillers = tuple(rng.randrange(len(FILLERS) + 2) for _ in chunk)
            articles.append(PlannedArticle(ident, outlet, published, tuple(chunk), fillers))
    return articles


def _date_phrase(m: Mention) -> str:
    day = m.event.day + timedelta(days=m.date_error)
    if m.date_style == "none":
        return ""
    if m.date_style == "yesterday" and m.date_error == 0:
        return " yesterday"
    if m.date_style == "explicit":
        return f" on {day.strftime('%B')} {day.day}"
    if day > m.published:  # an outlet cannot name a weekday after its own date
        return f" on {day.strftime('%B')} {day.day}"
    return f" on {day.strftime('%A')}"


def _name(code: str, style: int) -> str:
    country = BY_CODE[code]
    if style == 1:
        return country.capital
    if style == 2:
        return f"the {country.adj} government"
    return country.name


def sentence(m: Mention) -> str:
    """The sentence an outlet writes for one mention."""
    e = m.event
    d = _date_phrase(m)
    if e.kind == "incident":
        assert e.city is not None and e.cause is not None
        options = INCIDENTS[e.cause]
        text = options[m.template % len(options)].format(N=m.toll, C=e.city.name, D=d)
    elif e.domestic:
        assert e.city is not None and e.source is not None
        options = PROTEST if e.domestic == "protest" else ARRESTS
        home = BY_CODE[e.source]
        text = options[m.template % len(options)].format(
            Sa=home.adj, Sn=home.name, C=e.city.name, D=d
        )
    else:
        assert e.event_type is not None and e.source is not None and e.target is not None
        options = INTERNATIONAL[e.event_type]
        src, tgt = BY_CODE[e.source], BY_CODE[e.target]
        place = f" in {e.city.name}" if e.city and m.show_place else ""
        text = options[m.template % len(options)].format(
            S=_name(e.source, m.source_style),
            T=_name(e.target, m.target_style),
            Sn=src.name,
            Tn=tgt.name,
            Sa=src.adj,
            Ta=tgt.adj,
            D=d,
            P=place,
        )
    return text[0].upper() + text[1:]


def article_sentences(article: PlannedArticle) -> list[tuple[str, TrueEvent | None]]:
    """The article's sentences in order, each with the true event it reports (None: filler)."""
    out: list[tuple[str, TrueEvent | None]] = []
    fillers = article.fillers or (len(FILLERS),) * len(article.mentions)
    for m, filler in zip(article.mentions, fillers, strict=True):
        out.append((sentence(m), m.event))
        if filler < len(FILLERS):
            out.append((FILLERS[filler], None))
    return out


def text_corpus(articles: Iterable[PlannedArticle]) -> list[Article]:
    """The planned articles as texts for the real coder."""
    return [
        Article(
            id=a.id,
            text=" ".join(s for s, _ in article_sentences(a)),
            published=a.published,
            title=None,
            source=a.outlet,
            language="en",
        )
        for a in articles
    ]


def label_records(
    articles: Iterable[PlannedArticle], coded: Mapping[str, Sequence[EventRecord]]
) -> tuple[dict[str, str], int]:
    """Truth label of each coded record, and how many records match no true event.

    A record is labelled with the true event of its sentence when its kind and type agree;
    the reverse direction of a reciprocal event (B->A for "A and B met") is its own label,
    since records and clusters are directed."""
    labels: dict[str, str] = {}
    unmatched = 0
    for article in articles:
        truth = {text: event for text, event in article_sentences(article) if event}
        for record in coded.get(article.id, ()):
            event = truth.get(record.sentence.strip())
            if event is None or record.kind != event.kind or record.event_type != event.event_type:
                unmatched += 1
                continue
            source = record.source.country if record.source else None
            reverse = event.source != event.target and source is not None and source == event.target
            labels[record.id] = event.id + ("~rev" if reverse else "")
    return labels, unmatched


def record_corpus(
    articles: Iterable[PlannedArticle], ontology: Ontology | None = None
) -> tuple[list[tuple[Article, list[EventRecord]]], dict[str, str]]:
    """The planned articles as coded records, without spaCy, and each record's truth label.

    The slips of a real coder are imitated: a bare country name gives no sector, a target loses
    its country (5%), the source gets a wrong country (2%), a sentence without a date gets the
    publication date, a few dates are whole weeks ("this week"), places are named or not."""
    ontology = ontology or Ontology.load()
    codes: dict[str, list[str]] = {}
    for code in ontology:
        if code.plover and len(code.code) == 3:
            codes.setdefault(code.plover, []).append(code.code)
    out: list[tuple[Article, list[EventRecord]]] = []
    labels: dict[str, str] = {}
    for planned in articles:
        records: list[EventRecord] = []
        for index, (text, event) in enumerate(article_sentences(planned)):
            if event is not None:
                m = next(x for x in planned.mentions if x.event is event)
                record = _record(planned, m, index, text, codes, ontology)
                records.append(record)
                labels[record.id] = event.id
        article = Article(
            id=planned.id,
            text=" ".join(s for s, _ in article_sentences(planned)),
            published=planned.published,
            source=planned.outlet,
            language="en",
        )
        out.append((article, records))
    return out, labels


def _actor(code: str | None, sector: str | None, named_by_country: bool) -> Actor | None:
    if code is None and sector is None:
        return None
    return Actor(
        text=code or str(sector),
        start=0,
        end=3,
        country=code,
        sector=None if named_by_country else sector,
        name=None,
        kind="state" if named_by_country else "group",
    )


def _record(
    planned: PlannedArticle,
    m: Mention,
    index: int,
    text: str,
    codes: Mapping[str, Sequence[str]],
    ontology: Ontology,
) -> EventRecord:
    e = m.event
    noise = m.noise
    if m.date_style == "none":
        when = EventDate(
            value=planned.published.isoformat(),
            end=None,
            granularity="day",
            text=None,
            basis="publication",
        )
    elif noise > 0.97:
        monday = e.day - timedelta(days=e.day.weekday())
        when = EventDate(
            value=monday.isoformat(),
            end=(monday + timedelta(days=6)).isoformat(),
            granularity="week",
            text="this week",
            basis="text",
        )
    else:
        day = (e.day + timedelta(days=m.date_error)).isoformat()
        when = EventDate(value=day, end=day, granularity="day", text="on that day", basis="text")
    location = None
    if e.city is not None and (m.show_place or e.domestic or e.kind == "incident"):
        location = Location(name=e.city.name, country=e.city.country, admin1=None, lat=e.city.lat, lon=e.city.lon, geonameid=None,
                            precision="town", text=e.city.name, start=0, end=1)  # fmt: skip
    elif e.city is not None and noise < 0.15:
        location = Location(name=e.city.country, country=e.city.country, admin1=None, lat=None, lon=None, geonameid=None, precision="country",
                            text=e.city.country, start=0, end=1)  # fmt: skip
    source = target = None
    etype = e.event_type
    cameo = quad = intensity = goldstein = None
    if e.kind == "event":
        assert etype is not None
        src_country = e.source
        if 0.15 <= noise < 0.17:  # a misread actor
            others = [c.code for c in COUNTRIES if c.code not in (e.source, e.target)]
            src_country = others[int(noise * 10_000) % len(others)]
        tgt_country = None if 0.2 <= noise < 0.25 else e.target
        if e.domestic == "arrests" and m.template % 2 == 1:  # "Police detained ..."
            src_country = tgt_country = None
        source = _actor(src_country, e.source_sector, m.source_style == 0 and not e.domestic)
        target = _actor(tgt_country, e.target_sector, m.target_style == 0 and not e.domestic)
        options = codes[etype]
        cameo = options[m.template % len(options)]
        quad = ontology.quad_class(etype)
        intensity = ontology.intensity(etype)
        goldstein = ontology.cameo(cameo).goldstein
    ident = hashlib.sha1(f"{planned.id}|{index}|{e.id}".encode()).hexdigest()[:20]
    return EventRecord(
        id=ident,
        article_id=planned.id,
        published=planned.published.isoformat(),
        sentence_index=index,
        sentence=text,
        event_type=etype,
        mode=None,
        contexts=[],
        cameo=cameo,
        quad_class=quad,
        intensity=intensity,
        goldstein=goldstein,
        source=source,
        target=target,
        trigger=Trigger(text=text.split()[1], start=0, end=1),
        date=when,
        location=location,
        negated=False,
        modality="asserted",
        reported_by=None,
        fatalities=m.toll,
        injured=None,
        confidence=(0.6, 0.7, 0.8, 0.9)[m.template % 4],
        explanation="synthetic record (gestae.synthetic)",
        kind="incident" if e.kind == "incident" else "event",
    )


@dataclass(frozen=True)
class MergeScores:
    """Pairwise comparison of a clustering with the truth.

    `merged_share`: share of pairs of reports of the same real event put in one cluster.
    `wrong_merge_share`: share of the pairs put in one cluster that are two different events
    (1 - pairwise precision). `near_miss_merged`: share of pairs of reports of deliberately
    confusable different events (same family) put in one cluster."""

    reports: int
    true_events: int
    clusters: int
    duplicate_pairs: int
    merged_duplicate_pairs: int
    merged_pairs: int
    near_miss_pairs: int
    merged_near_miss_pairs: int

    @property
    def merged_share(self) -> float:
        return self.merged_duplicate_pairs / self.duplicate_pairs if self.duplicate_pairs else 1.0

    @property
    def wrong_merge_share(self) -> float:
        wrong = self.merged_pairs - self.merged_duplicate_pairs
        return wrong / self.merged_pairs if self.merged_pairs else 0.0

    @property
    def near_miss_merged(self) -> float:
        if not self.near_miss_pairs:
            return 0.0
        return self.merged_near_miss_pairs / self.near_miss_pairs

    def summary(self) -> str:
        return (
            f"{self.reports} reports of {self.true_events} true events -> {self.clusters} "
            f"clusters; duplicate pairs merged {self.merged_share:.3f} "
            f"({self.merged_duplicate_pairs}/{self.duplicate_pairs}); wrong merges "
            f"{self.wrong_merge_share:.3f} of merged pairs "
            f"({self.merged_pairs - self.merged_duplicate_pairs}/{self.merged_pairs}); "
            f"near-miss pairs merged {self.near_miss_merged:.3f} "
            f"({self.merged_near_miss_pairs}/{self.near_miss_pairs})"
        )


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def merge_scores(
    labels: Mapping[str, str], assignment: Mapping[str, str], families: Mapping[str, str]
) -> MergeScores:
    """Score `assignment` (event id -> cluster id) on the labelled events.

    `families` maps a true event id to its family; labels may carry a "~rev" direction suffix."""
    scored = {e: lab for e, lab in labels.items() if e in assignment}
    per_label = Counter(scored.values())
    per_cluster: dict[str, Counter[str]] = {}
    for event, label in scored.items():
        per_cluster.setdefault(assignment[event], Counter())[label] += 1

    def family(label: str) -> str:
        return families[label.split("~")[0]]

    family_sizes: dict[str, Counter[str]] = {}
    for label, count in per_label.items():
        family_sizes.setdefault(family(label), Counter())[label] = count
    near = 0
    for members in family_sizes.values():
        for a, b in combinations(sorted(members), 2):
            if a.split("~")[0] != b.split("~")[0]:
                near += members[a] * members[b]
    merged_near = 0
    for counts in per_cluster.values():
        for a, b in combinations(sorted(counts), 2):
            if a.split("~")[0] != b.split("~")[0] and family(a) == family(b):
                merged_near += counts[a] * counts[b]
    return MergeScores(
        reports=len(scored),
        true_events=len({lab.split("~")[0] for lab in scored.values()}),
        clusters=len(per_cluster),
        duplicate_pairs=sum(_pairs(n) for n in per_label.values()),
        merged_duplicate_pairs=sum(_pairs(n) for c in per_cluster.values() for n in c.values()),
        merged_pairs=sum(_pairs(sum(c.values())) for c in per_cluster.values()),
        near_miss_pairs=near,
        merged_near_miss_pairs=merged_near,
    )
