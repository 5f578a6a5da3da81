"""`gestae code`: articles in, event records out (to stdout, a file, a store or a Dask cluster)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from gestae.cli.options import (
    EXIT_OK,
    EXIT_PARTIAL,
    ActorsOption,
    BatchOption,
    Format,
    IncidentsOption,
    JobsOption,
    ModelOption,
    NegatedOption,
    PrefilterOption,
    PublishedOption,
    RejectsOption,
    StatementsOption,
    WaitOption,
    date_option,
    err,
    fail,
    progress,
    stdout_console,
    upgraded,
    waiting,
)
from gestae.engine.config import CoderConfig
from gestae.errors import GestaeError
from gestae.input.read import Rejection, read_inputs
from gestae.input.rejects import InputReport
from gestae.query.formats import FORMATS, as_dicts, render_table
from gestae.schema import Article

if TYPE_CHECKING:
    from gestae.run.ingest import Ingester
    from gestae.run.parallel import ParallelCoder
    from gestae.store.database import EventStore


def register(app: typer.Typer) -> None:
    app.command()(code)


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
    statements: StatementsOption = True,
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
    when = date_option(published)
    _refuse_reading_own_output(inputs, {"--output": output, "--rejects": rejects})
    report = InputReport(err)
    config = CoderConfig(
        model,
        tuple(actors or ()),
        include_negated,
        incidents,
        prefilter,
        include_statements=statements,
    )
    if dask is not None:
        if db is not None:
            fail(GestaeError("--dask writes Parquet to --output DIR; it does not write --db"))
        _code_on_dask(inputs, dask, output, when, config, batch_size, report)
        return
    job = _Job(inputs, when, config, report, batch_size, jobs, wait)
    try:
        n_articles, failed = job.run(fmt, output, db, rejects)
    except GestaeError as exc:
        fail(exc)
    err.print(report.summary(n_articles), highlight=False)
    if failed:
        err.print(f"[yellow]{failed} article(s) not coded: the coder failed on them[/yellow]")
    status = report.exit_code(n_articles)
    if failed and status == EXIT_OK:
        status = EXIT_PARTIAL
    if status:
        raise typer.Exit(status)


def _refuse_reading_own_output(inputs: list[str], written: dict[str, Path | None]) -> None:
    """A file this run writes inside an input directory (or named as an input) would be read
    back while it grows, and the run would never end."""
    for option, path in written.items():
        if path is None or path.suffix not in (".jsonl", ".txt"):
            continue
        target = path.resolve()
        for name in inputs:
            if name == "-":
                continue
            given = Path(name).resolve()
            if target == given or (given.is_dir() and given in target.parents):
                fail(
                    GestaeError(
                        f"{option} {path} lies in the input {name}: gestae would read what it "
                        "writes; write it outside the input folder"
                    )
                )


class _Job:
    """One `gestae code` run on this machine: read, code (or take from the store), write."""

    def __init__(
        self,
        inputs: list[str],
        when: date | None,
        config: CoderConfig,
        report: InputReport,
        batch_size: int,
        jobs: int | None,
        wait: float,
    ) -> None:
        self.inputs, self.when, self.config, self.report = inputs, when, config, report
        self.batch_size, self.jobs, self.wait = batch_size, jobs, wait

    def run(
        self, fmt: Format, output: Path | None, db: Path | None, rejects: Path | None
    ) -> tuple[int, int]:
        """Code everything; returns the articles read and those the coder failed on."""
        from gestae.run.parallel import ParallelCoder

        with ExitStack() as stack:
            coder = stack.enter_context(
                ParallelCoder(self.config.build, self.jobs, self.batch_size)
            )
            store = None
            if db is not None:
                from gestae.store.database import EventStore

                store = stack.enter_context(EventStore(db, wait=self.wait, on_wait=waiting))
                upgraded(store)
            out: TextIO = (
                stack.enter_context(output.open("w", encoding="utf-8", newline=""))
                if output
                else sys.stdout
            )
            if rejects is not None:
                self.report.rejects = stack.enter_context(rejects.open("w", encoding="utf-8"))
            ingester = None
            if store is not None:
                from gestae.run.ingest import Ingester

                ingester = Ingester(
                    store, coder.code_many, self.config.fingerprint(), on_rejection=self.report.add
                )
            coded = self._coded_dicts(coder, store, ingester)
            n_articles = _write(coded, fmt, out, to_file=output is not None)
            if store is not None:
                stored_articles, stored_events = store.counts()
                err.print(
                    f"stored in {escape(str(db))}: {stored_articles} articles, {stored_events} events"
                )
                if ingester is not None:
                    err.print(ingester.stats.summary(), highlight=False)
            return n_articles, coder.failed

    def _articles(self) -> Iterator[Article]:
        for item in read_inputs(self.inputs, self.when, on_notice=self.report.add):
            if isinstance(item, Rejection):
                self.report.add(item)
            else:
                yield item

    def _coded_dicts(
        self, coder: ParallelCoder, store: EventStore | None, ingester: Ingester | None
    ) -> Iterator[list[dict[str, Any]]]:
        """Each article's records; from the store when it holds them unchanged."""
        if ingester is None or store is None:
            for coded in coder.code_many(self._articles()):
                yield list(as_dicts(coded.records))
            return
        items = read_inputs(self.inputs, self.when, on_notice=self.report.add)
        for outcome in ingester.run(items):
            if outcome.records is None:
                yield store.article_records(outcome.article.id)
            else:
                yield list(as_dicts(outcome.records))


def _write(coded: Iterable[list[dict[str, Any]]], fmt: Format, out: TextIO, to_file: bool) -> int:
    """Write each article's records as they come (a table at the end), with a live counter;
    returns how many articles there were."""
    target = FORMATS[fmt.value]
    collected: list[dict[str, Any]] = []
    header = True
    n_articles = n_events = 0
    started = time.perf_counter()
    with progress() as bar:
        task = bar.add_task("coding", total=None)
        for dicts in coded:
            n_articles += 1
            n_events += len(dicts)
            if target.streams and target.write is not None:
                target.write(dicts, out, header)
                header = False
            else:
                collected.extend(dicts)
            rate = n_articles / max(time.perf_counter() - started, 1e-9)
            bar.update(
                task,
                description=f"{n_articles} articles, {n_events} events, {rate:.1f} articles/s",
            )
    if not target.streams:
        # Pipes and files get a wide table instead of Rich's 80-column default.
        console = Console(file=out, width=140) if to_file else stdout_console()
        render_table(collected, console, f"{n_events} events from {n_articles} articles")
    return n_articles


def _code_on_dask(
    inputs: list[str],
    address: str,
    output: Path | None,
    when: date | None,
    config: CoderConfig,
    batch_size: int,
    report: InputReport,
) -> None:
    """`gestae code --dask`: batches of articles coded on a Dask cluster, into Parquet."""
    if output is None:
        fail(GestaeError("--dask needs --output DIR, the directory for the Parquet partitions"))
    try:
        from gestae.run.dask_cluster import code_on_dask

        items = read_inputs(inputs, when, on_notice=report.add)
        summary = code_on_dask(
            items, output, address, config, batch_articles=batch_size * 4, on_rejection=report.add
        )
    except GestaeError as exc:
        fail(exc)
    err.print(summary.describe(output), highlight=False)
    err.print(report.summary(summary.articles), highlight=False)
    if status := report.exit_code(summary.articles):
        raise typer.Exit(status)
