"""Query parameters of the pages and the API: declared once, checked strictly.

Each model forbids unknown parameters (a typo like `?actr=GBR` is refused, not ignored) and
constrains each value's shape (FastAPI answers 422 with the field named); the meaning of each
value (a real country code, a real date, a known event type) is checked by the validators of
`gestae.query.analysis`, which answer 400 with a message. Empty values, as an HTML form sends them for
fields left blank, mean "not set".
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gestae.query.analysis import Filters, QueryError, actor_code, event_type_code
from gestae.web.queries import Selection

CODE = r"^([A-Za-z]{3})?$"
DAY = r"^(\d{4}-\d{2}-\d{2})?$"
DYAD = r"^([A-Za-z]{3},[A-Za-z]{3})?$"
EVENT_TYPE = r"^([A-Za-z]{1,12})?$"
QUAD = r"^[1-4]?$"
DIRECTION = r"^([A-Za-z]{3}-[A-Za-z]{3})?$"
# What a value of each pattern looks like, for error messages a person can act on.
PATTERN_HELP = {
    CODE: "must be a three-letter code like GBR",
    DAY: "must be a date like 2024-05-31",
    DYAD: "must be two codes like GBR,FRA",
    EVENT_TYPE: "must be a PLOVER event type like THREATEN",
    QUAD: "must be a quad class from 1 to 4",
    DIRECTION: "must be a direction like GBR-FRA",
}
CODE_HELP = "ISO 3166-1 alpha-3 country code, KOS, or a PLOVER pseudo-country (IGO, UNO, ...)"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FilterParams(Strict):
    """The filters of `gestae events`, plus place and quad class."""

    actor: str = Field("", pattern=CODE, description=f"Source or target country: {CODE_HELP}.")
    dyad: str = Field(
        "",
        pattern=DYAD,
        description="Two actor codes A,B: events between them (both directions unless directed).",
    )
    directed: bool = Field(False, description="With dyad: only A -> B.")
    type: str = Field("", pattern=EVENT_TYPE, description="PLOVER event type, e.g. THREATEN.")
    since: str = Field("", pattern=DAY, description="From this day (YYYY-MM-DD).")
    until: str = Field("", pattern=DAY, description="Up to this day (YYYY-MM-DD).")
    place: str = Field("", pattern=CODE, description=f"Country where it happened: {CODE_HELP}.")
    quad: str = Field("", pattern=QUAD, description="Quad class 1-4.")
    clusters: bool = Field(False, description="One row per real event (needs a clustered store).")
    counted: bool = Field(
        False, description="Only what the aggregates count: events, not incidents, not negated."
    )

    def selection(self) -> Selection:
        """The validated selection; QueryError (400) names the first unusable value."""
        dyad = None
        if self.dyad:
            a, b = self.dyad.split(",")
            dyad = (actor_code(a), actor_code(b))
        filters = Filters(
            actor=actor_code(self.actor) if self.actor else None,
            dyad=dyad,
            directed=self.directed,
            event_type=event_type_code(self.type) if self.type else None,
            since=day(self.since, "since"),
            until=day(self.until, "until"),
        )
        sel = Selection(
            filters,
            place=actor_code(self.place) if self.place else None,
            quad=int(self.quad) if self.quad else None,
            clusters=self.clusters,
            counted=self.counted,
        )
        sel.clauses()  # raises on a bad value or range now, not halfway through a response
        return sel

    def query(self, **changes: str | bool) -> dict[str, str]:
        """The set parameters, with changes, for links that keep the current filters."""
        values = {k: v for k, v in self.model_dump().items() if v not in ("", False)}
        values.update(changes)
        return {
            k: ("true" if v is True else str(v)) for k, v in values.items() if v not in ("", False)
        }


class EventListParams(FilterParams):
    sort: Literal[
        "day", "type", "mode", "source", "target", "place", "confidence", "reports", "published"
    ] = Field("day", description="Sort key (default: the event's date).")
    order: Literal["asc", "desc"] = Field("asc", description="Sort direction.")
    limit: int = Field(100, ge=1, le=1000, description="Rows per page.")
    offset: int = Field(0, ge=0, le=10_000_000, description="Rows to skip.")


class ExportParams(FilterParams):
    format: Literal["csv", "jsonl"] = Field("jsonl", description="csv or jsonl.")


class DyadParams(Strict):
    a: str = Field("", pattern=CODE, description=f"First actor: {CODE_HELP}.")
    b: str = Field("", pattern=CODE, description="Second actor.")
    by: Literal["day", "week", "month"] = Field("week", description="Length of a period.")
    directed: bool = Field(True, description="One series per direction (A->B and B->A).")
    clusters: bool = Field(False, description="Count each real event once.")
    since: str = Field("", pattern=DAY, description="From this day (YYYY-MM-DD).")
    until: str = Field("", pattern=DAY, description="Up to this day (YYYY-MM-DD).")


class DyadPageParams(DyadParams):
    at: str = Field("", pattern=DAY, description="List the events of the period starting here.")
    dir: str = Field("", pattern=DIRECTION, description="Direction S-T.")


class DyadExportParams(DyadParams):
    format: Literal["csv", "jsonl"] = Field("csv", description="csv or jsonl.")


class RankParams(Strict):
    since: str = Field("", pattern=DAY, description="From this day (YYYY-MM-DD).")
    until: str = Field("", pattern=DAY, description="Up to this day (YYYY-MM-DD).")
    limit: int = Field(20, ge=1, le=1000, description="How many rows.")
    clusters: bool = Field(False, description="Count each real event once.")


class NetworkParams(RankParams):
    min_events: int = Field(1, ge=1, le=1_000_000, description="Leave out rarer dyads.")


class ActorsExportParams(RankParams):
    format: Literal["csv", "jsonl"] = Field("csv", description="csv or jsonl.")


class NetworkExportParams(NetworkParams):
    format: Literal["csv", "jsonl"] = Field("csv", description="csv or jsonl.")


class ArticleParams(Strict):
    id: str = Field(..., min_length=1, max_length=300, description="Article id.")


def day(value: str, name: str) -> date | None:
    """A YYYY-MM-DD string as a date; QueryError for an impossible one (2024-02-30)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(f"{name} must be a real date (YYYY-MM-DD), not {value!r}") from exc
