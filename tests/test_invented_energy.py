"""News on energy and infrastructure written for the test (tests/data/invented/energy.jsonl,
invented wire stories): strikes on refineries and works whose name carries a no-event idiom's
word ("struck an oil refinery" is no "struck oil"), supplies stopped to a neighbour, and the
senses of the same words that code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on, place_on


def test_drones_striking_an_oil_refinery_attack_the_state_it_stands_in(coder: Any) -> None:
    found = only_on(invented_events(coder, "energy", "e02"), "struck")
    assert found.event_type == "ASSAULT" and dyad(found) == ("UKR", "MIL", "RUS", None)


def test_a_state_that_stops_supplying_gas_to_its_neighbour_cuts_it_off(coder: Any) -> None:
    found = only_on(invented_events(coder, "energy", "e04"), "stopped")
    assert found.event_type == "COERCE" and found.cameo == "163"
    assert dyad(found)[0::2] == ("DZA", "MAR")
    assert found.date is not None and found.date.value == "2026-11-01"


def test_condemned_sabotage_is_aimed_at_its_doers(coder: Any) -> None:
    found = only_on(invented_events(coder, "energy", "e03"), "condemned")
    assert found.target is not None and found.target.text == "Gunmen"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Saudi drones struck a gas plant near Marib on Friday.", "190"),
        ("Bandits killed five cattle herders near Katsina.", "180"),
        ("Jordan stopped supplying electricity to Syria in May.", "163"),
    ],
)
def test_acts_on_works_and_people_named_after_what_they_carry(
    coder: Any, text: str, cameo: str
) -> None:
    assert cameo in {r.cameo for r in events(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The Norwegian company struck oil in the Barents Sea.",
        "Oil prices rose 3 percent after the storm shut refineries in Texas.",
        "Sales of the new diesel engine exploded in India, the carmaker said.",
        "The ranchers killed a dozen cattle after the drought.",
    ],
)
def test_no_event_in_markets_finds_and_herds(coder: Any, text: str) -> None:
    assert events(coder, text) == []


def test_air_defences_are_the_armed_forces_of_the_state_that_tells_of_them(coder: Any) -> None:
    (found,) = events(coder, "Iran's army said air defences shot down two drones over Isfahan.")
    assert found.event_type == "ASSAULT" and dyad(found)[:2] == ("IRN", "MIL")


def test_a_union_in_a_story_that_names_the_niger_delta_is_nigerian(coder: Any) -> None:
    found = only_on(invented_events(coder, "energy", "e09"), "threatened")
    assert dyad(found) == ("NGA", "LAB", "NGA", "GOV")


def test_the_niger_delta_is_a_nigerian_region_not_niger(coder: Any) -> None:
    place = place_on(coder, "Militants attacked an oil platform in the Niger Delta.", "attacked")
    assert place is not None and (place.name, place.country) == ("Niger Delta", "NGA")


def test_heavy_fighting_before_a_seizure_is_the_seizing_forces_fight(coder: Any) -> None:
    found = only_on(invented_events(coder, "energy", "e10"), "fighting")
    assert found.event_type == "ASSAULT" and dyad(found) == ("SDN", "REB", "SDN", "MIL")
