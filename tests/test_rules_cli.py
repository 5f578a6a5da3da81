"""`gestae rules`: every named rule listed with its example, and counts over a corpus; and the
rule trace `gestae explain` prints for each event."""

from __future__ import annotations

import inspect
import json
from typing import Any

from typer.testing import CliRunner, Result

from gestae.cli.app import app
from gestae.cli.explain import trace_steps
from gestae.engine.rules import REGISTRY
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "articles.jsonl"


def _run(*args: str) -> Result:
    # Older Typer runners mix stderr into stdout unless told not to (see tests/test_cli.py).
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    else:
        runner = CliRunner()
    return runner.invoke(app, list(args), env={"COLUMNS": "240"})


def _rules_json(*args: str) -> dict[str, dict[str, Any]]:
    result = _run("rules", "--json", *args)
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_rules_lists_a_known_rule_with_its_example() -> None:
    rows = _rules_json()
    refusal = rows["record.refusal"]
    assert refusal["stage"] == "record"
    assert refusal["example"] == "Norway will not sign the fishing accord with Iceland."
    assert "fired" not in refusal
    assert set(rows) == set(REGISTRY)


def test_rules_table_shows_id_and_example() -> None:
    result = _run("rules")
    assert result.exit_code == 0, result.output
    assert "record.reciprocal" in result.stdout
    assert "Ghana and Togo held talks in Accra." in result.stdout


def test_rules_counts_what_fired_on_a_corpus() -> None:
    rows = _rules_json("--corpus", str(EXAMPLES))
    assert rows["record.plover-type"]["fired"] > 0
    assert rows["record.reciprocal"]["fired"] > 0
    assert all(isinstance(row["fired"], int) for row in rows.values())


def test_rules_corpus_must_exist() -> None:
    assert _run("rules", "--corpus", str(ROOT / "no-such-corpus.jsonl")).exit_code != 0


def test_explain_prints_the_rule_trace() -> None:
    result = _run("explain", "Ghana and Togo held talks in Accra.")
    assert result.exit_code == 0, result.output
    assert "[record.reciprocal]" in result.stdout  # the explanation, not eaten as markup
    assert "Rules: CONSULT" in result.stdout  # the trace table


def test_trace_steps_split_an_explanation_by_its_rule_ids() -> None:
    explanation = "trigger 'met'; [record.reciprocal] GHA <-> TGO; a; b; [record.plover-type] x"
    assert trace_steps(explanation, ["record.reciprocal", "record.plover-type"]) == [
        ("", "trigger 'met'"),
        ("record.reciprocal", "GHA <-> TGO; a; b"),
        ("record.plover-type", "x"),
    ]
    assert trace_steps("[record.incident] flood", ["record.incident"]) == [
        ("record.incident", "flood")
    ]
