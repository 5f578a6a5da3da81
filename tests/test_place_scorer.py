"""The learned place scorer's weights load, validate and decide as documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gestae.engine.places.ranker import Option
from gestae.engine.places.scorer import PlaceScorer, default_scorer, load_scorer
from gestae.errors import DataError


def _write(tmp_path: Path, doc: object) -> Path:
    path = tmp_path / "place_scorer.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _valid() -> dict[str, object]:
    return {"version": 1, "rules_bonus": 0.1, "none_bonus": 0.2, "weights": {"bias": 1.0, "n:bias": 0.5}}


def test_shipped_weights_load() -> None:
    scorer = default_scorer()
    assert scorer.weights["bias"] != 0.0
    assert 0 <= scorer.rules_bonus <= 1 and 0 <= scorer.none_bonus <= 1
    # generic features only: dependency labels, rule ids, closed-class words, precisions
    assert all(":" in k or "=" in k or k.isidentifier() for k in scorer.weights)


def test_valid_file_loads(tmp_path: Path) -> None:
    scorer = load_scorer(_write(tmp_path, _valid()))
    assert scorer.weights == {"bias": 1.0, "n:bias": 0.5}


@pytest.mark.parametrize(
    "change",
    [
        {"version": 2},
        {"weights": {}},
        {"weights": {"bias": "high", "n:bias": 0.1}},
        {"weights": {"bias": 1.0}},
        {"none_bonus": 3.0},
        {"rules_bonus": None},
    ],
)
def test_broken_file_fails_at_load(tmp_path: Path, change: dict[str, object]) -> None:
    with pytest.raises(DataError):
        load_scorer(_write(tmp_path, {**_valid(), **change}))


def test_unreadable_file_fails_at_load(tmp_path: Path) -> None:
    path = tmp_path / "place_scorer.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError):
        load_scorer(path)


def test_head_starts_keep_the_rules_choice() -> None:
    """A candidate a little likelier than the rules' choice does not override it."""
    scorer = PlaceScorer({"bias": 0.0, "n:bias": -5.0, "x": 0.2}, rules_bonus=0.1, none_bonus=0.0)
    options = [Option(None, {"bias": 1.0}), Option(None, {"bias": 1.0, "x": 1.0})]
    assert scorer.choose(options, rules_choice=0) == 0
    strong = PlaceScorer({"bias": 0.0, "n:bias": -5.0, "x": 2.0}, rules_bonus=0.1, none_bonus=0.0)
    assert strong.choose(options, rules_choice=0) == 1
