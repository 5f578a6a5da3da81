"""Where record.teller-rescued-people must not fire: a teller that is no force, a release
(captors release, forces free), a force of another state than the rescue's place, and words
that name no people."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events

RULE = "record.teller-rescued-people"


@pytest.mark.parametrize(
    "text",
    [
        "Local officials in Mombasa said 40 passengers were rescued from the sinking ferry.",
        "The army said 120 passengers were released near Quetta.",
        "Ugandan police said 12 passengers were rescued in Goma.",
        "The army said the old town was freed.",
    ],
)
def test_no_rescuer_from_the_teller(coder: Any, text: str) -> None:
    assert all(RULE not in r.rules for r in events(coder, text))
