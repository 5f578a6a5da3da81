"""Precision on news that is not political: tests/data/non_political.txt.

One hundred invented sentences of sport, business, weather, culture, science, animals and
local news, written with the verbs that code events in politics ("attacked", "captured the
title", "shot a commercial", "dogs are slaughtered"). A line fails when it yields any record
of kind "event" (a PLOVER event of any type, mode or modality); records of kind "incident"
(deaths in a disaster or an accident, docs/contract.md) are allowed. At most three lines may
fail; the failure prints every offender with what it was coded as.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from gestae.schema import Article

SENTENCES = Path(__file__).resolve().parent / "data" / "non_political.txt"
ALLOWED = 3


def _sentences() -> list[str]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_file_holds_one_hundred_distinct_sentences() -> None:
    sentences = _sentences()
    assert len(sentences) == 100
    assert len(set(sentences)) == 100


def test_non_political_news_codes_no_event(coder: Any) -> None:
    offenders: list[str] = []
    for n, text in enumerate(_sentences()):
        article = Article(id=f"np{n}", text=text, published=date(2024, 5, 14))
        events = [r for r in coder.code(article) if r.kind == "event"]
        for r in events:
            offenders.append(
                f"{text}\n    {r.event_type} {r.cameo} "
                f"{r.source.label() if r.source else '-'} -> "
                f"{r.target.label() if r.target else '-'} ({r.trigger.text}; {r.rules})"
            )
    coded = {o.split("\n")[0] for o in offenders}
    assert len(coded) <= ALLOWED, f"{len(coded)} of 100 code an event:\n" + "\n".join(offenders)
