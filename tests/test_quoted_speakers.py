"""The first person inside a quote is its speaker (engine/quoted_speakers.py): who "we" and
"I" are decides the source of most acts officials announce in their own words."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


def _sources(coder: Any, text: str) -> set[str]:
    return {str(r.source.label()) for r in events(coder, text) if r.source is not None}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            '"We demand that Rwanda withdraw its troops," Congolese President Felix Tshisekedi said.',
            "COD GOV",
        ),
        (
            'The Japanese defence minister said: "I protest strongly to Beijing over the incursion."',
            "JPN GOV",
        ),
    ],
)
def test_we_and_i_in_a_quote_are_its_named_speaker(coder: Any, text: str, source: str) -> None:
    assert _sources(coder, text) == {source}


@pytest.mark.parametrize(
    "text",
    [
        # The speaker is a person the coder knows no country of.
        '"We demand that Rwanda withdraw its troops," one resident said.',
        # No quote marks: a reported "we" of a sentence is not resolved this way.
        "We demand that Rwanda withdraw its troops, the statement said.",
        # The sentence before names a person but quotes nothing of theirs.
        'The Congolese president met reporters. "We demand that Rwanda withdraw its troops."',
    ],
)
def test_no_speaker_no_source(coder: Any, text: str) -> None:
    assert _sources(coder, text) == set()


def test_a_quote_inside_the_speakers_own_words_is_not_resolved_to_a_later_speaker(
    coder: Any,
) -> None:
    """Two quotes, two speakers: each "we" belongs to the saying it hangs on."""
    text = (
        '"We will retaliate," the Indian army chief said, while the Pakistani foreign minister '
        'said "we urge India to show restraint."'
    )
    found = {(r.source.label() if r.source else None, r.event_type) for r in events(coder, text)}
    assert ("PAK GOV", "REQUEST") in found
