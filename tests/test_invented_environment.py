"""Land, environment and climate news written for the test (tests/data/invented/environment.jsonl,
invented wire stories): the records its articles must give or keep out, and the senses of
the same words (a storm of money, pests and tourists "invading") that code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_rangers_shooting_poachers_are_a_force_of_the_state(coder: Any) -> None:
    found = only_on(invented_events(coder, "environment", "v03"), "shot")
    assert found.event_type == "ASSAULT" and dyad(found) == ("KEN", "COP", "KEN", "CRM")


def test_condemned_evictions_are_aimed_at_the_police_who_evicted(coder: Any) -> None:
    found = only_on(invented_events(coder, "environment", "v04"), "condemned")
    assert dyad(found) == ("ZWE", "SOC", "ZWE", "COP")


def test_a_court_order_to_pay_is_a_demand_not_a_payment(coder: Any) -> None:
    records = invented_events(coder, "environment", "v07")
    assert all(r.event_type != "AID" for r in records)
    found = only_on(records, "ordered")
    assert found.event_type == "REQUEST" and dyad(found)[:2] == ("NGA", "JUD")


def test_students_arrested_as_they_marched_are_the_marchers(coder: Any) -> None:
    found = only_on(invented_events(coder, "environment", "v14"), "marched to")
    assert found.event_type == "PROTEST" and dyad(found)[:2] == ("UGA", "EDU")


def test_conservation_groups_welcoming_a_decision_are_civil_society(coder: Any) -> None:
    found = only_on(invented_events(coder, "environment", "v16"), "welcomed")
    assert found.event_type == "SUPPORT" and dyad(found)[:2] == ("KHM", "SOC")


@pytest.mark.parametrize("article_id", ["v10", "v11", "v12", "v13"])
def test_storms_rallies_pests_and_tourists_are_no_events(coder: Any, article_id: str) -> None:
    records = invented_events(coder, "environment", article_id)
    assert all(r.event_type != "ASSAULT" for r in records)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The Tongan delegation stormed out of the climate talks on Friday.", "SANCTION"),
        ("Police stormed into the market in Kano and arrested 30 traders.", "ASSAULT"),
        ("Fund managers stormed into Korean chip stocks on Monday.", None),
    ],
)
def test_storming_out_of_talks_and_into_stocks(
    coder: Any, text: str, event_type: str | None
) -> None:
    types = {r.event_type for r in events(coder, text) if r.trigger.text.startswith("storm")}
    assert types == ({event_type} if event_type else set())
