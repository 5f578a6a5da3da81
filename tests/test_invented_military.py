"""Military news written for the test (tests/data/invented/military.jsonl, invented wire
stories): the records that turned on a construction of the kind
(docs/hand_checks/invented-military-2026-12-06-s27.md), and the senses of the same words that
code something else or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_article, invented_events, only_on


def test_a_withdrawal_a_state_would_begin_is_a_concession(coder: Any) -> None:
    found = only_on(invented_events(coder, "military", "m03"), "withdrawing")
    assert found.event_type == "CONCEDE" and dyad(found)[0] == "FRA"


def test_a_junta_dissolving_the_assembly_curbs_freedoms(coder: Any) -> None:
    found = only_on(invented_events(coder, "military", "m03"), "dissolved")
    assert (found.event_type, found.cameo) == ("COERCE", "1721")


def test_a_junta_suspending_parties_bans_them(coder: Any) -> None:
    records = invented_events(coder, "military", "m11")
    assert only_on(records, "suspended").cameo == "1722"
    dissolved = only_on(records, "dissolved")
    assert dissolved.event_type == "COERCE" and dyad(dissolved)[:2] == ("BFA", "MIL")


def test_an_incursion_under_any_is_no_assault(coder: Any) -> None:
    records = invented_events(coder, "military", "m09")
    assert [r for r in records if r.trigger.text == "incursion"] == []
    assert only_on(records, "vowed").event_type == "THREATEN"


def test_fighters_who_would_keep_fighting_threaten(coder: Any) -> None:
    found = only_on(invented_events(coder, "military", "m15"), "fighting")
    assert (found.event_type, found.cameo) == ("THREATEN", "138")


def test_a_two_word_dateline_is_no_part_of_the_army(coder: Any) -> None:
    found = only_on(invented_events(coder, "military", "m15"), "retaken")
    assert found.source is not None and "PORT" not in found.source.text
    assert dyad(found)[:2] == ("SDN", "MIL")


def test_troops_stationed_in_a_country_are_no_deployment(coder: Any) -> None:
    records = invented_events(coder, "military", "m16")
    assert [r for r in records if r.trigger.text == "stationed"] == []


def test_a_planned_visit_is_announced_not_held(coder: Any) -> None:
    records = invented_events(coder, "military", "m06")
    visit = [r for r in records if r.trigger.text.startswith("visit")]
    assert [r.event_type for r in visit] == ["AGREE"]


def test_an_intercept_called_unsafe_and_unprofessional_is_criticised(coder: Any) -> None:
    records = invented_events(coder, "military", "m01")
    found = only_on(records, "called")
    assert found.event_type == "ACCUSE" and dyad(found)[:2] == ("USA", "MIL")


def test_the_story_names_no_fitness_club_event(coder: Any) -> None:
    records = coder.code(invented_article("military", "m10"))
    assert all("club" not in (r.source.text if r.source else "") for r in records)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Dutch prime minister dissolved parliament and called early elections.", "0834"),
        ("Ugandan troops were deployed to Juba on Monday.", "154"),
        ("Rebels began shelling the Ugandan town of Gulu on Monday.", "194"),
        ("The Zambian army vowed to crush any rebel attack on Kasama.", "138"),
    ],
)
def test_other_senses_keep_their_codes(coder: Any, text: str, cameo: str) -> None:
    assert {r.cameo for r in events(coder, text)} == {cameo}


@pytest.mark.parametrize(
    "text",
    [
        "About 900 Kenyan troops are stationed in southern Somalia.",
        "Any attack on one member of the alliance would be treated as an attack on all.",
        "The sugar dissolved slowly in the hot tea.",
        "The coach called the referee unprofessional after the match.",
    ],
)
def test_no_event_where_nothing_was_done(coder: Any, text: str) -> None:
    assert events(coder, text) == []
