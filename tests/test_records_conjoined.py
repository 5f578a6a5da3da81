"""Two actor phrases joined in one role of one trigger are two doers (or two victims) of one
act, so the restatement merge keeps both records even when their codes are equal; the same act
told by two triggers is still folded into one record."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import Article


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # Invented: a named group and a described one, both coded as the same rebel side.
        (
            "Al-Shabaab and other Somali militant groups killed 30 soldiers in 2011.",
            2,
        ),
        # One doer, the act said by a verb and its noun: one record.
        ("Peruvian troops attacked the camp of Sendero rebels in an assault at dawn.", 1),
    ],
)
def test_conjoined_doers_stay_apart(coder: Any, text: str, sources: int) -> None:
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    violent = [r for r in records if r.event_type == "ASSAULT"]
    assert len({r.source.start for r in violent if r.source}) == sources
    assert len(violent) == sources


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Invented: the first request's target is only the sentence's other state, a guess.
        (
            "The Chilean embassy said it was seeking more information and urged Peru to free "
            "the detained fishermen.",
            "urged",
        ),
        (
            "Ghana's foreign ministry said it was seeking information on the case and called "
            "on Togo to release the traders.",
            "called on",
        ),
    ],
)
def test_a_named_target_outlasts_a_guessed_one(coder: Any, text: str, kept: str) -> None:
    """Of two equal requests, the one whose target the sentence names stays, not the earlier
    one whose target record.implicit-target guessed (session 35)."""
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    assert [r.trigger.text for r in records] in (["urged"], ["called on"])
    assert [r.trigger.text for r in records] == [kept]
    assert "record.implicit-target" not in records[0].rules
