"""`gestae watch`: code article files as they appear (or JSON Lines from stdin)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.markup import escape

from gestae.cli.options import (
    ModelOption,
    PublishedOption,
    WaitOption,
    date_option,
    err,
    fail,
    waiting,
)
from gestae.engine.config import CoderConfig
from gestae.errors import GestaeError
from gestae.input.read import read_inputs
from gestae.input.rejects import InputReport

if TYPE_CHECKING:
    from gestae.run.watch import RecordSink, Watcher


def register(app: typer.Typer) -> None:
    app.command()(watch)


def watch(
    directory: Annotated[
        Path | None, typer.Argument(help="Directory to watch for new .jsonl/.txt files.")
    ] = None,
    db: Annotated[
        Path | None, typer.Option(help="Store the events in this DuckDB file (as ingest does).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Append JSON Lines here (default: stdout without --db)."
        ),
    ] = None,
    jsonl_stdin: Annotated[
        bool, typer.Option(help="Code JSON Lines arriving on stdin instead of watching files.")
    ] = False,
    once: Annotated[
        bool, typer.Option(help="Stop when every file present has been coded.")
    ] = False,
    max_files: Annotated[
        int | None, typer.Option(min=1, help="Stop after this many files.")
    ] = None,
    interval: Annotated[float, typer.Option(min=0.01, help="Seconds between polls.")] = 2.0,
    settle: Annotated[
        float, typer.Option(min=0, help="Seconds a file must stay unchanged before it is read.")
    ] = 1.0,
    state: Annotated[
        Path | None, typer.Option(help="File remembering which files were coded.")
    ] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    wait: WaitOption = 0.0,
) -> None:
    """Code article files as they appear in DIRECTORY (or JSON Lines from stdin), to keep a
    store current. Stop with Ctrl-C, --once or --max-files."""
    from gestae.run.ingest import Ingester
    from gestae.run.watch import RecordSink, Watcher

    if (directory is None) == (not jsonl_stdin):
        fail(GestaeError("give a DIRECTORY to watch, or --jsonl-stdin (not both)"))
    when = date_option(published)
    report = InputReport(err)
    config = CoderConfig(model)
    code_many = _lazy_coder(config, batch_size=1 if jsonl_stdin else 16)
    try:
        with ExitStack() as stack:
            out: TextIO | None = None
            if output is not None:
                out = stack.enter_context(output.open("a", encoding="utf-8"))
            elif db is None:
                out = sys.stdout
            sink = RecordSink(code_many, out, on_rejection=report.add)
            if db is not None:
                from gestae.store.database import EventStore

                store = stack.enter_context(EventStore(db, wait=wait, on_wait=waiting))
                sink.ingester = Ingester(
                    store, code_many, config.fingerprint(), on_rejection=report.add
                )
            if jsonl_stdin:
                sink.consume(read_inputs(["-"], when, on_notice=report.add))
            else:
                assert directory is not None
                watcher = Watcher(directory, state, settle)
                _follow(watcher, sink, when, report, once, max_files, interval)
    except GestaeError as exc:
        fail(exc)
    err.print(report.summary(sink.articles), highlight=False)


def _lazy_coder(config: CoderConfig, batch_size: int) -> Callable[[Any], Any]:
    """`code_many` of a coder built on first use, so a watcher that never sees an article
    never loads the model."""
    coder = None

    def code_many(articles: Any) -> Any:
        nonlocal coder
        coder = coder or config.build()
        return coder.code_many(articles, batch_size=batch_size)

    return code_many


def _follow(
    watcher: Watcher,
    sink: RecordSink,
    when: date | None,
    report: InputReport,
    once: bool,
    max_files: int | None,
    interval: float,
) -> None:
    """Code each file the watcher finds ready, saying how many events it gave."""
    from gestae.run.watch import watch as watch_files

    def handle(path: Path) -> None:
        before = sink.events
        sink.consume(read_inputs([str(path)], when, on_notice=report.add))
        err.print(f"{escape(str(path))}: {sink.events - before} events", highlight=False)

    try:
        watch_files(watcher, handle, once, max_files, interval)
    except KeyboardInterrupt:
        err.print("stopped")
