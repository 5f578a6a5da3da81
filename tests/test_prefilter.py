"""The sentence pre-filter: rule-cut sentences, which sentences it keeps, and that coding with it
gives what coding without it gives."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from gestae.engine.pipeline import Coder
from gestae.engine.prefilter import Context, TokenView, split_sentences
from gestae.schema import Article, EventRecord
from tests.conftest import ROOT


def _sentences(nlp: Any, text: str) -> list[str]:
    view = TokenView.of(nlp.make_doc(text))
    segments = split_sentences(view)
    assert "".join(text[s.start_char : s.end_char] for s in segments) == text  # they tile it
    return [text[s.start_char : s.end_char].strip() for s in segments]


def test_sentences_end_at_final_punctuation_closing_quotes_and_blank_lines(nlp: Any) -> None:
    text = (
        'He said: "We will not go." Then he left!  Was it over?\n\n'
        "BREAKING NEWS\n\nThe U.S. envoy met Mr. Lavrov at 3 p.m. on Monday."
    )
    assert _sentences(nlp, text) == [
        'He said: "We will not go."',
        "Then he left!",
        "Was it over?",
        "BREAKING NEWS",
        "The U.S. envoy met Mr. Lavrov at 3 p.m. on Monday.",
    ]


def test_an_opening_quote_starts_the_next_sentence(nlp: Any) -> None:
    assert _sentences(nlp, "They left. “We are done,” she said.") == [
        "They left.",
        "“We are done,” she said.",
    ]


def test_a_period_before_a_digit_or_lowercase_word_ends_no_sentence(nlp: Any) -> None:
    # Text tokenized with spaces ("6 . 5 million") must not be cut inside a sentence.
    text = "Germany provided 6 . 5 million euros in aid . The talks went on ."
    assert _sentences(nlp, text) == [
        "Germany provided 6 . 5 million euros in aid .",
        "The talks went on .",
    ]


def _kept(coder: Coder, text: str) -> list[bool]:
    assert coder.filter is not None
    view = TokenView.of(coder.nlp.make_doc(text))
    return [coder.filter.verdict(view, s.start, s.end).keep for s in split_sentences(view)]


def test_keeps_sentences_with_a_trigger_and_drops_the_rest(coder: Coder) -> None:
    text = (
        "The weather in the capital was mild on Sunday. "
        "Russian troops attacked the village of Bucha. "
        "Markets were closed for the holiday."
    )
    assert _kept(coder, text) == [False, True, False]


def test_frame_words_must_be_present(coder: Coder) -> None:
    # "impose" codes only with what is imposed ("sanctions"); "called" only with its frame.
    assert coder.filter is not None
    imposed = [e for e in coder.lexicon if e.lemma == "impose"]
    assert imposed and all(e.obj or e.prep or e.xcomp for e in imposed)
    assert _kept(coder, "The coach imposed his style on the team.") == [False]
    assert _kept(coder, "Washington imposed sanctions on the bank.") == [True]


def test_keeps_incidents_but_not_every_casualty_verb(coder: Coder) -> None:
    assert _kept(coder, "A ferry capsized on the lake, killing 12 passengers.") == [True]
    assert _kept(coder, "Floods killed 40 people in the north.") == [True]


def test_reads_inflections_and_hyphenated_compounds(coder: Coder) -> None:
    assert _kept(coder, "Both sides agreed to a cease-fire.") == [True]
    assert _kept(coder, "Police were arresting protesters.") == [True]


def _unfiltered(coder: Coder) -> Coder:
    """The session coder's resources without the filter (no second model load)."""
    plain = copy.copy(coder)
    plain.filter = None
    return plain


def _dicts(records: list[EventRecord]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in records]


def test_every_gold_sentence_coded_without_the_filter_passes_it(coder: Coder) -> None:
    """The filter's contract: it never rejects a sentence the full parse codes. Checked on
    the gold set, so a new way of matching in the events stage that the filter does not know
    fails here."""
    plain = _unfiltered(coder)
    assert coder.filter is not None
    lines = (ROOT / "eval" / "gold_events.jsonl").read_text(encoding="utf-8").splitlines()
    missed = []
    for line in filter(None, lines):
        item = json.loads(line)
        records = plain.code(Article(id=str(item["id"]), text=item["text"]))
        if not records:
            continue
        view = TokenView.of(coder.nlp.make_doc(item["text"]))
        segments = split_sentences(view)
        for record in records:
            segment = next(s for s in segments if s.start_char <= record.trigger.start < s.end_char)
            if not coder.filter.verdict(view, segment.start, segment.end).keep:
                missed.append((item["text"], record.trigger.text))
    assert missed == []


ARTICLE = Article(
    id="summit",
    text=(
        "Prime Minister Boris Johnson flew to Paris on Monday. The weather was grey and the "
        "streets were quiet. He met President Emmanuel Macron at the Elysee. The museum "
        "reopened its doors after a long renovation. Later, France called on Britain to take "
        "back migrants. Tickets for the concert sold out within hours. Britain rejected the "
        "request on Tuesday."
    ),
)


def test_filtered_and_full_runs_give_the_same_records_on_an_article(coder: Coder) -> None:
    filtered = coder.code(ARTICLE)
    assert filtered, "the article holds events"
    assert _dicts(filtered) == _dicts(_unfiltered(coder).code(ARTICLE))


def test_only_kept_sentences_and_their_context_are_parsed(coder: Coder) -> None:
    (window,) = coder.windows(ARTICLE)
    parsed = [ARTICLE.text[r.start_char : r.end_char] for r in window.runs if r.parse]
    skipped = [ARTICLE.text[r.start_char : r.end_char] for r in window.runs if not r.parse]
    assert any("museum" in text for text in skipped)
    assert any("concert" in text for text in skipped)
    assert not any("museum" in text or "concert" in text for text in parsed)
    # "He met ..." points back, so the sentence before it is parsed too.
    assert any("weather" in text for text in parsed)


def test_context_can_be_turned_off(coder: Coder) -> None:
    bare = copy.copy(coder)
    bare.filter = copy.copy(coder.filter)
    assert bare.filter is not None
    bare.filter.context = Context(lead=0, previous=0)
    (window,) = bare.windows(ARTICLE)
    parsed = " ".join(ARTICLE.text[r.start_char : r.end_char] for r in window.runs if r.parse)
    assert "weather" not in parsed and "He met" in parsed


@pytest.mark.parametrize("text", ["Bombs.", "   \n  ", "x"])
def test_tiny_texts_code_without_error(coder: Coder, text: str) -> None:
    assert isinstance(coder.code(Article(id="t", text=text)), list)
