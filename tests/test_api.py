"""The Python API: gestae.open (DataFrames, Arrow, context manager) and gestae.code_text."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest

import gestae
import gestae.api
from gestae.errors import InputError, StoreError
from gestae.query.analysis import QueryError
from tests.conftest import ROOT
from tests.synthetic_store import Spec, build_store

SPECS = [
    Spec("a1", "CONSULT", "GBR", "FRA", date(2024, 3, 4)),
    Spec("a1", "ACCUSE", "FRA", "GBR", date(2024, 3, 20)),
    Spec("a2", "AID", "DEU", "UKR", date(2024, 3, 5)),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "s.duckdb", SPECS)


def test_import_gestae_loads_neither_spacy_nor_pandas() -> None:
    probe = (
        "import sys, gestae; "
        "assert callable(gestae.open) and callable(gestae.code_text); "
        "print(sorted(m for m in ('spacy', 'pandas') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_open_gives_dataframes_and_closes(store: Path) -> None:
    with gestae.open(store) as db:
        events = db.events(dyad=("GBR", "FRA"))
        assert list(events["event_type"]) == ["CONSULT", "ACCUSE"]
        weekly = db.dyad("GBR", "FRA", by="week")
        assert weekly["events"].tolist() == [1, 0, 1]  # weeks of 03-04, 03-11 (none), 03-18
        assert db.actors(limit=2)["actor"].tolist() == ["FRA", "GBR"]
        assert db.network(min_events=1)[["source", "target"]].values.tolist() == [
            ["DEU", "UKR"],
            ["FRA", "GBR"],
            ["GBR", "FRA"],
        ]
        with pytest.raises(QueryError, match="in no cluster yet"):
            db.clusters()
    with pytest.raises(Exception, match="closed"):
        db.con.execute("SELECT 1")


def test_to_arrow_matches_the_dataframes(store: Path) -> None:
    with gestae.open(store) as db:
        table = db.to_arrow("events", actor="DEU")
        assert table.column("event_type").to_pylist() == ["AID"]
        series = db.to_arrow("dyad", a="GBR", b="FRA", by="month")
        assert (
            series.column("events").to_pylist()
            == db.dyad("GBR", "FRA", by="month")["events"].tolist()
        )
        with pytest.raises(QueryError, match="unknown query 'timeline'"):
            db.to_arrow("timeline")
        with pytest.raises(QueryError, match="unexpected keyword argument 'colour'"):
            db.to_arrow("network", colour="red")


@pytest.mark.skipif(
    importlib.util.find_spec("polars") is not None, reason="polars is installed here"
)
def test_to_polars_without_polars_says_so(store: Path) -> None:
    with gestae.open(store) as db, pytest.raises(ImportError, match="needs the polars package"):
        db.to_polars("events")


def test_open_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no event store at"):
        gestae.open(tmp_path / "absent.duckdb")


class _CountingCoder:
    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, **options: Any) -> None:
        self.made.append(options)

    def code(self, article: Any) -> list[Any]:
        return []


def test_code_text_builds_one_coder_per_set_of_options(monkeypatch: pytest.MonkeyPatch) -> None:
    import gestae.engine.pipeline

    monkeypatch.setattr(gestae.engine.pipeline, "Coder", _CountingCoder)
    gestae.api.cached_coder.cache_clear()
    try:
        assert gestae.code_text("One.") == [] and gestae.code_text("Two.") == []
        assert len(_CountingCoder.made) == 1
        gestae.code_text("Three.", include_negated=True)
        assert len(_CountingCoder.made) == 2 and _CountingCoder.made[1]["include_negated"]
    finally:
        gestae.api.cached_coder.cache_clear()


def test_code_text_returns_contract_dicts(coder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gestae.api, "cached_coder", lambda *options: coder)
    records = gestae.code_text(
        "Russian police arrested dozens of protesters in Moscow on Saturday.",
        published="2024-03-04",
    )
    assert [(r["event_type"], r["source"]["country"]) for r in records] == [("COERCE", "RUS")]
    assert records[0]["published"] == "2024-03-04" and records[0]["article_id"] == "text"
    assert records[0]["date"]["value"] == "2024-03-02"  # the Saturday before publication
    with pytest.raises(InputError, match="not a YYYY-MM-DD date"):
        gestae.code_text("Anything.", published="2024-13-45")
    with pytest.raises(InputError, match="text must be a string"):
        gestae.code_text(b"bytes")  # type: ignore[arg-type]
