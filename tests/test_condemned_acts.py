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


def test_stance_on_an_owned_act_is_aimed_at_its_doer_only(coder: Any) -> None:
    """target.act-possessor: "condemned Bolivia's arrest of two Chilean reporters" is aimed at
    Bolivia; the reporters the arrest befell are the arrest's target, not the condemnation's."""
    cases = {
        "Peru condemned Bolivia's arrest of two Chilean reporters.": ("condemned", "BOL"),
        "Hungary protested Romania's expulsion of four Hungarian diplomats.": ("protested", "ROU"),
        "Sweden welcomed Norway's release of the Danish fishermen.": ("welcomed", "NOR"),
    }
    for text, (verb, doer) in cases.items():
        stances = [r for r in events(coder, text) if r.trigger.text == verb]
        assert stances, text
        assert {r.target.country for r in stances if r.target is not None} == {doer}, text


def test_an_attack_by_another_doer_or_a_new_one_is_not_the_one_told(coder: Any) -> None:
    for tail in ("Kenya condemned the attack by the army.", "Kenya condemned the new strikes."):
        found = _condemnations(coder, f"{ATTACK} {tail}")
        assert all("record.condemned-act-doer" not in r.rules for r in found), tail
        assert all(r.target is None or r.target.sector != "REB" for r in found), tail
