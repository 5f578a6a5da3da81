"""Who a named group is: a body whose name ends in a legislature's word (actor.body-in-name),
people named by two demonyms (actor.diaspora-people), and a "they" that continues the
undergoing subject of a joined clause (reference.joined-subject-they). Invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_actor_ranks_and_pronouns import pointed
from tests.test_actors import actor_for, codes


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.body-in-name: another body's name, no state's legislature.
        ("The Tamil Solidarity Congress accused Canada of lying.", "Tamil", [(None, None)]),
        ("The World Baloch Congress urged Norway to act.", "World", [(None, None)]),
        ("The Karen Federalist Congress condemned the raid.", "Karen", [(None, None)]),
        # ... while a state's, a place's or a kind of body's word keeps the state's body.
        ("The Peruvian Congress censured the minister.", "Peruvian", [("PER", "LEG")]),
        ("Congress passed the budget on Monday.", "Congress", [("USA", "LEG")]),
        ("The National Assembly rejected the bill in Nairobi.", "National", [("KEN", "LEG")]),
    ],
)
def test_a_body_word_closing_another_name(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.diaspora-people: the second demonym is where they live.
        ("Haitian Canadians marched in Toronto.", "Haitian", [("CAN", "CVL")]),
        ("Vietnamese Australians protested on Monday.", "Vietnamese", [("AUS", "CVL")]),
        ("Two Lebanese-American doctors were detained.", "Two", [("USA", "MED")]),
        # ... two demonyms joined by "and" are people of both, a single one of its own.
        ("Kenyan and Ugandan traders blocked the road.", "Kenyan", [("KEN", None)]),
        ("Haitians marched in Toronto on Monday.", "Haitians", [("HTI", None)]),
    ],
)
def test_two_demonyms_name_where_people_live(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words))[:1] == expected


def test_they_continues_the_passive_subject_of_its_joined_clause(coder: Any) -> None:
    text = (
        "The Peruvian government closed the schools. Teachers were not paid for months, "
        "so they went on strike."
    )
    assert [a.text for a in pointed(coder, text, "they went")] == ["Teachers"]


def test_they_of_no_known_group_is_left_unresolved(coder: Any) -> None:
    text = "Chilean police raided the camp. The tents were not spared, and they burned for hours."
    assert codes(pointed(coder, text, "they burned")) == []


def test_they_after_an_active_subject_is_not_this_rule(coder: Any) -> None:
    text = "Peruvian soldiers fired on the students, and they fled into the woods."
    assert all("joined-subject-they" not in a.rule for a in pointed(coder, text, "they fled"))
