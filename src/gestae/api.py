"""The Python API: `gestae.open(db)` for analyses of a store, `gestae.code_text(...)` for
coding one text without a store.

    import gestae
    with gestae.open("events.duckdb") as db:
        weekly = db.dyad("GBR", "FRA", by="week")          # pandas DataFrame
        table = db.to_arrow("network", since=date(2024, 1, 1))

The queries are those of `gestae.query.analysis` (documented in docs/analysis.md).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from gestae.engine.config import CoderConfig
from gestae.errors import InputError
from gestae.query import analysis
from gestae.store.database import EventStore

if TYPE_CHECKING:
    import duckdb
    import pandas as pd
    import pyarrow as pa

    from gestae.engine.pipeline import Coder


class EventDB:
    """A read-only view of an event store; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._store = EventStore(self.path, read_only=True)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for queries of your own (bind parameters with `?`)."""
        return self._store.con

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        directed: bool = False,
        clusters: bool = False,
    ) -> pd.DataFrame:
        """Flat event rows; see `gestae.query.analysis.events`."""
        return analysis.events(
            self.con, actor, dyad, event_type, since, until, limit, directed, clusters
        )

    def dyad(
        self,
        a: str,
        b: str,
        by: str = "week",
        directed: bool = False,
        clusters: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> pd.DataFrame:
        """Cooperation and conflict between two actors per period; see `analysis.dyad_series`."""
        return analysis.dyad_series(self.con, a, b, by, directed, clusters, since, until)

    def actors(
        self,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = 20,
        clusters: bool = False,
    ) -> pd.DataFrame:
        """Most active actors; see `gestae.query.analysis.actors`."""
        return analysis.actors(self.con, since, until, limit, clusters)

    def network(
        self,
        since: date | None = None,
        until: date | None = None,
        min_events: int = 1,
        limit: int | None = None,
        clusters: bool = False,
    ) -> pd.DataFrame:
        """Weighted directed dyads; see `gestae.query.analysis.network`."""
        return analysis.network(self.con, since, until, min_events, limit, clusters)

    def clusters(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        directed: bool = False,
    ) -> pd.DataFrame:
        """Event clusters with their representative record; see `gestae.query.analysis.clusters`."""
        return analysis.clusters(self.con, actor, dyad, event_type, since, until, limit, directed)

    def to_arrow(self, query: str = "events", **options: Any) -> pa.Table:
        """The result of one query (events, dyad, actors, network, clusters) as an Arrow
        table, straight from DuckDB without a pandas copy."""
        return analysis.run(self.con, self._query(query, options), arrow=True)

    def to_polars(self, query: str = "events", **options: Any) -> Any:
        """The result of one query as a polars DataFrame (needs polars installed)."""
        try:
            polars = importlib.import_module("polars")
        except ImportError as exc:
            raise ImportError(
                "to_polars() needs the polars package, which is not installed; install it "
                "(pip install polars) or use to_arrow() or the pandas methods instead"
            ) from exc
        return polars.from_arrow(self.to_arrow(query, **options))

    def _query(self, query: str, options: dict[str, Any]) -> analysis.Query:
        builders: dict[str, Callable[..., analysis.Query]] = {
            "events": _events_query,
            "dyad": analysis.dyad_query,
            "actors": analysis.actors_query,
            "network": analysis.network_query,
            "clusters": _clusters_query,
        }
        if query not in builders:
            raise analysis.QueryError(f"unknown query {query!r}; use one of {', '.join(builders)}")
        try:
            return builders[query](self.con, **options)
        except TypeError as exc:
            raise analysis.QueryError(f"{query}: {exc}") from exc

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> EventDB:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _filters(options: dict[str, Any]) -> tuple[analysis.Filters, dict[str, Any]]:
    names = ("actor", "dyad", "directed", "event_type", "since", "until")
    chosen = {k: options.pop(k) for k in names if k in options}
    return analysis.Filters(**chosen), options


def _events_query(con: duckdb.DuckDBPyConnection, **options: Any) -> analysis.Query:
    filters, rest = _filters(options)
    return analysis.events_query(con, filters, **rest)


def _clusters_query(con: duckdb.DuckDBPyConnection, **options: Any) -> analysis.Query:
    filters, rest = _filters(options)
    return analysis.clusters_query(con, filters, **rest)


def open(db: str | Path) -> EventDB:
    """Open an event store written by `gestae code --db`, read-only (named after the builtin it
    shadows only inside this module, which never needs the builtin)."""
    return EventDB(db)


def code_text(
    text: str,
    published: date | str | None = None,
    *,
    article_id: str = "text",
    model: str | None = None,
    actor_files: Sequence[str | Path] = (),
    include_negated: bool = False,
    include_incidents: bool = True,
    include_statements: bool = True,
) -> list[dict[str, Any]]:
    """Code one text and return its records as dicts in the output contract.

    The coder (spaCy pipeline and dictionaries) is built on first use and kept for later calls
    with the same options, so a loop over texts loads the model once."""
    from gestae.input.read import parse_published
    from gestae.schema import Article

    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    try:
        when = parse_published(published)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    config = CoderConfig(
        model=model,
        actor_files=tuple(Path(f) for f in actor_files),
        include_negated=include_negated,
        include_incidents=include_incidents,
        include_statements=include_statements,
    )
    article = Article(id=article_id, text=text, published=when)
    return [record.to_dict() for record in cached_coder(config).code(article)]


@functools.lru_cache(maxsize=2)
def cached_coder(config: CoderConfig) -> Coder:
    """The Coder for `config`, built once: loading the model takes seconds."""
    return config.build()
