"""Targets the article gives a country that their own words do not name: people a state or
the U.N. helps in a story about one state (record.story-people), forces a pair of states
owns (actor.pair-owner), and a surname spelled with the other apostrophe. Where they apply,
and where they must not. Invented articles."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events

MYANMAR = "Myanmar's junta took power. Myanmar's people protested. Myanmar's economy fell. "
PAIR = "Kenya and Somalia signed a pact on Monday. "


def _targets(coder: Any, text: str, rule: str) -> list[str]:
    """Labels of the targets of the records that `rule` decided."""
    return [str(r.target.label()) for r in events(coder, text) if rule in r.rules and r.target]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The story's own army rescues people: its civilians.
        (
            "Nepal's rivers rose fast. Nepal's roads closed. "
            "Nepal's army said on Monday it rescued 40 people.",
            ["NPL CVL"],
        ),
        # The U.N. in a story about Myanmar reaches Myanmar's people.
        (MYANMAR + "The United Nations provided food to a million people.", ["MMR CVL"]),
    ],
)
def test_story_people(coder: Any, text: str, expected: list[str]) -> None:
    assert _targets(coder, text, "record.story-people") == expected


@pytest.mark.parametrize(
    "text",
    [
        # A state named once is no story about it.
        "Nepal's army said on Monday it rescued 40 people.",
        # Another state's army: the people may be of either.
        MYANMAR + "Thailand's army rescued 40 people.",
        # Force: a state's forces strike foreigners too.
        MYANMAR + "Myanmar's army shot 40 people.",
        # Doers put in the story's country only by the context (record.context-people).
        MYANMAR + "Soldiers rescued 40 people.",
        # Another state named in the sentence.
        MYANMAR + "The United Nations and Thailand gave food to 40 people.",
    ],
)
def test_story_people_stay_unknown(coder: Any, text: str) -> None:
    assert _targets(coder, text, "record.story-people") == []


@pytest.mark.parametrize(
    "text",
    [
        PAIR + "Rebels attacked the two countries' forces on Tuesday.",
        PAIR + "Rebels attacked forces of both countries on Tuesday.",
    ],
)
def test_pair_owner(coder: Any, text: str) -> None:
    assert sorted(_targets(coder, text, "actor.pair-owner")) == ["KEN MIL", "SOM MIL"]


@pytest.mark.parametrize(
    "text",
    [
        # One state named before: no pair to point to.
        "Kenya signed a pact on Monday. Rebels attacked the two countries' forces on Tuesday.",
        # Political parties described as such are no pair of states.
        PAIR + "Rebels attacked both main parties' offices on Tuesday.",
    ],
)
def test_no_pair_owner(coder: Any, text: str) -> None:
    assert _targets(coder, text, "actor.pair-owner") == []


def test_rebels_do_not_stand_for_their_state(coder: Any) -> None:
    """An armed group acting on "the two countries" leaves its home state in the pair."""
    found = events(coder, PAIR + "Al-Shabab attacked the two countries on Tuesday.")
    attacked = {str(r.target.label()) for r in found if r.event_type == "ASSAULT" and r.target}
    assert attacked == {"KEN", "SOM"}


@pytest.mark.parametrize(
    ("first", "later"),
    [("O’Hara", "O'Hara"), ("O'Hara", "O’Hara")],
)
def test_surname_with_the_other_apostrophe(coder: Any, first: str, later: str) -> None:
    text = (
        f"Ukrainian activist Ivan {first} spoke in Kyiv on Monday. "
        f"Russian troops later detained {later} near the border."
    )
    held = [r.target for r in events(coder, text) if r.event_type == "COERCE"]
    assert held and held[0] is not None and held[0].country == "UKR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkish jets bombed Iraqi Kurds near the border on Monday.", "IRQ"),
        ("Thailand deported 40 Chinese Uyghurs on Monday.", "CHN"),
    ],
)
def test_people_demonym(coder: Any, text: str, expected: str) -> None:
    assert _targets(coder, text, "actor.people-demonym") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # A state that is not one of the people's homes tells where they live, not whose.
        "Police in Berlin arrested German Kurds on Monday.",
        # No state in the words: the article's context decides (at_home), not this rule.
        "Turkish jets bombed Kurds on Monday.",
    ],
)
def test_no_people_demonym(coder: Any, text: str) -> None:
    assert all("actor.people-demonym" not in r.rules for r in events(coder, text))
