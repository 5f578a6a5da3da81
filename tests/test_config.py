"""CoderConfig: one set of coder settings, and a fingerprint that follows the engine's code."""

from __future__ import annotations

import io
import pickle
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

import gestae.engine.config
from gestae.engine.config import ENGINE_PARTS, PACKAGE_ROOT, CoderConfig, engine_digest
from gestae.run.ingest import ingest_files
from gestae.store.database import EventStore


def _copy_package(target: Path) -> Path:
    shutil.copytree(PACKAGE_ROOT, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_engine_digest_changes_when_one_rule_file_changes(tmp_path: Path) -> None:
    copy = _copy_package(tmp_path / "gestae")
    before = engine_digest(copy)
    assert before == engine_digest(PACKAGE_ROOT)  # the copy reads the same
    rule_file = copy / "engine" / "events" / "suppression.py"
    rule_file.write_text(rule_file.read_text(encoding="utf-8") + "\n# one more rule\n", "utf-8")
    assert engine_digest(copy) != before


def test_engine_digest_covers_data_and_ignores_byte_code(tmp_path: Path) -> None:
    copy = _copy_package(tmp_path / "gestae")
    before = engine_digest(copy)
    cache = copy / "engine" / "__pycache__"
    cache.mkdir()
    (cache / "events.cpython-311.pyc").write_bytes(b"compiled")
    (copy / "cli" / "app.py").write_text("# the CLI does not code\n", encoding="utf-8")
    assert engine_digest(copy) == before
    data = sorted((copy / "resources" / "data").iterdir())[0]
    data.write_bytes(data.read_bytes() + b"\n")
    assert engine_digest(copy) != before
    assert {"schema.py", "engine", "resources", "input"} <= set(ENGINE_PARTS)


def test_fingerprint_follows_the_engine_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    before = CoderConfig().fingerprint()
    monkeypatch.setattr(gestae.engine.config, "installed_engine_digest", lambda: "edited engine")
    assert CoderConfig().fingerprint() != before


def test_config_pickles_hashes_and_builds_with_its_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = CoderConfig(model="some_model", include_negated=True, prefilter=False)
    assert pickle.loads(pickle.dumps(config)) == config
    assert {config: 1}[CoderConfig(model="some_model", include_negated=True, prefilter=False)]
    made: list[dict[str, Any]] = []

    def fake_coder(**options: Any) -> str:
        made.append(options)
        return "coder"

    import gestae.engine.pipeline

    monkeypatch.setattr(gestae.engine.pipeline, "Coder", fake_coder)
    assert config.build() == "coder"
    assert made[0]["model"] == "some_model" and made[0]["include_negated"] is True
    assert made[0]["prefilter"] is False and made[0]["block_chars"] == config.block_chars


class _Counting:
    """The real coder, noting which articles it was asked to code."""

    def __init__(self, coder: Any) -> None:
        self.coder = coder
        self.parsed: list[str] = []

    def code_many(self, articles: Iterable[Any], batch_size: int = 16) -> Iterator[Any]:
        for coded in self.coder.code_many(articles, batch_size=batch_size):
            self.parsed.append(coded.article.id)
            yield coded


def test_a_new_engine_recodes_stored_articles(
    tmp_path: Path, coder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "n1", "text": "Norway accused Chile of hiding the report.", '
        '"published": "2025-02-03"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "store.duckdb"
    console = Console(file=io.StringIO())

    def ingest() -> tuple[_Counting, Any]:
        counting = _Counting(coder)
        monkeypatch.setattr(CoderConfig, "build", lambda self: counting)
        return counting, ingest_files([str(feed)], db, CoderConfig(), console)

    first, stats = ingest()
    assert first.parsed == ["n1"] and stats.coded == 1
    again, stats = ingest()
    assert again.parsed == [] and stats.skipped == 1  # same engine: skipped
    monkeypatch.setattr(gestae.engine.config, "installed_engine_digest", lambda: "edited engine")
    recoded, stats = ingest()
    assert recoded.parsed == ["n1"] and stats.recoded == 1 and stats.skipped == 0
    with EventStore(db, read_only=True) as store:
        assert store.counts()[0] == 1
