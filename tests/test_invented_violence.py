"""Records of invented wire articles on violence (tests/data/invented/violence.jsonl, our own
writing) that must hold: shapes unseen news carries and the dev files had few of."""

from __future__ import annotations

from typing import Any

from gestae.schema import EventRecord
from tests.coding import invented_events


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "violence", article_id)


def test_charge_denied_after_comma_keeps_accusation(coder: Any) -> None:
    """v12: "Congo accused Rwanda of backing the rebels, a charge Kigali denies"."""
    accusations = [r for r in _records(coder, "v12") if r.event_type == "ACCUSE"]
    assert any(r.target is not None and r.target.country == "RWA" for r in accusations)


def test_shots_into_the_air_are_no_assault(coder: Any) -> None:
    """v02: the kidnappers "fired into the air": no assault on "the air"."""
    assert not any(
        r.target is not None and r.target.text == "the air" for r in _records(coder, "v02")
    )


def test_word_of_unknown_town_is_no_place(coder: Any) -> None:
    """v14: "Adan Yabaal" is unknown to the gazetteer; "the town" is not Aden in Yemen."""
    records = _records(coder, "v14")
    assert records
    assert not any(r.location is not None and r.location.country == "YEM" for r in records)
    assert not any(
        a is not None and a.country == "YEM" for r in records for a in (r.source, r.target)
    )


def test_episode_day_reaches_the_forces_named_again(coder: Any) -> None:
    """v04: "Soldiers also detained 12 people" after "Israeli forces killed ... on Monday"."""
    detained = [
        r for r in _records(coder, "v04") if r.trigger is not None and r.trigger.text == "detained"
    ]
    assert detained and all(r.date.value == "2025-02-03" for r in detained)
