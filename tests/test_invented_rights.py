"""Records of invented wire articles on human-rights monitoring (tests/data/invented/rights.jsonl,
our own writing) that must hold: an inquiry "into the disappearance of six students" is not
aimed at the students; a government that "rejected the report" answers the rights group that
made the accusation; "the New York-based group" is the group named before, and condemning
"the decision" is aimed at the court that took it; "the rapporteur" is the UN rapporteur
named before; rights groups and regional rights bodies whose names begin with another word
are read whole; condemning "the closure" is aimed at the state that closed; arrests,
hangings and summonses keep working; and the same words in football, whale watching and
software news code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_article, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "rights", article_id)


def test_an_inquiry_into_a_disappearance_is_not_aimed_at_the_missing(coder: Any) -> None:
    """r03: "Mexican prosecutors opened an investigation on Monday into the disappearance of
    six university students"."""
    found = only_on(_records(coder, "r03"), "opened an investigation")
    assert found.event_type == "ACCUSE"
    assert dyad(found)[:2] == ("MEX", "JUD")
    assert found.target is None


def test_a_rejected_report_answers_the_group_that_made_it(coder: Any) -> None:
    """r01: Amnesty accused Ethiopian soldiers ... "The Ethiopian government rejected the
    report as biased"."""
    records = coder.code(invented_article("rights", "r01"))
    found = next(r for r in records if r.trigger.text == "rejected")
    assert found.source is not None and found.source.country == "ETH"
    assert found.target is not None and found.target.name == "Amnesty International"


def test_the_new_york_based_group_is_the_group_named_before(coder: Any) -> None:
    """r04: a Russian court banned a Human Rights Watch report; "The New York-based group
    said it stood by its findings and condemned the decision"."""
    found = only_on(_records(coder, "r04"), "condemned")
    assert found.event_type == "ACCUSE"
    assert dyad(found) == ("NGO", "NGO", "RUS", "JUD")


def test_the_rapporteur_is_the_un_rapporteur_named_before(coder: Any) -> None:
    """r02: "A United Nations special rapporteur said ... The rapporteur urged Minsk to
    release all those held"."""
    found = only_on(_records(coder, "r02"), "urged")
    assert found.event_type == "REQUEST"
    assert dyad(found) == ("UNO", "IGO", "BLR", "GOV")


@pytest.mark.parametrize(
    ("article_id", "trigger", "name"),
    [
        ("r09", "urged", "Fortify Rights"),
        ("r11", "urged", "Iran Human Rights"),
        ("r10", "condemned", "Inter-American Commission on Human Rights"),
    ],
)
def test_rights_bodies_are_read_whole(coder: Any, article_id: str, trigger: str, name: str) -> None:
    """ "Fortify Rights said ...", "Norway-based Iran Human Rights urged ...", "The
    Inter-American Commission on Human Rights condemned ...": the body, not its first word."""
    found = only_on(_records(coder, article_id), trigger)
    assert found.source is not None and found.source.name == name
    assert found.source.country in ("NGO", "IGO")


def test_condemning_the_closure_is_aimed_at_the_state_that_closed(coder: Any) -> None:
    """r10: Nicaragua ordered the Red Cross to leave ... "The Inter-American Commission on
    Human Rights condemned the closure"."""
    found = only_on(_records(coder, "r10"), "condemned")
    assert found.target is not None and found.target.country == "NIC"


def test_arrests_hangings_and_summonses_stay(coder: Any) -> None:
    """r08 "Egyptian security forces arrested a prominent human rights lawyer ... on
    Tuesday"; r11 "Iran hanged a man"; "Germany summoned the Iranian ambassador"."""
    arrest = only_on(_records(coder, "r08"), "arrested")
    assert dyad(arrest)[:2] == ("EGY", "COP")
    assert arrest.date is not None and arrest.date.value == "2026-11-03"
    records = _records(coder, "r11")
    assert only_on(records, "hanged").event_type == "ASSAULT"
    summoned = only_on(records, "summoned")
    assert summoned.event_type == "ACCUSE"
    assert dyad(summoned)[0] == "DEU" and dyad(summoned)[2] == "IRN"


@pytest.mark.parametrize("article_id", ["r13", "r14", "r15"])
def test_torture_monitors_and_investigations_outside_politics_code_nothing(
    coder: Any, article_id: str
) -> None:
    """Fans "accused the club of torturing" them; researchers "monitoring humpback whales"
    and a calf that "disappeared"; a cloud firm "investigating an outage"."""
    assert _records(coder, article_id) == []
