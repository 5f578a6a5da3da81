"""`gestae code --dask`: batches coded on a Dask cluster land in Parquet partitioned by month,
survive a worker that dies, and are not coded twice by a re-run."""

from __future__ import annotations

import json
import logging
import os
import signal
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from gestae.engine.config import CoderConfig
from gestae.engine.pipeline import Coder
from gestae.input.read import Rejection
from gestae.run.dask_cluster import (
    Batch,
    batches,
    code_batch,
    code_on_dask,
    is_written,
    write_batch,
)
from gestae.schema import Article

SENTENCES = [
    "Russian troops attacked the Ukrainian town of {place} on Monday.",
    "France called on Germany to send aid to {place}.",
    "Police arrested dozens of protesters in {place} on Saturday.",
    "Turkey condemned the air strikes near {place}.",
]
PLACES = ["Izium", "Kharkiv", "Odesa", "Lviv", "Sumy", "Poltava"]


def _articles(n: int) -> list[Article]:
    return [
        Article(
            id=f"d{i:03d}",
            text=" ".join(
                SENTENCES[(i + k) % len(SENTENCES)].format(place=PLACES[(i + 2 * k) % len(PLACES)])
                for k in range(2)
            ),
            # two months, and one article with no date at all
            published=None if i == 5 else date(2024, 3 if i % 2 else 4, 1 + i % 28),
        )
        for i in range(n)
    ]


def _parquet(root: Path, columns: str = "*") -> list[tuple[Any, ...]]:
    query = f"SELECT {columns} FROM read_parquet(?, hive_partitioning=true) ORDER BY ALL"
    return duckdb.execute(query, [str(root / "**" / "*.parquet")]).fetchall()


def _expected(coder: Coder, articles: list[Article]) -> list[str]:
    return sorted(
        json.dumps(r.to_dict(), ensure_ascii=False)
        for c in coder.code_many(articles)
        for r in c.records
    )


def test_batches_are_numbered_in_input_order_and_rejections_reported() -> None:
    articles = _articles(5)
    rejected: list[Rejection] = []
    items: list[Article | Rejection] = [articles[0], Rejection("f", 2, "bad"), *articles[1:]]
    cut = list(batches(items, 2, rejected.append))
    assert [b.index for b in cut] == [0, 1, 2]
    assert [[a.id for a in b.articles] for b in cut] == [
        ["d000", "d001"],
        ["d002", "d003"],
        ["d004"],
    ]
    assert len(rejected) == 1


def test_written_batches_are_recognised_and_rewritten_cleanly(tmp_path: Path, coder: Coder) -> None:
    spec = CoderConfig()
    batch = Batch(0, _articles(4))
    rows = code_batch(spec, batch.articles)
    assert not is_written(tmp_path, batch)
    write_batch(tmp_path, batch, rows)
    assert is_written(tmp_path, batch)
    assert sorted(p.parent.name for p in tmp_path.rglob("*.parquet")) == [
        "month=2024-03",
        "month=2024-04",
    ]
    assert not list(tmp_path.rglob("*.tmp"))
    # The same batch number with other articles (an edited input) is not "written" ...
    changed = Batch(0, [Article("x", "Chinese officials met Indian diplomats.", date(2023, 1, 5))])
    assert not is_written(tmp_path, changed)
    # ... and writing it removes the old batch's files instead of leaving duplicates.
    write_batch(tmp_path, changed, code_batch(spec, changed.articles))
    assert [p.parent.name for p in tmp_path.rglob("*.parquet")] == ["month=2023-01"]
    assert {row[0] for row in _parquet(tmp_path, "article_id")} == {"x"}


def test_a_killed_worker_loses_no_article_and_a_rerun_codes_nothing(
    tmp_path: Path, coder: Coder
) -> None:
    from distributed import Client, LocalCluster

    articles = _articles(16)
    out = tmp_path / "out"
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    )
    killed: list[int] = []
    try:
        with Client(cluster) as client:

            def kill_a_worker(batch: Batch) -> None:
                if not killed:
                    pids = client.run(os.getpid)
                    victim = sorted(pids.values())[0]
                    os.kill(victim, signal.SIGKILL)
                    killed.append(victim)

            summary = code_on_dask(
                articles,
                out,
                cluster.scheduler_address,
                CoderConfig(),
                batch_articles=2,
                on_written=kill_a_worker,
            )
            assert killed, "a worker was killed during the run"
            assert (summary.articles, summary.batches, summary.skipped) == (16, 8, 0)
            got = sorted(row[0] for row in _parquet(out, "record"))
            assert got == _expected(coder, articles)
            # The partitions hold what their name says.
            for month, published in _parquet(out, "month, published"):
                assert month == (published.strftime("%Y-%m") if published else "unknown")

            again = code_on_dask(articles, out, cluster.scheduler_address, CoderConfig(), 2)
            assert (again.batches, again.skipped, again.records) == (8, 8, 0)
            assert sorted(row[0] for row in _parquet(out, "record")) == got
    finally:
        cluster.close()


def test_the_cli_needs_an_output_directory() -> None:
    from typer.testing import CliRunner

    from gestae.cli.app import app

    result = CliRunner().invoke(app, ["code", "-", "--dask", "local"], input="{}")
    assert result.exit_code == 2
    assert "--output" in (result.stderr or result.output)


@pytest.mark.parametrize("month", ["2024-03", "unknown"])
def test_duckdb_reads_the_month_column_from_the_path(tmp_path: Path, month: str) -> None:
    published = date(2024, 3, 9) if month != "unknown" else None
    batch = Batch(3, [Article("m", "Russian troops attacked Izium.", published)])
    write_batch(tmp_path, batch, code_batch(CoderConfig(), batch.articles))
    assert (tmp_path / f"month={month}" / "part-000003.parquet").exists()
    assert _parquet(tmp_path, "DISTINCT month") == [(month,)]
