"""News on labour and economic conflict written for the test (tests/data/invented/labour.jsonl,
invented wire stories): the threatened strikes, the ministries named for their field and the
pickets its articles must code, and the sporting and market senses of the same words that code
nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_unions_threatening_a_general_strike_threaten_a_protest(coder: Any) -> None:
    found = only_on(invented_events(coder, "labour", "l03"), "threatened")
    assert found.event_type == "THREATEN" and found.cameo == "133"
    assert dyad(found)[:2] == ("GHA", "LAB")


def test_police_dispersing_pickets_aim_at_the_pickets(coder: Any) -> None:
    found = only_on(invented_events(coder, "labour", "l01"), "used")
    assert dyad(found) == ("CHL", "COP", "CHL", "LAB")


def test_labour_ministry_is_the_government(coder: Any) -> None:
    found = only_on(invented_events(coder, "labour", "l10"), "urged")
    assert dyad(found)[:2] == ("KOR", "GOV")


def test_a_bowler_striking_in_every_frame_attacks_no_one(coder: Any) -> None:
    assert invented_events(coder, "labour", "l12") == []


def test_a_rally_a_price_war_and_an_attacked_market_are_no_events(coder: Any) -> None:
    records = invented_events(coder, "labour", "l11")
    assert {r.event_type for r in records} <= {"CONCEDE"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Zambian miners threatened a strike over unpaid bonuses.", "133"),
        ("Jailed activists in Egypt threatened a hunger strike.", "133"),
        ("Egyptian teachers threatened nationwide protests over pay.", "133"),
        ("Israel threatened air strikes against Hezbollah.", "1384"),
        ("Russia threatened sanctions against Latvia.", "1312"),
    ],
)
def test_a_threat_takes_the_code_of_the_act_it_names(coder: Any, text: str, cameo: str) -> None:
    assert [r.cameo for r in events(coder, text)] == [cameo]


@pytest.mark.parametrize(
    "text",
    [
        "Did the Zambian miners threaten a general strike?",
        "The Peruvian bowler struck all ten pins in the final frame.",
    ],
)
def test_no_threat_or_attack_where_none_is_told(coder: Any, text: str) -> None:
    assert events(coder, text) == []


def test_the_unions_secretary_general_is_labour(coder: Any) -> None:
    found = only_on(invented_events(coder, "labour", "l13"), "arrested")
    assert dyad(found) == ("KEN", "COP", "KEN", "LAB")


def test_condemning_the_expropriation_is_aimed_at_its_doer(coder: Any) -> None:
    found = only_on(invented_events(coder, "labour", "l02"), "condemned")
    assert dyad(found) == ("CAN", "GOV", "BOL", "GOV")


def test_the_employers_federation_is_the_other_signer(coder: Any) -> None:
    records = [r for r in invented_events(coder, "labour", "l04") if r.trigger.text == "signed"]
    assert ("MAR", "LAB", "MAR", "BUS") in {dyad(r) for r in records}


def test_the_firm_told_again_keeps_its_country(coder: Any) -> None:
    found = only_on(invented_events(coder, "labour", "l08"), "accused")
    assert dyad(found) == ("MLI", "GOV", "AUS", "BUS")
