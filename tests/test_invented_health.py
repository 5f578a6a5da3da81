"""News of epidemics and public-health politics written for the test
(tests/data/invented/health.jsonl, invented wire stories): the records that matter in its
articles (aid in health workers, an order to end a strike, an expelled WHO official, a
condemned attack's doer), and the sentences of the same words that tell no political act (a
footballer's injury)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_health_workers_sent_to_a_state_are_aid(coder: Any) -> None:
    found = only_on(invented_events(coder, "health", "h14"), "sent")
    assert found.event_type == "AID" and dyad(found) == ("RWA", None, "BDI", None)
    assert found.date is not None and found.date.value == "2026-08-18"


def test_expelled_who_representative_is_the_bodys_officer_not_a_lawmaker(coder: Any) -> None:
    found = only_on(invented_events(coder, "health", "h08"), "expelled")
    assert dyad(found) == ("BDI", None, "UNO", "IGO")


def test_court_order_to_suspend_a_strike_is_a_demand_not_a_suspension(coder: Any) -> None:
    records = invented_events(coder, "health", "h07")
    order = only_on(records, "ordered")
    assert order.event_type == "REQUEST" and dyad(order) == ("KEN", "JUD", "KEN", "LAB")
    assert not [r for r in records if r.trigger.text == "suspend"]
    # "defied the order": the order is the court's, told in the same sentence; the minister's
    # threat of the sentence before is not what was defied.
    defied = only_on(records, "defied")
    assert defied.target is None or defied.target.sector != "GOV"


def test_condemned_attack_is_the_mobs_not_the_police_who_dispersed_it(coder: Any) -> None:
    found = only_on(invented_events(coder, "health", "h16"), "condemned")
    assert dyad(found) == ("GIN", "GOV", "GIN", "CVL")


def test_footballer_injuring_his_knee_is_no_attack(coder: Any) -> None:
    assert invented_events(coder, "health", "h10") == []


def test_slain_vaccinators_are_health_workers_of_the_country(coder: Any) -> None:
    records = [r for r in invented_events(coder, "health", "h04") if r.trigger.text == "shot"]
    assert ("PAK", "UAF", "PAK", "MED") in {dyad(r) for r in records}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian goalkeeper hurt his shoulder in the match against Chile.",
        "Two Kenyan runners injured their ankles at the trials in Eldoret.",
        "The Polish president's doctors said he had injured his back while skiing.",
    ],
)
def test_own_injuries_are_no_assault(coder: Any, text: str) -> None:
    assert all(r.event_type != "ASSAULT" for r in events(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "Police injured his leg during the march in Quito, the activist said.",
        "Gunmen wounded three Nigerian soldiers near Maiduguri on Sunday.",
    ],
)
def test_injuries_done_to_others_stay_assaults(coder: Any, text: str) -> None:
    assert any(r.event_type == "ASSAULT" for r in events(coder, text))
