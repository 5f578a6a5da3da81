"""The small typed data model every stage reads and writes.

Stages pass these objects along; only `records` turns them into the JSON output contract, so
field names here follow the contract documented in docs/contract.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

ActorKind = Literal["state", "person", "organization", "group"]
Granularity = Literal["day", "week", "month", "year", "decade", "century"]
DateBasis = Literal["text", "publication", "earlier", "unknown"]
Modality = Literal["asserted", "future", "hypothetical", "reported"]
RecordKind = Literal["event", "incident", "statement"]


@dataclass(frozen=True)
class Article:
    """One news story as read from disk; `published` may be unknown."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A resolved participant; offsets point into the article text.

    `country` is ISO 3166-1 alpha-3 or a PLOVER pseudo-country; null when the mention is an
    actor (e.g. "police") whose country the text does not give.
    """

    text: str
    start: int
    end: int
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None
    rule: str = ""

    def label(self) -> str:
        """Short code such as "GBR GOV" for tables and explanations."""
        parts = [p for p in (self.country, self.sector) if p]
        return " ".join(parts) if parts else f'"{self.text}"'


@dataclass(frozen=True, kw_only=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class EventDate:
    value: str | None
    end: str | None
    granularity: Granularity | None
    text: str | None
    basis: DateBasis


# Every value `Location.precision` takes, most specific first. "town" was "city" before the
# cities500 gazetteer; store/migrations.py renames stored values.
LOCATION_PRECISIONS: tuple[str, ...] = (
    "town", "admin2", "admin1", "region", "water", "country", "continent", "unresolved",
)  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where an event happened (docs/contract.md, "location").

    `precision` is one of town, admin2, admin1, region, water, country, continent or
    unresolved (a place name the gazetteer lacks: no country, no point). `admin1` is the
    first-level division's name and `admin1_code` its GeoNames code.
    """

    name: str
    country: str | None
    admin1: str | None
    admin1_code: str | None = None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    text: str
    start: int
    end: int


@dataclass(kw_only=True)
class EventRecord:
    """One coded event (or incident) in the output contract."""

    id: str
    article_id: str
    published: str | None
    sentence_index: int
    sentence: str
    event_type: str | None
    mode: str | None
    contexts: list[str]
    cameo: str | None
    quad_class: int | None
    intensity: float | None
    goldstein: float | None
    source: Actor | None
    target: Actor | None
    trigger: Trigger
    date: EventDate
    location: Location | None
    negated: bool
    modality: Modality
    reported_by: Actor | None
    fatalities: int | None
    injured: int | None
    confidence: float
    explanation: str
    group: str | None = None
    kind: RecordKind = "event"
    # Ids of the named rules (gestae/engine/rules.py) that produced the record, in order.
    rules: list[str] = field(default_factory=list)
    # More about the record, by key (docs/contract.md, `extra`): "also_told_by", the other
    # words of the sentence that tell the same act.
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict in the contract's field order."""
        return asdict(self)


# -- the flat form of the contract: one row per record, for CSV, DuckDB and spreadsheets ----

# Contract fields copied as they are into a flat row.
DIRECT_FIELDS = (
    "id", "kind", "article_id", "published", "sentence_index", "event_type", "mode", "cameo",
    "quad_class", "intensity", "goldstein", "negated", "modality", "fatalities", "injured",
    "confidence", "group", "sentence", "explanation",
)  # fmt: skip
# Nested fields spread over several columns.
NESTED_COLUMNS = (
    "source_country", "source_sector", "source_name", "source_text", "target_country",
    "target_sector", "target_name", "target_text", "trigger", "date", "date_end",
    "date_granularity", "date_basis", "location_name", "location_country", "location_lat",
    "location_lon", "location_precision", "location_admin1", "location_admin1_code",
    "location_geonameid", "location_text", "reported_by", "contexts",
)  # fmt: skip
FLAT_COLUMNS = DIRECT_FIELDS + NESTED_COLUMNS


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row per record, for CSV, DuckDB and spreadsheets."""
    row: dict[str, Any] = {k: record.get(k) for k in DIRECT_FIELDS}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for key in ("country", "sector", "name", "text"):
            row[f"{role}_{key}"] = actor.get(key)
    trigger = record.get("trigger") or {}
    row["trigger"] = trigger.get("text")
    when = record.get("date") or {}
    row["date"] = when.get("value")
    row["date_end"] = when.get("end")
    row["date_granularity"] = when.get("granularity")
    row["date_basis"] = when.get("basis")
    place = record.get("location") or {}
    row["location_name"] = place.get("name")
    row["location_country"] = place.get("country")
    row["location_lat"] = place.get("lat")
    row["location_lon"] = place.get("lon")
    row["location_precision"] = place.get("precision")
    row["location_admin1"] = place.get("admin1")
    row["location_admin1_code"] = place.get("admin1_code")
    row["location_geonameid"] = place.get("geonameid")
    row["location_text"] = place.get("text")
    reporter = record.get("reported_by")
    row["reported_by"] = actor_label(reporter) if reporter else None
    row["contexts"] = ";".join(record.get("contexts") or [])
    return row


def actor_label(actor: dict[str, Any] | None) -> str:
    """An actor as analysts read it: codes first, then its name or its words."""
    if not actor:
        return "-"
    code = " ".join(p for p in (actor.get("country"), actor.get("sector")) if p)
    name = actor.get("name")
    if code and name and name not in code:
        return f"{code} ({name})"
    return code or f'"{actor.get("text")}"'
