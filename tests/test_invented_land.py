"""Records of invented wire articles on land, water and resource disputes
(tests/data/invented/land.jsonl, our own writing) that must hold: a court that orders a state
to return land demands it (REQUEST 1053) and no return is made; people forcibly relocated for a
dam are evicted by the authorities; dredges destroyed with a "their" are aimed at the miners it
points back to; warning shots are a show of force, not a shooting; war veterans who threaten
to occupy farms threaten; the killing of farmers by herders keeps its day; and the plot of a
film about an eviction, a marathon, a mining share price and beavers' dams code nothing
political."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "land", article_id)


def test_a_regional_court_order_to_return_land_is_a_demand(coder: Any) -> None:
    """l02: "the African Court on Human and Peoples' Rights ordered Kenya to return ancestral
    land to the Ogiek"."""
    records = _records(coder, "l02")
    assert [r for r in records if r.trigger.text == "return"] == []
    found = only_on(records, "ordered")
    assert found.event_type == "REQUEST" and found.cameo == "1053"
    assert dyad(found)[:3] == ("IGO", "JUD", "KEN")


def test_a_national_court_order_to_return_land_returns_nothing(coder: Any) -> None:
    """l07: "Colombia's Constitutional Court on Wednesday ordered the state to return 4,000
    hectares of land"."""
    records = _records(coder, "l07")
    assert [r for r in records if r.event_type == "RETREAT"] == []
    found = only_on(records, "ordered")
    assert found.event_type == "REQUEST"
    assert dyad(found)[:2] == ("COL", "JUD")


def test_families_forcibly_relocated_for_a_dam_are_evicted(coder: Any) -> None:
    """l10: "Cambodian authorities forcibly relocated more than 200 families ... on Tuesday";
    the headline's "Cambodian families forced out" makes the families no doers."""
    records = _records(coder, "l10")
    found = only_on(records, "relocated")
    assert found.event_type == "COERCE" and found.cameo == "174"
    assert dyad(found)[:2] == ("KHM", "GOV")
    assert found.date is not None and found.date.value == "2026-01-27"
    families = [r for r in records if r.source is not None and "families" in r.source.text]
    assert families == []


def test_dredges_destroyed_are_aimed_at_the_miners(coder: Any) -> None:
    """l03: "expelled about 300 illegal gold miners ... and destroyed their dredges"."""
    found = only_on(_records(coder, "l03"), "destroyed")
    assert dyad(found) == ("BRA", "COP", "BRA", "LAB")


def test_warning_shots_are_a_show_of_force(coder: Any) -> None:
    """l08: "Tajik border guards fired warning shots to disperse the crowd"."""
    found = only_on(_records(coder, "l08"), "fired")
    assert found.event_type == "MOBILIZE" and found.cameo == "150"
    assert dyad(found)[:2] == ("TJK", "MIL")


def test_war_veterans_threatening_to_occupy_farms_threaten(coder: Any) -> None:
    """l06: "War veterans threatened to occupy the farms again if the government went
    ahead"."""
    found = only_on(_records(coder, "l06"), "threatened")
    assert found.event_type == "THREATEN" and found.cameo == "1382"
    assert found.source is not None and found.source.sector == "CVL"


def test_herders_killing_farmers_stays(coder: Any) -> None:
    """l01: "Armed herders killed eleven farmers in a dispute over grazing land ... on
    Sunday"."""
    found = only_on(_records(coder, "l01"), "killed")
    assert dyad(found) == ("NGA", "AGR", "NGA", "AGR")
    assert found.date is not None and found.date.value == "2026-04-05"


def test_a_film_about_an_eviction_evicts_no_one(coder: Any) -> None:
    """l15: "A Bolivian drama about a family of potato farmers evicted from their land by a
    greedy uncle won the top prize"."""
    assert [r for r in _records(coder, "l15") if r.trigger.text == "evicted"] == []


@pytest.mark.parametrize("article_id", ["l13", "l14"])
def test_a_marathon_and_a_miner_share_price_code_nothing(coder: Any, article_id: str) -> None:
    """A runner who "claimed" a title and "seized the lead"; a mining company's shares that
    "lost ground"."""
    assert _records(coder, article_id) == []


def test_beavers_that_drive_out_a_rival_are_no_expulsion(coder: Any) -> None:
    """l16: beavers' dams flooding fields and "A young male drove an older rival out of its
    territory": only the farmers' request to the government is coded."""
    records = _records(coder, "l16")
    assert [r.event_type for r in records] == ["REQUEST"]
