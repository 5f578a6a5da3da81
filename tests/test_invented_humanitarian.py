"""Humanitarian news written for the test (tests/data/invented/humanitarian.jsonl, invented
wire stories): aid bodies expelled or stopping their work, donors pausing payments, help sent
to a town or given as things, and the senses of the same words that code something else."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_expelling_an_aid_group_is_expelling_an_agency(coder: Any) -> None:
    records = invented_events(coder, "humanitarian", "h01")
    found = only_on(records, "ordered the expulsion")
    assert (found.event_type, found.cameo) == ("SANCTION", "1663")
    assert dyad(found) == ("SDN", "GOV", "NGO", "NGO")
    assert found.date is not None and found.date.value == "2026-05-03"


def test_calling_an_expulsion_regrettable_is_criticism(coder: Any) -> None:
    records = invented_events(coder, "humanitarian", "h01")
    (found,) = [r for r in records if r.sentence_index == 2 and r.event_type == "ACCUSE"]
    assert found.cameo == "111" and dyad(found)[:2] == ("UNO", "IGO")


def test_donors_pausing_payments_cut_aid_to_the_agency(coder: Any) -> None:
    records = invented_events(coder, "humanitarian", "h09")
    paused = [r for r in records if r.trigger.text == "paused"]
    assert {(r.cameo, dyad(r)) for r in paused} == {
        ("1621", ("DEU", None, "UNO", "IGO")),
        ("1621", ("GBR", None, "UNO", "IGO")),
    }


def test_aid_group_suspending_its_operations_stops_help(coder: Any) -> None:
    found = only_on(invented_events(coder, "humanitarian", "h06"), "suspended")
    assert (found.event_type, found.cameo) == ("SANCTION", "1623")
    assert dyad(found)[:2] == ("NGO", "NGO")


def test_aid_sent_to_a_town_goes_to_its_state(coder: Any) -> None:
    found = only_on(invented_events(coder, "humanitarian", "h11"), "sent")
    assert dyad(found) == ("SAU", None, "SYR", None)


def test_supplies_donated_are_no_recipient(coder: Any) -> None:
    found = only_on(invented_events(coder, "humanitarian", "h13"), "donated")
    assert found.event_type == "AID" and found.source is not None
    assert found.target is None or found.target.sector != "MED"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Peruvian army paused its offensive near the border.", "087"),
        ("Niger deported two Oxfam workers.", "174"),
        ("The Bolivian army suspended its operations in the north.", "087"),
    ],
)
def test_other_senses_keep_their_codes(coder: Any, text: str, cameo: str) -> None:
    assert {r.cameo for r in events(coder, text)} == {cameo}


@pytest.mark.parametrize(
    "text",
    [
        "The organisers pushed back the boat race to Sunday.",
        "A fire alarm forced the evacuation of a shopping mall in Amman.",
        "The coach called the weather shocking.",
    ],
)
def test_no_event_where_no_one_acts_on_another(coder: Any, text: str) -> None:
    assert events(coder, text) == []
