"""A participant named twice ("X, or Y,") is one participant: one record, not two."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import Article


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # invented: an acronym after "or" names the group again
        ("The Rapid Support Forces, or RSF, shelled a market in Omdurman.", 1),
        # two states joined by "or" in a list are two participants
        ("Kenya or Uganda will shell the rebel camp, officials fear.", 0),
        ("Kenya and Uganda shelled the rebel camp near the border.", 2),
    ],
)
def test_or_alias_gives_one_record(coder: Any, text: str, sources: int) -> None:
    records = [r for r in coder.code(Article(id="a", text=text)) if r.kind == "event"]
    assert len({r.source.text for r in records if r.source is not None}) == sources
