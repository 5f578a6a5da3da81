"""The JSON API under /api: the pages' data, downloads, and coding of pasted text.

Filters are those of `gestae events` (actor, dyad, type, since, until, clusters) plus place
and quad; values are checked as the CLI checks them. Downloads are fixed routes with a format
chosen from a list: no request value ever names a file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from gestae.query.analysis import actors, frame_rows, network
from gestae.query.formats import FORMATS
from gestae.store.database import SCHEMA_VERSION
from gestae.version import __version__
from gestae.web import queries
from gestae.web.highlight import spans
from gestae.web.pages import ID, check_ingest, explorer, same_origin, watch_status
from gestae.web.params import (
    DAY,
    ActorsExportParams,
    ArticleParams,
    DyadExportParams,
    DyadParams,
    EventListParams,
    ExportParams,
    FilterParams,
    NetworkExportParams,
    NetworkParams,
    RankParams,
    day,
)
from gestae.web.state import MAX_TEXT_CHARS, Explorer

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "A value is not usable (unknown actor code, impossible date, ...)."},
    404: {"description": "No such item in the store."},
    422: {"description": "A parameter is malformed, missing or unknown."},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
Ex = Annotated[Explorer, Depends(explorer)]


@router.get("/health", summary="Server mode and store")
def health(ex: Ex) -> dict[str, Any]:
    return {
        "gestae": __version__,
        "store": ex.db.name,
        "schema_version": SCHEMA_VERSION,
        "read_only": ex.read_only,
        "ingest": ex.allow_ingest,
        "token_required": ex.token is not None,
        "watching": ex.watching,
    }


@router.get("/status", summary="What the server has ingested from its watched directory")
def status(request: Request) -> dict[str, Any]:
    """`watching` is false unless the server runs with `--watch DIR`; then the counts since
    it started: files, articles (coded, re-coded, unchanged), events, rejected inputs, errors,
    the last file and the last error."""
    found = watch_status(request)
    return {"watching": False} if found is None else {"watching": True, **found}


@router.get("/summary", summary="Totals, events per period by quad class, top dyads and actors")
def summary(ex: Ex, p: Annotated[FilterParams, Query()]) -> dict[str, Any]:
    sel = p.selection()
    with ex.cursor() as con:
        unit, periods = queries.quad_series(con, sel)
        return {
            "totals": queries.totals(con, sel),
            "unit": unit,
            "periods": [
                {
                    "start": x.start.isoformat(),
                    "end": x.end.isoformat(),
                    **{
                        name: n
                        for name, n in zip(
                            (
                                "verbal_coop",
                                "material_coop",
                                "verbal_conflict",
                                "material_conflict",
                            ),
                            x.quads,
                            strict=True,
                        )
                    },
                }
                for x in periods
            ],
            "dyads": queries.top_dyads(con, sel),
            "actors": queries.top_actors(con, sel),
            "latest_articles": queries.latest_articles(con, sel),
        }


@router.get("/events", summary="Events: filtered, sorted, one page at a time")
def events(ex: Ex, p: Annotated[EventListParams, Query()]) -> dict[str, Any]:
    sel = p.selection()
    with ex.cursor() as con:
        found = queries.list_events(con, sel, p.sort, p.order == "desc", p.limit, p.offset)
    return {"total": found.total, "limit": p.limit, "offset": p.offset, "rows": found.rows}


@router.get("/events/{event_id}", summary="One stored record and its cluster")
def event(ex: Ex, event_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    with ex.cursor() as con:
        found = queries.event(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    return found


@router.get("/article", summary="An article: text, records and the evidence spans")
def article(ex: Ex, p: Annotated[ArticleParams, Query()]) -> dict[str, Any]:
    with ex.cursor() as con:
        found = queries.article(con, p.id)
    if found is None:
        raise HTTPException(404, f"no article {p.id!r} in this store")
    marks, skipped = spans(found["text"], found["records"]) if found["text"] else ([], 0)
    found["spans"] = [
        {"start": s.start, "end": s.end, "role": s.role, "record": s.record} for s in marks
    ]
    found["spans_skipped"] = skipped
    return found


@router.get("/clusters/{cluster_id}", summary="A cluster (one real event) and all its reports")
def cluster(ex: Ex, cluster_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    with ex.cursor() as con:
        found = queries.cluster(con, cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id!r} in this store")
    return found


def _dyad(ex: Explorer, p: DyadParams) -> list[dict[str, Any]]:
    if not (p.a and p.b):
        raise HTTPException(422, "a and b are required: the two actors of the dyad")
    with ex.cursor() as con:
        return queries.dyad_rows(
            con,
            p.a,
            p.b,
            p.by,
            p.directed,
            p.clusters,
            day(p.since, "since"),
            day(p.until, "until"),
        )


@router.get("/dyad", summary="Cooperation and conflict between two actors per period")
def dyad(ex: Ex, p: Annotated[DyadParams, Query()]) -> dict[str, Any]:
    return {"rows": _dyad(ex, p)}


@router.get("/actors", summary="Most active actors")
def top_actors(ex: Ex, p: Annotated[RankParams, Query()]) -> dict[str, Any]:
    return {"rows": _actors(ex, p)}


def _actors(ex: Explorer, p: RankParams) -> list[dict[str, Any]]:
    with ex.cursor() as con:
        frame = actors(con, day(p.since, "since"), day(p.until, "until"), p.limit, p.clusters)
    return list(frame_rows(frame))


@router.get("/network", summary="Weighted directed dyads")
def dyad_network(ex: Ex, p: Annotated[NetworkParams, Query()]) -> dict[str, Any]:
    return {"rows": _network(ex, p)}


def _network(ex: Explorer, p: NetworkParams) -> list[dict[str, Any]]:
    with ex.cursor() as con:
        frame = network(
            con, day(p.since, "since"), day(p.until, "until"), p.min_events, p.limit, p.clusters
        )
    return list(frame_rows(frame))


@router.get("/map", summary="Events with coordinates, one point per place, day and quad class")
def map_points(ex: Ex, p: Annotated[FilterParams, Query()]) -> dict[str, Any]:
    sel = p.selection()
    with ex.cursor() as con:
        found = queries.map_points(con, sel)
    return {
        "points": found.points,
        "located": found.located,
        "unlocated": found.unlocated,
        "truncated": found.truncated,
    }


# --- downloads -------------------------------------------------------------------------------


def _download(chunks: Iterator[str], name: str, fmt: str) -> StreamingResponse:
    found = FORMATS[fmt]
    return StreamingResponse(
        (c.encode("utf-8") for c in chunks),
        media_type=f"{found.content_type}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="gestae-{name}.{found.extension}"'},
    )


@router.get("/export/events", summary="Download the filtered events (CSV or JSON Lines)")
def export_events(ex: Ex, p: Annotated[ExportParams, Query()]) -> StreamingResponse:
    sel = p.selection()
    with ex.cursor() as con:
        sel.source(con)  # a store without clusters is refused now, before the download starts

    write = FORMATS[p.format].write
    assert write is not None  # the parameters allow record formats only

    def chunks() -> Iterator[str]:
        with ex.cursor() as con:
            header = True
            for batch in queries.records(con, sel):
                out = io.StringIO()
                write(batch, out, header)
                header = False
                yield out.getvalue()
            if header:  # no rows: still a CSV header line (JSON Lines writes nothing)
                out = io.StringIO()
                write([], out, True)
                if out.getvalue():
                    yield out.getvalue()

    return _download(chunks(), "events", p.format)


def _table(rows: list[dict[str, Any]], fmt: str) -> Iterator[str]:
    out = io.StringIO()
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    yield out.getvalue()


@router.get("/export/dyad", summary="Download a dyad series (CSV or JSON Lines)")
def export_dyad(ex: Ex, p: Annotated[DyadExportParams, Query()]) -> StreamingResponse:
    rows = _dyad(ex, p)
    return _download(_table(rows, p.format), f"dyad-{p.a.upper()}-{p.b.upper()}", p.format)


@router.get("/export/actors", summary="Download the most active actors (CSV or JSON Lines)")
def export_actors(ex: Ex, p: Annotated[ActorsExportParams, Query()]) -> StreamingResponse:
    return _download(_table(_actors(ex, p), p.format), "actors", p.format)


@router.get("/export/network", summary="Download the dyad network (CSV or JSON Lines)")
def export_network(ex: Ex, p: Annotated[NetworkExportParams, Query()]) -> StreamingResponse:
    return _download(_table(_network(ex, p), p.format), "network", p.format)


# --- coding pasted text ----------------------------------------------------------------------


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, description="Article text.")
    published: str = Field("", pattern=DAY, description="Publication date (YYYY-MM-DD).")
    title: str = Field("", max_length=500)
    article_id: str = Field(
        "", pattern=r"^([A-Za-z0-9_.:-]{1,100})?$", description="Id to store it under."
    )
    store: bool = Field(False, description="Also store it (needs --allow-ingest and the token).")


@router.post(
    "/code",
    summary="Code a text; store it only when asked and allowed",
    dependencies=[Depends(same_origin)],
    responses={
        401: {"description": "Storing needs the server's token."},
        403: {"description": "The server is read-only, or the request came from another site."},
        413: {"description": "The request body is over 1 MB."},
    },
)
def code(
    ex: Ex,
    body: CodeRequest,
    authorization: Annotated[str, Header(max_length=600)] = "",
) -> dict[str, Any]:
    if body.store:
        given = authorization.removeprefix("Bearer ").strip() if authorization else ""
        check_ingest(ex, given or None)
    coded = ex.code(body.text, body.published or None, body.article_id or None, body.title or None)
    if body.store:
        ex.ingest(coded)
    return {
        "article_id": coded.article.id,
        "text": coded.article.text,
        "records": coded.records,
        "stored": coded.status,
    }
