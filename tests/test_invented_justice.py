"""Records of invented wire articles on justice and domestic politics
(tests/data/invented/justice.jsonl, our own writing) that must hold: shapes unseen news
carries and the dev files had few of."""

from __future__ import annotations

from typing import Any

from gestae.schema import EventRecord
from tests.coding import invented_events


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "justice", article_id)


def test_headline_participle_frees_no_one_by_the_freed(coder: Any) -> None:
    """j05: "Zimbabwe opposition leader freed on bail": the leader is the one freed, and the
    magistrate who "granted bail to" him frees him."""
    records = _records(coder, "j05")
    assert not any(r.source is not None and r.source.sector == "OPP" for r in records)
    assert any(
        r.event_type == "RETREAT"
        and r.source is not None
        and r.source.sector == "JUD"
        and r.target is not None
        and r.target.country == "ZWE"
        for r in records
    )


def test_court_striking_down_a_ban_is_no_assault(coder: Any) -> None:
    """j14: "Malawi's High Court on Monday struck down a police ban on opposition rallies"."""
    assert not any(r.event_type == "ASSAULT" for r in _records(coder, "j14"))


def test_joined_verb_takes_the_day(coder: Any) -> None:
    """j06: "dismissed the prime minister on Sunday and suspended parliament for 30 days"."""
    suspended = [
        r for r in _records(coder, "j06") if r.trigger is not None and r.trigger.text == "suspended"
    ]
    assert suspended and all(r.date.value == "2025-10-26" for r in suspended)


def test_feeling_passive_lends_its_subject(coder: Any) -> None:
    """j16: "The United States embassy said it was troubled by the closure and urged Phnom
    Penh to reverse it"."""
    assert any(
        r.event_type == "REQUEST"
        and r.source is not None
        and r.source.country == "USA"
        and r.target is not None
        and r.target.country == "KHM"
        for r in _records(coder, "j16")
    )
