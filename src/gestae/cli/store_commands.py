"""Commands that write or look after a store: ingest, check, migrate, cluster."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from gestae.cli.options import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    STORE,
    ActorsOption,
    BatchOption,
    IncidentsOption,
    ModelOption,
    NegatedOption,
    PrefilterOption,
    PublishedOption,
    RejectsOption,
    StatementsOption,
    StoreOption,
    WaitOption,
    date_option,
    err,
    fail,
    waiting,
)
from gestae.errors import GestaeError
from gestae.input.rejects import InputReport


def register(app: typer.Typer) -> None:
    for command in (ingest, check, migrate, cluster):
        app.command()(command)


def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.jsonl, .txt), directories, or - for stdin.")
    ],
    db: Annotated[Path, typer.Option(help="The DuckDB event store (made if absent).")] = STORE,
    published: PublishedOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    include_negated: NegatedOption = False,
    incidents: IncidentsOption = True,
    statements: StatementsOption = True,
    batch_size: BatchOption = 16,
    rejects: RejectsOption = None,
    wait: WaitOption = 0.0,
    jobs: Annotated[
        int,
        typer.Option(min=1, help="Worker processes coding in parallel (one pipeline each)."),
    ] = 1,
    prefilter: PrefilterOption = True,
) -> None:
    """Code articles into a store; skip those it holds with the same text and coder.

    A changed text or another coder version re-codes an article and replaces its events. Run it
    again after an interruption to finish the job. Ends with the counts coded / skipped
    (unchanged) / re-coded / rejected."""
    from gestae.engine.config import CoderConfig
    from gestae.run.ingest import ingest_files

    when = date_option(published)
    report = InputReport(err)
    config = CoderConfig(
        model,
        tuple(actors or ()),
        include_negated,
        incidents,
        prefilter,
        include_statements=statements,
    )
    try:
        with ExitStack() as stack:
            if rejects is not None:
                report.rejects = stack.enter_context(rejects.open("w", encoding="utf-8"))
            stats = ingest_files(
                inputs,
                db,
                config,
                err,
                when,
                batch_size=batch_size,
                wait=wait,
                on_rejection=report.add,
                on_notice=report.add,
                jobs=jobs,
            )
    except GestaeError as exc:
        fail(exc)
    err.print(f"{escape(str(db))}: {stats.summary()}", highlight=False)
    if report.skipped or report.warned:
        err.print(report.summary(stats.coded + stats.recoded), highlight=False)
    status = report.exit_code(stats.stored)
    if stats.failed and status == EXIT_OK:
        status = EXIT_PARTIAL  # some articles were read but could not be coded
    if status:
        raise typer.Exit(status)


def check(
    db: StoreOption = STORE,
    wait: WaitOption = 0.0,
) -> None:
    """Check a store's integrity; exit 0 when sound, 2 with the list of problems."""
    from gestae.store.integrity import check_store

    try:
        result = check_store(db, wait, waiting)
    except GestaeError as exc:
        fail(exc)
    for note in result.notes:
        err.print(f"note: {escape(note)}", highlight=False)
    if result.sound:
        clusters = "" if result.clusters is None else f", {result.clusters} clusters"
        typer.echo(
            f"{db} is sound: schema version {result.version}, {result.articles} articles, "
            f"{result.events} events{clusters}"
        )
        return
    typer.echo(f"{db} has {len(result.problems)} problem(s):")
    for problem in result.problems:
        typer.echo(f"  - {problem}")
    raise typer.Exit(EXIT_FAILED)


def migrate(
    db: StoreOption = STORE,
    wait: WaitOption = 0.0,
) -> None:
    """Upgrade a store to this gestae's schema, in one transaction, keeping every row."""
    from gestae.errors import StoreError
    from gestae.store.database import SCHEMA_VERSION, EventStore

    try:
        if not db.exists():
            raise StoreError(f"no event store at {db}")
        with EventStore(db, wait=wait, on_wait=waiting) as store:
            message = store.upgrade_message()
    except GestaeError as exc:
        fail(exc)
    typer.echo(message or f"{db} is already at schema version {SCHEMA_VERSION}")


def cluster(
    db: StoreOption = STORE,
    rebuild: Annotated[
        bool, typer.Option(help="Drop every cluster and cluster the whole store again.")
    ] = False,
    wait: WaitOption = 0.0,
) -> None:
    """Group the reports of one real event into clusters (docs/clusters.md); print counts.

    Ingest already clusters as it writes; this catches up a store whose events are not all
    clustered, and --rebuild starts over (cluster ids come out the same)."""
    from gestae.store.cluster import cluster_store

    try:
        stats, summary = cluster_store(db, rebuild, wait)
    except GestaeError as exc:
        fail(exc)
    typer.echo(
        f"{db}: {stats.assigned} events assigned, {stats.created} clusters created, "
        f"{stats.touched} updated, {stats.deleted} removed"
    )
    for line in summary.lines():
        typer.echo(line)
