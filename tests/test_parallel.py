"""`--jobs N`: worker processes give the records of a single-process run, in input order."""

from __future__ import annotations

import copy
import json
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gestae.cli.app import app
from gestae.engine.pipeline import CodedArticle, Coder
from gestae.errors import GestaeError
from gestae.run.parallel import ParallelCoder
from gestae.schema import Article, EventRecord

SENTENCES = [
    "Russian troops attacked the Ukrainian town of {place} on Monday.",
    "France called on Germany to send aid to {place}.",
    "Police arrested dozens of protesters in {place} on Saturday.",
    "The weather in {place} was mild and nothing happened.",
    "Turkey condemned the air strikes near {place}.",
]
PLACES = ["Izium", "Kharkiv", "Odesa", "Lviv", "Sumy", "Poltava", "Dnipro", "Kherson", "Mykolaiv"]


def _articles(n: int) -> list[Article]:
    return [
        Article(
            id=f"a{i:03d}",
            text=" ".join(
                SENTENCES[(i + k) % len(SENTENCES)].format(place=PLACES[(i * 3 + k) % len(PLACES)])
                for k in range(3)
            ),
        )
        for i in range(n)
    ]


def test_workers_return_the_records_of_one_process_in_input_order(coder: Coder) -> None:
    articles = _articles(14)
    expected = [[r.to_dict() for r in c.records] for c in coder.code_many(articles)]
    with ParallelCoder(partial(Coder), jobs=2, chunk_articles=3) as pool:
        got = [(c.article.id, [r.to_dict() for r in c.records]) for c in pool.code_many(articles)]
        assert pool.uses_workers
    assert [article_id for article_id, _ in got] == [a.id for a in articles]
    assert [records for _, records in got] == expected
    assert sum(map(len, expected)) > 14


def test_a_small_input_is_coded_without_starting_workers(coder: Coder) -> None:
    with ParallelCoder(lambda: coder, jobs=2, chunk_articles=10) as pool:
        coded = list(pool.code_many(_articles(3)))
        assert not pool.uses_workers
    assert [c.article.id for c in coded] == ["a000", "a001", "a002"]


def test_a_worker_that_cannot_load_the_model_reports_why() -> None:
    factory = partial(Coder, model="no_such_spacy_model")
    with (
        ParallelCoder(factory, jobs=2, chunk_articles=1) as pool,
        pytest.raises(GestaeError, match="no_such_spacy_model"),
    ):
        list(pool.code_many(_articles(3)))


def test_jobs_must_be_positive() -> None:
    with pytest.raises(GestaeError, match="at least 1"):
        ParallelCoder(partial(Coder), jobs=0)


def test_cli_jobs_2_writes_what_jobs_1_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": a.id, "text": a.text, "published": "2024-03-04"} for a in _articles(40)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        result = CliRunner().invoke(app, ["code", str(corpus), "--jobs", jobs, "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) > 40


def _fragile(coder: Coder) -> Coder:
    """The session coder, failing inside the events stage on any text with "BOOM"."""
    fragile = copy.copy(coder)
    fragile.events = copy.copy(coder.events)
    find = coder.events.find

    def find_or_fail(sent: Any, actors: Any) -> Any:
        if "BOOM" in sent.doc.text:
            raise RuntimeError("simulated bug")
        return find(sent, actors)

    fragile.events.find = find_or_fail  # type: ignore[method-assign]
    return fragile


def test_an_article_the_coder_fails_on_is_left_out_and_reported(coder: Coder) -> None:
    articles = _articles(5)
    articles[2] = Article(id="bad", text="BOOM. Russian troops attacked Izium.")
    errors: list[tuple[str, str]] = []
    coded = list(
        _fragile(coder).code_many(articles, on_error=lambda a, e: errors.append((a.id, str(e))))
    )
    assert [c.article.id for c in coded] == ["a000", "a001", "a003", "a004"]
    assert errors == [("bad", "simulated bug")]
    with pytest.raises(RuntimeError, match="simulated bug"):
        _fragile(coder).code(articles[2])  # one article asked for: the error is raised


def test_a_worker_leaves_out_what_it_failed_on_in_its_place(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gestae.run import parallel

    articles = _articles(4)
    articles[1] = Article(id="bad", text="BOOM. Police arrested protesters.")
    monkeypatch.setattr(parallel, "_coder", _fragile(coder))
    result = parallel._code_chunk(articles, 16)
    assert [r is None for r in result] == [False, True, False, False]
    future: Future[list[list[EventRecord] | None]] = Future()
    future.set_result(result)
    pool = ParallelCoder(partial(Coder), jobs=2)
    kept = list(pool._finished((articles, future), CodedArticle))
    assert [c.article.id for c in kept] == ["a000", "a002", "a003"]
    assert pool.failed == 1
