"""Acts of protest that borrow the words of violence: a person who sets themselves on fire
protests (PROTEST 140); setting a building or a car on fire stays arson or a riot."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


@pytest.mark.parametrize(
    "text",
    [
        "A street vendor set himself on fire outside the town hall in Kasserine on Friday.",
        "A retired teacher set herself ablaze in front of parliament in Tbilisi.",
        "Two Uyghur students set fire to themselves in Urumqi on Monday.",
    ],
)
def test_setting_oneself_on_fire_is_a_protest(coder: Any, text: str) -> None:
    found = [r for r in events(coder, text) if r.trigger.text.startswith("set")]
    assert [(r.event_type, r.cameo) for r in found] == [("PROTEST", "140")]


@pytest.mark.parametrize(
    "text",
    [
        "Rioters set the police station on fire in Kano on Sunday.",
        "Militants set fire to a school in Borno on Tuesday.",
    ],
)
def test_setting_a_building_on_fire_is_no_self_immolation(coder: Any, text: str) -> None:
    assert all(r.cameo != "140" for r in events(coder, text))


def test_a_participle_that_describes_marchers_strikes_no_one(coder: Any) -> None:
    """ "a rally by striking nurses": the nurses are on strike; "by striking their supply
    lines" is still an attack (suppress.striking-people)."""
    rally = events(coder, "Police broke up a rally by striking nurses in Accra.")
    assert [r.trigger.text for r in rally if r.trigger.text == "striking"] == []
    raid = events(coder, "The army halted the rebels by striking their supply lines.")
    assert [r.event_type for r in raid if r.trigger.text == "striking"] == ["ASSAULT"]
