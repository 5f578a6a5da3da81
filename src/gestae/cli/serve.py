"""`gestae serve`: the web explorer over a store (docs/web.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from gestae.cli.options import (
    STORE,
    ActorsOption,
    ModelOption,
    PublishedOption,
    StoreOption,
    date_option,
    err,
    fail,
)
from gestae.errors import GestaeError


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: StoreOption = STORE,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool,
        typer.Option("--allow-ingest", help="Let the Code text page store pasted articles."),
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="GESTAE_TOKEN",
            help="Secret that storing requests must carry (needed with --allow-ingest beyond "
            "loopback); also read from $GESTAE_TOKEN, which keeps it out of `ps`.",
        ),
    ] = None,
    watch: Annotated[
        Path | None,
        typer.Option(
            help="Also ingest the .jsonl/.txt files that appear in this directory, as "
            "`gestae watch --db` would (the HTTP API stays read-only unless --allow-ingest).",
            file_okay=False,
        ),
    ] = None,
    state: Annotated[
        Path | None,
        typer.Option(help="With --watch: the file remembering which files were ingested."),
    ] = None,
    settle: Annotated[
        float,
        typer.Option(min=0, help="With --watch: seconds a file must stay unchanged first."),
    ] = 1.0,
    interval: Annotated[
        float, typer.Option(min=0.01, help="With --watch: seconds between polls.")
    ] = 2.0,
    published: PublishedOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Start the web explorer over a store: overview, events, evidence, dyads, map, code text
    (docs/web.md). Read-only unless --allow-ingest; --watch DIR also ingests new files."""
    import uvicorn

    from gestae.engine.config import CoderConfig
    from gestae.web.app import create_app
    from gestae.web.state import check_serving, is_loopback

    settings = None
    if watch is not None:
        from gestae.web.watching import WatchSettings

        settings = WatchSettings(watch, state, settle, interval, date_option(published))
    try:
        check_serving(host, allow_ingest, token)
        # Against DNS rebinding: on loopback, answer only requests addressed to loopback.
        hosts = ["127.0.0.1", "localhost"] if is_loopback(host) and ":" not in host else None
        config = CoderConfig(model=model, actor_files=tuple(actors or ()))
        web = create_app(
            db, allow_ingest, token, config=config, hosts=hosts, watch=settings, say=_say
        )
    except GestaeError as exc:
        fail(exc)
    mode = "ingest allowed" if allow_ingest else "read-only"
    if watch is not None:
        mode += f", ingesting new files from {watch}"
    if not is_loopback(host):
        err.print(
            f"note: listening on {escape(host)}: anyone who can reach this machine can read "
            "the store",
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"gestae explorer on http://{escape(shown)}:{port}/ ({escape(str(db))}, {mode}); "
        "Ctrl+C stops it",
        highlight=False,
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _say(message: str) -> None:
    """The watcher's progress, one line per file, on stderr beside uvicorn's warnings."""
    err.print(escape(message), highlight=False, soft_wrap=True)
