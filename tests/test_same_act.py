"""Words that tell the act another word codes (events/same_act.py) are listed in the record's
extra["also_told_by"]; they never add a record, and an act with a doer of its own is not listed."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import events


def told(record: EventRecord) -> list[str]:
    return [str(w["text"]) for w in record.extra.get("also_told_by", [])]


@pytest.mark.parametrize(
    ("text", "trigger", "words"),
    [
        ("Ugandan troops managed to recapture the town of Gulu.", "recapture", ["managed"]),
        ("Rebels began shelling the Ugandan town of Gulu on Monday.", "shelling", ["began"]),
        ("Hundreds of nurses marched in Accra to demand higher pay.", "marched", ["demand"]),
        ("Farmers protested in Lima by blocking the highway.", "protested", ["blocking"]),
        (
            "Shelling by rebels in Kano killed 15 people and wounded 40, a doctor said.",
            "killed",
            ["Shelling", "wounded"],
        ),
        (
            "A Kenyan policeman was shot by gunmen in Garissa on Monday and later died.",
            "shot",
            ["died"],
        ),
        (
            "Two Malian soldiers were killed when their truck hit a mine near Gao.",
            "killed",
            ["hit"],
        ),
        (
            "Six soldiers were killed when rebels attacked their convoy near Gulu.",
            "killed",
            ["attacked"],
        ),
        # A light verb carrying the attack, and a verb joined to the attack's clause.
        (
            "Nine herders were killed when militiamen launched a raid on their camp near Nyala.",
            "killed",
            ["launched"],
        ),
        (
            "Three guards were killed when a gunman climbed the wall and opened fire in Sirte.",
            "killed",
            ["climbed", "opened"],
        ),
    ],
)
def test_other_words_of_the_act_are_listed(
    coder: Any, text: str, trigger: str, words: list[str]
) -> None:
    found = [r for r in events(coder, text) if r.trigger.text == trigger]
    assert found, [(r.trigger.text, told(r)) for r in events(coder, text)]
    assert told(found[0]) == words


@pytest.mark.parametrize(
    ("text", "trigger", "word"),
    [
        # The victims' own doing is no attack: "as they patrolled" is listed by nobody.
        (
            "Six Afghan policemen were killed as they patrolled a road in Kandahar.",
            "killed",
            "patrolled",
        ),
        # A casualty verb with a doer of its own tells another act.
        ("Police killed two robbers, and rebels wounded a soldier.", "killed", "wounded"),
        # A toll with its own victims joined to another kind of act: two acts.
        ("Five villagers were killed, and ten were abducted.", "abducted", "killed"),
        # A "when" clause of no attack: the victims' truck stopping is not how they were killed.
        (
            "Two soldiers were killed when their truck stopped and gunmen fired on it in Gao.",
            "killed",
            "stopped",
        ),
        # A purpose that is no protest's stays the coder's own business.
        ("Kenya sent troops to Somalia to fight al-Shabaab.", "sent", "fight"),
    ],
)
def test_other_acts_are_not_listed(coder: Any, text: str, trigger: str, word: str) -> None:
    for record in events(coder, text):
        if record.trigger.text == trigger:
            assert word not in told(record)


def test_listing_adds_no_record(coder: Any) -> None:
    """'managed to recapture' stays one record; the listed word never codes on its own."""
    found = events(coder, "Ugandan troops managed to recapture the town of Gulu.")
    assert [r.trigger.text for r in found] == ["recapture"]
