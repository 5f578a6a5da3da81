"""The explorer's HTML pages: overview, events, event/article evidence, dyad, map, code text.

Pages are rendered on the server with Jinja2 (autoescaping on: every stored string is shown as
text); the small script in static/app.js only adds conveniences (row clicks, the map's time
slider, focusing one record's evidence). Every page works without it.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException

from gestae.query.analysis import Filters, QueryError, actor_code
from gestae.schema import EVENT_TYPES
from gestae.version import __version__
from gestae.web import charts, queries
from gestae.web.highlight import ROLE_NAMES, ROLES, evidence
from gestae.web.params import (
    DAY,
    ArticleParams,
    DyadPageParams,
    EventListParams,
    FilterParams,
    day,
)
from gestae.web.queries import QUADS, Selection
from gestae.web.state import MAX_TEXT_CHARS, Explorer, token_matches

ID = r"^[A-Za-z0-9_.:-]{1,64}$"

router = APIRouter(include_in_schema=False)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("gestae.web", "templates"),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        qs=lambda values: urlencode(values),
        QUADS=QUADS,
        ROLES=ROLES,
        ROLE_NAMES=ROLE_NAMES,
        EVENT_TYPES=EVENT_TYPES,
        version=__version__,
    )
    return env


templates = Jinja2Templates(env=_environment())


def explorer(request: Request) -> Explorer:
    found: Explorer = request.app.state.explorer
    return found


Ex = Annotated[Explorer, Depends(explorer)]


def watch_status(request: Request) -> dict[str, Any] | None:
    """The `serve --watch` counts, or None when the server does not watch a directory."""
    live = request.app.state.live
    return None if live is None else dict(live.snapshot())


def page(
    request: Request,
    name: str,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    ex = explorer(request)
    context.setdefault("nav", name.removesuffix(".html"))
    context.update(
        store=ex.db.name,
        read_only=ex.read_only,
        watching=ex.watching,
        token_required=ex.token is not None,
    )
    return templates.TemplateResponse(request, name, context, status_code=status, headers=headers)


def render_error(
    request: Request, status: int, messages: list[str], headers: dict[str, str] | None = None
) -> HTMLResponse:
    return page(request, "error.html", status, headers, nav="", code=status, messages=messages)


def same_origin(request: Request) -> None:
    """Refuse form posts from other sites (a page elsewhere posting to the local server)."""
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if request.headers.get("sec-fetch-site") == "cross-site" or (
        origin is not None and origin not in (f"http://{host}", f"https://{host}")
    ):
        raise HTTPException(403, "cross-site request refused")


def _filter_context(p: FilterParams, codes: list[str]) -> dict[str, Any]:
    return {"f": p, "codes": codes}


# --- overview --------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, ex: Ex, p: Annotated[FilterParams, Query()]) -> HTMLResponse:
    sel = p.selection()
    with ex.cursor() as con:
        totals = queries.totals(con, sel)
        series = queries.dense_quad_series(con, sel)
        dyads = queries.top_dyads(con, sel)
        actors = queries.top_actors(con, sel)
        latest = queries.latest_articles(con, sel)
        codes = queries.actor_codes(con)
    chart = charts.diverging(
        [
            charts.PeriodCounts(
                x.start,
                x.quads,
                "/events?"
                + urlencode(
                    p.query(since=x.start.isoformat(), until=x.end.isoformat(), counted=True)
                ),
            )
            for x in series.periods
        ],
        f"events per {series.unit} by quad class",
    )
    return page(
        request,
        "overview.html",
        totals=totals,
        chart=chart,
        unit=series.unit,
        outside=series.outside,
        shown=(series.periods[0].start, series.periods[-1].end) if series.periods else None,
        dyads=dyads,
        actors=actors,
        latest=latest,
        watch=watch_status(request),
        **_filter_context(p, codes),
    )


# --- events ----------------------------------------------------------------------------------


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, ex: Ex, p: Annotated[EventListParams, Query()]) -> HTMLResponse:
    sel = p.selection()
    with ex.cursor() as con:
        found = queries.list_events(con, sel, p.sort, p.order == "desc", p.limit, p.offset)
        codes = queries.actor_codes(con)
    base = p.query()
    for key in ("sort", "order", "limit", "offset"):
        base.pop(key, None)

    def sort_link(key: str) -> str:
        order = "desc" if p.sort == key and p.order == "asc" else "asc"
        return "/events?" + urlencode({**base, "sort": key, "order": order})

    def page_link(offset: int) -> str:
        values = {**base, "sort": p.sort, "order": p.order, "limit": str(p.limit)}
        return "/events?" + urlencode({**values, "offset": str(max(offset, 0))})

    return page(
        request,
        "events.html",
        found=found,
        sort_link=sort_link,
        prev_link=page_link(p.offset - p.limit) if p.offset > 0 else None,
        next_link=page_link(p.offset + p.limit) if p.offset + p.limit < found.total else None,
        export=urlencode(base),
        **_filter_context(p, codes),
    )


# --- one event, one article ------------------------------------------------------------------


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_view(
    request: Request, ex: Ex, event_id: Annotated[str, Path(pattern=ID)]
) -> HTMLResponse:
    with ex.cursor() as con:
        found = queries.event(con, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r} in this store")
        record = found["record"]
        art = queries.article(con, record["article_id"])
        group = queries.cluster(con, found["cluster_id"]) if found["cluster_id"] else None
    records = art["records"] if art else [record]
    focus = [i for i, r in enumerate(records) if r.get("id") == event_id]
    return page(
        request,
        "article.html",
        nav="events",
        art=art,
        records=records,
        focus=focus,
        event=record,
        cluster=group,
        evidence=evidence(art["text"], records, focus) if art and art["text"] else None,
    )


@router.get("/article", response_class=HTMLResponse)
def article_view(request: Request, ex: Ex, p: Annotated[ArticleParams, Query()]) -> HTMLResponse:
    with ex.cursor() as con:
        art = queries.article(con, p.id)
    if art is None:
        raise HTTPException(404, f"no article {p.id!r} in this store")
    return page(
        request,
        "article.html",
        nav="events",
        art=art,
        records=art["records"],
        focus=[],
        event=None,
        cluster=None,
        evidence=evidence(art["text"], art["records"]) if art["text"] else None,
    )


# --- dyad ------------------------------------------------------------------------------------


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, ex: Ex, p: Annotated[DyadPageParams, Query()]) -> HTMLResponse:
    with ex.cursor() as con:
        codes = queries.actor_codes(con)
        context: dict[str, Any] = {"p": p, "codes": codes, "panels": [], "behind": None}
        if not (p.a and p.b):
            if p.a or p.b:
                raise QueryError("pick two actors (a and b)")
            return page(request, "dyad.html", **context)
        a, b = actor_code(p.a), actor_code(p.b)
        since, until = day(p.since, "since"), day(p.until, "until")
        rows = queries.dyad_rows(con, a, b, p.by, p.directed, p.clusters, since, until)
        directions = [(a, b), (b, a)] if p.directed and a != b else [(a, b)]
        base = {k: v for k, v in p.model_dump().items() if k not in ("at", "dir")}
        for s, t in directions:
            part = [r for r in rows if not p.directed or (r["source"], r["target"]) == (s, t)]
            link_dir = f"{s}-{t}" if p.directed else ""
            bars = [
                charts.PeriodCounts(
                    date.fromisoformat(r["period"]),
                    (
                        r["verbal_coop"],
                        r["material_coop"],
                        r["verbal_conflict"],
                        r["material_conflict"],
                    ),
                    "/dyad?"
                    + urlencode(_plain({**base, "at": r["period"], "dir": link_dir}))
                    + "#behind",
                )
                for r in part
            ]
            label = f"{s} → {t}" if p.directed else f"{a} ↔ {b}"
            context["panels"].append(
                {"label": label, "chart": charts.diverging(bars, label), "rows": part}
            )
        if p.at:
            start = day(p.at, "at")
            assert start is not None
            end = queries.next_period(start, p.by) - timedelta(days=1)
            pair = tuple(p.dir.upper().split("-")) if p.dir else (a, b)
            behind = Selection(
                Filters(dyad=(pair[0], pair[1]), directed=bool(p.dir), since=start, until=end),
                clusters=p.clusters,
                counted=True,
            )
            context["behind"] = {
                "start": start,
                "end": end,
                "pair": pair,
                "directed": bool(p.dir),
                "found": queries.list_events(con, behind, "day", False, 500, 0),
            }
        context["export"] = urlencode(_plain(base))
    return page(request, "dyad.html", **context)


def _plain(values: dict[str, Any]) -> dict[str, str]:
    return {
        k: ("true" if v is True else "false" if v is False else str(v))
        for k, v in values.items()
        if v != ""
    }


# --- map -------------------------------------------------------------------------------------


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, ex: Ex, p: Annotated[FilterParams, Query()]) -> HTMLResponse:
    sel = p.selection()
    with ex.cursor() as con:
        found = queries.map_points(con, sel)
        codes = queries.actor_codes(con)
    points = []
    for pt in found.points:
        x, y = charts.project(pt["lat"], pt["lon"])
        points.append({**pt, "x": x, "y": y, "r": round(0.8 + 0.6 * math.sqrt(pt["events"]), 2)})
    days = sorted({pt["day"] for pt in points if pt["day"]})
    return page(
        request,
        "map.html",
        countries=charts.world(),
        points=points,
        days=days,
        located=found.located,
        unlocated=found.unlocated,
        truncated=found.truncated,
        **_filter_context(p, codes),
    )


# --- code text -------------------------------------------------------------------------------


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request) -> HTMLResponse:
    return page(request, "code.html", text="", published="", result=None)


@router.post("/code", response_class=HTMLResponse, dependencies=[Depends(same_origin)])
def code_text(
    request: Request,
    ex: Ex,
    text: Annotated[str, Form(min_length=1, max_length=MAX_TEXT_CHARS)],
    published: Annotated[str, Form(pattern=DAY)] = "",
    title: Annotated[str, Form(max_length=500)] = "",
    store: Annotated[bool, Form()] = False,
    token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    if store:
        check_ingest(ex, token)
    coded = ex.code(text, published or None, None, title or None)
    if store:
        ex.ingest(coded)
    records = coded.records
    return page(
        request,
        "code.html",
        text=text,
        published=published,
        result={
            "article": coded.article,
            "records": records,
            "status": coded.status,
            "evidence": evidence(coded.article.text, records),
        },
    )


def check_ingest(ex: Explorer, token: str | None) -> None:
    """Storing needs --allow-ingest, and the token when the server has one."""
    from gestae.web.state import IngestRefused

    if not ex.allow_ingest:
        raise IngestRefused(
            "this server is read-only; start it with `gestae serve --allow-ingest` to store "
            "pasted articles"
        )
    if not token_matches(ex.token, token):
        raise HTTPException(
            401, "storing needs the server's token", headers={"WWW-Authenticate": "Bearer"}
        )


# --- API description -------------------------------------------------------------------------


@router.get("/apidocs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    operations = []
    for route, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": route,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": x["name"],
                            "where": x["in"],
                            "required": x.get("required", False),
                            "description": x.get("description", ""),
                        }
                        for x in op.get("parameters", [])
                    ],
                }
            )
    return page(request, "apidocs.html", nav="apidocs", operations=operations)
