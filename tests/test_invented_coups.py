"""Coups, mutinies and military rule written for the test (tests/data/invented/coups.jsonl,
invented wire stories): the acts of juntas, mutineers and regional blocs their articles must
give, and the words of a coup used for a chess game, which give none."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_junta_revoking_a_military_pact_cuts_ties_on_its_day(coder: Any) -> None:
    found = only_on(invented_events(coder, "coups", "k15"), "revoked")
    assert (found.event_type, found.cameo) == ("SANCTION", "160")
    assert dyad(found)[:3] == ("NER", "MIL", "USA")
    assert found.date is not None and found.date.value == "2026-03-14"


def test_attack_before_a_foiled_coup_was_made(coder: Any) -> None:
    found = only_on(invented_events(coder, "coups", "k04"), "attacked")
    assert found.event_type == "ASSAULT" and not found.negated
    assert dyad(found)[:2] == ("SLE", "UAF")
    assert found.date is not None and found.date.value == "2026-11-22"


def test_junta_extending_a_state_of_emergency_imposes_it(coder: Any) -> None:
    found = only_on(invented_events(coder, "coups", "k05"), "extended")
    assert found.cameo == "1724" and dyad(found)[:2] == ("MMR", "MIL")


def test_bloc_warning_that_sanctions_could_return_threatens_them(coder: Any) -> None:
    found = only_on(invented_events(coder, "coups", "k09"), "warned")
    assert found.cameo == "1312" and dyad(found)[:2] == ("IGO", "IGO")


def test_bloc_leaders_split_from_their_verb_by_a_participle_still_threaten(coder: Any) -> None:
    found = only_on(invented_events(coder, "coups", "k02"), "threatened")
    assert found.cameo == "1312" and found.source is not None


def test_a_chess_coup_is_no_event(coder: Any) -> None:
    assert invented_events(coder, "coups", "k10") == []


@pytest.mark.parametrize(
    "text",
    [
        "Police in Uganda foiled a plot to bomb a church in Kampala.",
        "The Beninese army said it foiled a coup attempt before mutineers could seize the palace.",
    ],
)
def test_an_act_stopped_before_it_was_done_stays_undone(coder: Any, text: str) -> None:
    assert all(r.negated for r in events(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "The club revoked the player's contract after the match.",
        "The court extended the state's deadline for the appeal.",
    ],
)
def test_revoking_and_extending_in_other_senses_give_nothing(coder: Any, text: str) -> None:
    assert events(coder, text) == []
