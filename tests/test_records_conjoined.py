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
