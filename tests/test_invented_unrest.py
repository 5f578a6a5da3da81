"""News of unrest written for the test (tests/data/invented/unrest.jsonl, invented wire
stories): the records four of its articles must give, and sentences where the rules built for
them must not fire (suppress.until-condition, date.yearless-bound, target.gathering-agent)."""

from __future__ import annotations

from typing import Any

from gestae.schema import EventRecord
from tests.coding import events, invented_events


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "unrest", article_id)


def test_demands_met_only_as_the_strikes_end_are_no_concession(coder: Any) -> None:
    records = _records(coder, "u01")
    assert all(r.event_type != "CONCEDE" for r in records)
    assert any(r.event_type == "PROTEST" for r in records)  # the strike itself stays


def test_activist_on_hunger_strike_protests(coder: Any) -> None:
    (found,) = [r for r in _records(coder, "u03") if r.event_type == "PROTEST"]
    assert found.source is not None and found.source.country == "BHR"


def test_convoy_kept_out_of_gaza_is_blocked_aid(coder: Any) -> None:
    found = [r for r in _records(coder, "u05") if r.cameo == "1245"]
    assert [r.source.country if r.source else None for r in found] == ["ISR"]


def test_truce_extended_until_may_is_not_dated_a_year_back(coder: Any) -> None:
    (found,) = [r for r in _records(coder, "u15") if r.trigger.text == "extended"]
    assert found.date.value == "2025-04-24" and "date.yearless-bound" in found.rules


def test_past_until_clause_keeps_its_act(coder: Any) -> None:
    text = "Rebels held the port of Kismayo until Somali troops recaptured it on Monday."
    found = events(coder, text)
    assert any(r.trigger.text.startswith("recaptured") for r in found)
    assert all("suppress.until-condition" not in r.rules for r in found)


def test_joining_a_rally_is_no_act_on_its_people(coder: Any) -> None:
    text = "Kenyan students joined a rally by striking teachers in Nairobi."
    assert all("target.gathering-agent" not in r.rules for r in events(coder, text))
