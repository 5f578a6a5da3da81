"""Records of invented wire articles on students, universities and academics
(tests/data/invented/campus.jsonl, our own writing) that must hold: students a state expels
from a university, or its own students it "expels", are put out of a body (SANCTION 160), not
deported; foreign students sent home stay deported (COERCE 174); a university closed by a
government, or ordered to close, is an administrative penalty (COERCE 172); academic exchange
programmes a state will suspend with another are an announced cut in relations, no concession;
a former lecturer sentenced is still an academic (EDU), no elite;
students detained or arrested at a sit-in or in a raid stay arrests; and a crew that "stormed
past" its rival, a firm that will "occupy" a campus, puppets "arrested" by a clown and bear
cubs "released" into an enclosure code nothing political."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "campus", article_id)


def test_students_expelled_from_a_university_are_no_deportation(coder: Any) -> None:
    """c03: "Iranian authorities have expelled at least forty students from Tehran's Sharif
    University of Technology"."""
    found = only_on(_records(coder, "c03"), "expelled")
    assert (found.event_type, found.cameo) == ("SANCTION", "160")
    assert dyad(found) == ("IRN", "GOV", "IRN", "EDU")


def test_foreign_students_deported_stay_deported(coder: Any) -> None:
    """c07: "Russia deported twenty-three students from Tajikistan on Friday"."""
    found = only_on(_records(coder, "c07"), "deported")
    assert (found.event_type, found.cameo) == ("COERCE", "174")
    assert dyad(found)[0] == "RUS" and dyad(found)[2:] == ("TJK", "EDU")


def test_a_university_closed_by_the_government_is_coerced(coder: Any) -> None:
    """c02: "Nicaragua's government closed the Jesuit-run Central American University"."""
    found = only_on(_records(coder, "c02"), "closed")
    assert (found.event_type, found.cameo) == ("COERCE", "172")
    assert dyad(found)[:2] == ("NIC", "GOV")


def test_universities_ordered_to_close_are_coerced(coder: Any) -> None:
    """c06: "The government ordered all public universities to close until further notice"."""
    found = only_on(_records(coder, "c06"), "ordered")
    assert (found.event_type, found.cameo) == ("COERCE", "172")
    assert dyad(found) == ("BGD", "GOV", "BGD", "EDU")


def test_suspended_exchange_programmes_are_an_announced_cut_not_a_concession(
    coder: Any,
) -> None:
    """c08: "it would suspend all academic exchange programmes with Lithuania"."""
    found = only_on(_records(coder, "c08"), "suspend")
    assert found.event_type == "THREATEN"
    assert dyad(found)[0] == "CHN" and dyad(found)[2] == "LTU"


@pytest.mark.parametrize(
    ("article_id", "trigger", "expected"),
    [
        ("c01", "detained", ("SRB", "COP", "SRB", "EDU")),
        ("c10", "arrested", ("MMR", "MIL", "MMR", "EDU")),
    ],
)
def test_students_detained_stay_arrests(
    coder: Any, article_id: str, trigger: str, expected: tuple[str, ...]
) -> None:
    """c01 "riot police broke up a sit-in ... and detained fourteen of them"; c10 "Myanmar's
    military arrested seven members of a banned student union"."""
    found = only_on(_records(coder, article_id), trigger)
    assert (found.event_type, found.cameo) == ("COERCE", "173")
    assert dyad(found) == expected


def test_a_former_lecturer_is_still_an_academic(coder: Any) -> None:
    """c04: "A Hong Kong court sentenced a former law lecturer to six years in prison"."""
    found = only_on(_records(coder, "c04"), "sentenced")
    assert dyad(found) == ("HKG", "JUD", "HKG", "EDU")


def test_a_firm_occupying_a_campus_stages_no_sit_in(coder: Any) -> None:
    """c14: "The company will occupy a new research campus near Pangyo from next year"."""
    assert [r for r in _records(coder, "c14") if r.trigger.text == "occupy"] == []


@pytest.mark.parametrize("article_id", ["c13", "c15", "c16"])
def test_the_same_words_in_sport_culture_and_a_zoo_code_nothing(
    coder: Any, article_id: str
) -> None:
    """c13 a boat race crew "stormed past Cambridge"; c15 puppets "arrested by a clown"; c16
    bear cubs "released into the main enclosure"."""
    assert _records(coder, article_id) == []
