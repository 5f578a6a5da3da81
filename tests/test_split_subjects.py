"""Subjects the parse splits: an adjective split off a name is no doer of its own
(source.split-modifier), while a real list of subjects still gives each its record
(source.split-subject)."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_possessor_of_a_split_modifier_is_no_doer(coder: Any) -> None:
    found = events(
        coder, "Sudan's paramilitary Rapid Support Forces shelled a camp near El Fasher."
    )
    sources = {(r.source.kind, r.source.country) for r in found if r.source}
    assert sources == {("group", "SDN")}, sources


def test_a_list_of_subjects_still_splits(coder: Any) -> None:
    text = "The Kenyan government, several Ugandan parties and Tanzania condemned the vote."
    assert {r.source.country for r in events(coder, text) if r.source} == {"KEN", "UGA", "TZA"}
