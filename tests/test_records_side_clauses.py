"""A state that does an act of its own in a clause beside the trigger's is no one the trigger's
act is aimed at (record.implicit-target through other_clauses.acts_apart), while a state in the
trigger's complement still is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


@pytest.mark.parametrize(
    "text",
    [
        "Norway urged both sides to resume talks, while Canada imposed sanctions on the junta.",
        "Canada imposed sanctions on the junta, and Norway urged both sides to resume talks.",
    ],
)
def test_state_acting_beside_is_no_implicit_target(coder: Any, text: str) -> None:
    urged = [r for r in events(coder, text) if r.trigger.text.startswith("urged")]
    assert urged, text
    assert all(r.target is None or r.target.country != "CAN" for r in urged), [
        (r.source, r.target) for r in urged
    ]


def test_state_in_the_complement_stays_the_target(coder: Any) -> None:
    found = events(coder, "Canada demanded on Tuesday that Peru release the fishermen.")
    assert any(r.target is not None and r.target.country == "PER" for r in found)


def test_state_of_a_later_conjunct_is_no_implicit_target(coder: Any) -> None:
    found = events(coder, "Canada expelled two envoys, and Norway urged both sides to talk.")
    expelled = [r for r in found if r.trigger.text.startswith("expelled")]
    assert expelled and all(r.target is None or r.target.country != "NOR" for r in expelled)


def test_state_describing_the_subject_is_no_implicit_target(coder: Any) -> None:
    text = "Canada, a close partner of Chile, condemned the incident on Friday."
    condemned = [r for r in events(coder, text) if r.trigger.text.startswith("condemned")]
    assert condemned and all(r.target is None or r.target.country != "CHL" for r in condemned)


def test_parties_reaching_a_deal_reach_it_with_each_other(coder: Any) -> None:
    found = events(coder, "Serbia and Kosovo reached a deal on license plates on Sunday.")
    pairs = {(r.source.country, r.target.country) for r in found if r.source and r.target}
    assert {("SRB", "KOS"), ("KOS", "SRB")} <= pairs


def test_appeal_to_a_party_in_words_lends_no_other_state(coder: Any) -> None:
    found = events(coder, "Kenya called on the international community to sanction Sudan.")
    assert all(r.target is None or r.target.country != "SDN" for r in found)


def test_appeal_to_a_state_keeps_it(coder: Any) -> None:
    found = events(coder, "Kenya urged Uganda to release the activists.")
    assert any(r.target is not None and r.target.country == "UGA" for r in found)
