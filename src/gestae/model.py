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
Granularity = Literal["day", "week", "month", "year"]
DateBasis = Literal["text", "publication", "unknown"]
Modality = Literal["asserted", "future", "hypothetical", "reported"]
RecordKind = Literal["event", "incident"]


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


@dataclass(frozen=True)
class Actor:
    """A resolved participant; offsets point into the article text.

    `country` is ISO 3166-1 alpha-3 or a PLOVER pseudo-country; null when the mention is an
    actor (e.g. "police") whose country the text does not give.
    """

    text: str
    start: int
    end: int
    country: str | None
    sector: str | None
    name: str | None
    kind: ActorKind
    wikidata: str | None = None
    rule: str = ""

    def label(self) -> str:
        """Short code such as "GBR GOV" for tables and explanations."""
        parts = [p for p in (self.country, self.sector) if p]
        return " ".join(parts) if parts else f'"{self.text}"'


@dataclass(frozen=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EventDate:
    value: str | None
    end: str | None
    granularity: Granularity | None
    text: str | None
    basis: DateBasis


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    text: str
    start: int
    end: int


@dataclass
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
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict in the contract's field order."""
        data = asdict(self)
        data.pop("extra")
        return data
