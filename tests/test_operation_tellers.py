"""Who did an act a passive tells without its doer (engine/records/teller_agent.py): a force
telling of armed men it killed or hostages it freed did it; anyone else telling, or a force
telling of its own dead, leaves the doer unnamed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


def _sources(coder: Any, text: str, trigger: str) -> set[str | None]:
    found = [r for r in events(coder, text) if r.trigger.text.startswith(trigger)]
    assert found, f"no event on {trigger!r} in {text!r}"
    return {r.source.label() if r.source else None for r in found}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # A force telling of its own dead tells what others did to it.
        ("The Malian army said two of its soldiers were killed near Gao.", "killed"),
        ("Nigeria's army said five soldiers were killed in an ambush.", "killed"),
        # Witnesses and rebels report acts; they did not do them.
        ("Witnesses said four militants were killed in the village.", "killed"),
        ("The rebels said two soldiers were captured.", "captured"),
    ],
)
def test_only_a_force_telling_of_its_enemies_is_the_doer(
    coder: Any, text: str, trigger: str
) -> None:
    assert _sources(coder, text, trigger) == {None}


def test_a_named_agent_outranks_the_teller(coder: Any) -> None:
    text = "The army said eight insurgents were killed by a rival faction."
    assert "MIL" not in str(_sources(coder, text, "killed"))


def test_a_pronoun_in_the_when_clause_is_the_harmed_not_the_attacker(coder: Any) -> None:
    """'were shot dead after they stormed a bank': the gunmen stormed the bank first; they did
    not shoot themselves (source.attacking-clause skips the pronoun)."""
    text = "Three gunmen were shot dead after they stormed a bank in Quetta."
    (shot,) = [r for r in events(coder, text) if r.trigger.text == "shot"]
    assert shot.source is None and shot.target is not None and shot.target.sector == "UAF"
