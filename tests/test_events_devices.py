"""Violent acts whose attacker goes unnamed: a device or what carried it going off, a projectile
striking, a pronoun that points back to no one. Each codes once, with no source, and the
non-political uses of the same verbs stay silent."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("A parked minibus detonated near the central mosque in Quetta.", "detonated", "PAK"),
        (
            "Explosives hidden in a cart went off outside a checkpoint in Kandahar.",
            "went off",
            "AFG",
        ),
        ("An artillery shell struck a bakery in Aleppo on Sunday.", "struck", "SYR"),
        ("Mortar rounds struck a school in Donetsk overnight.", "struck", "UKR"),
        ("They abducted three Nigerian soldiers near Maiduguri on Friday.", "abducted", "NGA"),
    ],
)
def test_unnamed_attacker_codes_once(coder: Any, text: str, trigger: str, target: str) -> None:
    found = events(coder, text)
    assert len(found) == 1, [(r.trigger, r.rules) for r in found]
    record = found[0]
    assert record.event_type == "ASSAULT"
    assert record.source is None
    assert record.target is not None and record.target.country == target
    assert record.trigger is not None and trigger in record.trigger.text


def test_bomb_and_its_verb_are_one_event(coder: Any) -> None:
    """The verb that tells the bomb going off codes it; the noun is part of it."""
    found = events(coder, "A roadside bomb detonated near a police patrol in Basra.")
    assert len(found) == 1
    assert found[0].trigger is not None and found[0].trigger.text == "detonated"


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder exploded in a kitchen in Lahore, injuring two cooks.",
        "The rocket exploded on the launch pad in Florida during a test.",
        "The city's population exploded in the 1990s.",
        "A delivery van struck two cyclists on a road outside Leeds.",
        "He shot his neighbour after a quarrel over a fence.",
        "She captured the title in Madrid with a win over her sister.",
        "They captured the imagination of a generation of readers.",
        "The fireworks went off over the harbour at midnight.",
    ],
)
def test_not_an_attack(coder: Any, text: str) -> None:
    assert events(coder, text) == []
