"""A protest aimed at its own state stands on words that name that state or its place, not on
the protesters' own words (record.protest-own-state)."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_own_state_target_stands_on_the_place(coder: Any) -> None:
    (found,) = events(coder, "Hundreds of nurses marched in Lusaka on Tuesday.")
    assert found.target is not None and found.target.country == "ZMB"
    assert found.target.text == "Lusaka"
