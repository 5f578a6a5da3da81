"""News on terrorism, hostages, hacking and incidents at sea written for the test
(tests/data/invented/security.jsonl, invented wire stories): the records that turned on a
construction of the kind (docs/hand_checks/invented-security-2026-12-06-s26.md), and the
senses of the same words that code something else or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_a_vow_to_hunt_down_bombers_threatens_them(coder: Any) -> None:
    found = only_on(invented_events(coder, "security", "s01"), "vowed")
    assert found.event_type == "THREATEN" and found.cameo == "137"


def test_a_vow_to_keep_targeting_ships_threatens_force(coder: Any) -> None:
    found = only_on(invented_events(coder, "security", "s07"), "vowed")
    assert (found.event_type, found.cameo) == ("THREATEN", "138")
    assert dyad(found)[:2] == ("YEM", "REB")


def test_hedges_hacked_at_are_no_cyber_attack(coder: Any) -> None:
    records = invented_events(coder, "security", "s12")
    assert [r.cameo for r in records if r.cameo == "176"] == []
    assert any(r.event_type == "ACCUSE" and dyad(r)[::2] == ("AUS", "CHN") for r in records)


def test_a_rescue_from_bandits_is_not_aimed_at_the_bandits(coder: Any) -> None:
    found = only_on(invented_events(coder, "security", "s16"), "rescued")
    assert found.event_type == "AID" and found.target is not None
    assert found.target.sector != "CRM"


def test_commandos_freeing_a_crew_make_no_release(coder: Any) -> None:
    records = invented_events(coder, "security", "s09")
    assert [r for r in records if r.trigger.text == "freed"] == []


@pytest.mark.parametrize(
    ("article_id", "condemner", "doer"),
    [("s08", "USA", "IRN"), ("s15", "TUR", "ISR")],
)
def test_a_condemned_seizure_at_sea_is_aimed_at_its_doer(
    coder: Any, article_id: str, condemner: str, doer: str
) -> None:
    records = invented_events(coder, "security", article_id)
    reactions = [r for r in records if r.cameo == "111"]
    assert [dyad(r)[::2] for r in reactions] == [(condemner, doer)]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Turkish hackers hacked the website of the Armenian foreign ministry.", "176"),
        ("The Congolese minister vowed to keep helping the displaced families.", "033"),
        ("The new junta seized power and freed dozens of political prisoners.", "0841"),
        ("Hamas freed two Thai hostages in Gaza on Friday.", "0841"),
    ],
)
def test_the_same_words_keep_their_codes(coder: Any, text: str, cameo: str) -> None:
    assert cameo in {r.cameo for r in events(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Gardeners hacked at the overgrown roses outside the Kenyan embassy.",
        "The chef hacked the frozen meat into pieces.",
    ],
)
def test_no_cyber_attack_in_the_garden_or_the_kitchen(coder: Any, text: str) -> None:
    assert all(r.cameo != "176" for r in events(coder, text))


def test_a_mosque_bombed_is_not_the_killer(coder: Any) -> None:
    records = invented_events(coder, "security", "s01")
    assert [r for r in records if r.source is not None and r.source.sector == "REL"] == []
    bombing = only_on(records, "claimed responsibility on Friday for a suicide bombing")
    assert bombing.source is not None and bombing.source.country == "IMG"


def test_a_demand_to_free_a_seized_ship_is_aimed_at_its_seizers(coder: Any) -> None:
    found = only_on(invented_events(coder, "security", "s08"), "demanded")
    assert dyad(found)[::2] == ("USA", "IRN")


def test_a_kidnapping_joined_to_a_past_perfect_attack_shares_its_month(coder: Any) -> None:
    found = only_on(invented_events(coder, "security", "s16"), "kidnapped")
    assert found.date is not None and found.date.value == "2026-02-01"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # A town seized holds no one whose release is asked.
        (
            "Rebels seized the port town of Kismayo on Friday. "
            "Kenya called for the release of the hostages.",
            "called for",
        ),
        # An arrest is no expulsion.
        (
            "Belgian police arrested a Congolese journalist on Monday. "
            "Kinshasa condemned the expulsion.",
            "condemned",
        ),
    ],
)
def test_a_reaction_to_another_kind_of_act_gets_no_doer(
    coder: Any, text: str, trigger: str
) -> None:
    assert only_on(events(coder, text), trigger).target is None


def test_the_dateline_day_is_not_the_seizure_day(coder: Any) -> None:
    found = only_on(invented_events(coder, "security", "s08"), "seized")
    assert found.date is not None and found.date.value == "2026-04-26"
