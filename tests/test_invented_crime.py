"""Records of invented wire articles on crime and policing (tests/data/invented/crime.jsonl,
our own writing) that must hold: a police watchdog arresting police officers, a mob's victim
beaten "on the outskirts of" a city, people arrested with no agent told, a death toll dated by
its "when" clause, an arrest dated apart from the week of the killing it is over; and the same
words in a team's raid on a fridge, a striker's goal and a killing on the bourse, which code
nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.schema import Article, EventRecord
from tests.coding import dyad, events, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "crime", article_id)


def test_a_police_watchdog_arrests_police_officers_on_this_weeks_monday(coder: Any) -> None:
    """c10: "arrested three police officers on Monday over the killing of a university
    student during a protest in Kisumu last week"."""
    found = only_on(_records(coder, "c10"), "arrested")
    assert dyad(found) == ("KEN", "COP", "KEN", "COP")
    assert found.target is not None and found.target.text == "three police officers"
    assert found.date is not None and found.date.value == "2026-09-28"


def test_the_mob_beat_the_man_not_the_outskirts_of_the_city(coder: Any) -> None:
    """c03: "A mob beat a man to death in Savar on the outskirts of Dhaka on Sunday"."""
    found = only_on(_records(coder, "c03"), "beat")
    assert found.target is not None and found.target.text == "a man"
    assert dyad(found) == ("BGD", "CVL", "BGD", "CVL")
    assert found.date is not None and found.date.value == "2026-06-07"


def test_people_arrested_with_no_agent_are_the_story_states_civilians(coder: Any) -> None:
    """c03: "Five people were arrested on Monday in connection with the killing"."""
    found = only_on(_records(coder, "c03"), "arrested")
    assert dyad(found) == ("BGD", "GOV", "BGD", "CVL")
    assert found.date is not None and found.date.value == "2026-06-08"


def test_a_death_toll_takes_the_day_of_its_when_clause(coder: Any) -> None:
    """c06: "Two men were killed and four others wounded when rival families clashed ... on
    Saturday"."""
    found = only_on(_records(coder, "c06"), "killed")
    assert found.date is not None and found.date.value == "2026-05-16"


@pytest.mark.parametrize("article_id", ["c13", "c14", "c15", "c16"])
def test_sport_kitchen_and_market_senses_code_nothing(coder: Any, article_id: str) -> None:
    """A team raiding the fridge, a striker who struck in the 20th minute, investors making a
    killing, a police sports day."""
    assert _records(coder, article_id) == []


def test_the_police_raid_and_arrests_stay(coder: Any) -> None:
    """c01: "Police raided a gang hideout ... and arrested nine suspected members"."""
    records = _records(coder, "c01")
    assert only_on(records, "raided").event_type == "COERCE"
    arrest = only_on(records, "arrested")
    assert dyad(arrest)[:2] == ("IND", "COP")
    assert arrest.date is not None and arrest.date.value == "2026-02-10"


def test_a_week_on_the_verb_still_frames_its_day(coder: Any) -> None:
    records = coder.code(
        Article(
            id="t",
            text="Last week, soldiers arrested five men on Monday.",
            published=date(2024, 5, 14),
        )
    )
    (found,) = [r for r in records if r.kind == "event"]
    assert found.date is not None and found.date.value == "2024-05-06"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The United States imposed sanctions on Iran.", "COERCE"),
        ("Gunmen struck at the last minute, killing three soldiers in Borno.", "ASSAULT"),
        ("Rebels struck a police post within minutes of the ceasefire.", "ASSAULT"),
    ],
)
def test_near_senses_keep_their_acts_and_targets(coder: Any, text: str, event_type: str) -> None:
    """An "on" phrase of no place's rim, a minute not counted from kick-off."""
    found = events(coder, text)
    assert found and all(r.event_type == event_type and r.target is not None for r in found)


def test_the_same_noun_as_the_source_is_still_no_target(coder: Any) -> None:
    (found,) = events(coder, "Kenyan police arrested police in Nakuru.")
    assert found.target is None


@pytest.mark.parametrize(("article_id", "trigger"), [("c09", "attacked"), ("c12", "gunned down")])
def test_a_barangay_captain_and_an_association_leader_are_no_state_officials(
    coder: Any, article_id: str, trigger: str
) -> None:
    """c09 "Barangay captain Ernesto Ramos", c12 "A taxi association leader": leaders of a
    village and of a trade, as a village chief is (CVL), not an army captain or a government."""
    found = only_on(_records(coder, article_id), trigger)
    assert found.target is not None and found.target.sector == "CVL"


def test_a_participle_joined_to_a_passive_shares_its_victims(coder: Any) -> None:
    (found,) = events(coder, "The two Mexican traders had been blindfolded and shot near Tijuana.")
    assert found.event_type == "ASSAULT" and dyad(found)[2:] == ("MEX", "BUS")
