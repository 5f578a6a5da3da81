"""News on journalists and civil society written for the test (tests/data/invented/press.jsonl,
invented wire stories): who demands a reporter's release when two bodies speak in one
sentence, a rights group's demand told after what it said, the regulator that fines a
channel, outlets as the bodies a censor closes, and the senses of "press" and "media" that
code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import events, invented_article


def _events(coder: Any, article_id: str) -> list[EventRecord]:
    return [r for r in coder.code(invented_article("press", article_id)) if r.kind == "event"]


def _label(actor: Any) -> str | None:
    return actor.country if actor is not None else None


def test_second_body_of_a_joined_clause_makes_its_own_demand(coder: Any) -> None:
    found = _events(coder, "pr16")
    (demand,) = [r for r in found if r.trigger.text == "demanded"]
    assert demand.event_type == "REQUEST" and _label(demand.source) == "EUR"
    (condemned,) = [r for r in found if r.trigger.text == "condemned"]
    assert _label(condemned.source) == "POL" and _label(condemned.target) != "EUR"


def test_detention_in_a_month_of_last_year_is_dated_to_that_month(coder: Any) -> None:
    (held,) = [r for r in _events(coder, "pr16") if r.trigger.text == "detained"]
    assert held.date is not None and held.date.value == "2025-03-01"
    assert held.date.granularity == "month"


def test_rights_group_demand_after_what_it_said(coder: Any) -> None:
    (demand,) = [r for r in _events(coder, "pr08") if r.trigger.text == "demanded"]
    assert demand.event_type == "REQUEST" and demand.source is not None
    assert demand.source.country == "NGO"


def test_broadcasting_watchdog_fines_the_channel(coder: Any) -> None:
    (fine,) = [r for r in _events(coder, "pr11") if r.trigger.text == "fined"]
    assert fine.source is not None and (fine.source.country, fine.source.sector) == (
        "TUR",
        "GOV",
    )


@pytest.mark.parametrize("article_id", ["pr12", "pr14"])
def test_media_business_and_product_launch_code_nothing(coder: Any, article_id: str) -> None:
    assert _events(coder, article_id) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Zambian regulator suspended the private television station for a month.",
        "Soldiers shut down the radio station in Bamako on Monday.",
    ],
)
def test_an_outlet_silenced_is_the_target(coder: Any, text: str) -> None:
    (found,) = events(coder, text)
    assert found.cameo == "1721" and found.target is not None and found.target.sector == "JRN"


@pytest.mark.parametrize(
    "text",
    [
        "The station suspended its morning show for the holidays.",
        "Officials said the flood destroyed 200 homes and killed 12 people.",
    ],
)
def test_no_censorship_or_speaker_act_where_none_is_told(coder: Any, text: str) -> None:
    assert all(r.cameo != "1721" and r.event_type != "REQUEST" for r in events(coder, text))


def test_a_victim_counted_by_an_ordinal_is_no_second_killing(coder: Any) -> None:
    found = _events(coder, "pr10")
    assert [r.trigger.text for r in found if r.event_type == "ASSAULT"] == ["shot"]


def test_an_ordinal_victim_told_as_the_subject_keeps_the_act(coder: Any) -> None:
    found = events(coder, "The second soldier killed in the ambush was buried on Sunday.")
    assert [r.event_type for r in found] == ["ASSAULT"]


def test_refusing_food_is_a_hunger_strike(coder: Any) -> None:
    (fast,) = events(coder, "The jailed Vietnamese blogger has refused food since Monday.")
    assert fast.event_type == "PROTEST" and fast.cameo == "142"
