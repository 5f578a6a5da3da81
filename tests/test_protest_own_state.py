"""Targets that stand on a place's words: a protest aimed at its own state stands on words that
name that state or its place, not on the protesters' own words (record.protest-own-state); a
town the tagger took for a person is its state (record.place-named-target)."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_own_state_target_stands_on_the_place(coder: Any) -> None:
    (found,) = events(coder, "Hundreds of nurses marched in Lusaka on Tuesday.")
    assert found.target is not None and found.target.country == "ZMB"
    assert found.target.text == "Lusaka"


def test_a_person_named_like_a_town_elsewhere_stays_a_person(coder: Any) -> None:
    """record.place-named-target: only a target whose words are the act's own place."""
    found = events(coder, "Police arrested Goma on Monday in Kinshasa.")
    assert all("record.place-named-target" not in r.rules for r in found)
