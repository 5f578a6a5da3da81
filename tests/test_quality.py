"""Quality floors: the build fails when coding quality regresses.

The gestae gold set (eval/gold_events.jsonl) is our own writing; the ConfliBERT development
files come from ../shared and are used for measuring only. Floors sit a little under the
figures last measured (docs/quality.md), so an honest regression fails and noise does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gestae.run.eval_report import PRF
from gestae.run.evaluation import (
    evaluate,
    pentaclass,
    read_conflibert_spans,
    read_gestae_gold,
)
from tests.conftest import ROOT, SHARED, requires_shared

GOLD = ROOT / "eval" / "gold_events.jsonl"
DEV = SHARED / "data" / "dev"


def test_gold_set_is_broad_enough() -> None:
    gold = read_gestae_gold(GOLD)
    assert len(gold) >= 250
    types = {e["event_type"] for g in gold for e in g.events}
    assert len(types) == 16
    assert sum(1 for g in gold if not g.events) >= 40


@pytest.fixture(scope="module")
def gold_report(coder: Any) -> Any:
    return evaluate(GOLD, "gestae", coder.code)


def test_event_type_f1_floor(gold_report: Any) -> None:
    assert gold_report.scores["event_type"].f1 >= 0.89


def test_dyad_f1_floor(gold_report: Any) -> None:
    assert gold_report.scores["dyad"].f1 >= 0.80


def test_no_event_sentences_stay_empty(gold_report: Any) -> None:
    assert gold_report.figures["no_event_accuracy"] >= 0.97


# Floors on development files use their `check` part only: rules are read and fixed on `tune`.


@requires_shared
def test_conflibert_pentaclass_floor(coder: Any) -> None:
    report = evaluate(
        DEV / "conflibert_cameo_class_train.tsv", "conflibert-class", coder.code, "check"
    )
    assert report.figures["pentaclass_accuracy"] >= 0.85


@requires_shared
def test_conflibert_span_recall_floor(coder: Any) -> None:
    report = evaluate(
        DEV / "conflibert_cameo_ner_train.txt", "conflibert-spans", coder.code, "check"
    )
    # Issue 15's targets, met on check since statements (CAMEO 01x) are coded (0.811 / 0.665).
    assert report.figures["source_span_recall"] >= 0.80
    assert report.figures["target_span_recall"] >= 0.65


@requires_shared
def test_event_location_floor(coder: Any) -> None:
    report = evaluate(DEV / "event_location_dev.jsonl", "event-location", coder.code, "check")
    assert report.figures["event_recall"] >= 0.63
    assert report.figures["event_recall_with_merged"] >= 0.67
    assert report.figures["location_accuracy_when_coded"] >= 0.73
    assert report.figures["right_place_when_gold_has_place"] >= 0.68
    assert report.figures["located_when_gold_has_place"] >= 0.74
    assert report.figures["no_place_accuracy"] >= 0.80


def test_prf_counts_multisets() -> None:
    from collections import Counter

    prf = PRF()
    prf.add(Counter({"ASSAULT": 2, "ACCUSE": 1}), Counter({"ASSAULT": 1, "COERCE": 1}))
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 2)
    assert prf.precision == 0.5 and round(prf.recall, 3) == 0.333


def test_pentaclass_mapping() -> None:
    assert [pentaclass(c) for c in ("020", "036", "0841", "112", "190", None)] == [0, 1, 2, 3, 4, 0]
    # Reduce relations is verbal conflict on this scale; coercion and protest are material.
    assert [pentaclass(c) for c in ("161", "1621", "173", "141")] == [3, 3, 4, 4]


def test_bio_spans_rebuild_offsets(tmp_path: Path) -> None:
    bio = tmp_path / "s.txt"
    bio.write_text("Rebels B-S\nattacked O\nthe B-T\nvillage I-T\n. O\n\n", encoding="utf-8")
    ((text, spans, _),) = read_conflibert_spans(bio)
    assert text == "Rebels attacked the village."
    assert [(label, text[s:e]) for label, s, e in spans] == [("S", "Rebels"), ("T", "the village")]


def test_bio_spans_are_written_as_news_text(tmp_path: Path) -> None:
    """The file splits off what news text writes against a word ("Peru 's", "20 , 000"): the
    coder reads the sentence as written, and the spans still point at their words."""
    bio = tmp_path / "s.txt"
    rows = "Peru B-S\n's I-S\narmy I-S\nfreed O\n20 O\n, O\n000 O\n( O\nUN B-T\n) O\n. O\n\n"
    bio.write_text(rows, encoding="utf-8")
    ((text, spans, _),) = read_conflibert_spans(bio)
    assert text == "Peru's army freed 20,000 (UN)."
    assert [(label, text[s:e]) for label, s, e in spans] == [("S", "Peru's army"), ("T", "UN")]


def test_bio_split_key_is_the_files_tokens(tmp_path: Path) -> None:
    """The dev split keys a BIO sentence on its tokens joined by spaces, as the shared
    devsplit.py does: rebuilding the text as news writes it must not move it to the other part."""
    bio = tmp_path / "s.txt"
    bio.write_text(
        "Peru B-S\n's I-S\narmy I-S\nfreed O\n20 O\n, O\n000 O\n. O\n\n", encoding="utf-8"
    )
    ((text, _, key),) = read_conflibert_spans(bio)
    assert text == "Peru's army freed 20,000."
    assert key == "Peru 's army freed 20 , 000 ."
