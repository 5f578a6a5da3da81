"""The object two joined verbs share (`target.shared-object`); sentences invented."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def _target_of(coder: Any, text: str, trigger: str) -> str | None:
    found = [r for r in events(coder, text) if r.trigger.text.split()[0] == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    target = found[0].target
    return None if target is None else target.text


def test_the_first_verb_acted_on_the_later_verbs_object(coder: Any) -> None:
    # before, the arrest had no object and took the town it happened in as its target
    text = "Soldiers arrested and beat four Sudanese students in Kassala on Friday."
    assert _target_of(coder, text, "arrested") == "four Sudanese students"


def test_a_verb_with_its_own_argument_keeps_it(coder: Any) -> None:
    text = "Police fired on the crowd in Lusaka and arrested twelve protesters."
    assert _target_of(coder, text, "arrested") == "twelve protesters"
    assert all(
        r.target is None or r.target.text != "twelve protesters"
        for r in events(coder, text)
        if r.trigger.text.startswith("fired")
    )


def test_a_later_verb_with_its_own_subject_lends_nothing(coder: Any) -> None:
    text = "Rebels attacked at dawn and the army recaptured the airport of Bunia."
    assert all(
        r.target is None or r.target.text != "the airport of Bunia"
        for r in events(coder, text)
        if r.trigger.text.startswith("attacked")
    )
