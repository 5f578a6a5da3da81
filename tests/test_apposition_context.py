"""Where actor.apposition-over-context must not fire: both sides of the apposition give a
country only from the article's context, or neither has one; the guess then stays as it was."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events

RULE = "actor.apposition-over-context"


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia's parliament met on Monday. The spokesman, Ambassador Yemane Tesfay, "
        "criticized Kenya.",
        "Ambassador Yemane Tesfay, a spokesman for the ministry, criticized Kenya.",
    ],
)
def test_no_country_from_the_other_side(coder: Any, text: str) -> None:
    assert all(RULE not in r.rules for r in events(coder, text))
