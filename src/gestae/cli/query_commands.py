"""Commands that read a store: events, dyad, actors, network, export."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from gestae.cli.options import (
    STORE,
    ActorFilterOption,
    DyadFilterOption,
    Format,
    LimitOption,
    SinceOption,
    StoreOption,
    TypeOption,
    UntilOption,
    date_option,
    err,
    fail,
    stdout_console,
    store_filters,
)
from gestae.errors import GestaeError
from gestae.query.formats import FORMATS, render_table, write_jsonl


def register(app: typer.Typer) -> None:
    for command in (events, dyad, actors, network, export):
        app.command()(command)


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
        filters = store_filters(actor, dyad, event_type, since, until)
        with EventStore(db, read_only=True) as store:
            records = list(event_records(store.con, filters, limit, clusters))
    except GestaeError as exc:
        fail(exc)
    write = FORMATS[fmt.value].write
    if write is not None:
        write(records, sys.stdout, True)
    else:
        render_table(records, stdout_console(), f"{len(records)} events in {db}")


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

    start, end = date_option(since), date_option(until)
    try:
        with EventStore(db, read_only=True) as store:
            frame = dyad_series(store.con, a, b, by.value, directed, clusters, start, end)
        if plot is not None:
            plot_dyad(frame, plot, f"{a.upper()} - {b.upper()} by {by.value}")
            err.print(f"chart written to {escape(str(plot))}", soft_wrap=True)
    except GestaeError as exc:
        fail(exc)
    print_frame(frame, fmt, f"{a.upper()} - {b.upper()} by {by.value} ({db})")


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
            frame = top_actors(store.con, date_option(since), date_option(until), limit, clusters)
    except GestaeError as exc:
        fail(exc)
    print_frame(frame, fmt, f"most active actors ({db})")


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
                store.con, date_option(since), date_option(until), min_events, limit, clusters
            )
    except GestaeError as exc:
        fail(exc)
    print_frame(frame, fmt, f"dyads ({db})")


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
        filters = store_filters(actor, dyad, event_type, since, until)
        with EventStore(db, read_only=True) as store:
            count = write_export(store.con, fmt.value, output, filters, limit, clusters)
    except GestaeError as exc:
        fail(exc)
    err.print(f"exported {count} records to {escape(str(output))} ({fmt.value})", soft_wrap=True)


def print_frame(frame: Any, fmt: Format, title: str) -> None:
    """A query result as a terminal table, CSV or JSON Lines (dates as YYYY-MM-DD)."""
    from gestae.query.analysis import frame_rows

    if fmt is Format.jsonl:
        write_jsonl(frame_rows(frame), sys.stdout)
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
    stdout_console().print(table)
