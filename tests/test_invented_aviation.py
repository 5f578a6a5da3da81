"""Records of invented wire articles on aviation and airspace (tests/data/invented/aviation.jsonl,
our own writing) that must hold: military helicopters that "crossed into" a neighbour's
airspace and drones that "crossed the inter-Korean border" violate it (REJECT 128, the other
state the target); "destroyed the drone after it violated Algerian airspace" makes the drone,
not Algeria, the violator; an unidentified drone shot down takes no country from the story, so
Turkey does not shoot down its own drone; "Pakistani-registered aircraft" are Pakistan's; an
airspace entry, a hijacking and an air-force strike that already coded keep coding; and a
swallow's flight, a grounded budget fleet, a goal that "flew into the top corner" and a drone
light show code nothing political."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, events, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "aviation", article_id)


def test_helicopters_that_crossed_into_airspace_violate_it(coder: Any) -> None:
    """v01: "two Belarusian military helicopters crossed into its airspace" (Lithuania's)."""
    found = only_on(_records(coder, "v01"), "crossed into")
    assert (found.event_type, found.cameo) == ("REJECT", "128")
    assert dyad(found) == ("BLR", "MIL", "LTU", None)


def test_drones_that_crossed_the_border_violate_it(coder: Any) -> None:
    """v11: "South Korea's military said five North Korean drones crossed the inter-Korean
    border on Tuesday"."""
    found = only_on(_records(coder, "v11"), "crossed")
    assert found.cameo == "128"
    assert dyad(found)[:3] == ("PRK", "MIL", "KOR")


def test_the_drone_destroyed_after_it_violated_airspace_is_the_violator(coder: Any) -> None:
    """v12: "The Algerian army said it had destroyed the drone after it violated Algerian
    airspace": "it" is the Malian drone, not Algeria."""
    found = only_on(_records(coder, "v12"), "violated")
    assert dyad(found)[:3] == ("MLI", "MIL", "DZA")


def test_an_unidentified_drone_shot_down_is_no_one_s_own(coder: Any) -> None:
    """v02: "Turkish F-16 jets shot down an unidentified drone": the drone takes no country
    from the Turkish story."""
    found = only_on(_records(coder, "v02"), "shot down")
    assert found.event_type == "ASSAULT"
    assert dyad(found) == ("TUR", "MIL", None, "MIL")


def test_a_drone_named_by_its_state_keeps_its_state(coder: Any) -> None:
    """v12: "The Algerian army said it had destroyed the drone" (the Malian drone told
    before): a craft whose state the story gives keeps it."""
    found = only_on(_records(coder, "v12"), "destroyed")
    assert dyad(found) == ("DZA", "MIL", "MLI", "MIL")


def test_aircraft_registered_in_a_state_are_that_state_s(coder: Any) -> None:
    """v07: "India responded by barring Pakistani-registered aircraft from its own skies"."""
    (found,) = [r for r in _records(coder, "v07") if r.trigger.text.startswith("barring")]
    assert found.event_type == "COERCE"
    assert dyad(found)[:3] == ("IND", None, "PAK")


@pytest.mark.parametrize(
    ("article_id", "trigger", "expected"),
    [
        ("v09", "entered", ("RUS", "MIL", "POL", None)),
        ("v03", "hijacked", ("PER", "UAF", "PER", None)),
        ("v05", "struck", ("ISR", "MIL", "LBN", "REB")),
        ("v07", "closed", ("PAK", None, "IND", "BUS")),
    ],
)
def test_airspace_entries_hijackings_strikes_and_closures_keep_coding(
    coder: Any, article_id: str, trigger: str, expected: tuple[str | None, ...]
) -> None:
    """v09 "Russian drones entered its airspace"; v03 "An armed man hijacked a domestic
    flight"; v05 "The Israeli air force said it struck Hezbollah weapons depots"; v07
    "Pakistan closed its airspace to Indian airlines"."""
    assert dyad(only_on(_records(coder, article_id), trigger)) == expected


@pytest.mark.parametrize("article_id", ["v13", "v15", "v16"])
def test_birds_a_goal_and_a_light_show_code_nothing(coder: Any, article_id: str) -> None:
    """Swallows that "flew in" after crossing the Sahara; a strike that "flew into the top
    corner" and a forward who "shot the ball"; drones that "lit up the sky"."""
    assert _records(coder, article_id) == []


def test_a_budget_airline_grounding_its_jets_is_no_sanction(coder: Any) -> None:
    """v14: "SkyGreen grounded eight of its Airbus jets ... for engine inspections"."""
    assert [r for r in _records(coder, "v14") if r.trigger.text == "grounded"] == []


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Rebels shot down a passenger jet near Bunia on Monday.", "CVL"),
        ("Rebels shot down a military aircraft near Bunia on Monday.", "MIL"),
        ("Rebels shot down a civilian aircraft near Bunia on Monday.", "CVL"),
    ],
)
def test_a_craft_that_carries_passengers_is_not_a_force(coder: Any, text: str, sector: str) -> None:
    """A passenger craft is civilian, as a civilian one is: the craft noun alone ("aircraft",
    "jet") reads as a force only when nothing says whom it carries."""
    (found,) = [r for r in events(coder, text) if r.trigger.text.startswith("shot")]
    assert found.target is not None and found.target.sector == sector
