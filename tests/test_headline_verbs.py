"""A headline verb the model reads as a plural noun before a participle (parse.headline-verb),
and a headline whose plural noun is no verb, which keeps its reading."""

from __future__ import annotations

from typing import Any

from gestae.schema import Article


def _headline_events(coder: Any, title: str) -> list[Any]:
    article = Article(id="h", title=title, text="Officials gave no further details.")
    return [r for r in coder.code(article) if r.kind == "event" and r.sentence_index == -1]


def test_plural_noun_before_a_participle_is_the_verb(coder: Any) -> None:
    found = _headline_events(coder, "Kenya Deports Arrested Chinese Traders")
    assert [(r.event_type, r.trigger.text) for r in found] == [("COERCE", "Deports")]


def test_a_plural_noun_no_lexicon_verb_is_kept(coder: Any) -> None:
    found = _headline_events(coder, "Army Officers Detained Journalists")
    assert [r.trigger.text for r in found] == ["Detained"]
