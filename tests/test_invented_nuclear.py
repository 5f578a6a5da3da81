"""News on nuclear programmes and arms control written for the test
(tests/data/invented/nuclear.jsonl, invented wire stories): two states signing or extending a
pact about a site on one's own ground, a missile test or a deployment condemned by its noun,
firms "accused of" supplying parts, and "the agency" after a lowercase word the parser took for
a name; beside the senses of the same words that code nothing (a school test, enriched flour,
the nuclear family, fireworks)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def _pairs(records: list[Any], trigger: str) -> set[tuple[str | None, str | None]]:
    return {(dyad(r)[0], dyad(r)[2]) for r in records if r.trigger.text == trigger}


def test_a_pact_signed_for_a_plant_on_one_partners_ground_binds_the_two_partners(
    coder: Any,
) -> None:
    assert _pairs(invented_events(coder, "nuclear", "n06"), "signed") == {
        ("TUR", "RUS"),
        ("RUS", "TUR"),
    }


def test_a_pact_extended_during_a_visit_to_one_partners_capital_binds_both(coder: Any) -> None:
    assert _pairs(invented_events(coder, "nuclear", "n16"), "extended") == {
        ("CHN", "PAK"),
        ("PAK", "CHN"),
    }


def test_a_pact_signed_with_a_third_state_keeps_that_state_as_target(coder: Any) -> None:
    found = events(coder, "Chile and Bolivia signed a trade deal with Japan on Monday.")
    assert {(dyad(r)[0], dyad(r)[2]) for r in found} == {("CHL", "JPN"), ("BOL", "JPN")}


@pytest.mark.parametrize(("article", "trigger"), [("n08", "criticised"), ("n14", "denounced")])
def test_a_condemned_test_or_deployment_is_aimed_at_whoever_made_it(
    coder: Any, article: str, trigger: str
) -> None:
    expected = {"n08": ("PAK", "IND"), "n14": ("POL", "RUS")}[article]
    records = invented_events(coder, "nuclear", article)
    found = [r for r in records if r.trigger.text == trigger]
    assert expected in {(dyad(r)[0], dyad(r)[2]) for r in found}


def test_a_school_test_condemned_after_an_attack_is_aimed_at_no_one(coder: Any) -> None:
    text = (
        "Rebels shelled the town on Monday. Students sat a maths test on Tuesday. "
        "The governor condemned the test."
    )
    (found,) = [r for r in events(coder, text) if r.trigger.text == "condemned"]
    assert found.target is None


def test_firms_accused_of_supplying_parts_are_the_accused_not_the_accusers(coder: Any) -> None:
    records = invented_events(coder, "nuclear", "n05")
    assert not [r for r in records if r.trigger.text == "accused"]
    sanction = only_on(records, "imposed sanctions on Thursday on")
    assert dyad(sanction)[0::2] == ("USA", "IRN")


def test_the_agency_points_back_to_the_iaea_not_to_a_word_of_the_ministry(coder: Any) -> None:
    found = only_on(invented_events(coder, "nuclear", "n01"), "accused")
    assert dyad(found) == ("IRN", "GOV", "UNO", "IGO")


def test_inspectors_readmitted_is_access_granted(coder: Any) -> None:
    (found,) = events(coder, "Syria readmitted UN inspectors on Tuesday.")
    assert found.event_type == "RETREAT" and found.cameo == "0862"


def test_no_event_in_enriched_flour(coder: Any) -> None:
    assert invented_events(coder, "nuclear", "n12") == []


def test_a_maintenance_outage_is_no_act_of_force(coder: Any) -> None:
    # the shutdown codes nothing; a green group welcoming it is praise (SUPPORT), as
    # environment32's SOC groups read it, never a sanction or an attack
    found = invented_events(coder, "nuclear", "n11")
    assert all(r.sentence_index > 0 for r in found)
    assert {r.event_type for r in found} <= {"SUPPORT"}


def test_a_missile_shaped_firework_launched_is_no_show_of_force(coder: Any) -> None:
    records = invented_events(coder, "nuclear", "n13")
    assert not [r for r in records if r.event_type == "MOBILIZE"]


def test_a_headline_meeting_told_from_the_other_side_is_the_bodys_dated_meeting(
    coder: Any,
) -> None:
    records = invented_events(coder, "nuclear", "n10")
    assert not [r for r in records if r.sentence_index == -1]
    talks = only_on(records, "held talks with")
    assert talks.date is not None and talks.date.value == "2026-05-11"


def test_a_headline_meeting_of_other_states_stays_its_own(coder: Any) -> None:
    text = "Chile, Peru hold talks\nBolivia's foreign minister met Peru's foreign minister."
    assert len([r for r in events(coder, text) if r.sentence_index == -1]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Police raided six companies in Kenya and Uganda accused of selling fake medicine.",
        "Egypt fined two firms accused of selling fake medicine.",
    ],
)
def test_a_noun_accused_of_an_act_is_never_the_accuser(coder: Any, text: str) -> None:
    assert not [r for r in events(coder, text) if r.event_type == "ACCUSE"]


def test_a_vow_to_expand_an_arsenal_is_a_threat_not_a_promise_to_cooperate(coder: Any) -> None:
    found = only_on(invented_events(coder, "nuclear", "n15"), "vowed")
    assert found.event_type == "THREATEN" and dyad(found)[0] == "PRK"


def test_a_rejected_offer_was_made_to_the_one_who_rejects_it(coder: Any) -> None:
    found = only_on(invented_events(coder, "nuclear", "n15"), "offer")
    assert dyad(found)[0::2] == ("USA", "PRK")
