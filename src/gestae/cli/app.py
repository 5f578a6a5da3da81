"""The `gestae` command line: a thin layer over the pipeline, the store and the outputs.

This module holds the Typer app and registers the commands, one module per group (in the
order `gestae --help` lists them). Exit codes: 0 everything was coded; 1 some inputs were
skipped (each reported on stderr, summed up at the end, and listed by `--rejects FILE`); 2
nothing could be done (bad arguments, missing model, unreadable store, or not one article
coded). See docs/input.md and `gestae.cli.options`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from gestae.cli import (
    actor,
    code,
    evaluate,
    lexicon,
    query_commands,
    rules,
    serve,
    store_commands,
    watch,
)
from gestae.version import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Code news articles into PLOVER/CAMEO event records: who did what to whom, when, where.",
)


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


code.register(app)  # code
store_commands.register(app)  # ingest, check, migrate, cluster
query_commands.register(app)  # events, dyad, actors, network, export
serve.register(app)  # serve
actor.register(app)  # explain, actor
rules.register(app)  # rules
evaluate.register(app)  # eval
lexicon.register(app)  # lexicon
watch.register(app)  # watch


def main() -> None:
    app()
