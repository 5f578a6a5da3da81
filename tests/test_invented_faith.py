"""Records of invented wire articles on religion and communal violence
(tests/data/invented/faith.jsonl, our own writing) that must hold: a church attacked, a clause
after "after" the parse broke apart, pilgrims turned back at a border, a curfew lifted by the
authorities of a dateline's first words, "the two leaders" of one state, a condemned
demolition; and the same words in a choir's tour or a pilgrimage that code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, events, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "faith", article_id)


def test_a_church_stormed_is_a_church_of_the_town_not_the_vatican(coder: Any) -> None:
    """f01: "stormed a Catholic church in the northern town of Djibo"."""
    found = only_on(_records(coder, "f01"), "stormed")
    assert dyad(found) == ("BFA", "UAF", "BFA", "REL")


def test_the_catholic_church_itself_keeps_its_seat(coder: Any) -> None:
    (found,) = events(coder, "The Catholic Church condemned the attack on the school in Chad.")
    assert found.source is not None and found.source.country == "VAT"


def test_deaths_after_rioting_are_not_the_leaders_who_appealed(coder: Any) -> None:
    """f06: "leaders ... appealed for calm after two days of rioting in Kaduna killed eight"."""
    records = _records(coder, "f06")
    assert not any(
        r.event_type == "ASSAULT" and r.source is not None and r.source.sector == "REL"
        for r in records
    )


def test_pilgrims_turned_back_at_the_border_are_put_out(coder: Any) -> None:
    """f05: "Iraqi border guards turned back thousands of Iranian pilgrims"."""
    found = only_on(_records(coder, "f05"), "turned back")
    assert found.event_type == "COERCE" and found.cameo == "174"
    assert dyad(found)[:2] == ("IRQ", "MIL")
    assert found.target is not None and found.target.country == "IRN"


def test_curfew_lifted_by_dateline_authorities_on_its_own_day(coder: Any) -> None:
    """f15: "NEW DELHI ... - Authorities lifted a curfew ... on Wednesday, a week after
    clashes": the authorities are India's and the day is the Wednesday before publication."""
    found = only_on(_records(coder, "f15"), "lifted")
    assert found.event_type == "CONCEDE" and dyad(found)[:2] == ("IND", "GOV")
    assert found.date is not None and found.date.value == "2026-04-15"


def test_the_two_leaders_are_the_pope_and_the_imam(coder: Any) -> None:
    """f07: "The two leaders" after a Coptic pope met the imam of Al-Azhar: clerics, not GOV."""
    found = only_on(_records(coder, "f07"), "signed")
    assert dyad(found)[:2] == ("EGY", "REL")


def test_condemned_demolition_is_aimed_at_the_authorities(coder: Any) -> None:
    """f04: "Muslim leaders condemned the demolition" of the mosque the authorities razed."""
    found = only_on(_records(coder, "f04"), "condemned")
    assert dyad(found) == ("IND", "REL", "IND", "GOV")


@pytest.mark.parametrize("article_id", ["f10", "f11"])
def test_choir_tours_and_hajj_numbers_code_nothing(coder: Any, article_id: str) -> None:
    """f10 a choir's tour ("the singers attacked the difficult hymns"), f11 the Hajj."""
    assert _records(coder, article_id) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Italian army turned back the rebel advance on the town.",
        "The governor wept after floods in the valley killed 30 people.",
        "The Brazilian government turned back the clock on land reform.",
    ],
)
def test_no_act_where_no_party_acts(coder: Any, text: str) -> None:
    assert events(coder, text) == []
