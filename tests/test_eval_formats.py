"""The event-location gold format and the tune/check split of development files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gestae.errors import InputError
from gestae.run.dev_split import is_check, split
from gestae.run.evaluation import evaluate, evaluate_split
from tests.conftest import SHARED, requires_shared


def _line(text: str, verb: str, places: list[str]) -> str:
    start = text.index(verb)
    spans = [[text.index(p), text.index(p) + len(p), p] for p in places]
    return json.dumps(
        {"id": verb, "text": text, "verb": [start, start + len(verb), verb], "locations": spans}
    )


@pytest.fixture()
def located(tmp_path: Path) -> Path:
    path = tmp_path / "located.jsonl"
    lines = [
        _line("Soldiers shelled rebel positions near Goma on Monday.", "shelled", ["Goma"]),
        _line("The minister ate a late lunch.", "ate", []),
        _line("Police arrested three protesters in Accra.", "arrested", ["Accra"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_event_location_scores_recall_and_places(located: Path, coder: Any) -> None:
    report = evaluate(located, "event-location", coder.code)
    assert report.sentences == 3
    # Eating lunch is no event; the shelling and the arrest are coded.
    assert report.per_class["shelled"].tp == 1
    assert report.per_class["arrested"].tp == 1
    assert report.figures["event_recall"] == pytest.approx(2 / 3)
    assert report.figures["location_accuracy_when_coded"] == 1.0


def test_event_location_rejects_a_line_without_verb(tmp_path: Path, coder: Any) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Rebels fled.", "locations": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:1"):
        evaluate(bad, "event-location", coder.code)


def test_split_is_fixed_and_one_in_five() -> None:
    texts = [f"sentence number {n}" for n in range(2000)]
    parts = split(texts, lambda t: t)
    assert len(parts["check"]) + len(parts["tune"]) == 2000
    assert 330 <= len(parts["check"]) <= 470
    assert parts == split(texts, lambda t: t)
    assert all(is_check(t) for t in parts["check"])


def test_split_reports_both_parts(located: Path, coder: Any) -> None:
    reports = evaluate_split(located, "event-location", coder.code)
    assert set(reports) == {"check", "tune"}
    assert sum(r.sentences for r in reports.values()) == 3


def test_split_output_names_each_part(located: Path) -> None:
    """Both parts print under a heading that says which part it is: without it readers took the
    tune block for check."""
    from typer.testing import CliRunner

    from gestae.cli.app import app

    result = CliRunner().invoke(
        app, ["eval", str(located), "--format", "event-location", "--split"]
    )
    assert result.exit_code == 0, result.output
    headings = [ln for ln in result.output.splitlines() if "sentences" in ln and "located" in ln]
    assert len(headings) == 2
    assert "[check part]" in headings[0] and "[tune part]" in headings[1]


@requires_shared
def test_split_matches_the_shared_devsplit_tool(tmp_path: Path) -> None:
    """`gestae eval --split` must hold the same sentences as files split by devsplit.py."""
    import subprocess
    import sys

    source = SHARED / "data" / "dev" / "conflibert_cameo_class_train.tsv"
    out = tmp_path / "check.tsv"
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "devsplit.py"),
            str(source),
            "--part",
            "check",
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    expected = [line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()]
    lines = source.read_text(encoding="utf-8").splitlines()
    ours = split([ln for ln in lines if ln.strip()], lambda ln: ln.split("\t")[0])["check"]
    assert [ln.split("\t")[0] for ln in ours] == expected


def test_event_location_counts_a_word_the_record_also_lists(tmp_path: Path, coder: Any) -> None:
    """event_recall_with_merged: the marked outcome participle is listed by the attack's
    record (also_told_by), not its trigger, so only the second recall counts it."""
    path = tmp_path / "merged.jsonl"
    text = "Militants ambushed a police convoy near Harvek, killing two officers."
    path.write_text(_line(text, "killing", ["Harvek"]) + "\n", encoding="utf-8")
    report = evaluate(path, "event-location", coder.code)
    assert report.figures["event_recall"] == 0.0
    assert report.figures["event_recall_with_merged"] == 1.0
