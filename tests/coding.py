"""Helpers the coding tests share: what the coder says about one invented sentence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from gestae.engine.pipeline import Coder
from gestae.schema import Article, EventRecord, Location


def events(coder: Any, text: str) -> list[EventRecord]:
    """The event records (not the no-event notes) the coder writes for `text`."""
    records = coder.code(Article(id="t", text=text))
    return [r for r in records if r.kind == "event"]


def place_on(coder: Coder, text: str, trigger: str) -> Location | None:
    """The location of the event on `trigger`; a missing event fails the test, since a test of
    its place would otherwise pass on a sentence that codes nothing."""
    for record in coder.code(Article(id="t", text=text)):
        if record.kind == "event" and record.trigger.text == trigger:
            return record.location
    raise AssertionError(f"no event on {trigger!r} in {text!r}")


INVENTED = Path(__file__).resolve().parent / "data" / "invented"


def invented_article(topic: str, article_id: str) -> Article:
    """One of the wire stories written for the tests (tests/data/invented/<topic>.jsonl)."""
    for line in (INVENTED / f"{topic}.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        if raw["id"] == article_id:
            return Article(
                id=raw["id"],
                title=raw["title"],
                text=raw["text"],
                published=date.fromisoformat(raw["published"]),
            )
    raise AssertionError(f"no article {article_id} in {topic}.jsonl")


def invented_events(coder: Any, topic: str, article_id: str) -> list[EventRecord]:
    """The event records the coder writes for one invented story."""
    return [r for r in coder.code(invented_article(topic, article_id)) if r.kind == "event"]


def only_on(records: list[EventRecord], trigger: str) -> EventRecord:
    """The one record on `trigger`; none or several fails the test."""
    (found,) = [r for r in records if r.trigger.text == trigger]
    return found


def dyad(record: EventRecord) -> tuple[str | None, str | None, str | None, str | None]:
    """Source country and sector, target country and sector."""
    source, target = record.source, record.target
    return (
        source.country if source else None,
        source.sector if source else None,
        target.country if target else None,
        target.sector if target else None,
    )
