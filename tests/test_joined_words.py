"""Parse and actor repairs that keep one act from becoming two, or two from becoming one:
"X, or Y," is one participant (record.or-alias); "vowed to X and did Y" tells Y as done
(parse.finite-conjunct) unless Y may be an infinitive."""

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


def test_a_verb_whose_past_is_its_base_stays_in_the_infinitive(coder: Any) -> None:
    """parse.finite-conjunct leaves 'vowed to cut spending and hit back' alone: 'hit' may be
    an infinitive (invented sentence), so no assault is told as done."""
    records = coder.code(
        Article(id="a", text="Kenya vowed to cut spending and hit back at critics.")
    )
    assert not any(r.event_type == "ASSAULT" for r in records)
    assert not any("parse.finite-conjunct" in r.rules for r in records)
