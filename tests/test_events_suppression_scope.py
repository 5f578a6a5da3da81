"""The suppressions reach only the constructions they name: a claim reported by a verb of
speech, a gerund after 'after'/'by', and a second toll listed after a comma are acts; a claim
noun, an accusation's 'of'/'for' and an urged complement stay silent; the doer a parse slip
hides behind 'suspected to be' is found (issue 15)."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import Article
from tests.coding import events


def triggers(coder: Any, text: str) -> dict[str, str]:
    """Each coded (not negated) event's trigger words -> its PLOVER type."""
    records = coder.code(Article(id="t", text=text))
    return {
        r.trigger.text: str(r.event_type)
        for r in records
        if r.kind == "event" and r.trigger is not None and not r.negated
    }


@pytest.mark.parametrize(
    ("text", "word", "event_type"),
    [
        # suppress.alleged: a verb of speech reports the act from a named source.
        (
            "Witnesses claim that soldiers killed 12 farmers in the village of Morvan.",
            "killed",
            "ASSAULT",
        ),
        (
            "The boy's family claimed that police shot him outside a bar in Kisumu.",
            "shot",
            "ASSAULT",
        ),
        # suppress.accusation-content: a gerund after 'after' or 'by' is an act of its own.
        (
            "The rebels freed two hostages after storming an army post near Tarvel.",
            "storming",
            "ASSAULT",
        ),
        (
            "Soldiers detained three journalists before shooting at protesters in Bamako.",
            "shooting",
            "ASSAULT",
        ),
        # suppress.nested-content: 'began the assault by storming' names the means, an act.
        (
            "Al-Shabaab began the assault by storming the army's posts outside Bulo; this resulted"
            " in a fierce battle on Sunday.",
            "storming",
            "ASSAULT",
        ),
        # source.suspected-doer: the parse takes 'suspected' for the main verb.
        (
            "Gunmen suspected to be bandits attacked a village in Zamfara on Sunday.",
            "attacked",
            "ASSAULT",
        ),
        # suppress.complement: 'N were killed, M others wounded' lists two tolls.
        (
            "At least 30 soldiers were killed, 40 others wounded as militants attacked a base in"
            " Gao.",
            "killed",
            "ASSAULT",
        ),
    ],
)
def test_act_beside_a_trigger_codes(coder: Any, text: str, word: str, event_type: str) -> None:
    found = triggers(coder, text)
    assert any(word in words for words in found), found
    assert event_type in found.values(), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials dismissed claims that Mexico attacked Guatemala.", "attacked"),
        # A claim of one's own act is the claimant's statement, not the act.
        ("The rebels claimed that they had shelled the army base in Tarvel.", "shelled"),
        ("Ankara claimed that its jets struck 40 Kurdish fighters near Qandil.", "struck"),
        ("Ghana accused Togo of violating the treaty.", "violating"),
        ("Police arrested a farmer in Kisumu for murdering his neighbour.", "murdering"),
        ("Brazil urged Paraguay to negotiate.", "negotiate"),
        ("Chile urged Peru to stop blocking the talks.", "blocking"),
    ],
)
def test_content_of_a_trigger_stays_silent(coder: Any, text: str, word: str) -> None:
    found = triggers(coder, text)
    assert not any(word in words for words in found), found


@pytest.mark.parametrize(
    "text",
    [
        # suppress.accusation-content: an event noun a gerund carries is what the accusation says.
        "The minister accused the opposition of orchestrating attacks on police stations.",
        "Ghana accused Togo of organizing violence along the border.",
    ],
)
def test_accused_of_carrying_an_event_noun_is_no_act(coder: Any, text: str) -> None:
    assert [r.event_type for r in events(coder, text)] == ["ACCUSE"]
