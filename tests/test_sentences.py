"""Sentence ends after an abbreviation (issue 14: "... sent troops to the U.S. Trudeau said ..."
was read as one sentence, so one leader was credited with another's act). Every sentence here
was written for this test."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.schema import Article

SPLIT = [
    ("Canada sent troops to the U.S. Trudeau said the move was temporary.", "Trudeau"),
    ("Talks resumed in the U.K. Justin Trudeau welcomed the news.", "Justin"),
    ("The envoy flew to Washington, D.C. Zelenskyy told reporters he was hopeful.", "Zelenskyy"),
]
KEPT = [
    "Canada sent troops to a U.S. Army base near the border.",  # a modifier, a listed word
    "U.S. officials said the talks would resume.",
    "The U.S. Biden administration imposed new tariffs.",  # a name, then no verb
    "Officials in the U.S. said the plan was sound.",  # no name between
    "The U.N. Security Council met on Friday.",
]


def _starts(coder: Any, text: str) -> list[str]:
    doc = coder.nlp.make_doc(text)
    return [
        doc[i].text
        for i in coder.breaks.positions([t.text for t in doc], [t.is_space for t in doc])
    ]


@pytest.mark.parametrize(("text", "first"), SPLIT)
def test_a_name_and_its_verb_after_an_abbreviation_start_a_sentence(
    coder: Any, text: str, first: str
) -> None:
    assert _starts(coder, text) == [first]


@pytest.mark.parametrize("text", KEPT)
def test_an_abbreviation_inside_a_sentence_is_not_a_break(coder: Any, text: str) -> None:
    assert _starts(coder, text) == []


def test_the_act_before_the_break_is_not_credited_to_the_speaker_after_it(coder: Any) -> None:
    text = "Canada sent troops to the U.S. Trudeau said the move was temporary."
    records = coder.code(Article(id="s", text=text, published=date(2024, 5, 1)))
    moves = [r for r in records if r.event_type == "MOBILIZE"]
    assert moves and all(r.sentence == "Canada sent troops to the U.S." for r in moves)
    assert all(r.reported_by is None for r in moves)
    assert {r.source.country for r in moves if r.source} == {"CAN"}
