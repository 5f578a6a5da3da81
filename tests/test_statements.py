"""CAMEO 01x statements as records of kind "statement" (docs/contract.md, "Statements"): coded
with their speaker, never counted as PLOVER events, and left out on request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from gestae.api import cached_coder, code_text
from gestae.cli.app import app
from gestae.engine.config import CoderConfig
from gestae.query import analysis
from gestae.schema import Article
from gestae.store.database import EventStore

# Invented: a condolence message and a denial, then one event.
TEXT = (
    "Brazil expressed condolences to Bangladesh over the factory fire. "
    "Peru rejected accusations by Chile that its navy had entered the bay. "
    "Chile recalled its ambassador from Lima."
)
PUBLISHED = "2024-05-14"


def test_statements_carry_a_cameo_code_and_no_plover_type() -> None:
    records = code_text(TEXT, PUBLISHED)
    statements = [r for r in records if r["kind"] == "statement"]
    assert [(r["cameo"], r["source"]["country"], r["target"]["country"]) for r in statements] == [
        ("018", "BRA", "BGD"),
        ("016", "PER", "CHL"),
    ]
    for record in statements:
        assert record["event_type"] is None and record["quad_class"] is None
        assert record["intensity"] is None and record["mode"] is None
        assert "record.statement" in record["rules"]
    assert statements[0]["goldstein"] == 3.4  # CAMEO 018, express sympathy
    assert [r["event_type"] for r in records if r["kind"] == "event"] == ["SANCTION"]


def test_statements_can_be_left_out() -> None:
    records = code_text(TEXT, PUBLISHED, include_statements=False)
    assert [r["kind"] for r in records] == ["event"]


def test_the_code_command_leaves_statements_out_on_request(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    kept = runner.invoke(app, ["code", str(source), "--published", PUBLISHED])
    dropped = runner.invoke(app, ["code", str(source), "--published", PUBLISHED, "--no-statements"])
    assert kept.exit_code == 0 and dropped.exit_code == 0, kept.output + dropped.output
    assert kept.stdout.count('"kind": "statement"') == 2
    assert dropped.stdout.count('"kind": "statement"') == 0
    assert dropped.stdout.count('"kind": "event"') == 1


def test_a_store_counts_no_statement_as_an_event(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    article = Article(id="a", text=TEXT, published=date(2024, 5, 14))
    records = cached_coder(CoderConfig()).code(article)
    assert {r.kind for r in records} == {"statement", "event"}
    with EventStore(path) as store:
        store.write(article, records)
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert analysis.dyad_series(con, "BRA", "BGD").empty  # only a statement between them
        assert not analysis.dyad_series(con, "CHL", "PER").empty  # the recall is an event
        actors = set(analysis.actors(con)["actor"])
        assert "BRA" not in actors and "CHL" in actors
    finally:
        con.close()
