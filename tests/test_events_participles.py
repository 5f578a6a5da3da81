"""Acts told on the victim by a participle or a relative passive ("aid workers abducted near
Gao", "soldiers who were captured", "nine others wounded") code as a passive does: the victim
is the target, a 'by' phrase or the attack it happened in names the source, else the source
is null (docs/contract.md, "Who acted when the sentence does not say"). Adjectives, statives,
things, animals, accidents and sport stay silent, and an act is coded once."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import events


def on_word(coder: Any, text: str, word: str) -> list[EventRecord]:
    return [r for r in events(coder, text) if r.trigger is not None and word in r.trigger.text]


@pytest.mark.parametrize(
    ("text", "word", "event_type", "target_sector"),
    [
        (
            "Four aid workers abducted near Kidal were freed on Tuesday.",
            "abducted",
            "ASSAULT",
            "SOC",
        ),
        ("Rebel Commander Killed in Overnight Raid", "Killed", "ASSAULT", "REB"),
        ("Soldiers wounded in the ambush were flown to the capital.", "wounded", "ASSAULT", "MIL"),
        (
            "Three policemen who were kidnapped near the border have been found alive.",
            "kidnapped",
            "ASSAULT",
            "COP",
        ),
        (
            "He was the fourth militant commander to be killed this month.",
            "killed",
            "ASSAULT",
            "REB",
        ),
        (
            "Twelve villagers were killed and six soldiers wounded in the fighting near Tarvel.",
            "wounded",
            "ASSAULT",
            "MIL",
        ),
    ],
)
def test_the_victim_of_a_participle_is_the_target(
    coder: Any, text: str, word: str, event_type: str, target_sector: str
) -> None:
    found = on_word(coder, text, word)
    assert found, [(r.trigger.text, r.rules) for r in events(coder, text)]
    record = found[0]
    assert record.event_type == event_type
    assert record.source is None
    assert record.target is not None and record.target.sector == target_sector


def test_a_by_phrase_names_who_did_it(coder: Any) -> None:
    (record,) = on_word(
        coder, "Two Kenyan engineers kidnapped by al-Shabaab were released.", "kidnapped"
    )
    assert record.source is not None and record.source.sector == "REB"
    assert record.target is not None and record.target.country == "KEN"


def test_the_attack_it_happened_in_names_who_did_it(coder: Any) -> None:
    (record,) = on_word(
        coder, "Three soldiers killed in an ELN ambush were buried in Cali.", "killed"
    )
    assert record.source is not None and record.source.sector == "REB"


@pytest.mark.parametrize(
    "text",
    [
        "The injured man was taken to a hospital in Nairobi.",  # an adjective before its noun
        "The captured city was quiet on Sunday.",  # a stative
        "Weapons captured in the raid were shown to reporters.",  # things
        "Birds captured on the island were released into the wild.",  # animals
        "Five passengers killed in a bus crash near Lagos were buried on Friday.",  # an accident
        "The striker captured the title in Paris on Sunday.",  # sport
        "Fuel prices shot up in Kinshasa on Monday.",  # markets
        "A man wanted for robbery was seen in the market.",  # a label
    ],
)
def test_no_act_is_told(coder: Any, text: str) -> None:
    assert events(coder, text) == [], [(r.trigger.text, r.rules) for r in events(coder, text)]


def test_an_act_coded_on_its_verb_is_not_doubled(coder: Any) -> None:
    """The act its main verb tells, retold by a participle on the same victims: one record."""
    found = events(
        coder,
        "Malian soldiers killed three rebels near Kidal on Monday, and the rebels killed in the"
        " raid were buried on Tuesday.",
    )
    assert len(found) == 1, [(r.trigger.text, r.rules) for r in found]
    record = found[0]
    assert record.source is not None and record.source.country == "MLI"
