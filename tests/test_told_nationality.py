"""A named person's country the article tells (actor.told-nationality) and a named person of
no country at odds with the bodies of the one country a story is about (record.home-person):
where they apply, and where they must not. Invented articles."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events
from tests.test_actors import actor_for, codes


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A demonym on a noun for a person in apposition tells the nationality; the surname
        # later carries it.
        (
            "Karim Aliyev, an Azerbaijani national, landed in Tbilisi on Monday. "
            "Police questioned Aliyev for hours.",
            "Aliyev for",
            [("AZE", None)],
        ),
        (
            "Sam Okoro, a Nigerian businessman, was kidnapped. He was freed on Friday.",
            "He was",
            [("NGA", "BUS")],
        ),
        # A state's name owning the person's name tells it too, and an apposition's sector
        # joins it.
        (
            "Ghana's Kojo Mensah, an opposition lawmaker, spoke on Monday. "
            "Mensah criticized the budget.",
            "Mensah criticized",
            [("GHA", "OPP")],
        ),
    ],
)
def test_told_nationality(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A trade named by a language says nothing of the person's country.
        ("Ana Ruiz, an English teacher, was arrested on Monday.", "Ana Ruiz"),
        # A stance is no nationality.
        ("Ivo Marek, a pro-Russian businessman, spoke on Monday.", "Ivo Marek"),
        # A noun that is no person ("a Mexican restaurant") tells nothing.
        ("Luis Gomez, owner of a Mexican restaurant, was robbed on Monday.", "Luis Gomez"),
    ],
)
def test_no_nationality_told(coder: Any, text: str, words: str) -> None:
    found = [a for a in actor_for(coder, text, words) if a.kind == "person"]
    assert all(a.country is None for a in found)


def test_home_person_takes_the_story_country(coder: Any) -> None:
    text = (
        "Kenya's parliament met. Kenya's economy grew. "
        "Amos Kiprono accused Kenyan officials of lying on Monday."
    )
    found = [r for r in events(coder, text) if r.event_type == "ACCUSE"]
    assert found and found[0].source is not None and found[0].source.country == "KEN"
    assert "record.home-person" in found[0].rules


@pytest.mark.parametrize(
    "text",
    [
        # A meeting: a visitor may be foreign.
        "Kenya's parliament met. Kenya's economy grew. Amos Kiprono met Kenyan officials.",
        # A story about two countries: neither is the person's.
        "Kenya and Uganda signed a deal. Uganda's army clashed with Kenyan police. "
        "Amos Kiprono accused Kenyan officials of lying on Monday.",
        # Another state's actor in the sentence: the person may be of it.
        "Kenya's parliament met. Kenya's economy grew. "
        "Amos Kiprono accused Kenyan officials of helping Ethiopia.",
        # Force: the one attacked may be the enemy from abroad.
        "Israel's cabinet met. Israeli officials said Israeli police shot Yusuf Hamdan.",
        # An armed side: the one seized may be foreign.
        "Israel's cabinet met. Israeli soldiers detained Yusuf Hamdan in a raid.",
        # A protest: often against a foreign leader.
        "Kenya's parliament met. Kenya's economy grew. "
        "Kenyan students protested against Amos Kiprono.",
        # A state named once is no story about it.
        "Amos Kiprono accused Kenyan officials of lying on Monday.",
        # An arrest: the one caught may be a foreigner caught there.
        "Kenya's parliament met. Kenya's economy grew. Kenyan police arrested Amos Kiprono.",
        # The act fell elsewhere.
        "Kenya's parliament met. Kenya's economy grew. "
        "A Kenyan court banned the book of Amos Kiprono in Kampala.",
    ],
)
def test_home_person_stays_unknown(coder: Any, text: str) -> None:
    found = events(coder, text)
    assert all("record.home-person" not in r.rules for r in found)


def test_police_in_a_two_country_story_take_neither(coder: Any) -> None:
    """A generic sector noun takes the story's country only when one country leads."""
    text = (
        "Kenya and Uganda signed a border deal. Uganda said Kenya must act. "
        "Police arrested five smugglers on Monday."
    )
    assert codes(actor_for(coder, text, "Police arrested")) == [(None, "COP")]
