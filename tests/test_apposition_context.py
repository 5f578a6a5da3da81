"""Where actor.apposition-over-context must not fire: both sides of the apposition give a
country only from the article's context, or neither has one; the guess then stays as it was."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events

RULE = "actor.apposition-over-context"


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia's parliament met on Monday. The spokesman, Ambassador Yemane Tesfay, "
        "criticized Kenya.",
        "Ambassador Yemane Tesfay, a spokesman for the ministry, criticized Kenya.",
    ],
)
def test_no_country_from_the_other_side(coder: Any, text: str) -> None:
    assert all(RULE not in r.rules for r in events(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "Somchai Rattanakorn, which makes tyres, criticized Vietnam.",
        "Somchai Rattanakorn, whose owner lives in Laos, criticized Vietnam.",
    ],
)
def test_which_or_whose_leaves_a_body(coder: Any, text: str) -> None:
    """actor.who-person: only "who" or "whom" makes a name the tagger took for a body a
    person."""
    assert all("actor.who-person" not in r.rules for r in events(coder, text))


def test_she_after_a_who_person_is_that_person(coder: Any) -> None:
    """actor.who-person: the name read as a person is the one a later "she" points to."""
    text = (
        "The danger remains, said Omar Kassim, a Kazakh living in Canada. Somchai Rattanakorn, "
        "who heads Laos's Rural Rights Foundation, echoed his concerns. She visited the "
        "prisoners in jail on Monday."
    )
    (found,) = [r for r in events(coder, text) if r.event_type == "CONSULT"]
    assert found.source is not None and found.source.country == "LAO"
