"""Maritime news written for the test (tests/data/invented/maritime.jsonl, invented wire
stories): the records that turned on a construction of the kind
(docs/hand_checks/invented-maritime-2026-12-06-s30.md), and the senses of the same words that
code something else or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_a_flagged_tanker_is_its_flag_states(coder: Any) -> None:
    found = invented_events(coder, "maritime", "sea08")
    seizure = only_on(found, "seized")
    assert dyad(seizure) == ("IRN", "MIL", "LBR", None)
    assert dyad(only_on(found, "accusing"))[2] == "LBR"  # "accusing it": the tanker, not Iran


def test_a_flagged_carrier_released_and_no_state_from_the_ocean(coder: Any) -> None:
    found = invented_events(coder, "maritime", "sea05")
    assert dyad(only_on(found, "released"))[2] == "BGD"
    # "the Indian Ocean" names no state: it is no target of the seizure there. (As India is
    # named otherwise, the sea adds weight to an Indian story, so the suspects the Indian navy
    # arrested take IND as the story's country: a known wrong, kept because the weight gives
    # the right country where a story names a state and its sea.)
    assert dyad(only_on(found, "seized"))[2] is None


def test_coast_guard_ships_entering_territorial_waters_violate_them(coder: Any) -> None:
    found = only_on(invented_events(coder, "maritime", "sea13"), "entered")
    assert (found.event_type, found.cameo) == ("REJECT", "128")
    assert dyad(found)[0] == "CHN" and dyad(found)[2] == "JPN"


def test_warships_and_submarines_of_one_side_are_no_pair(coder: Any) -> None:
    found = invented_events(coder, "maritime", "sea10")
    for record in found:
        if record.trigger.text == "take part in":
            assert record.target is None


def test_an_australian_border_force_and_a_boats_captain(coder: Any) -> None:
    found = invented_events(coder, "maritime", "sea16")
    assert {dyad(r)[0] for r in found if r.source and r.source.text.endswith("Border Force")} == {
        "AUS"
    }
    arrest = only_on(found, "arrested")
    assert dyad(arrest)[2] == "IDN" and dyad(arrest)[3] != "MIL"


def test_a_navy_boat_blocking_a_ship_restricts_it(coder: Any) -> None:
    found = only_on(invented_events(coder, "maritime", "sea14"), "blocked")
    assert (found.event_type, found.cameo, dyad(found)[0]) == ("COERCE", "191", "VEN")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Two Russian destroyers tailed a Danish frigate through the strait on Monday.", "150"),
        ("Eritrean commandos seized a Maltese-flagged cargo ship on Tuesday.", "171"),
        ("Russian troops entered the Ukrainian town of Kupiansk on Monday.", "190"),
        ("Belarus delivered two attack helicopters to Niger on Monday.", "072"),
        ("South Korea gave Peru three patrol vessels on Friday.", "072"),
    ],
)
def test_sea_words_code_as_their_act(coder: Any, text: str, cameo: str) -> None:
    assert {r.cameo for r in events(coder, text)} == {cameo}


@pytest.mark.parametrize(
    "text",
    [
        "A storm seized the coastal town of Galle overnight, cutting power for hours.",
        "A Danish sailing crew won the round-the-island yacht race on Sunday.",
        "A Norwegian fishing boat entered the waters of the fjord at dawn.",
        "Tourists followed the ferry along the coast in small boats.",
        "Freight rates on the Asia-Europe route rose sharply as insurers raised premiums.",
        "A cargo ship ran aground near the port of Mombasa in heavy fog on Tuesday.",
    ],
)
def test_no_event_in_seafaring_of_other_senses(coder: Any, text: str) -> None:
    assert events(coder, text) == []
