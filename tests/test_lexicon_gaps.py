"""The lexicon gap report and its decisions file.

The gap report lists the words that head a clause with an actor but match no trigger frame;
every such word is decided in resources/data/lexicon_decisions.yaml. The corpus here is invented
(tests/data/lexicon/gap_corpus.jsonl), so a word decided for it generalises beyond dev data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gestae.errors import DataError
from gestae.input.read import read_inputs
from gestae.resources.lexicon import Lexicon
from gestae.resources.lexicon_decisions import load_decisions, parse_decisions
from gestae.resources.loader import parse_data
from gestae.run.lexicon_gaps import find_gaps, undecided
from gestae.schema import Article

CORPUS = Path(__file__).resolve().parent / "data" / "lexicon" / "gap_corpus.jsonl"


@pytest.fixture(scope="module")
def gaps(coder: Any) -> list[Any]:
    articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)]
    return find_gaps(articles, coder, load_decisions())


def test_every_gap_of_the_invented_corpus_is_decided(gaps: list[Any]) -> None:
    assert gaps, "the corpus should show some gaps (say, want, see ...)"
    left = [(g.lemma, g.pos, g.count) for g in undecided(gaps)]
    assert not left, f"undecided gap lemmas: {left}; decide them in lexicon_decisions.yaml"


def test_gap_report_names_where_a_word_was_seen(gaps: list[Any]) -> None:
    said = next(g for g in gaps if (g.lemma, g.pos) == ("say", "verb"))
    assert said.decision is not None and said.decision.not_an_event
    assert said.count >= 3
    article, offset = said.example
    first = next(a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article))
    assert article == first.id == "g1" and first.text[offset:].startswith("said")
    assert said.as_dict()["example"] == {"article": "g1", "offset": offset}


def test_a_covered_trigger_is_no_gap(gaps: list[Any]) -> None:
    # "patrolled", "captured", "marched" have entries whose frames fit these sentences.
    lemmas = {(g.lemma, g.pos) for g in gaps}
    assert ("patrol", "verb") not in lemmas
    assert ("capture", "verb") not in lemmas
    assert ("march", "verb") not in lemmas


def _decisions(body: str) -> Any:
    text = "participant_nouns: [troop]\ndecisions:\n" + body
    return parse_decisions(parse_data(text, "lexicon_decisions.yaml"), Lexicon.load())


def test_decisions_are_checked_against_the_lexicon() -> None:
    ok = _decisions('  - {lemma: patrol, pos: verb, covered_by: "150"}\n')
    assert ok.get("patrol", "verb") is not None
    with pytest.raises(DataError, match="no such entry"):
        _decisions('  - {lemma: patrol, pos: verb, covered_by: "0211"}\n')
    with pytest.raises(DataError, match="exactly one"):
        _decisions("  - {lemma: say, pos: verb}\n")
    with pytest.raises(DataError, match="decided twice"):
        _decisions(
            "  - {lemma: say, not_an_event: speech}\n  - {lemma: say, not_an_event: speech}\n"
        )
    with pytest.raises(DataError, match="unknown key"):
        _decisions("  - {lemma: say, why: speech}\n")


def test_subject_frames_and_happening_verbs_load(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "happening_verbs: [occur, 'go off']\n"
        "noun_classes:\n  crowds: [protester, student]\n"
        "triggers:\n"
        '  - {lemma: parade, pos: verb, subj: ["@crowds"], cameo: "141", target: none}\n',
        encoding="utf-8",
    )
    lexicon = Lexicon.from_files(extra)
    entry = lexicon.candidates("parade", "verb")[0]
    assert entry.subj == {"protester", "student"} and entry.specificity == 1
    assert "subj=protester|student" in entry.describe()
    assert lexicon.happening_verbs == {"occur", "go off"}
    extra.write_text("happening_verbs: ['Go-off']\ntriggers: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="happening_verbs"):
        Lexicon.from_files(extra)


def test_lexicon_command_lists_gaps(coder: Any) -> None:
    import json

    from typer.testing import CliRunner

    from gestae.cli.app import app

    runner = CliRunner()
    summary = runner.invoke(app, ["lexicon"])
    assert summary.exit_code == 0 and "trigger entries" in summary.stdout
    listed = runner.invoke(app, ["lexicon", "--gaps", str(CORPUS), "--all", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    said = next(r for r in rows if r["lemma"] == "say")
    assert said["not_an_event"] and said["example"]["article"] == "g1"
    undecided_only = runner.invoke(app, ["lexicon", "--gaps", str(CORPUS), "--json"])
    assert json.loads(undecided_only.stdout) == []
