"""News on corruption and anti-graft work written for the test (tests/data/invented/graft.jsonl,
invented wire stories): the coercive acts some of its articles must give (docs/contract.md),
and the senses of the same words (corrupted files, a laboratory probe, bailing out a boat, a
raid in a video game) that give no event."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, events, invented_article


def _coded(coder: Any, article_id: str) -> list[EventRecord]:
    return [r for r in coder.code(invented_article("graft", article_id)) if r.kind == "event"]


def test_vote_to_strip_a_deputy_of_immunity_is_a_removal(coder: Any) -> None:
    (found,) = [r for r in _coded(coder, "g10") if r.trigger.text == "strip"]
    assert found.cameo == "172" and dyad(found)[2:] == ("BRA", "LEG")


def test_parliament_removing_a_judge(coder: Any) -> None:
    (found,) = [r for r in _coded(coder, "g03") if r.cameo == "172"]
    assert dyad(found) == ("ZAF", "LEG", "ZAF", "JUD")


@pytest.mark.parametrize("article_id", ["g13", "g14", "g15"])
def test_other_senses_of_graft_words_give_no_event(coder: Any, article_id: str) -> None:
    assert _coded(coder, article_id) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ghanaian police raided the Kumasi residence of the senator.", ("GHA", "LEG")),
        (
            "A Swiss bank froze accounts linked to a former Kenyan minister, officials said.",
            ("KEN", "ELI"),
        ),
    ],
)
def test_the_owner_is_the_one_acted_on(coder: Any, text: str, target: tuple[str, str]) -> None:
    (found,) = events(coder, text)
    assert found.event_type == "COERCE" and dyad(found)[2:] == target


def test_raid_on_a_named_home_falls_on_its_owner(coder: Any) -> None:
    (found,) = [r for r in _coded(coder, "g01") if r.trigger.text == "raided"]
    assert dyad(found)[2:] == ("KEN", "ELI") and found.target is not None
    assert "Kamau" in found.target.text


def test_seizing_cash_occupies_no_territory(coder: Any) -> None:
    (found,) = [r for r in _coded(coder, "g01") if r.trigger.text == "seized"]
    assert found.cameo == "171"


def test_arrest_after_a_relative_clause_keeps_its_day(coder: Any) -> None:
    (found,) = [r for r in _coded(coder, "g02") if r.trigger.text == "arrested"]
    assert found.date is not None and found.date.value == "2026-06-01"


def test_criticising_a_refusal_is_aimed_at_the_refuser(coder: Any) -> None:
    (found,) = [r for r in _coded(coder, "g04") if r.trigger.text == "criticised"]
    assert dyad(found) == ("MYS", "GOV", "SGP", None)
