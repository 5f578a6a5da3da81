"""The `gestae` command line: a thin layer over the pipeline, the store and the outputs.

Exit codes: 0 everything was coded; 1 some inputs were skipped (each reported on stderr,
summed up at the end, and listed by `--rejects FILE`); 2 nothing could be done (bad arguments,
missing model, unreadable store, or not one article coded). See docs/input.md.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from gestae.cli import rules
from gestae.errors import GestaeError
from gestae.input.read import Rejection, parse_published, read_inputs
from gestae.input.rejects import InputReport
from gestae.query.formats import as_dicts, render_table, write_csv, write_jsonl
from gestae.schema import Article
from gestae.version import __version__

if TYPE_CHECKING:
    from gestae.query.analysis import Filters

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Code news articles into PLOVER/CAMEO event records: who did what to whom, when, where.",
)
err = Console(stderr=True)
rules.register(app)

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
WAIT_HELP = "Wait up to SECONDS for another gestae process writing the store to finish."
STORE = Path("gestae.duckdb")


# Options several commands share, declared once.
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that give none.")
]
ModelOption = Annotated[str | None, typer.Option(help="Installed spaCy English pipeline to use.")]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary file (YAML); repeatable."),
]
NegatedOption = Annotated[bool, typer.Option(help="Keep negated events (flagged negated=true).")]
IncidentsOption = Annotated[
    bool, typer.Option(help="Emit accident/disaster casualty records (kind=incident).")
]
BatchOption = Annotated[int, typer.Option(min=1, help="Articles parsed per batch.")]
RejectsOption = Annotated[
    Path | None,
    typer.Option(help="Write each skipped input (and each warning) here as a JSON line."),
]
JobsOption = Annotated[
    int | None,
    typer.Option(min=1, help="Worker processes (default: all cores), one pipeline each."),
]
PrefilterOption = Annotated[
    bool, typer.Option(help="Fully parse only sentences that can hold an event (faster).")
]
WaitOption = Annotated[float, typer.Option(min=0, help=WAIT_HELP)]

StoreOption = Annotated[Path, typer.Option(help="The DuckDB event store.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")]
ActorFilterOption = Annotated[
    str | None, typer.Option(help="Only events with this source or target country.")
]
DyadFilterOption = Annotated[
    tuple[str, str] | None,
    typer.Option(metavar="A B", help="Only events between these two actors (either way)."),
]
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
LimitOption = Annotated[int | None, typer.Option(min=1)]


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gestae {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """gestae: res gestae, things done."""


@app.command()
def code(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.jsonl, .txt), directories, or - for stdin.")
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    published: PublishedOption = None,
    db: Annotated[
        Path | None, typer.Option(help="Also store articles and events in this DuckDB file.")
    ] = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    include_negated: NegatedOption = False,
    incidents: IncidentsOption = True,
    batch_size: BatchOption = 16,
    rejects: RejectsOption = None,
    wait: WaitOption = 0.0,
    jobs: JobsOption = None,
    prefilter: PrefilterOption = True,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address, or 'local' for a local cluster; writes Parquet "
            "partitions by month to the --output directory."
        ),
    ] = None,
) -> None:
    """Code articles into event records (JSON Lines by default).

    With --db, an article the store holds with the same text and coder is not coded again: its
    stored records are printed."""
    when = _date_option(published)
    report = InputReport(err)
    if dask is not None:
        if db is not None:
            _fail(GestaeError("--dask writes Parquet to --output DIR; it does not write --db"))
        _code_on_dask(inputs, dask, output, when, model, actors, include_negated, incidents,
                      prefilter, batch_size, report)  # fmt: skip
        return
    try:
        from functools import partial

        from gestae.engine.pipeline import Coder
        from gestae.run.parallel import ParallelCoder

        factory = partial(
            Coder,
            model=model,
            actor_files=tuple(actors or ()),
            include_negated=include_negated,
            include_incidents=incidents,
            prefilter=prefilter,
        )
        with ExitStack() as stack:
            coder = stack.enter_context(ParallelCoder(factory, jobs, batch_size))
            store = None
            if db is not None:
                from gestae.run.ingest import CoderSettings, Ingester
                from gestae.store.database import EventStore

                store = stack.enter_context(EventStore(db, wait=wait, on_wait=_waiting))
                _upgraded(store)
            out: TextIO = (
                stack.enter_context(output.open("w", encoding="utf-8", newline=""))
                if output
                else sys.stdout
            )
            if rejects is not None:
                report.rejects = stack.enter_context(rejects.open("w", encoding="utf-8"))

            def articles() -> Iterator[Article]:
                for item in read_inputs(inputs, when, on_notice=report.add):
                    if isinstance(item, Rejection):
                        report.add(item)
                    else:
                        yield item

            ingester = None
            if store is not None:
                settings = CoderSettings(
                    model, tuple(actors or ()), include_negated, incidents, prefilter
                )
                ingester = Ingester(
                    store,
                    coder.code_many,
                    settings.fingerprint(),
                    on_rejection=report.add,
                )

            def coded_dicts() -> Iterator[list[dict[str, Any]]]:
                """Each article's records; from the store when it holds them unchanged."""
                if ingester is None or store is None:
                    for coded in coder.code_many(articles()):
                        yield list(as_dicts(coded.records))
                    return
                for outcome in ingester.run(read_inputs(inputs, when, on_notice=report.add)):
                    if outcome.records is None:
                        yield store.article_records(outcome.article.id)
                    else:
                        yield list(as_dicts(outcome.records))

            collected: list[dict[str, Any]] = []
            csv_header = True
            n_articles = n_events = 0
            started = time.perf_counter()
            with _progress() as progress:
                task = progress.add_task("coding", total=None)
                for dicts in coded_dicts():
                    n_articles += 1
                    n_events += len(dicts)
                    if fmt is Format.jsonl:
                        write_jsonl(dicts, out)
                    elif fmt is Format.csv:
                        write_csv(dicts, out, header=csv_header)
                        csv_header = False
                    else:
                        collected.extend(dicts)
                    rate = n_articles / max(time.perf_counter() - started, 1e-9)
                    progress.update(
                        task,
                        description=f"{n_articles} articles, {n_events} events, {rate:.1f} articles/s",
                    )
            if fmt is Format.table:
                # Pipes and files get a wide table instead of Rich's 80-column default.
                console = Console(file=out, width=140) if output else _stdout_console()
                render_table(collected, console, f"{n_events} events from {n_articles} articles")
            if store is not None:
                stored_articles, stored_events = store.counts()
                err.print(
                    f"stored in {escape(str(db))}: {stored_articles} articles, {stored_events} events"
                )
                if ingester is not None:
                    err.print(ingester.stats.summary(), highlight=False)
            failed = coder.failed
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    err.print(report.summary(n_articles), highlight=False)
    if failed:
        err.print(f"[yellow]{failed} article(s) not coded: the coder failed on them[/yellow]")
    status = report.exit_code(n_articles)
    if failed and status == EXIT_OK:
        status = EXIT_PARTIAL
    if status:
        raise typer.Exit(status)


def _code_on_dask(
    inputs: list[str],
    address: str,
    output: Path | None,
    when: date | None,
    model: str | None,
    actors: list[Path] | None,
    include_negated: bool,
    incidents: bool,
    prefilter: bool,
    batch_size: int,
    report: InputReport,
) -> None:
    """`gestae code --dask`: batches of articles coded on a Dask cluster, into Parquet."""
    if output is None:
        _fail(GestaeError("--dask needs --output DIR, the directory for the Parquet partitions"))
    try:
        from gestae.run.dask_cluster import CoderSpec, code_on_dask

        spec = CoderSpec(model, tuple(actors or ()), include_negated, incidents, prefilter)
        items = read_inputs(inputs, when, on_notice=report.add)
        summary = code_on_dask(
            items, output, address, spec, batch_articles=batch_size * 4, on_rejection=report.add
        )
    except GestaeError as exc:
        _fail(exc)
    err.print(summary.describe(output), highlight=False)
    err.print(report.summary(summary.articles), highlight=False)
    if status := report.exit_code(summary.articles):
        raise typer.Exit(status)


@app.command()
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
    from gestae.run.ingest import CoderSettings, ingest_files

    when = _date_option(published)
    report = InputReport(err)
    settings = CoderSettings(model, tuple(actors or ()), include_negated, incidents, prefilter)
    try:
        with ExitStack() as stack:
            if rejects is not None:
                report.rejects = stack.enter_context(rejects.open("w", encoding="utf-8"))
            stats = ingest_files(
                inputs,
                db,
                settings,
                err,
                when,
                batch_size=batch_size,
                wait=wait,
                on_rejection=report.add,
                on_notice=report.add,
                jobs=jobs,
            )
    except GestaeError as exc:
        _fail(exc)
    err.print(f"{escape(str(db))}: {stats.summary()}", highlight=False)
    if report.skipped or report.warned:
        err.print(report.summary(stats.coded + stats.recoded), highlight=False)
    status = report.exit_code(stats.stored)
    if stats.failed and status == EXIT_OK:
        status = EXIT_PARTIAL  # some articles were read but could not be coded
    if status:
        raise typer.Exit(status)


@app.command()
def check(
    db: StoreOption = STORE,
    wait: WaitOption = 0.0,
) -> None:
    """Check a store's integrity; exit 0 when sound, 2 with the list of problems."""
    from gestae.store.integrity import check_store

    try:
        result = check_store(db, wait, _waiting)
    except GestaeError as exc:
        _fail(exc)
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


@app.command()
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
        with EventStore(db, wait=wait, on_wait=_waiting) as store:
            message = store.upgrade_message()
    except GestaeError as exc:
        _fail(exc)
    typer.echo(message or f"{db} is already at schema version {SCHEMA_VERSION}")


@app.command()
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
        _fail(exc)
    typer.echo(
        f"{db}: {stats.assigned} events assigned, {stats.created} clusters created, "
        f"{stats.touched} updated, {stats.deleted} removed"
    )
    for line in summary.lines():
        typer.echo(line)


def _waiting(note: str) -> None:
    err.print(escape(note), highlight=False)


def _upgraded(store: Any) -> None:
    """Say so when opening a store for writing upgraded its schema."""
    message = store.upgrade_message()
    if message:
        err.print(escape(message), highlight=False)


@app.command()
def events(
    db: StoreOption = STORE,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    event_type: TypeOption = None,
    actor: ActorFilterOption = None,
    dyad: DyadFilterOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    clusters: Annotated[
        bool, typer.Option(help="One record per clustered real event (its representative).")
    ] = False,
    limit: LimitOption = None,
) -> None:
    """List events from a store written by `gestae code --db`.

    Dates are event dates, or the publication date when the text gives none."""
    from gestae.query.analysis import event_records
    from gestae.store.database import EventStore

    try:
        filters = _filters(actor, dyad, event_type, since, until)
        with EventStore(db, read_only=True) as store:
            records = list(event_records(store.con, filters, limit, clusters))
    except GestaeError as exc:
        _fail(exc)
    if fmt is Format.jsonl:
        write_jsonl(records, sys.stdout)
    elif fmt is Format.csv:
        write_csv(records, sys.stdout)
    else:
        render_table(records, _stdout_console(), f"{len(records)} events in {db}")


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor (country code, e.g. GBR).")],
    b: Annotated[str, typer.Argument(help="Second actor (e.g. FRA).")],
    db: StoreOption = STORE,
    by: Annotated[Period, typer.Option(help="Length of each period.")] = Period.week,
    directed: Annotated[
        bool, typer.Option(help="Separate rows for A->B and B->A instead of both together.")
    ] = False,
    clusters: Annotated[
        bool, typer.Option(help="Count each clustered real event once (needs clustered store).")
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    plot: Annotated[
        Path | None, typer.Option(help="Also draw cooperation vs conflict to this .png or .svg.")
    ] = None,
) -> None:
    """Cooperation and conflict between two actors per day, week or month."""
    from gestae.query.analysis import dyad_series, plot_dyad
    from gestae.store.database import EventStore

    start, end = _date_option(since), _date_option(until)
    try:
        with EventStore(db, read_only=True) as store:
            frame = dyad_series(store.con, a, b, by.value, directed, clusters, start, end)
        if plot is not None:
            plot_dyad(frame, plot, f"{a.upper()} - {b.upper()} by {by.value}")
            err.print(f"chart written to {escape(str(plot))}", soft_wrap=True)
    except GestaeError as exc:
        _fail(exc)
    _print_frame(frame, fmt, f"{a.upper()} - {b.upper()} by {by.value} ({db})")


@app.command()
def actors(
    db: StoreOption = STORE,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many actors.")] = 20,
    clusters: Annotated[bool, typer.Option(help="Count each clustered real event once.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """The most active actors, with their events as source and as target."""
    from gestae.query.analysis import actors as top_actors
    from gestae.store.database import EventStore

    try:
        with EventStore(db, read_only=True) as store:
            frame = top_actors(store.con, _date_option(since), _date_option(until), limit, clusters)
    except GestaeError as exc:
        _fail(exc)
    _print_frame(frame, fmt, f"most active actors ({db})")


@app.command()
def network(
    db: StoreOption = STORE,
    since: SinceOption = None,
    until: UntilOption = None,
    min_events: Annotated[int, typer.Option(min=1, help="Leave out rarer dyads.")] = 1,
    limit: LimitOption = None,
    clusters: Annotated[bool, typer.Option(help="Count each clustered real event once.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Weighted directed dyads: events, quad classes and summed scores per source->target."""
    from gestae.query.analysis import network as dyad_network
    from gestae.store.database import EventStore

    try:
        with EventStore(db, read_only=True) as store:
            frame = dyad_network(
                store.con, _date_option(since), _date_option(until), min_events, limit, clusters
            )
    except GestaeError as exc:
        _fail(exc)
    _print_frame(frame, fmt, f"dyads ({db})")


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    db: StoreOption = STORE,
    event_type: TypeOption = None,
    actor: ActorFilterOption = None,
    dyad: DyadFilterOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    clusters: Annotated[
        bool, typer.Option(help="One row per clustered real event, with its report counts.")
    ] = False,
    limit: LimitOption = None,
) -> None:
    """Export events as JSON Lines, PLOVER JSON, CSV, Parquet or a GDELT 2.0 event table."""
    from gestae.query.export import export as write_export
    from gestae.store.database import EventStore

    try:
        filters = _filters(actor, dyad, event_type, since, until)
        with EventStore(db, read_only=True) as store:
            count = write_export(store.con, fmt.value, output, filters, limit, clusters)
    except GestaeError as exc:
        _fail(exc)
    err.print(f"exported {count} records to {escape(str(output))} ({fmt.value})", soft_wrap=True)


@app.command()
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
) -> None:
    """Start the web explorer over a store: overview, events, evidence, dyads, map, code text
    (docs/web.md). Read-only unless --allow-ingest."""
    import uvicorn

    from gestae.web.app import create_app
    from gestae.web.state import check_serving, is_loopback

    try:
        check_serving(host, allow_ingest, token)
        # Against DNS rebinding: on loopback, answer only requests addressed to loopback.
        hosts = ["127.0.0.1", "localhost"] if is_loopback(host) and ":" not in host else None
        web = create_app(db, allow_ingest, token, hosts=hosts)
    except GestaeError as exc:
        _fail(exc)
    mode = "ingest allowed" if allow_ingest else "read-only"
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


def _filters(
    actor: str | None,
    dyad: tuple[str, str] | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
) -> Filters:
    from gestae.query.analysis import Filters

    return Filters(actor, dyad, False, event_type, _date_option(since), _date_option(until))


def _fail(exc: GestaeError) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
    raise typer.Exit(EXIT_FAILED) from exc


def _print_frame(frame: Any, fmt: Format, title: str) -> None:
    """A query result as a terminal table, CSV or JSON Lines (dates as YYYY-MM-DD)."""
    import json

    from gestae.query.analysis import frame_rows

    if fmt is Format.jsonl:
        for row in frame_rows(frame):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt is Format.csv:
        frame.to_csv(sys.stdout, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        return
    table = Table(title=f"{title}: {len(frame)} rows")
    for column in frame.columns:
        numeric = frame[column].dtype.kind in "iuf"
        table.add_column(str(column), justify="right" if numeric else "left")
    for row in frame_rows(frame):
        table.add_row(*("" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
                        for v in row.values()))  # fmt: skip
    _stdout_console().print(table)


@app.command()
def explain(
    sentence: Annotated[str, typer.Argument(help="A sentence or short text to explain.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
) -> None:
    """Show the parse, the actors, the triggers and the rules behind each coded event."""
    from gestae.cli.explain import explain_text

    try:
        explain_text(sentence, _date_option(published), model, Console())
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc


@app.command()
def actor(
    phrase: Annotated[
        str, typer.Argument(help='An actor phrase, e.g. "Prime Minister Boris Johnson".')
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for time-aware offices.")
    ] = None,
    context: Annotated[str, typer.Option(help="Earlier text of the article, for references.")] = "",
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the actors as JSON.")] = False,
) -> None:
    """Resolve one actor phrase and show why: country, sector, name and the rule used."""
    from dataclasses import asdict

    from gestae.engine.pipeline import Coder

    try:
        coder = Coder(actor_files=actors or [])
        mention = coder.resolve_actor(phrase, _date_option(on), context)
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    found = mention.actors if mention else []
    if as_json:
        import json

        typer.echo(json.dumps([asdict(a) for a in found], ensure_ascii=False))
        return
    console = _stdout_console()
    if mention is not None and mention.media:
        console.print(f"{escape(phrase)}: a media outlet or platform, never an actor")
        return
    if not found:
        console.print(f"{escape(phrase)}: no actor (not in the dictionaries, or a generic noun)")
        raise typer.Exit(EXIT_PARTIAL)
    table = Table(title=f"{phrase}" + (f" on {on}" if on else ""))
    for column in ("country", "sector", "kind", "name", "wikidata", "why"):
        table.add_column(column, overflow="fold")
    for a in found:
        table.add_row(
            a.country or "-",
            a.sector or "-",
            a.kind,
            a.name or "-",
            a.wikidata or "-",
            escape(a.rule),
        )
    console.print(table)


@app.command(name="eval")
def evaluate_gold(
    gold: Annotated[Path, typer.Argument(help="Gold file.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="gestae | conflibert-class | conflibert-spans")
    ] = "gestae",
    model: Annotated[str | None, typer.Option(help="Installed spaCy English pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    prefilter: Annotated[
        bool, typer.Option(help="Fully parse only sentences that can hold an event.")
    ] = True,
) -> None:
    """Code gold sentences and print precision, recall and F1 by type and class."""
    from gestae.engine.pipeline import Coder
    from gestae.run.evaluation import evaluate

    try:
        coder = Coder(model=model, prefilter=prefilter)
        report = evaluate(gold, fmt, coder.code)
    except GestaeError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    if as_json:
        import json

        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    from gestae.run.evaluation import confusion_rows

    console = _stdout_console()
    console.print(
        f"[bold]{escape(str(gold))}[/bold] ({report.format}): {report.sentences} sentences"
    )
    for name, value in report.figures.items():
        console.print(f"  {name}: {value:.3f}")
    if report.scores:
        table = Table(title="scores")
        for column in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="right")
        for name, prf in report.scores.items():
            table.add_row(
                name,
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                str(prf.tp),
                str(prf.fp),
                str(prf.fn),
            )
        console.print(table)
    if report.per_class:
        table = Table(title="per class")
        for column in ("class", "precision", "recall", "F1", "gold", "predicted"):
            table.add_column(column, justify="right")
        for name, prf in sorted(report.per_class.items()):
            table.add_row(
                name,
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                str(prf.tp + prf.fn),
                str(prf.tp + prf.fp),
            )
        console.print(table)
    rows = list(confusion_rows(report))
    if rows:
        table = Table(title="confusion (rows gold, columns predicted; first event per sentence)")
        labels = [label for label, _ in rows]
        table.add_column("gold")
        for label in labels:
            table.add_column(label[:8], justify="right")
        for label, counts in rows:
            table.add_row(label, *[str(counts[p]) if counts[p] else "." for p in labels])
        console.print(table)


@app.command()
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
    from gestae.run.ingest import CoderSettings, Ingester
    from gestae.run.watch import RecordSink, Watcher
    from gestae.run.watch import watch as watch_files

    if (directory is None) == (not jsonl_stdin):
        _fail(GestaeError("give a DIRECTORY to watch, or --jsonl-stdin (not both)"))
    when = _date_option(published)
    report = InputReport(err)
    settings = CoderSettings(model)
    coder = None

    def code_many(articles: Any) -> Any:
        nonlocal coder
        coder = coder or settings.load()
        return coder.code_many(articles, batch_size=1 if jsonl_stdin else 16)

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

                store = stack.enter_context(EventStore(db, wait=wait, on_wait=_waiting))
                sink.ingester = Ingester(
                    store, code_many, settings.fingerprint(), on_rejection=report.add
                )
            if jsonl_stdin:
                sink.consume(read_inputs(["-"], when, on_notice=report.add))
            else:
                assert directory is not None
                watcher = Watcher(directory, state, settle)

                def handle(path: Path) -> None:
                    before = sink.events
                    sink.consume(read_inputs([str(path)], when, on_notice=report.add))
                    err.print(
                        f"{escape(str(path))}: {sink.events - before} events", highlight=False
                    )

                try:
                    watch_files(watcher, handle, once, max_files, interval)
                except KeyboardInterrupt:
                    err.print("stopped")
    except GestaeError as exc:
        _fail(exc)
    err.print(report.summary(sink.articles), highlight=False)


def _stdout_console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=140)


def _progress() -> Progress:
    """A live counter on a terminal; silent when stderr is a pipe or a file."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def main() -> None:
    app()
