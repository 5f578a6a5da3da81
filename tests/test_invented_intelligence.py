"""News on spies, expulsions and hacking written for the test (tests/data/invented/
intelligence.jsonl, invented wire stories): the acts five of its articles must give, and the
senses of the same words that are no such act."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, events, invented_events, only_on


def _on(coder: Any, article_id: str, trigger: str) -> EventRecord:
    return only_on(invented_events(coder, "intelligence", article_id), trigger)


def test_diplomats_declared_persona_non_grata_are_expelled(coder: Any) -> None:
    found = _on(coder, "i01", "declared")
    assert found.event_type == "SANCTION" and found.cameo == "161"
    assert dyad(found) == ("POL", None, "RUS", "GOV")
    assert found.date is not None and found.date.value == "2026-03-04"


def test_the_accusation_beside_the_expulsion_is_the_expellers(coder: Any) -> None:
    found = _on(coder, "i01", "accusing")
    assert found.source is not None and found.source.country == "POL"


def test_an_accusation_joined_to_an_announced_step_is_made_not_announced(coder: Any) -> None:
    found = _on(coder, "i11", "accused")
    assert found.event_type == "ACCUSE" and found.modality != "future"
    assert dyad(found)[0] == "CHN" and dyad(found)[2] == "GBR"


def test_countermeasures_a_state_says_it_will_take_are_a_threat(coder: Any) -> None:
    found = _on(coder, "i11", "take")
    assert found.event_type == "THREATEN" and dyad(found)[0] == "CHN"


def test_the_people_spied_on_are_not_the_ones_charged(coder: Any) -> None:
    found = _on(coder, "i11", "charged with")
    assert found.target is None or found.target.country != "HKG"


def test_condemning_the_move_is_aimed_at_whoever_made_it(coder: Any) -> None:
    found = _on(coder, "i05", "condemned")
    assert found.event_type == "ACCUSE" and dyad(found)[0] == "IRN" and dyad(found)[2] == "EUR"


def test_hackers_breaking_into_networks_is_a_cyber_attack(coder: Any) -> None:
    found = _on(coder, "i16", "broke into")
    assert found.cameo == "176" and dyad(found)[0] == "PRK" and dyad(found)[2] == "KOR"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Gunmen targeted a police convoy in Kano.", "190"),
        ("Azerbaijani hackers targeted two Armenian ministries.", "176"),
        ("Vietnam took countermeasures against Cambodia on Monday.", "160"),
    ],
)
def test_targeting_and_countermeasures_keep_their_senses(coder: Any, text: str, cameo: str) -> None:
    assert {r.cameo for r in events(coder, text)} == {cameo}


@pytest.mark.parametrize(
    "text",
    [
        "Thieves broke into a house in the suburbs of Lagos.",
        "Hungary said it would take years to rebuild the bridge.",
        "The band was declared persona non grata by the festival.",
        "A software bug in the bank's app exposed some account details earlier this year.",
    ],
)
def test_no_event_where_no_party_acts_on_another(coder: Any, text: str) -> None:
    assert events(coder, text) == []
