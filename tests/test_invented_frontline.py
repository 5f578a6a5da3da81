"""Records of invented wire articles on front-line war reporting
(tests/data/invented/frontline.jsonl, our own writing) that must hold: missiles and drones
fired "at" a grid, or a salvo of rockets fired "at an army base", are aimed at that target,
never at the weapons; "The paramilitary Rapid Support Forces" is one doer, not two; a firm
response promised after blaming someone for an attack is a threat; an evacuation of families is no act aimed at the
state whose shelling drove it; what already worked (a raid's victims, a siege, a town seized)
stays; and the same words in sport, business, film and farming code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "frontline", article_id)


def test_missiles_and_drones_fired_at_a_grid_are_aimed_at_its_owner(coder: Any) -> None:
    """f12: "Russia fired 14 cruise missiles and more than 100 drones at Ukraine's power
    grid overnight" (one record, aimed at Ukraine, not two at the weapons)."""
    found = only_on(_records(coder, "f12"), "fired")
    assert dyad(found)[0] == "RUS" and dyad(found)[2] == "UKR"
    assert found.target is not None and "drones" not in found.target.text
    assert "target.weapon-aimed-at" in found.rules


def test_a_salvo_fired_at_an_army_base_is_aimed_at_the_base(coder: Any) -> None:
    """f07: "Hezbollah said it fired a salvo of rockets at an army base near Kiryat Shmona"."""
    found = only_on(_records(coder, "f07"), "fired")
    assert dyad(found) == ("LBN", "REB", "ISR", "MIL")
    assert found.target is not None and not found.target.text.startswith("a salvo")
    assert found.location is not None and found.location.country == "ISR"


def test_the_paramilitary_rapid_support_forces_is_one_doer(coder: Any) -> None:
    """f03: "The paramilitary Rapid Support Forces struck a power station in the northern
    city of Atbara with drones on Saturday"."""
    found = only_on(_records(coder, "f03"), "struck")
    assert dyad(found)[:2] == ("SDN", "REB")
    assert found.location is not None and found.location.name == "Atbara"


def test_a_firm_response_promised_after_blaming_an_attack_is_a_threat(coder: Any) -> None:
    """f03: "The army blamed the RSF for the attack and promised a firm response"."""
    records = _records(coder, "f03")
    assert only_on(records, "promised").event_type == "THREATEN"
    assert only_on(records, "blamed the RSF for").event_type == "ACCUSE"


def test_an_evacuation_of_families_is_not_aimed_at_the_shelling_state(coder: Any) -> None:
    """f10: "Ukrainian authorities ordered the compulsory evacuation of families ... as Russian
    shelling of the area intensified"."""
    found = only_on(_records(coder, "f10"), "ordered the compulsory evacuation of")
    assert found.target is not None and found.target.text == "families"
    assert found.target.country != "RUS"


def test_the_raid_that_killed_civilians_keeps_its_doer_and_town(coder: Any) -> None:
    """f03: "Army warplanes bombed RSF positions around Nyala ... The raid on Nyala killed at
    least nine civilians" (already right before this session; must stay)."""
    found = only_on(_records(coder, "f03"), "raid on Nyala killed")
    assert dyad(found) == ("SDN", "MIL", "SDN", "CVL")
    assert found.location is not None and found.location.name == "Nyala"


@pytest.mark.parametrize(
    ("article_id", "trigger", "event_type", "source", "town"),
    [
        ("f11", "besieged", "COERCE", "SDN", "El Obeid"),
        ("f05", "seized", "COERCE", "COD", "Uvira"),
    ],
)
def test_a_siege_and_a_town_seized_stay(
    coder: Any, article_id: str, trigger: str, event_type: str, source: str, town: str
) -> None:
    """f11 "The Rapid Support Forces have besieged the city of El Obeid"; f05 "M23 rebels
    seized the lakeside town of Uvira"."""
    found = only_on(_records(coder, article_id), trigger)
    assert found.event_type == event_type and dyad(found)[:2] == (source, "REB")
    assert found.location is not None and found.location.name == town


@pytest.mark.parametrize("article_id", ["f13", "f14", "f15", "f16"])
def test_war_words_in_sport_business_film_and_farming_code_nothing(
    coder: Any, article_id: str
) -> None:
    """A late strike and a siege of the goal; a price offensive; fans who stormed a red carpet
    and critics bombarded with tickets; locusts that invaded farms."""
    assert _records(coder, article_id) == []
