"""News on who holds power written for the test (tests/data/invented/power.jsonl, invented
wire stories): the removals from office three of its articles must give (COERCE 172,
docs/contract.md), and the senses of the same verbs that remove no one."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, events, invented_article


def _removals(coder: Any, article_id: str) -> list[EventRecord]:
    records = coder.code(invented_article("power", article_id))
    return [r for r in records if r.kind == "event" and r.cameo == "172"]


def test_president_sacking_his_minister_is_a_removal_of_the_minister(coder: Any) -> None:
    (found,) = [r for r in _removals(coder, "p02") if r.trigger.text == "sacked"]
    assert found.event_type == "COERCE" and dyad(found) == ("KEN", "GOV", "KEN", "GOV")


def test_officers_toppling_a_president_remove_him(coder: Any) -> None:
    (found,) = _removals(coder, "p08")
    assert dyad(found) == ("GAB", "MIL", "GAB", "GOV")


def test_parliament_removing_a_president_from_office(coder: Any) -> None:
    (found,) = _removals(coder, "p04")
    assert dyad(found) == ("PER", "LEG", "PER", "GOV")
    assert found.date is not None and found.date.value == "2026-10-09"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Chilean senate dismissed the proposal of the opposition.", "120"),
        ("Raiders sacked the town of Kidal overnight.", "171"),
        ("Nigerian troops fired rubber bullets at the crowd in Abuja.", "175"),
    ],
)
def test_other_senses_of_removal_verbs_keep_their_codes(coder: Any, text: str, cameo: str) -> None:
    assert {r.cameo for r in events(coder, text)} == {cameo}


@pytest.mark.parametrize(
    "text",
    [
        "The judge dismissed the lawsuit against the mayor.",
        "The coalition ousted the invading troops from the border town in March.",
        "Rebel officers plotted to topple the Malian president, the army said.",
        "The Bolivian minister dismissed the UNICEF figures as exaggerated.",
    ],
)
def test_no_removal_where_no_one_leaves_office(coder: Any, text: str) -> None:
    assert all(r.cameo != "172" for r in events(coder, text))
