"""Armed forces moving into a place and military operations carried by light verbs: the
verb and its noun are the trigger, and only an armed subject or a military modifier makes
the movement or the operation an attack."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Hezbollah entered the village of Qusair after a night of shelling.", "entered"),
        ("The Ugandan army advanced toward Kasese on Thursday.", "advanced toward"),
        ("Kenyan soldiers marched into the town of Afmadow.", "marched into"),
        ("Ethiopia launched a military operation in the Tigray region.", "launched"),
        ("Nigerian troops began their ground operations near Maiduguri.", "operations"),
    ],
)
def test_armed_movement_is_an_assault(coder: Any, text: str, trigger: str) -> None:
    found = [r for r in events(coder, text) if r.trigger is not None and trigger in r.trigger.text]
    assert found, [(r.trigger, r.cameo) for r in events(coder, text)]
    assert found[0].event_type == "ASSAULT"
    assert found[0].source is not None


@pytest.mark.parametrize(
    "text",
    [
        "Brazil entered the final round of the trade talks with confidence.",
        "The cadets marched into the stadium for the graduation ceremony.",
        "The bank launched a rescue operation for the struggling carmaker.",
        "The Indian army launched a military rescue operation after the floods in Assam.",
        "Shares of the mining firm advanced on Tuesday.",
        "The Ethiopian army has entered a new phase of its campaign.",
        "Hezbollah entered talks with the Lebanese government.",
    ],
)
def test_other_movement_codes_no_assault(coder: Any, text: str) -> None:
    assert not [r for r in events(coder, text) if r.event_type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Boko Haram claimed responsibility for the raid on a market in Konduga.",
            "claimed responsibility for the raid",
        ),
        ("A Nigerian army convoy came under attack near Bama.", "came under attack"),
        ("Eight people died in clashes between police and rebels in Kasai.", "died in clashes"),
    ],
)
def test_carrying_verb_joins_the_trigger(coder: Any, text: str, trigger: str) -> None:
    found = [r for r in events(coder, text) if r.event_type == "ASSAULT"]
    assert found, [(r.trigger, r.cameo) for r in events(coder, text)]
    assert any(r.trigger is not None and r.trigger.text == trigger for r in found)


def test_trailing_speaker_is_no_place_left(coder: Any) -> None:
    """'from Somalia, Defence Minister X said': the parse hangs the speaker of the trailing
    report on the place as its conjunct or apposition; he is not what the troops leave."""
    text = (
        "Ethiopia has begun withdrawing some of its troops from Somalia , "
        "Defence Minister Abraham Belay said on Friday ."
    )
    targets = [str(r.target.label()) if r.target else "-" for r in events(coder, text)]
    assert targets == ["SOM"]
