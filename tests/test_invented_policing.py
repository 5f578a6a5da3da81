"""Records of invented wire articles on policing and police accountability
(tests/data/invented/policing.jsonl, our own writing) that must hold: bare "officers" and "the
force" in a story about the police are the police, not soldiers; the family or sister of an
unnamed victim who accuse or urge the police are civilians, not dropped for want of a doer;
officers a watchdog "recommended" be prosecuted are prosecuted by no one; a headline's
"police accused of extortion" does not make the police the accusers; prosecutors charging
officers, a curfew imposed and tear gas fired stay; and a copper rally "arrested" by demand
and retired sniffer dogs code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "policing", article_id)


@pytest.mark.parametrize(
    ("article_id", "trigger", "expected"),
    [
        ("p02", "threw", ("CHL", "CVL", "CHL", "COP")),
        ("p08", "arrested", ("NGA", "COP", "NGA", "CVL")),
        ("p11", "attacked", ("GEO", "CVL", "GEO", "COP")),
        ("p07", "beat", ("USA", "COP", "USA", "CVL")),
    ],
)
def test_bare_officers_in_a_police_story_are_police(
    coder: Any, article_id: str, trigger: str, expected: tuple[str, ...]
) -> None:
    """p02 "Chilean riot police fired tear gas ... Several demonstrators threw stones at
    officers"; p08 "officers had arrested young men"; p11 "had attacked officers with
    fireworks"; p07 "the Memphis Police Department after officers beat a Black motorist"."""
    assert dyad(only_on(_records(coder, article_id), trigger)) == expected


def test_the_force_in_a_police_story_is_the_police(coder: Any) -> None:
    """p06: "The force said it was cooperating fully with the inquiry"."""
    found = only_on(_records(coder, "p06"), "cooperating fully with")
    assert found.source is not None and found.source.sector == "COP"


@pytest.mark.parametrize(
    ("article_id", "trigger", "words", "event_type"),
    [
        ("p06", "urged", "The man's sister", "REQUEST"),
        ("p03", "accused", "The teenager's family", "ACCUSE"),
    ],
)
def test_the_kin_of_an_unnamed_victim_are_civilians(
    coder: Any, article_id: str, trigger: str, words: str, event_type: str
) -> None:
    """p06 "The man's sister urged Greater Manchester Police to release footage"; p03 "The
    teenager's family accused the police of covering up what happened"."""
    found = only_on(_records(coder, article_id), trigger)
    assert found.event_type == event_type
    assert found.source is not None and found.source.text == words
    assert found.source.sector == "CVL"
    assert found.target is not None and found.target.sector == "COP"


def test_officers_recommended_for_prosecution_are_not_prosecuted(coder: Any) -> None:
    """p10: "The Independent Police Investigative Directorate recommended that two officers be
    prosecuted"."""
    assert [r for r in _records(coder, "p10") if r.trigger.text == "prosecuted"] == []


def test_police_accused_in_a_headline_are_not_the_accusers(coder: Any) -> None:
    """p08 headline "Nigerian police accused of extortion at checkpoints"; the body's Amnesty
    accusation stays, aimed at the police."""
    records = _records(coder, "p08")
    accusations = [r for r in records if r.trigger.text == "accused"]
    assert all(r.source is None or r.source.sector != "COP" for r in accusations)
    assert any(dyad(r) == ("NGO", "NGO", "NGA", "COP") for r in accusations)


def test_charges_curfews_and_tear_gas_stay(coder: Any) -> None:
    """p01 "Kenyan prosecutors charged three police officers with murder on Tuesday"; p04
    "Pakistani authorities imposed a curfew in the city of Quetta"; p02 riot police "fired tear
    gas and water cannon at thousands of students"."""
    charged = only_on(_records(coder, "p01"), "charged three police officers with")
    assert dyad(charged) == ("KEN", "JUD", "KEN", "COP")
    assert charged.date is not None and charged.date.value == "2026-01-20"
    curfew = only_on(_records(coder, "p04"), "imposed")
    assert curfew.event_type == "COERCE" and dyad(curfew)[:2] == ("PAK", "GOV")
    gas = only_on(_records(coder, "p02"), "fired tear gas and water cannon at")
    assert dyad(gas) == ("CHL", "COP", "CHL", "EDU")


@pytest.mark.parametrize("article_id", ["p15", "p16"])
def test_retired_sniffer_dogs_and_an_arrested_rally_code_nothing(
    coder: Any, article_id: str
) -> None:
    """p15 airport beagles "retired ... and adopted by their handlers"; p16 "weak Chinese
    demand arrested a three-week rally" in copper."""
    assert _records(coder, article_id) == []
