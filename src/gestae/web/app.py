"""The explorer's web application: `create_app(db)` returns the FastAPI app `gestae serve` runs.

Pages (server-rendered, gestae/web/pages.py) and a JSON API under /api (gestae/web/json_api.py,
described at /openapi.json) read the same queries. Everything the pages need (style, script,
map outlines) is served from the package: the explorer works with no network at all.

Defences, each tested in tests/test_web_security.py: request bodies over 1 MB are refused
(413) before they are read; every query parameter is declared and checked (unknown ones too);
values reach DuckDB only as bound parameters; article text is escaped by the templates; the
store is opened read-only unless ingest is allowed (or a directory watched); storing needs the
token when one is set; cross-site form posts are refused; responses forbid framing, sniffing and
foreign scripts.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gestae.engine.config import CoderConfig
from gestae.errors import GestaeError, InputError
from gestae.query.analysis import QueryError
from gestae.version import __version__
from gestae.web.params import PATTERN_HELP
from gestae.web.state import Explorer, IngestRefused

if TYPE_CHECKING:
    from gestae.engine.pipeline import Coder
    from gestae.web.watching import WatchSettings

MAX_BODY = 1_000_000  # bytes; a pasted article is far smaller
SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(413, f"request body over {MAX_BODY:,} bytes")


class Guard:
    """ASGI middleware: the body-size limit and the security headers.

    The limit is checked on Content-Length before anything is read, and again on the bytes
    actually received (a chunked body has no length)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _plain_error(send_with_headers, 400, "Content-Length is not a number")
                return
            if declared > self.max_body:
                await _plain_error(send_with_headers, 413, BodyTooLarge().detail)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited, send_with_headers)
        except BodyTooLarge as exc:
            if started:
                raise
            await _plain_error(send_with_headers, 413, str(exc.detail))


async def _plain_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(
    db: str | Path,
    allow_ingest: bool = False,
    token: str | None = None,
    *,
    coder: Coder | None = None,
    config: CoderConfig | None = None,
    hosts: Sequence[str] | None = None,
    watch: WatchSettings | None = None,
    say: Callable[[str], None] | None = None,
) -> FastAPI:
    """The explorer over the store `db`.

    Read-only unless `allow_ingest`; with `token`, storing a pasted text needs it. `coder`
    reuses a loaded Coder (tests); `config` sets the model and actor files that pasted text and
    watched files are coded with; `hosts` limits the Host header to these names (the CLI
    passes the loopback names when bound to loopback, against DNS rebinding). `watch`: ingest
    the files that appear in a directory while serving (`serve --watch`), telling `say` (by
    default the "gestae.web" logger) what each file gave."""
    watcher = None
    if watch is not None:  # a directory that cannot be watched fails before the store opens
        from gestae.run.watch import Watcher

        watcher = Watcher(watch.directory, watch.state, watch.settle)
    explorer = Explorer(
        Path(db),
        allow_ingest,
        token,
        coder,
        watching=watch is not None,
        config=config or CoderConfig(),
    )
    live = None
    if watch is not None and watcher is not None:
        from gestae.web.watching import LiveIngest

        live = LiveIngest(explorer, watch, watcher, say)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if live is not None:
            live.start()
        yield
        if live is not None:
            live.stop()
        explorer.close()

    app = FastAPI(
        title="gestae explorer API",
        version=__version__,
        description=(
            "Read the events of a gestae store: the filters of `gestae events`, dyad series, "
            "actors, networks, map points, downloads, and coding of pasted text."
        ),
        docs_url=None,  # Swagger UI loads from a CDN; /apidocs lists the API offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.explorer = explorer
    app.state.live = live
    from gestae.web import json_api, pages

    app.include_router(json_api.router)
    app.include_router(pages.router)
    static = Path(__file__).resolve().parent / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")
    _handlers(app)
    if hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(Guard)
    return app


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path == "/openapi.json"


def _error(
    request: Request, status: int, detail: Any, headers: dict[str, str] | None = None
) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    from gestae.web.pages import render_error

    messages = detail if isinstance(detail, list) else [str(detail)]
    return render_error(request, status, [str(m) for m in messages], headers)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(IngestRefused)
    async def refused(request: Request, exc: IngestRefused) -> Response:
        return _error(request, 403, str(exc))

    @app.exception_handler(GestaeError)
    async def gestae_error(request: Request, exc: GestaeError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail, dict(exc.headers or {}) or None)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [_problem(e) for e in exc.errors()]
        if _is_api(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return _error(request, 422, [p["message"] for p in problems])


def _problem(error: Any) -> dict[str, str]:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path"))
    message = str(error.get("msg", "invalid value"))
    if error.get("type") == "extra_forbidden":
        message = "unknown parameter"
    pattern = (error.get("ctx") or {}).get("pattern")
    if error.get("type") == "string_pattern_mismatch" and pattern in PATTERN_HELP:
        # "since must be a date like 2024-05-31", not the regular expression it failed
        help_text = PATTERN_HELP[pattern]
        return {"parameter": where, "message": f"{where} {help_text}" if where else help_text}
    return {"parameter": where, "message": f"{where}: {message}" if where else message}
