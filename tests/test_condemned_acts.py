"""A condemnation of an act the article told before is aimed at that act's doer
(record.condemned-act-doer); a condemnation of anything else, or of acts in general, is not."""

from __future__ import annotations

from typing import Any

from tests.coding import events

ATTACK = "Rebels shelled a market in Goma on Monday, killing 12 people."


def _condemnations(coder: Any, text: str) -> list[Any]:
    return [r for r in events(coder, text) if r.trigger.text == "condemned"]


def test_condemned_strike_two_sentences_later_is_the_attackers(coder: Any) -> None:
    text = f"{ATTACK} The town's mayor spoke to reporters. Kenya condemned the attack on Tuesday."
    (found,) = _condemnations(coder, text)
    assert found.target is not None and (found.target.country, found.target.sector) == (
        "COD",
        "REB",
    )


def test_condemned_decision_or_acts_in_general_keep_no_target(coder: Any) -> None:
    for tail in ("Kenya condemned the decision.", "Kenya condemned attacks on civilians."):
        found = _condemnations(coder, f"{ATTACK} {tail}")
        assert all("record.condemned-act-doer" not in r.rules for r in found), tail
