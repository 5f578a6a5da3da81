"""People a "from <state>" phrase on their own noun makes that state's (actor.from-country):
where it applies, and where it must not (a place of travel, a town, several states).
Invented articles that name two other states, so no context country hides the rule."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events
from tests.test_actors import actor_for, codes

LEAD = "Officials in Ghana and Togo said "


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (LEAD + "two men from Benin were arrested on Monday.", "two men", [("BEN", "CVL")]),
        (LEAD + "police detained a woman from Benin on Monday.", "a woman", [("BEN", "CVL")]),
        (
            LEAD + "two nationals from Benin criticized the decision on Monday.",
            "two nationals",
            [("BEN", None)],
        ),
    ],
)
def test_from_country(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A place of travel is no nationality.
        (LEAD + "police detained a woman who had returned from Benin on Monday.", "a woman"),
        (LEAD + "police detained two women traveling from Benin on Monday.", "two women"),
        # A town tells nothing here, nor do several states.
        (LEAD + "two men from Cotonou were arrested on Monday.", "two men"),
        (LEAD + "two men from Benin and Niger were arrested on Monday.", "two men"),
    ],
)
def test_no_country_from(coder: Any, text: str, words: str) -> None:
    assert all(a.country != "BEN" for a in actor_for(coder, text, words))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # Diplomats serve abroad: with no country in their words they take neither the
        # place's nor the article's.
        ("Kenya and Uganda traded barbs. Diplomats met in Nairobi on Monday.", "met", None),
        # A demonym on them keeps theirs.
        (
            "Kenya and Uganda traded barbs. Kenyan diplomats met Ugandan officials in Kampala.",
            "met",
            "KEN",
        ),
    ],
)
def test_diplomats_from_elsewhere(
    coder: Any, text: str, trigger: str, expected: str | None
) -> None:
    sources = [r.source for r in events(coder, text) if r.trigger.text.startswith(trigger)]
    assert sources and all((s.country if s else None) == expected for s in sources)
