"""A reaction to an act told before, named by its kind ("condemned the move"), is aimed at that
act's one doer (record.reacted-act-doer); these are the cases where it must not be."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.schema import Article

RULE = "record.reacted-act-doer"


def _reaction(coder: Any, text: str) -> Any:
    records = coder.code(Article(id="r", text=text, published=date(2024, 5, 14)))
    return next(r for r in records if r.kind == "event" and r.sentence_index == 1)


@pytest.mark.parametrize(
    "text",
    [
        # The noun names its own doer.
        "Chad expelled the French ambassador on Monday. Paris condemned Russia's move.",
        # A word in front names the move's own doer, maybe not the one told before.
        "Chad expelled the French ambassador on Monday. Paris condemned the congressional move.",
        # A demand is no expulsion: the act told before is of another kind.
        "Chad expelled the French ambassador on Monday. Paris rejected the demand.",
        # Two doers told: the rule aims at one doer only.
        "Chad expelled a French envoy on Monday, and Kenya recalled its ambassador from Paris. "
        "France condemned the move.",
    ],
)
def test_no_target_is_guessed(coder: Any, text: str) -> None:
    reaction = _reaction(coder, text)
    assert RULE not in reaction.rules


def test_the_step_taken_is_aimed_at(coder: Any) -> None:
    text = "Chad expelled the French ambassador on Monday. Paris condemned the move as hostile."
    reaction = _reaction(coder, text)
    assert RULE in reaction.rules
    assert reaction.target is not None and reaction.target.country == "TCD"
