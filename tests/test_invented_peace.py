"""News of peace processes written for the test (tests/data/invented/peace.jsonl, invented
wire stories): a ceasefire that is only the topic of talks is no ceasefire, a refusal to lay
down arms is a refusal to demobilize, an answer "with air strikes" is an attack, and the same
words in a football truce, merger talks or a family feud code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_ceasefire_only_talked_about_codes_no_ceasefire(coder: Any) -> None:
    records = invented_events(coder, "peace", "pc07")
    assert not [r for r in records if r.cameo == "0871"]
    talks = only_on(records, "talks with")
    assert talks.event_type == "CONSULT" and talks.source and talks.source.country == "USA"


def test_refusing_to_lay_down_arms_is_refusing_to_demobilize(coder: Any) -> None:
    refusal = only_on(invented_events(coder, "peace", "pc04"), "refused")
    assert (refusal.event_type, refusal.cameo) == ("REJECT", "1246")
    assert dyad(refusal)[:2] == ("COD", "REB")


def test_rebels_of_a_people_take_no_country_of_a_namesake_town(coder: Any) -> None:
    rejection = only_on(invented_events(coder, "peace", "pc06"), "rejected")
    assert rejection.target is not None and rejection.target.country != "PAK"


def test_prisoner_exchange_is_mutual_release(coder: Any) -> None:
    exchanged = [
        r for r in invented_events(coder, "peace", "pc05") if r.trigger.text == "exchanged"
    ]
    assert {dyad(r)[0] for r in exchanged if r.cameo == "0841"} == {"ARM", "AZE"}


@pytest.mark.parametrize("article_id", ["pc12", "pc14"])
def test_truce_between_clubs_or_brothers_codes_nothing(coder: Any, article_id: str) -> None:
    assert invented_events(coder, "peace", article_id) == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Iraq responded with air strikes on Islamic State hideouts near Mosul.", "190"),
        ("The Malian rebels refused to hand over their weapons to the army.", "1246"),
        ("Ethiopia and the TPLF signed a ceasefire in Nairobi on Friday.", "0871"),
    ],
)
def test_peace_process_acts(coder: Any, text: str, cameo: str) -> None:
    assert cameo in {r.cameo for r in events(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Talks on a truce between Armenia and Azerbaijan stalled in Vienna.",
        "The mediators proposed a ceasefire between the Sudanese army and the RSF.",
        "The Chilean minister responded with a shrug.",
    ],
)
def test_no_ceasefire_or_act_where_none_was_made(coder: Any, text: str) -> None:
    assert all(r.cameo not in ("0871", "190") for r in events(coder, text))


def test_truce_signed_abroad_is_between_its_parties(coder: Any) -> None:
    (first, second) = [
        r for r in events(coder, "Ethiopia and the TPLF signed a ceasefire in Nairobi on Friday.")
    ]
    assert {dyad(first)[2], dyad(second)[2]} == {"ETH"}


def test_soldiers_handed_over_are_captives_given_back(coder: Any) -> None:
    handover = only_on(invented_events(coder, "peace", "pc05"), "handed over")
    assert (handover.event_type, handover.cameo) == ("RETREAT", "0841")
    assert dyad(handover) == ("ARM", None, "AZE", "MIL")


def test_swap_headline_is_between_the_two_sides(coder: Any) -> None:
    swaps = [r for r in invented_events(coder, "peace", "pc16") if r.trigger.text == "swap"]
    assert swaps and all(dyad(r)[2] in ("ISR", "PSE") and dyad(r)[0] != dyad(r)[2] for r in swaps)
