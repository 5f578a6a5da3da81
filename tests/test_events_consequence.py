"""An attack and the '-ing' clause that says what it did ('shelled the town, killing four
soldiers') are one act: one record, with the attacker of the head clause and the victims the
participle names (suppress.consequence drops the participle, target.impact-clause hands its
victims to the attack, record.restatement folds any restatement left)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gestae.schema import Article
from tests.coding import events


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # The head clause names no target: the participle's victims are the attack's.
        (
            "A suicide bomber blew himself up at a market in Korvath on Monday, killing nine"
            " traders.",
            "UAF",
            "BUS",
        ),
        ("Gunmen attacked the village of Oskan, killing twelve farmers.", "UAF", "AGR"),
        ("Police stormed the camp on Tuesday, wounding nine protesters.", "COP", "CVL"),
        # The head names its own target: the participle adds nothing but the toll.
        ("Militants ambushed a police convoy near Harvek, killing two officers.", "REB", "*"),
        # An offensive aimed by its participle: the aim is the offensive's target.
        ("Rebels launched an offensive on Sunday, targeting an army base near Tarvel.", "REB", "*"),
    ],
)
def test_attack_and_its_outcome_code_once(coder: Any, text: str, source: str, target: str) -> None:
    found = events(coder, text)
    assert len(found) == 1, [(r.trigger.text, r.rules) for r in found]
    record = found[0]
    assert record.event_type == "ASSAULT"
    assert record.source is not None and record.source.sector == source
    assert record.target is not None
    assert target == "*" or record.target.sector == target


def test_the_attack_keeps_the_head_clause_place(coder: Any) -> None:
    (record,) = events(coder, "Gunmen attacked the village of Oskan, killing twelve farmers.")
    assert record.location is not None and record.location.text == "Oskan"


@pytest.mark.xfail(
    reason="an attack whose own words name only a thing ('fired mortars at the airport') keeps"
    " that thing as target, not the soldiers its participle says it killed",
    strict=False,
)
def test_victims_beat_a_thing_aimed_at(coder: Any) -> None:
    found = events(
        coder, "Insurgents fired mortars at the airport on Friday, killing three soldiers."
    )
    assert len(found) == 1
    assert found[0].target is not None and found[0].target.sector == "MIL"


@pytest.mark.parametrize(
    "text",
    [
        # "fire" and "storm" name disasters as nouns; as verbs with an object they are acts.
        "Insurgents fired mortars at the airport on Friday, killing three soldiers.",
        "Police stormed the camp on Tuesday, wounding nine protesters.",
        "Soldiers burned the village, killing four farmers.",
    ],
)
def test_an_attack_toll_is_no_second_incident(coder: Any, text: str) -> None:
    kinds = [r.kind for r in coder.code(Article(id="t", text=text))]
    assert "event" in kinds and "incident" not in kinds, kinds


@pytest.mark.parametrize(
    "text",
    [
        "A fire swept through the market on Monday, killing six people.",
        "A ferry capsized on Lake Victoria, killing twenty passengers.",
    ],
)
def test_a_disaster_toll_is_an_incident(coder: Any, text: str) -> None:
    records = coder.code(Article(id="t", text=text))
    assert [r.kind for r in records] == ["incident"]
    assert records[0].fatalities is not None


def test_the_outcome_word_is_listed_not_spanned(coder: Any) -> None:
    """trigger.outcome: the participle stays out of the trigger and is listed beside it."""
    text = "Militants ambushed a police convoy near Harvek, killing two officers."
    (record,) = events(coder, text)
    assert record.trigger.text == "ambushed"
    start = text.index("killing")
    assert record.extra["also_told_by"] == [{"start": start, "end": start + 7, "text": "killing"}]
    assert record.to_dict()["extra"] == record.extra
    assert json.loads(json.dumps(record.to_dict()))["extra"]["also_told_by"][0]["text"] == "killing"


def test_a_restatement_is_listed_not_spanned(coder: Any) -> None:
    """record.restatement: the dropped record's word is listed beside the kept trigger."""
    text = "Gunmen attacked a Malian army post near Gao, and 12 soldiers were killed in the attack."
    found = events(coder, text)
    assert len(found) == 1, [(r.trigger.text, r.rules) for r in found]
    (record,) = found
    start = text.index("killed")
    assert "record.restatement" in record.rules and record.trigger.text == "attacked"
    assert record.extra["also_told_by"] == [{"start": start, "end": start + 6, "text": "killed"}]


def test_a_bomb_in_a_relative_clause_codes_once(coder: Any) -> None:
    """suppress.told-by-verb: "the bomb that exploded" is the verb's act, not a second one."""
    text = "The bomb that exploded near a Somali army patrol in Mogadishu was hidden in a cart."
    assert [r.trigger.text for r in events(coder, text)] == ["exploded"]
