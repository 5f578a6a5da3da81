"""Code on a Dask cluster: article batches are tasks, records land in Parquet by month.

`gestae code --dask ADDRESS --output DIR` (or `--dask local` for a cluster on this machine):
the client reads the input, cuts it into numbered batches, and submits one task per batch.
A task is a pure function of its batch (`code_batch`): each worker process loads the
pipeline once (`coder_for` caches it) and returns the batch's records as flat rows. When a
worker dies, the scheduler runs its tasks again elsewhere, so no article is lost.

The client writes each finished batch as `DIR/month=YYYY-MM/part-<batch>.parquet` (one file
per publication month in the batch; `month=unknown` when an article has no date), each file
written under a temporary name and then renamed, and finally a marker
`DIR/_batches/batch-<batch>.json`. A re-run skips every batch whose marker matches its
articles, so an interrupted run is finished by running the same command again. DuckDB reads
the result directly: `SELECT ... FROM read_parquet('DIR/**/*.parquet', hive_partitioning=true)`.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gestae.errors import GestaeError
from gestae.input.read import Rejection
from gestae.query.formats import FORMATS
from gestae.schema import FLAT_COLUMNS, Article, flatten

if TYPE_CHECKING:
    import pyarrow

    from gestae.engine.config import CoderConfig
    from gestae.engine.pipeline import Coder

BATCHES = "_batches"
UNKNOWN_MONTH = "unknown"
# Flat columns that are not text; the full record is kept as JSON in `record`.
_INTEGERS = ("sentence_index", "quad_class", "fatalities", "injured", "location_geonameid")
_FLOATS = ("intensity", "goldstein", "confidence", "location_lat", "location_lon")
_DATES = ("published", "date", "date_end")


@dataclass
class DaskSummary:
    articles: int = 0
    batches: int = 0
    skipped: int = 0  # batches a previous run had written already
    records: int = 0

    def describe(self, root: Path) -> str:
        return (
            f"{self.articles} articles in {self.batches} batches: "
            f"{self.batches - self.skipped} coded, {self.skipped} already written; "
            f"{self.records} records written to {root}"
        )


# -- on the workers ----------------------------------------------------------------------------

_coders: dict[CoderConfig, Coder] = {}
_loading = threading.Lock()


def coder_for(config: CoderConfig) -> Coder:
    """This process's Coder for `config`, loaded on first use (once per worker process)."""
    with _loading:
        coder = _coders.get(config)
        if coder is None:
            coder = _coders[config] = config.build()
        return coder


def code_batch(config: CoderConfig, articles: list[Article]) -> list[dict[str, Any]]:
    """The flat rows of every record of a batch; depends on nothing but its arguments. An
    article the coder fails on (it logs why, on the worker) gives no rows."""
    rows = []
    for coded in coder_for(config).code_many(articles):
        for record in coded.records:
            data = record.to_dict()
            row = flatten(data)
            row["record"] = json.dumps(data, ensure_ascii=False)
            rows.append(row)
    return rows


# -- on the client -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    index: int
    articles: list[Article]

    @property
    def digest(self) -> str:
        """Identifies the batch's content: the same articles give the same digest."""
        h = hashlib.sha256()
        for article in self.articles:
            h.update(article.id.encode("utf-8") + b"\x1f")
            h.update(hashlib.sha256(article.text.encode("utf-8")).digest())
            h.update(str(article.published).encode("utf-8") + b"\x1e")
        return h.hexdigest()[:16]


def batches(
    items: Iterable[Article | Rejection],
    size: int,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> Iterator[Batch]:
    """Numbered batches of `size` articles, in input order."""
    if size < 1:
        raise GestaeError("a batch must hold at least one article")
    current: list[Article] = []
    index = 0
    for item in items:
        if isinstance(item, Rejection):
            if on_rejection is not None:
                on_rejection(item)
            continue
        current.append(item)
        if len(current) == size:
            yield Batch(index, current)
            index, current = index + 1, []
    if current:
        yield Batch(index, current)


def code_on_dask(
    items: Iterable[Article | Rejection],
    root: Path,
    address: str,
    config: CoderConfig,
    batch_articles: int = 64,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_written: Callable[[Batch], None] | None = None,
) -> DaskSummary:
    """Code every article on the cluster at `address` ("local": start one) into `root`."""
    root.mkdir(parents=True, exist_ok=True)
    summary = DaskSummary()
    with _client(address) as client:
        threads = sum(client.nthreads().values()) or 1
        running = _distributed().as_completed()
        submitted: dict[Any, Batch] = {}

        def finish(future: Any) -> None:
            batch = submitted.pop(future.key)
            rows = future.result()
            write_batch(root, batch, rows)
            summary.records += len(rows)
            future.release()
            if on_written is not None:
                on_written(batch)

        for batch in batches(items, batch_articles, on_rejection):
            summary.batches += 1
            summary.articles += len(batch.articles)
            if is_written(root, batch):
                summary.skipped += 1
                continue
            future = client.submit(
                code_batch,
                config,
                batch.articles,
                key=f"gestae-batch-{batch.index:06d}-{batch.digest}",
                pure=True,
                retries=2,
            )
            submitted[future.key] = batch
            running.add(future)
            while running.count() >= 2 * threads:
                finish(next(running))
        for future in running:
            finish(future)
    return summary


def _distributed() -> Any:
    """The `distributed` package, imported when used (it is slow to import and untyped)."""
    return importlib.import_module("distributed")


@contextmanager
def _client(address: str) -> Iterator[Any]:
    from gestae.run.parallel import available_cores

    dist = _distributed()
    if address == "local":
        cluster = dist.LocalCluster(
            n_workers=available_cores(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        try:
            with dist.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = dist.Client(address, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise GestaeError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        yield client


# -- the output directory ------------------------------------------------------------------------


def month_of(row: dict[str, Any]) -> str:
    published = row.get("published")
    return str(published)[:7] if published else UNKNOWN_MONTH


def marker_path(root: Path, batch: Batch) -> Path:
    return root / BATCHES / f"batch-{batch.index:06d}.json"


def is_written(root: Path, batch: Batch) -> bool:
    """True when a run wrote this batch, with these same articles, completely."""
    try:
        marker = json.loads(marker_path(root, batch).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and marker.get("digest") == batch.digest


def write_batch(root: Path, batch: Batch, rows: list[dict[str, Any]]) -> None:
    """One Parquet file per month, then the marker; every file appears whole or not at all."""
    by_month: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_month.setdefault(month_of(row), []).append(row)
    name = f"part-{batch.index:06d}.{FORMATS['parquet'].extension}"
    marker = marker_path(root, batch)
    try:  # a batch written before with other articles: drop its old files first
        old = json.loads(marker.read_text(encoding="utf-8"))
        stale = [m for m in old.get("months", []) if m not in by_month]
        marker.unlink()
    except (OSError, ValueError, AttributeError):
        stale = []
    for month in stale:
        (root / f"month={month}" / name).unlink(missing_ok=True)
    import pyarrow.parquet as pq

    for month, month_rows in sorted(by_month.items()):
        path = root / f"month={month}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic(path, partial(pq.write_table, _table(month_rows)))
    summary = {
        "digest": batch.digest,
        "articles": len(batch.articles),
        "records": len(rows),
        "months": sorted(by_month),
        "first_article": batch.articles[0].id if batch.articles else None,
    }
    marker.parent.mkdir(parents=True, exist_ok=True)
    _atomic(marker, lambda tmp: tmp.write_text(json.dumps(summary), encoding="utf-8"))


def _atomic(path: Path, write: Callable[[Path], object]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def parquet_schema() -> pyarrow.Schema:
    """The columns of every part file: the flat record of schema.py plus the JSON record."""
    import pyarrow as pa

    fields = []
    for column in FLAT_COLUMNS:
        if column in _INTEGERS:
            kind: pa.DataType = pa.int64()
        elif column in _FLOATS:
            kind = pa.float64()
        elif column in _DATES:
            kind = pa.date32()
        elif column == "negated":
            kind = pa.bool_()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    fields.append(pa.field("record", pa.string()))
    return pa.schema(fields)


def _table(rows: list[dict[str, Any]]) -> pyarrow.Table:
    import pyarrow as pa

    schema = parquet_schema()
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for row in rows:
        for name in schema.names:
            value = row.get(name)
            if name in _DATES and isinstance(value, str):
                value = date.fromisoformat(value)
            columns[name].append(value)
    return pa.table(columns, schema=schema)
