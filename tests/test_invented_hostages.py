"""Records of invented wire articles on hostages and political kidnapping
(tests/data/invented/hostages.jsonl, our own writing) that must hold: captives shown in a video
"kidnapped off the coast" are the victims, not the kidnappers; captives "seized on a road near"
a town are the ones seized, not the road; "the missionaries", "the tourists", "the engineers"
are the nationals named with that noun before; hostages "taken to a hospital" are not taken
hostage; a name read by its last word ("Army") yields to the listed body its bracketed acronym
names; a ministry "working to free" its citizens frees no one; a release negotiated "with the
captors" is aimed at them; captives freed "after soldiers stormed a camp" are no release; and
the same words in a novel and a rescued kitten code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "hostages", article_id)


def test_captives_in_a_video_are_the_victims_of_their_kidnapping(coder: Any) -> None:
    """h07: "released a video showing three Malaysian fishermen kidnapped off the coast of
    Sabah last month"."""
    found = only_on(_records(coder, "h07"), "kidnapped")
    assert found.source is None
    assert found.target is not None and found.target.text == "three Malaysian fishermen"
    assert dyad(found)[2] == "MYS"


def test_people_seized_on_a_road_are_the_target_not_the_road(coder: Any) -> None:
    """h11: "The engineers were seized on a road near Aleppo last week" after "two Turkish
    engineers"."""
    found = only_on(_records(coder, "h11"), "seized")
    assert found.target is not None and found.target.text == "The engineers"
    assert dyad(found)[2] == "TUR"
    assert found.date is not None and found.date.value == "2026-10-26"


@pytest.mark.parametrize(
    ("article_id", "words", "country"),
    [("h06", "The missionaries", "USA"), ("h04", "The tourists", "FRA")],
)
def test_the_plural_noun_is_the_nationals_named_before(
    coder: Any, article_id: str, words: str, country: str
) -> None:
    """h06 "five American missionaries ... The missionaries were abducted"; h04 "two French
    tourists ... The tourists had been abducted in neighbouring Benin"."""
    found = only_on(_records(coder, article_id), "abducted")
    assert found.target is not None and found.target.text == words
    assert found.target.country == country


def test_hostages_taken_to_a_hospital_are_not_taken_hostage(coder: Any) -> None:
    """h03: "The hostages were handed over to the Red Cross ... and taken to a hospital"."""
    records = _records(coder, "h03")
    assert [r for r in records if r.trigger.text == "taken"] == []
    assert only_on(records, "released").event_type == "RETREAT"


def test_a_bracketed_acronym_of_a_listed_group_names_the_doer(coder: Any) -> None:
    """h09: "The National Liberation Army (ELN) freed six Colombian soldiers on Tuesday"."""
    found = only_on(_records(coder, "h09"), "freed")
    assert dyad(found) == ("COL", "REB", "COL", "MIL")
    assert found.target is not None and found.target.text == "six Colombian soldiers"


def test_working_to_free_its_citizens_frees_no_one(coder: Any) -> None:
    """h11: "said it was working to free its citizens"."""
    assert [r for r in _records(coder, "h11") if r.trigger.text == "free"] == []


def test_the_abduction_by_gunmen_stays(coder: Any) -> None:
    """h01: "Three Chinese workers were seized by gunmen at a gold mine ... on Monday"."""
    found = only_on(_records(coder, "h01"), "seized")
    assert dyad(found) == ("MLI", "UAF", "CHN", "LAB")
    assert found.date is not None and found.date.value == "2026-01-12"


def test_a_release_negotiated_with_the_captors_is_aimed_at_the_captors(coder: Any) -> None:
    """h10: "Algerian intelligence officers negotiated her release with the captors"."""
    found = only_on(_records(coder, "h10"), "negotiated")
    assert found.target is not None and found.target.text == "the captors"
    assert found.target.sector == "UAF"


def test_captives_freed_after_soldiers_stormed_a_camp_are_no_release(coder: Any) -> None:
    """h12: "The captives were freed on Thursday after soldiers stormed a militant camp"."""
    records = _records(coder, "h12")
    assert [r for r in records if r.trigger.text == "freed"] == []
    assert only_on(records, "stormed").event_type == "ASSAULT"


@pytest.mark.parametrize("article_id", ["h13", "h14"])
def test_a_ransom_note_novel_and_a_freed_kitten_code_nothing(coder: Any, article_id: str) -> None:
    """A thriller that opens with a ransom note and "captured the imagination"; firefighters
    who freed a kitten."""
    assert _records(coder, article_id) == []
