"""Migration and border news written for the test (tests/data/invented/migration.jsonl, invented
wire stories): deportations aimed at the people sent away, vows to go to court as threats,
"they" after states joined by "and", and the immigration agents who are police, not spies."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_soldiers_returning_migrants_target_the_migrants_not_the_country(coder: Any) -> None:
    found = only_on(invented_events(coder, "migration", "m12"), "returned")
    assert found.cameo == "174" and found.target is not None
    assert found.target.sector == "REF" and found.target.country != "MAR"


def test_a_vow_to_challenge_a_deal_in_court_is_a_threat(coder: Any) -> None:
    found = only_on(invented_events(coder, "migration", "m02"), "vowed")
    assert found.event_type == "THREATEN"


def test_immigration_agents_are_police(coder: Any) -> None:
    found = only_on(invented_events(coder, "migration", "m15"), "detained")
    assert dyad(found)[:2] == ("MEX", "COP")


def test_they_after_two_states_is_not_the_bloc_of_the_sentence_before(coder: Any) -> None:
    records = invented_events(coder, "migration", "m10")
    assert all(
        r.source is None or r.source.country != "EUR" for r in records if r.event_type == "REJECT"
    )


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Uruguay and Paraguay said they would reject the new tariffs.", "120"),
        ("Kenyan soldiers sent back 300 refugees to Somalia.", "174"),
        ("Chilean unions vowed to boycott the talks with the government.", "133"),
    ],
)
def test_migration_constructions_code(coder: Any, text: str, cameo: str) -> None:
    assert cameo in {r.cameo for r in events(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian minister vowed to improve rural schools.",
        "The Chilean museum returned 300 stolen artefacts to Bolivia.",
        "Chilean police pushed back the crowd outside parliament.",
    ],
)
def test_no_deportation_or_threat_where_none_is_told(coder: Any, text: str) -> None:
    assert all(r.cameo not in ("174", "130", "133") for r in events(coder, text))
