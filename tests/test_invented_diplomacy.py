"""Diplomatic news written for the test (tests/data/invented/diplomacy.jsonl, invented wire
stories): the records three of its articles must give, and the sentences where the rules
built for them must not fire (record.reacted-act-doer, target.pair-asked,
target.helped-subject)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.schema import Article, EventRecord
from tests.coding import events, invented_article


def _on(coder: Any, article_id: str, trigger: str) -> list[EventRecord]:
    records = coder.code(invented_article("diplomacy", article_id))
    return [r for r in records if r.kind == "event" and r.trigger.text.startswith(trigger)]


def _targets(records: list[EventRecord]) -> set[str | None]:
    return {r.target.country if r.target else None for r in records}


def test_condemned_sanctions_decision_is_aimed_at_the_union(coder: Any) -> None:
    (found,) = _on(coder, "dip04", "condemned")
    assert found.target is not None and found.target.country == "EUR"
    assert "record.reacted-act-doer" in found.rules


def test_call_on_both_sides_reaches_serbia_and_kosovo(coder: Any) -> None:
    found = _on(coder, "dip11", "called")
    assert _targets(found) == {"SRB", "KOS"}


def test_pledge_to_help_the_coast_guard_is_aimed_at_the_philippines(coder: Any) -> None:
    (found,) = _on(coder, "dip03", "pledged")
    assert found.event_type == "AGREE" and _targets([found]) == {"PHL"}


@pytest.mark.parametrize(
    "text",
    [
        # The move names its own doer in a modifier.
        "Ghana closed its border with Togo on Monday. Lome condemned the Ghanaian move.",
        # Two accusers: whom the denial answers is not one doer.
        "Rwanda and Uganda accused Burundi of harboring rebels. Burundi denied the allegations.",
        # The accusers include the reacting side's own state.
        "Both Afghan rivals accused each other of delaying the talks. A spokesman for the"
        " Afghan president rejected the accusations.",
        # A decision after an attack: no step of pressure was told.
        "Rebels shelled a market in Goma on Monday. Kenya condemned the decision.",
    ],
)
def test_reaction_without_one_told_step_keeps_no_target(coder: Any, text: str) -> None:
    records = coder.code(Article(id="t", text=text, published=date(2024, 5, 14)))
    assert all("record.reacted-act-doer" not in r.rules for r in records)


def test_casualties_on_both_sides_of_the_border_name_no_pair(coder: Any) -> None:
    text = "Armenia and Azerbaijan traded fire on Monday. Soldiers were wounded on both sides."
    assert all("target.pair-asked" not in r.rules for r in events(coder, text))


def test_help_to_people_of_no_country_or_to_an_act_codes_no_target(coder: Any) -> None:
    assert events(coder, "The rains helped farmers plant crops.") == []
    found = events(coder, "Russian jets helped Syrian troops recapture Palmyra.")
    assert {r.event_type for r in found} == {"AID", "COERCE"}  # the recapture stays


def test_an_owned_body_still_acts_for_its_owner(coder: Any) -> None:
    """source.relation-not-owner leaves the owner of a body or an office its act."""
    (found,) = events(coder, "Egypt's foreign ministry condemned Ethiopia.")
    assert found.source is not None and found.source.country == "EGY"
    (found,) = events(coder, "Ukraine's army shelled the town.")
    assert found.source is not None and found.source.country == "UKR"
